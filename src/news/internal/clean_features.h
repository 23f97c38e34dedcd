// Internals of news/clean.cc shared by its helper files: what is measured on
// each block (clean_features.cc, with the keyword tables of
// resources/boilerplate_words.tsv) and what the decision over the page
// (clean.cc) and SiteLines (clean_site_lines.cc) share. Not part of the
// contract: callers include news/clean.h only.
#ifndef QANTARA_NEWS_INTERNAL_CLEAN_FEATURES_H_
#define QANTARA_NEWS_INTERNAL_CLEAN_FEATURES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "news/document.h"

namespace qantara::news::clean_internal {

// Keyword tables, titles and SiteLines look at blocks this short (bytes).
inline constexpr size_t kShortBytes = 300;

enum class Verdict { kBad, kShort, kGood };

struct Features {
  std::string key;   // KeyOf(text) for a block of kShortBytes or fewer, else ""
  size_t chars = 0;  // code points
  size_t words = 0;
  int stop_words = 0;  // among the words of `key`
  double link_density = 0;
  bool sentence_end = false;  // ends with . ! ? ... ; : a closing quote or bracket
  bool date_only = false;
  bool byline = false;
  bool read_more = false;
  bool comments = false;
  Verdict verdict = Verdict::kShort;
};

// The features of one block (its verdict is left kShort for the caller).
Features Measure(const Block& b);

// Bad by itself: furniture, a keyword table's block (share bar, footer,
// credit, "read more", comments), glued section names, a caption, or links.
bool IsBoilerplate(const Block& b, const Features& f);

// Good by its content alone: long, few links, stop words (in the scripts our
// tables cover), a sentence end or a long run of text.
// `stop_list` is false on a page in a language our stop words do not cover.
bool GoodContent(const Features& f, bool stop_list);

// Ends with . ! ? ... ; : (Latin, Arabic or full-width), looking through
// closing quotes, brackets and spaces.
bool EndsLikeSentence(std::string_view text);

// True when `key` starts with `phrase` followed by the end or a space.
bool StartsWithPhrase(std::string_view key, std::string_view phrase);

}  // namespace qantara::news::clean_internal

#endif  // QANTARA_NEWS_INTERNAL_CLEAN_FEATURES_H_
