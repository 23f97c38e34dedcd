// The words of a text with their byte offsets, as mention spotting sees them.
#ifndef QANTARA_NEWS_WORDS_H_
#define QANTARA_NEWS_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"

namespace qantara::news {

struct Word {
  size_t start = 0, end = 0;  // UTF-8 byte offsets of the word in the text
  std::string norm;           // matching form: lower case, no accents; Arabic normalised
  text::Script script = text::Script::kNone;  // kLatin, kArabic, kOther; kNone for numbers
  bool capitalized = false;   // first letter upper case (Latin)
  bool all_caps = false;      // two letters or more, all upper case (Latin)
  bool glued = false;         // joined to the previous word by a hyphen or apostrophe, no space
  bool breaks_before = false; // punctuation other than a hyphen or apostrophe, or a line
                              // break, stands between this word and the previous one
};

// Splits `text` (valid UTF-8) into words: runs of letters, digits and
// combining marks; hyphens and apostrophes (' and U+2019) split words but
// mark the next one `glued`.
std::vector<Word> SplitWords(std::string_view text);

// The matching form of one word or phrase as SplitWords computes it, words
// joined by one space ("Etats-Unis" -> "etats unis", "l'Etat" -> "l etat").
std::string MatchingForm(std::string_view phrase);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_WORDS_H_
