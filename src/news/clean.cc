// Boilerplate removal, in the manner of jusText and Readability.
//
// What. Each block gets features: its length in characters, its link density
// (bytes inside <a> over all bytes), whether it ends like a sentence, how
// many stop words of French, English or Arabic it holds, the furniture flag
// of the HTML reader, and whether its normalised form (NormalizeForMatching:
// lower case, no accents, Arabic letters folded) matches a keyword table of
// the three languages: share buttons, "read more" headers, comment headers,
// footers and cookie banners, photo credits, bylines, or is only a date. The
// raw text gives two more: glued section names ("InternationalNational": a
// short line whose word runs a lower case letter into a capital, three
// letters on each side) and a trailing credit in parentheses ("(Photo: X)",
// "(Jane Doe - Agency)"), which marks the block as a caption.
//   A block is bad when it is furniture, matches a table, is glued, repeats
// on other pages of the site (SiteLines), or is mostly links. It is good
// when it is not bad, has 80 characters or more, few links, two stop words or
// more and ends like a sentence (or has 200 characters). The article is the
// run from the first good block to the last: inside it every block that is
// not bad stays (short paragraphs, quotes, subheadings). Outside it stay the
// headline, bylines and datelines ("Publi\u00e9 le ...", kept for the date
// reader), and the short sentence-like blocks that touch the run. A bare date
// line above the headline is the page's display date and goes. After a
// "read more" header, the short link-like blocks that follow it go too; after
// a comments header (once the article has begun), everything goes.
//
// Why this way. Scoring by general features (jusText's length, link and
// stop-word classes, Readability's position of the main run) works across
// sites we have never seen; keyword tables are short and only decide blocks
// that are short themselves, so a paragraph that happens to say "cookie" or
// "Related" stays. The headline is put first in `text` even when the page
// shows it after a date or a menu, and a block repeating it verbatim goes, so
// that every reader downstream finds the headline at offset 0, once.
//
// Checked against. tests/news/clean_test.cc (made-up pages, one per kind of
// boilerplate) and eval/extraction_eval (article_extraction_benchmark, token
// F1 against python3-readability on the same pages).
//
// Files: clean_features.{h,cc} (the features of a block, with the keyword
// tables of resources/boilerplate_words.tsv), this file (the decision over the
// page, the headline, TextBlocks) and clean_site_lines.cc (SiteLines).
#include "news/clean.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "news/internal/clean_features.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace qantara::news {
namespace {

using clean_internal::EndsLikeSentence;
using clean_internal::Features;
using clean_internal::GoodContent;
using clean_internal::IsBoilerplate;
using clean_internal::kShortBytes;
using clean_internal::Measure;
using clean_internal::StartsWithPhrase;
using clean_internal::Verdict;

Verdict Judge(const Block& b, const Features& f, bool repeated_on_site, bool trust_furniture,
              bool stop_list) {
  Block unflagged;
  const Block* block = &b;
  if (b.furniture && !trust_furniture) {
    unflagged.text = b.text, unflagged.link_bytes = b.link_bytes;
    block = &unflagged;
  }
  if (repeated_on_site || IsBoilerplate(*block, f)) return Verdict::kBad;
  return GoodContent(f, stop_list) ? Verdict::kGood : Verdict::kShort;
}

// Our stop words (French, English, Arabic) tell text from lists only on pages
// in those languages: below 3 % of the page's words, the page is in another.
bool StopListApplies(const std::vector<Features>& f) {
  size_t stop = 0, words = 0;
  for (const Features& x : f) stop += x.stop_words, words += x.words;
  return words > 0 && stop * 100 >= words * 3;
}

// The furniture flag says nothing on a page whose text is mostly flagged
// (a <form> or a "sidebar" class around the whole body): then it is ignored.
bool TrustFurniture(const std::vector<Block>& blocks, const std::vector<Features>& f,
                    bool stop_list) {
  size_t flagged = 0, all = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!GoodContent(f[i], stop_list)) continue;
    all += blocks[i].text.size();
    if (blocks[i].furniture) flagged += blocks[i].text.size();
  }
  return 2 * flagged <= all;
}

bool SentenceLike(const Features& f) {
  return f.verdict != Verdict::kBad && f.sentence_end && f.words >= 4 && f.stop_words >= 1;
}

// The page's blocks with their features and verdicts.
struct Analysis {
  std::vector<Features> f;
  size_t headline = SIZE_MAX;                // the first block repeating the title
  size_t first = SIZE_MAX, last = SIZE_MAX;  // the main run, inclusive; SIZE_MAX when none
};

// The title and its key: `given`, else the page's (cut to the heading block it
// starts with, dropping a " | Site" tail), else the first heading-like block.
std::string ChooseTitle(const Page& page, std::string_view given, const Analysis& a) {
  if (!given.empty()) return std::string(given);
  if (!page.title.empty()) {
    const std::string key = text::NormalizeForMatching(page.title);
    for (size_t i = 0; i < page.blocks.size() && i < 40; ++i) {
      const std::string& k = a.f[i].key;
      if (page.blocks[i].text.size() <= kShortBytes && !k.empty() && StartsWithPhrase(key, k) &&
          2 * k.size() >= key.size()) {
        return page.blocks[i].text;
      }
    }
    return page.title;
  }
  const size_t end = std::min(a.first == SIZE_MAX ? page.blocks.size() : a.first + 1, size_t{8});
  for (size_t i = 0; i < end; ++i) {
    const Features& f = a.f[i];
    if (f.verdict == Verdict::kBad || f.date_only || f.byline) continue;
    const Block& b = page.blocks[i];
    if (b.kind == Block::Kind::kHeading || (!f.sentence_end && f.chars <= 200 && f.words >= 2)) {
      return b.text;
    }
  }
  return "";
}

