// Latin renderings of names written in scripts other than Latin and Arabic.
//
// Cyrillic, Greek, Hebrew, Han and other scripts appear in lists (the UK list
// gives each name's non-Latin form) and in queries. names/ keys Latin and
// Arabic letters directly; other scripts go through ICU's "Any-Latin"
// transliteration first, so that Putin in Cyrillic keys like "Putin".
#ifndef QANTARA_TEXT_TRANSLITERATE_H_
#define QANTARA_TEXT_TRANSLITERATE_H_

#include <string>
#include <string_view>

namespace qantara::text {

// `s` in Latin letters (ICU: BGN/PCGN for Cyrillic, UNGEGN for Greek, pinyin for
// Han and Hangul one syllable per word, Any-Latin for the rest), lower case, for text
// in any script; Latin text comes back lower-cased and without accents.
// REQUIRES: valid UTF-8. Thread-safe (one transliterator per thread).
std::string TransliterateToLatin(std::string_view s);

}  // namespace qantara::text

#endif  // QANTARA_TEXT_TRANSLITERATE_H_
