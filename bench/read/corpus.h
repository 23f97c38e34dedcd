// The input of bench/read_bench.cc (described at the top of read_bench.cc):
// 300 made articles in ar, fr and en, half HTML pages and half plain texts, from
// real sentences of ../shared/data/news when it is there; and every stage's
// input computed from them once.
#ifndef QANTARA_BENCH_READ_CORPUS_H_
#define QANTARA_BENCH_READ_CORPUS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "news/clean.h"
#include "news/dates.h"
#include "news/entities.h"
#include "news/read.h"

namespace qantara::read_bench {

constexpr size_t kArticles = 300;    // one third per language, half HTML
constexpr size_t kTextBytes = 3000;  // text per article (headline + paragraphs)

struct Article {
  std::string lang;
  news::SourceDocument source;
  size_t text_bytes = 0;  // headline + paragraphs, as written
};

// The articles and every stage's input, computed once.
struct World {
  bool real_sentences = false;
  std::map<std::string, size_t> pool_sizes;
  std::vector<Article> articles;
  std::vector<news::Page> pages;
  std::vector<std::string> sites;
  news::SiteLines site_lines;
  std::vector<news::ReadDocument> read;  // ReadPage's output, for the stages after clean
  std::vector<std::optional<news::CivilDate>> anchors;
  std::vector<std::vector<news::LinkedMention>> linked;  // the read mentions, linked (for events)
};

// Built on the first call (reads ../shared/data/news), never freed; the same
// World afterwards. Thread-safe (a function-local static).
World* GetWorld();

}  // namespace qantara::read_bench

#endif  // QANTARA_BENCH_READ_CORPUS_H_
