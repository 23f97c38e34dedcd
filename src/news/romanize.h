// A readable Latin form of a name written in Arabic script, for `canonical`
// when no Latin spelling of the entity is known: one Latin rendering per
// letter (kh, sh, dh, th, gh for the letters English writes with two), long
// vowel letters as a, i, u (w, y at the start of a word or after alef), ta
// marbuta as a, the article as "al-", words capitalised. Short vowels are not
// written in Arabic and are not guessed: khalid comes out "Khald". Other
// scripts go through ICU (text::TransliterateToLatin), Latin is kept.
#ifndef QANTARA_NEWS_ROMANIZE_H_
#define QANTARA_NEWS_ROMANIZE_H_

#include <string>
#include <string_view>

namespace qantara::news {

// REQUIRES: valid UTF-8. Thread-safe.
std::string RomanizeName(std::string_view name);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_ROMANIZE_H_
