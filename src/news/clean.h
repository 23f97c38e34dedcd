// Boilerplate removal: the article's blocks of a page, and the headline.
//
// news/read.cc calls Clean() on every page (an HTML page's blocks from
// html.h, or a plain text's lines from TextBlocks()) before it reads
// languages, dates and mentions in CleanText::text. clean.cc opens with the
// features it uses and why.
#ifndef QANTARA_NEWS_CLEAN_H_
#define QANTARA_NEWS_CLEAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "news/document.h"

namespace qantara::news {

// Lines seen on other pages of one site (same host, or same folder for files):
// page furniture that repeats from page to page (menus, slogans, footers).
// AddPage is not thread-safe; Repeated is const and safe to call from many
// threads while no AddPage runs.
class SiteLines {
 public:
  // Counts each distinct short block (under 300 bytes, compared after
  // NormalizeForMatching) of a page once. Add every page of a run, including
  // the one later cleaned.
  void AddPage(std::string_view site, const std::vector<Block>& blocks);

  // True when `block_text` was on 3 or more added pages of `site`: the page
  // being cleaned (added too) and at least 2 others.
  bool Repeated(std::string_view site, std::string_view block_text) const;
  // The same, given the line's normalised form (text::NormalizeForMatching).
  bool RepeatedKey(std::string_view site, const std::string& key) const;

 private:
  // site -> hash of a normalised block -> number of pages it was on.
  std::unordered_map<std::string, std::unordered_map<uint64_t, int>> pages_;
};

struct CleanText {
  std::string title;                 // the headline: the given title, else the page's (cut to the
                                     // matching heading block when the page's adds a site name),
                                     // else the first heading-like block; may be empty
  std::string text;                  // the article: the title first (unless empty), then the kept
                                     // blocks, joined with "\n\n"; valid UTF-8
  std::vector<std::string> removed;  // every dropped block's text, in page order (a block
                                     // repeating the headline included)
};

// Keeps the article's blocks of `page` and drops the boilerplate (menus, share
// buttons, "read more" blocks and their links, cookie banners, photo credits
// and captions, footers, comment headers and what follows them, a bare date
// line above the headline, glued section names, a repeated headline, lines
// that `site_lines` has seen on other pages of `site`, link lists, furniture).
// `given_title` (may be empty) wins over the page's own title; `site_lines`
// may be null. REQUIRES: blocks hold valid UTF-8. Thread-safe (const inputs).
CleanText Clean(const Page& page, std::string_view given_title, std::string_view site,
                const SiteLines* site_lines);

// A plain text as blocks: one kParagraph block per non-empty line (whitespace
// collapsed and trimmed); the first line is a kHeading when it is short
// (under 200 bytes) and does not end with sentence punctuation.
// REQUIRES: `plain_text` is valid UTF-8.
std::vector<Block> TextBlocks(std::string_view plain_text);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_CLEAN_H_
