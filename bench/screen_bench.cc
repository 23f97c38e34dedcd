// Screening throughput and list loading, with a brute-force peer.
//
// Workloads (all from ../shared/data/lists; skipped with a message without it):
//   BM_LoadAndIndex     load UN + OFAC (SDN CSV set, non-SDN XML) + UK and build the index;
//                       reports entities, names, and peak resident memory (VmHWM)
//   BM_Screen/N         screen the first N of a fixed mix of queries: listed names with one
//                       letter dropped, listed names as published (Latin or Arabic script),
//                       and made-up names of 2-3 words from the name words of
//                       ../shared/data/names/google_ar2en.txt (Latin or Arabic script);
//                       items/s is names screened per second, per thread count.
//                       Each run starts with an empty work space, as a `qantara screen`
//                       run does: N = 3,000 is a cold start (most query words are new),
//                       N = 30,000 a batch, in which the words a batch repeats (common
//                       given names, family names) are compared once per thread.
//   peer                bench/peers/jellyfish_bruteforce.py: Jaro-Winkler of each query
//                       against every listed name (python3-jellyfish), on the same queries,
//                       run after the benchmarks; the ratio is printed at the end
// The EU list is not in ../shared (no real file could be had), so "all four" is three here.
#include <benchmark/benchmark.h>
#include <sys/utsname.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "lists/reader.h"
#include "screen/screener.h"

namespace fs = std::filesystem;
namespace ql = qantara::lists;
namespace qs = qantara::screen;

namespace {

fs::path Shared() { return fs::path(QANTARA_SOURCE_DIR) / ".." / "shared" / "data" / "lists"; }

std::vector<std::string> ListFiles() {
  std::vector<std::string> files;
  for (const char* f : {"un_consolidated.xml", "ofac_sdn.csv", "ofac_alt.csv", "ofac_add.csv",
                        "ofac_consolidated_nonsdn.xml", "uk_conlist.csv"}) {
    if (fs::exists(Shared() / f)) files.push_back((Shared() / f).string());
  }
  return files;
}

struct World {
  std::shared_ptr<const qs::CandidateIndex> index;
  std::vector<std::string> queries;
};

// Name words for the made-up (not listed) queries: the Latin and Arabic sides of
// ../shared/data/names/google_ar2en.txt, or syllables when it is absent.
std::vector<std::string> NameWords() {
  std::vector<std::string> words;
  std::ifstream in(Shared() / ".." / "names" / "google_ar2en.txt");
  std::string line;
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    words.push_back(line.substr(0, tab));
    words.push_back(line.substr(tab + 1));
  }
  if (words.empty()) {
    for (const char* a : {"ka", "ro", "mi", "sel", "dan"}) {
      for (const char* b : {"tu", "var", "len", "po", "gis"}) words.push_back(std::string(a) + b);
    }
  }
  return words;
}

std::vector<std::string> MakeQueries(const qs::CandidateIndex& index, size_t n) {
  std::mt19937 rng(5);
  std::vector<std::string> out;
  const std::vector<std::string> words = NameWords();
  while (out.size() < n) {
    const auto& name = index.names()[rng() % index.names().size()];
    std::string value = index.entities()[name.entity].names[name.name_index].value;
    switch (out.size() % 3) {
      case 0: {  // listed name with one letter (a whole code point) dropped
        if (value.size() > 4) {
          size_t at = 1 + rng() % (value.size() - 2);
          while (at > 0 && (static_cast<unsigned char>(value[at]) & 0xC0) == 0x80) --at;
          size_t end = at + 1;
          while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
          value.erase(at, end - at);
        }
        out.push_back(value);
        break;
      }
      case 1:  // listed name as is (Arabic-script ones where there are)
        out.push_back(value);
        break;
      default: {  // made-up name of 2-3 name words, one script (words alternate scripts)
        std::string made;
        size_t parity = rng() % 2, count = 2 + rng() % 2;
        for (size_t w = 0; w < count; ++w) {
          if (w) made += ' ';
          made += words[(rng() % (words.size() / 2)) * 2 + parity];
        }
        out.push_back(made);
      }
    }
  }
  return out;
}

World* GetWorld() {
  static World* world = [] {
    auto* w = new World();
    auto files = ListFiles();
    if (files.empty()) return w;
    auto loaded = ql::LoadLists(files);
    if (!loaded.ok()) return w;
    w->index = qs::CandidateIndex::Build(std::move(loaded->entities),
                                         std::max(1u, std::thread::hardware_concurrency()));
    w->queries = MakeQueries(*w->index, 30000);
    std::ofstream q("/tmp/qantara_bench_queries.txt");
    for (const auto& s : w->queries) q << s << "\n";
    return w;
  }();
  return world;
}

long PeakRssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

void BM_LoadAndIndex(benchmark::State& state) {
  auto files = ListFiles();
  if (files.empty()) {
    state.SkipWithError("../shared/data/lists not found");
    return;
  }
  size_t entities = 0, names = 0;
  for (auto _ : state) {
    auto loaded = ql::LoadLists(files);
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().ToString().c_str());
      return;
    }
    entities = loaded->entities.size();
    auto index = qs::CandidateIndex::Build(std::move(loaded->entities), static_cast<int>(state.range(0)));
    names = index->names().size();
    benchmark::DoNotOptimize(index);
  }
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["names"] = static_cast<double>(names);
  state.counters["peak_rss_MB"] = PeakRssKb() / 1024.0;
}
BENCHMARK(BM_LoadAndIndex)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// One iteration screens the whole batch with a fresh work space, as one run of
// `qantara screen` would: nothing is warm but what the batch itself repeats.
void BM_Screen(benchmark::State& state) {
  World* w = GetWorld();
  if (!w->index) {
    state.SkipWithError("../shared/data/lists not found");
    return;
  }
  qs::Screener screener(w->index, qs::ScreenOptions());
  const size_t batch = std::min<size_t>(static_cast<size_t>(state.range(0)), w->queries.size());
  size_t matches = 0, screened = 0;
  for (auto _ : state) {
    qs::ScreenScratch scratch;
    for (size_t i = state.thread_index(); i < batch; i += state.threads()) {
      qs::Query q;
      q.name = w->queries[i];
      auto r = screener.Screen(q, &scratch);
      matches += r.ok() ? r->matches.size() : 0;
      ++screened;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(screened));
  state.counters["matches_per_query"] = benchmark::Counter(
      static_cast<double>(matches) / std::max<size_t>(1, screened), benchmark::Counter::kAvgThreads);
}
BENCHMARK(BM_Screen)->Arg(3000)->Arg(30000)->Threads(1)->Threads(2)->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  struct utsname u;
  uname(&u);
  benchmark::AddCustomContext("compiler", __VERSION__);
  benchmark::AddCustomContext("icu", U_ICU_VERSION);
  benchmark::AddCustomContext("machine", std::string(u.machine) + " " + u.release);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  // The peer, on the same queries and the same lists.
  World* w = GetWorld();
  if (!w->index || std::getenv("QANTARA_BENCH_NO_PEER")) return 0;
  std::string names_file = "/tmp/qantara_bench_names.txt";
  {
    std::ofstream out(names_file);
    for (const auto& n : w->index->names()) {
      out << w->index->entities()[n.entity].names[n.name_index].value << "\n";
    }
  }
  std::string cmd = "/usr/bin/python3 " + std::string(QANTARA_SOURCE_DIR) +
                    "/bench/peers/jellyfish_bruteforce.py " + names_file +
                    " /tmp/qantara_bench_queries.txt 20";
  std::printf("\npeer: %s\n", cmd.c_str());
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return 0;
  char line[512];
  double peer_rate = 0;
  while (std::fgets(line, sizeof line, p)) {
    std::fputs(line, stdout);
    std::sscanf(line, "names_per_second %lf", &peer_rate);
  }
  pclose(p);
  // Our rates on the same queries (a fresh work space per run), for the ratio.
  qs::Screener screener(w->index, qs::ScreenOptions());
  auto rate = [&](int threads, size_t batch) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        qs::ScreenScratch scratch;
        for (size_t i = t; i < batch; i += threads) {
          qs::Query q;
          q.name = w->queries[i];
          benchmark::DoNotOptimize(screener.Screen(q, &scratch));
        }
      });
    }
    for (auto& worker : workers) worker.join();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return batch / secs;
  };
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::printf("qantara, %zu listed names:\n", w->index->names().size());
  for (size_t batch : {size_t{3000}, w->queries.size()}) {
    double one = rate(1, batch), all = rate(cores, batch);
    std::printf("  batch of %zu: %.0f names/s on one thread, %.0f names/s on %d threads", batch,
                one, all, cores);
    if (peer_rate > 0) std::printf("; one thread / jellyfish brute force: %.0fx", one / peer_rate);
    std::printf("\n");
  }
  return 0;
}
