// The three languages of bench/read_bench.cc's articles (ar, fr, en): what
// their sites' pages and their sentences are made of. A constant table.
#ifndef QANTARA_BENCH_READ_LANGUAGES_H_
#define QANTARA_BENCH_READ_LANGUAGES_H_

#include <vector>

namespace qantara::read_bench {

// What each language's pages and sentences are made of. Arabic and accented
// letters as \u escapes; the Arabic means what the English says.
struct Lang {
  const char* code;
  const char* site;       // host of its HTML pages, folder of its texts
  const char* site_name;  // in <title> and the footer
  std::vector<const char*> nav, share, footer_links;
  const char* footer;  // {y}: year
  const char* byline;
  std::vector<const char*> cities, months;
  const char* dateline;            // {c} city, {d} day, {m} month name, {y} year
  std::vector<const char*> dated;  // sentences with a date ({d} {m} {y}) or a relative one
  std::vector<const char*> own;    // sentences used without ../shared/data
};

// ar, fr, en, in this order; built on first use.
const std::vector<Lang>& Langs();

}  // namespace qantara::read_bench

#endif  // QANTARA_BENCH_READ_LANGUAGES_H_
