// Internals of text/normalize.cc, shared by its helper files and its tests.
// Not part of the contract: layers above text/ include text/normalize.h only.
#ifndef QANTARA_TEXT_INTERNAL_NORMALIZE_H_
#define QANTARA_TEXT_INTERNAL_NORMALIZE_H_

#include <unicode/normalizer2.h>

#include <string>
#include <string_view>

namespace qantara::text::internal {

// ICU's normalisers, created once (thread-safe; they live until exit).
const icu::Normalizer2& NfkcCasefold();  // "nfkc_cf"
const icu::Normalizer2& Nfd();

// What step 6 of NormalizeForMatching does with a code point. Step 4
// (FoldConfusables) uses the same classes to find words, so that the words it
// sees are the words the output will have (otherwise a second pass could see
// a different word and fold it: the result would not be idempotent).
enum class CharClass {
  kWord,   // letters, marks, digits, unassigned and private-use code points: kept
  kDrop,   // apostrophes and ayn/hamza signs: removed, the word goes on
  kDash,   // dash punctuation and MINUS SIGN: '-' between two word characters
  kSpace,  // whitespace, controls, format characters, other punctuation, symbols
};
CharClass Classify(char32_t cp);

// Step 3: Latin diacritics removed. Combining marks (gc Mn) that follow a Latin
// base are dropped, precomposed Latin letters are decomposed and lose their
// marks, and a few letters without a decomposition (o-stroke, l-stroke, ...)
// are spelled in ASCII. REQUIRES: `s` is in NFKC_Casefold form.
std::string StripLatinDiacritics(std::string_view s);

// Step 6: punctuation and whitespace as NormalizeForMatching documents it; a
// combining mark whose base was removed or became a separator goes with it.
std::string FoldPunctuation(std::string_view s);

// NormalizeForMatching through ICU for any valid UTF-8 input (the slow path).
std::string NormalizeForMatchingIcu(std::string_view s);

// NormalizeForMatching for ASCII input without ICU (the fast path).
// REQUIRES: IsAscii(s)
std::string NormalizeForMatchingAscii(std::string_view s);

}  // namespace qantara::text::internal

#endif  // QANTARA_TEXT_INTERNAL_NORMALIZE_H_