// Comment sections end the article; links after a "read more" header go with it.
void DropTrailers(const std::vector<Block>& blocks, Analysis* a) {
  bool article_begun = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    Features& f = a->f[i];
    if (f.comments && article_begun) {
      for (size_t j = i; j < blocks.size(); ++j) a->f[j].verdict = Verdict::kBad;
      return;
    }
    article_begun = article_begun || f.verdict == Verdict::kGood;
    if (!f.read_more) continue;
    for (size_t j = i + 1; j < blocks.size(); ++j) {
      Features& g = a->f[j];
      const bool link_like = g.link_density > 0.3 || (!g.sentence_end && g.chars < 150);
      if (g.chars >= 150 || !link_like || g.verdict == Verdict::kGood) break;
      g.verdict = Verdict::kBad;
    }
  }
}

void FindRun(Analysis* a) {
  a->first = a->last = SIZE_MAX;
  for (size_t i = 0; i < a->f.size(); ++i) {
    if (a->f[i].verdict != Verdict::kGood || i == a->headline) continue;
    if (a->first == SIZE_MAX) a->first = i;
    a->last = i;
  }
  if (a->first != SIZE_MAX) return;
  for (size_t i = 0; i < a->f.size(); ++i) {  // no good block: the sentence-like ones
    if (!SentenceLike(a->f[i]) || i == a->headline) continue;
    if (a->first == SIZE_MAX) a->first = i;
    a->last = i;
  }
}

// Which blocks stay (the headline block is decided by the caller).
std::vector<bool> KeptBlocks(const Analysis& a) {
  const size_t n = a.f.size();
  std::vector<bool> keep(n, false);
  if (a.first == SIZE_MAX) return keep;
  for (size_t i = a.first; i <= a.last; ++i) keep[i] = a.f[i].verdict != Verdict::kBad;
  for (size_t i = a.first; i-- > 0 && SentenceLike(a.f[i]) && i != a.headline;) keep[i] = true;
  for (size_t i = a.last + 1; i < n && SentenceLike(a.f[i]); ++i) keep[i] = true;
  for (size_t i = 0; i < a.first; ++i) {
    const Features& f = a.f[i];
    const bool after_headline = a.headline != SIZE_MAX && i > a.headline;
    if (f.verdict != Verdict::kBad && (f.byline || (f.date_only && after_headline))) keep[i] = true;
  }
  return keep;
}

}  // namespace

CleanText Clean(const Page& page, std::string_view given_title, std::string_view site,
                const SiteLines* site_lines) {
  const std::vector<Block>& blocks = page.blocks;
  Analysis a;
  a.f.reserve(blocks.size());
  for (const Block& b : blocks) a.f.push_back(Measure(b));
  const bool stop_list = StopListApplies(a.f);
  const bool trust_furniture = TrustFurniture(blocks, a.f, stop_list);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const bool repeated = site_lines != nullptr && blocks[i].text.size() <= kShortBytes &&
                          site_lines->RepeatedKey(site, a.f[i].key);
    a.f[i].verdict = Judge(blocks[i], a.f[i], repeated, trust_furniture, stop_list);
  }
  DropTrailers(blocks, &a);
  FindRun(&a);
  CleanText out;
  out.title = ChooseTitle(page, given_title, a);
  const std::string title_key = text::NormalizeForMatching(out.title);
  for (size_t i = 0; i < blocks.size() && !title_key.empty(); ++i) {
    if (blocks[i].text.size() <= kShortBytes && a.f[i].key == title_key) {
      a.headline = i;
      break;
    }
  }
  FindRun(&a);  // again, now that the headline is known: it does not start the run
  const std::vector<bool> keep = KeptBlocks(a);
  if (!out.title.empty()) out.text = out.title;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const bool repeats_title =
        !title_key.empty() && blocks[i].text.size() <= kShortBytes && a.f[i].key == title_key;
    if (keep[i] && !repeats_title) {
      if (!out.text.empty()) out.text += "\n\n";
      out.text += blocks[i].text;
    } else if (!blocks[i].text.empty() && !(i == a.headline && repeats_title)) {
      out.removed.push_back(blocks[i].text);
    }
  }
  return out;
}

std::vector<Block> TextBlocks(std::string_view plain_text) {
  std::vector<Block> blocks;
  size_t i = 0;
  while (i < plain_text.size()) {
    size_t end = plain_text.find('\n', i);
    if (end == std::string_view::npos) end = plain_text.size();
    std::string line;
    bool space = false;
    for (size_t p = i; p < end;) {
      const size_t start = p;
      const char32_t cp = text::DecodeUtf8(plain_text, &p);
      if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x00A0 || u_isUWhiteSpace(cp)) {
        space = !line.empty();
        continue;
      }
      if (space) line.push_back(' ');
      space = false;
      line.append(plain_text.substr(start, p - start));
    }
    if (!line.empty()) {
      Block b;
      b.text = std::move(line);
      if (blocks.empty() && b.text.size() < 200 && !EndsLikeSentence(b.text)) {
        b.kind = Block::Kind::kHeading;
      }
      blocks.push_back(std::move(b));
    }
    i = end + 1;
  }
  return blocks;
}

}  // namespace qantara::news
