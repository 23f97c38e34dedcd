// Reading news: the per-document pipeline of `qantara read`, per stage, with a Python peer.
//
// Workload: 300 news articles of about 3,000 bytes of text each, one third each in Arabic,
// French and English, half as HTML pages (a nav menu, the headline, a byline, a share bar,
// the paragraphs, a footer; article:published_time in a meta tag) and half as plain text
// (headline line, then paragraphs). Each article opens with a dateline ("PARIS, 5 mars 2019
// (AFP) - ") and carries two written dates and one relative one ("hier", "yesterday") among
// its sentences. The sentences are real ones when ../shared/data/news exists:
//   ar  NewsFANE Gold (newsfane_ar/NewsFANE_Gold_2014_170K.txt: tokens joined, U+200E and
//       BOM dropped, a sentence ends at a "." token)
//   fr  WikiNEuRal French test set (wikineural_fr/test.conllu: tokens joined)
//   en  TempEval-3 platinum (tempeval3_platinum_en/te3-platinum/*.tml: <TEXT> with its tags
//       stripped, split with text::Sentences; 37 KB, so its sentences recur across articles)
// and otherwise a few sentences written in bench/read/languages.cc (the output says which).
//   BM_Read/threads:N   PageOf + ReadPage (clean, published date, languages, dates, mentions,
//                       events)
//                       + EntityLinker::LinkDocument, as `qantara read` runs them (without
//                       --list: no screener); one linker per thread, new at each pass over
//                       the articles; SiteLines of all the pages is built beforehand, as a
//                       run builds it before ReadPage. items/s = articles/s.
//                       threads:1 is timed in CPU time, threads:2 in wall time.
//   BM_Stage/STAGE      one stage on the same articles, its input computed beforehand:
//                       parse_html (PageOf: libxml2 for pages, lines for texts), site_lines
//                       (SiteLines::AddPage, sequential in a run), clean, published,
//                       languages, dates, mentions, link, events (FindEvents + LinkEvents).
//                       Summed up at the end in us/article
//                       (CPU time).
//   peer                bench/peers/read_peer.py (python3-readability, python3-langdetect,
//                       python3-dateparser) on the same articles, run after the benchmarks;
//                       the ratio qantara one thread / peer (both in CPU time) is printed at
//                       the end.
//
// The parts, in bench/read/: languages (what each language's pages and sentences
// are made of), corpus (the articles and every stage's input) and peer.
#include <benchmark/benchmark.h>
#include <sys/utsname.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bench/read/corpus.h"
#include "bench/read/peer.h"
#include "news/clean.h"
#include "news/dates.h"
#include "news/entities.h"
#include "news/events.h"
#include "news/gazetteer.h"
#include "news/language.h"
#include "news/mentions.h"
#include "news/read.h"

namespace qn = qantara::news;
using qantara::read_bench::Article;
using qantara::read_bench::GetWorld;
using qantara::read_bench::kTextBytes;
using qantara::read_bench::World;

