// The folding of one code point into a word's matching form for the
// hand-written word tables of news/ (date words, event triggers): Latin case
// and Latin-1 accents, the oe ligature, Arabic alef/hamza forms, teh
// marbuta, alef maksura; tatweel and harakat dropped. A byte-level fast path
// beside text::NormalizeForMatching, for readers that fold every word of a
// text and only need these variants.
#ifndef QANTARA_NEWS_FOLD_H_
#define QANTARA_NEWS_FOLD_H_

#include <string>

namespace qantara::news {

// Appends the folded form of `c` (UTF-8) to `out`; nothing for a mark that
// carries nothing (tatweel, harakat).
void AppendFolded(char32_t c, std::string* out);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_FOLD_H_