namespace {

// The whole per-document pipeline; each thread takes every threads-th article
// and links with its own linker, new at each pass (as a run starts with one).
void BM_Read(benchmark::State& state) {
  World* w = GetWorld();
  const auto& gazetteer = qn::Gazetteer::BuiltIn();
  size_t done = 0, mentions = 0;
  for (auto _ : state) {
    qn::EntityLinker linker(nullptr);
    for (size_t i = state.thread_index(); i < w->articles.size(); i += state.threads()) {
      const qn::SourceDocument& source = w->articles[i].source;
      auto page = qn::PageOf(source);
      if (!page.ok()) continue;
      qn::ReadDocument read = qn::ReadPage(source, *page, &w->site_lines, gazetteer);
      mentions += linker.LinkDocument(read.mentions).size();
      ++done;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.counters["mentions_per_article"] = benchmark::Counter(
      static_cast<double>(mentions) / std::max<size_t>(1, done), benchmark::Counter::kAvgThreads);
}
// One thread: CPU time (DESIGN's target is per core, and the machine may be shared);
// two threads: wall time.
BENCHMARK(BM_Read)->Threads(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Read)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

enum class Stage {
  kParse,
  kSiteLines,
  kClean,
  kPublished,
  kLanguages,
  kDates,
  kMentions,
  kLink,
  kEvents
};

// One stage over all the articles per iteration.
void BM_Stage(benchmark::State& state, Stage stage) {
  World* w = GetWorld();
  const auto& gazetteer = qn::Gazetteer::BuiltIn();
  const size_t n = w->articles.size();
  for (auto _ : state) {
    switch (stage) {
      case Stage::kParse:
        for (size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(qn::PageOf(w->articles[i].source));
        break;
      case Stage::kSiteLines: {
        qn::SiteLines lines;
        for (size_t i = 0; i < n; ++i) lines.AddPage(w->sites[i], w->pages[i].blocks);
        benchmark::DoNotOptimize(lines);
        break;
      }
      case Stage::kClean:
        for (size_t i = 0; i < n; ++i) {
          benchmark::DoNotOptimize(qn::Clean(w->pages[i], "", w->sites[i], &w->site_lines));
        }
        break;
      case Stage::kPublished:  // as read.cc: the page's metadata, else the text's own
        for (size_t i = 0; i < n; ++i) {
          auto meta = w->pages[i].published.empty() ? std::nullopt
                                                    : qn::ParseDateValue(w->pages[i].published);
          if (!meta) benchmark::DoNotOptimize(qn::FindPublished(w->pages[i].blocks));
          benchmark::DoNotOptimize(meta);
        }
        break;
      case Stage::kLanguages:
        for (size_t i = 0; i < n; ++i)
          benchmark::DoNotOptimize(qn::DetectLanguages(w->read[i].text));
        break;
      case Stage::kDates:
        for (size_t i = 0; i < n; ++i) {
          benchmark::DoNotOptimize(qn::FindDates(w->read[i].text, w->anchors[i]));
        }
        break;
      case Stage::kMentions:
        for (size_t i = 0; i < n; ++i) {
          benchmark::DoNotOptimize(qn::SpotMentions(w->read[i].text, gazetteer));
        }
        break;
      case Stage::kLink: {
        qn::EntityLinker linker(nullptr);
        for (size_t i = 0; i < n; ++i)
          benchmark::DoNotOptimize(linker.LinkDocument(w->read[i].mentions));
        break;
      }
      case Stage::kEvents:  // FindEvents (in ReadPage) + LinkEvents (when a line is written)
        for (size_t i = 0; i < n; ++i) {
          const qn::ReadDocument& r = w->read[i];
          auto events =
              qn::FindEvents(r.text, r.languages.sentences, r.mentions, r.dates, r.published);
          benchmark::DoNotOptimize(qn::LinkEvents(r.text, events, w->linked[i]));
        }
        break;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK_CAPTURE(BM_Stage, parse_html, Stage::kParse)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, site_lines, Stage::kSiteLines)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, clean, Stage::kClean)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, published, Stage::kPublished)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, languages, Stage::kLanguages)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, dates, Stage::kDates)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, mentions, Stage::kMentions)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, link, Stage::kLink)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Stage, events, Stage::kEvents)->Unit(benchmark::kMillisecond);

// The console output, keeping items/s of every run for the summary.
class Reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      auto it = r.counters.find("items_per_second");
      if (!r.error_occurred && it != r.counters.end()) rates[r.benchmark_name()] = it->second;
    }
  }
  // items/s of the first run whose name starts with `prefix` and holds `part`; 0 when none.
  double Rate(const std::string& prefix, const std::string& part = "") const {
    for (const auto& [name, rate] : rates) {
      if (name.rfind(prefix, 0) == 0 && name.find(part) != std::string::npos) return rate;
    }
    return 0;
  }
  std::map<std::string, double> rates;
};

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  World* w = GetWorld();
  struct utsname u;
  uname(&u);
  std::map<std::string, size_t> count, html, text_bytes, clean_bytes;
  size_t body_bytes = 0, sentences = 0, dates = 0, mentions = 0, removed[2] = {0, 0}, pages = 0,
         html_bytes = 0;
  for (size_t i = 0; i < w->articles.size(); ++i) {
    const Article& a = w->articles[i];
    ++count[a.lang];
    html[a.lang] += a.source.format == qn::SourceDocument::Format::kHtml;
    text_bytes[a.lang] += a.text_bytes;
    clean_bytes[a.lang] += w->read[i].text.size();
    body_bytes += a.source.body.size();
    sentences += w->read[i].languages.sentences.size();
    dates += w->read[i].dates.size();
    mentions += w->read[i].mentions.size();
    const bool is_html = a.source.format == qn::SourceDocument::Format::kHtml;
    pages += is_html;
    html_bytes += is_html ? a.source.body.size() : 0;
    removed[is_html] += w->read[i].removed.size();
  }
  std::string input;
  for (const auto& [lang, n] : count) {
    char line[200];
    std::snprintf(line, sizeof line, "%s%s: %zu articles (%zu HTML), %zu text bytes/article",
                  input.empty() ? "" : "; ", lang.c_str(), n, html[lang], text_bytes[lang] / n);
    input += line;
  }
  const size_t n = w->articles.size();
  std::printf("cpu: %s (%u hardware threads)\ncompiler: g++ %s\nicu: %s\nmachine: %s %s\n",
              CpuModel().c_str(), std::thread::hardware_concurrency(), __VERSION__, U_ICU_VERSION,
              u.machine, u.release);
  std::printf("input: %s\n", input.c_str());
  std::printf("sentences: %s (pool ar %zu, fr %zu, en %zu sentences)\n",
              w->real_sentences ? "real, from ../shared/data/news"
                                : "NOT real: ../shared/data/news missing, the few sentences "
                                  "written in bench/read_bench.cc, repeated",
              w->pool_sizes["ar"], w->pool_sizes["fr"], w->pool_sizes["en"]);
  std::printf(
      "source bytes: %zu per HTML page, %zu per text; after reading, per article: %.1f "
      "sentences, %.1f dates, %.1f mentions; blocks removed per HTML page %.1f, per text %.1f; "
      "clean text bytes/article ar %zu, fr %zu, en %zu\n\n",
      html_bytes / std::max<size_t>(1, pages),
      (body_bytes - html_bytes) / std::max<size_t>(1, n - pages), double(sentences) / n,
      double(dates) / n, double(mentions) / n, double(removed[1]) / std::max<size_t>(1, pages),
      double(removed[0]) / std::max<size_t>(1, n - pages), clean_bytes["ar"] / count["ar"],
      clean_bytes["fr"] / count["fr"], clean_bytes["en"] / count["en"]);
  benchmark::AddCustomContext("cpu", CpuModel());
  benchmark::AddCustomContext("compiler", __VERSION__);
  benchmark::AddCustomContext("icu", U_ICU_VERSION);
  benchmark::AddCustomContext("input", input);
  benchmark::AddCustomContext("sentences", w->real_sentences ? "real" : "written in the bench");
  Reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  // Where the time goes.
  const double one = reporter.Rate("BM_Read", "threads:1"),
               two = reporter.Rate("BM_Read", "threads:2");
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf(
      "\nqantara, %zu articles (~%zu text bytes each), load average %.1f on %u hardware "
      "threads:\n",
      n, kTextBytes, load[0], std::thread::hardware_concurrency());
  if (one > 0) {
    std::printf("  whole pipeline: %.0f articles/s on one thread (CPU time, %.0f us/article)", one,
                1e6 / one);
  }
  if (two > 0) std::printf(", %.0f articles/s on two threads (wall time)", two);
  if (one > 0) std::printf("; DESIGN's target: >= 2,000 articles/s per core\n");
  double sum = 0;
  std::map<std::string, double> us;
  const std::vector<std::string> stages = {"parse_html", "site_lines", "clean",
                                           "published",  "languages",  "dates",
                                           "mentions",   "link",       "events"};
  for (const std::string& stage : stages) {
    const double rate = reporter.Rate("BM_Stage/" + stage);
    if (rate > 0) sum += us[stage] = 1e6 / rate;
  }
  for (const std::string& stage : stages) {
    if (us.count(stage)) {
      std::printf("  %-11s %8.1f us/article  %5.1f %%\n", stage.c_str(), us[stage],
                  100 * us[stage] / sum);
    }
  }
  if (sum > 0) std::printf("  %-11s %8.1f us/article (stages one by one, CPU time)\n", "sum", sum);

  // The peer, on the same articles.
  qantara::read_bench::RunPeer(w, one, us);
  return 0;
}
