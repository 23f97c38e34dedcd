// eval/pair_eval: precision, recall and F1 of screening on labelled name
// pairs, per category and schema, with the score bands and a peer.
//
//   build/eval/pair_eval [--pairs FILE] [--shared DIR] [--threshold T] [--mined N]
//                        [--examples N] [--category PREFIX] [--show-heldout] [--no-peer]
//
// Pairs: eval/data/name_pairs.tsv (made up for this project) and, when
// ../shared/data/lists exists, pairs mined from the UN, OFAC and UK lists
// (eval/name_pairs.h). A third of the pairs, chosen by a hash of their names,
// is held out: nothing is tuned on it, examples are not printed from it
// (unless --show-heldout), and its figures are printed apart.
//
// A pair is scored as a screening officer's tool would: every listed name of
// the suite is one entity in one index (so words are as rare as they are in
// the suite), the query is screened with the pair's schema, and the score of
// the pair's own entity is the pair's score (0 when not found). A pair is
// predicted a match when its score reaches the threshold (default: the score
// model's).
//
// The peer: token-set Jaro-Winkler (python3-jellyfish, eval/peers/jellyfish_pairs.py)
// at its best threshold on the tuning pairs, applied to the held-out ones.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include "eval/name_pairs.h"
#include "eval/screen_each.h"
#include "lists/reader.h"
#include "screen/screener.h"

namespace qe = qantara::eval;
namespace ql = qantara::lists;
namespace qs = qantara::screen;
namespace fs = std::filesystem;

namespace {

struct Counts {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool label, bool predicted) {
    (label ? (predicted ? tp : fn) : (predicted ? fp : tn))++;
  }
  size_t n() const { return tp + fp + fn + tn; }
  double P() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double R() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double F1() const { return tp ? 2 * P() * R() / (P() + R()) : 0.0; }
  double Accuracy() const { return n() ? double(tp + tn) / n() : 0.0; }
};

// Each pair's score against its own listed entity (0 when not returned).
std::vector<double> Score(const std::vector<qe::NamePair>& pairs) {
  std::vector<ql::Entity> entities;
  for (size_t i = 0; i < pairs.size(); ++i) {
    ql::Entity e;
    e.list = "pairs";
    e.ref = std::to_string(i);
    e.schema = pairs[i].schema;
    e.caption = pairs[i].listed;
    e.names.push_back({pairs[i].listed, ql::NameKind::kPrimary});
    entities.push_back(std::move(e));
  }
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::shared_ptr<const qs::CandidateIndex> index = qs::CandidateIndex::Build(std::move(entities), threads);
  qs::ScreenOptions options;
  options.threshold = 0.3;
  options.top_k = 1000;
  qs::Screener screener(index, options);
  std::vector<double> scores(pairs.size(), 0.0);
  qe::ScreenEach(pairs.size(), [&](size_t i, qs::ScreenScratch* scratch) {
    qs::Query q;
    q.name = pairs[i].query;
    q.schema = pairs[i].schema;
    auto r = screener.Screen(q, scratch);
    if (!r.ok()) return;
    for (const qs::Match& m : r->matches) {
      if (m.entity == i) scores[i] = m.score;
    }
  });
  return scores;
}

// The peer's scores, or an empty vector when it cannot run here.
std::vector<double> PeerScores(const std::vector<qe::NamePair>& pairs) {
  const fs::path tmp = fs::temp_directory_path() / ("pair_eval_" + std::to_string(getpid()));
  {
    std::ofstream out(tmp.string() + ".tsv");
    for (const auto& p : pairs) out << p.query << '\t' << p.listed << '\n';
  }
  const std::string cmd = "/usr/bin/python3 " QANTARA_SOURCE_DIR "/eval/peers/jellyfish_pairs.py " +
                          tmp.string() + ".tsv > " + tmp.string() + ".out";
  std::vector<double> scores;
  if (std::system(cmd.c_str()) == 0) {
    std::ifstream in(tmp.string() + ".out");
    double s;
    while (in >> s) scores.push_back(s);
  }
  fs::remove(tmp.string() + ".tsv");
  fs::remove(tmp.string() + ".out");
  if (scores.size() != pairs.size()) {
    std::printf("peer: python3-jellyfish did not run (install python3-jellyfish); no peer figures\n");
    scores.clear();
  }
  return scores;
}

Counts CountAt(const std::vector<qe::NamePair>& pairs, const std::vector<double>& scores, double t,
               int heldout /* -1 any, 0 tune, 1 held out */) {
  Counts c;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (heldout >= 0 && pairs[i].heldout != (heldout == 1)) continue;
    c.Add(pairs[i].match, scores[i] >= t);
  }
  return c;
}

// The threshold with the best F1 on the tuning pairs (ties: the higher).
double BestThreshold(const std::vector<qe::NamePair>& pairs, const std::vector<double>& scores) {
  double best_t = 0.5, best_f1 = -1;
  for (int k = 30; k <= 99; ++k) {
    const double t = k / 100.0;
    const double f1 = CountAt(pairs, scores, t, 0).F1();
    if (f1 >= best_f1) best_f1 = f1, best_t = t;
  }
  return best_t;
}

void PrintRow(const char* split, const std::string& what, const Counts& c, const Counts* peer) {
  std::printf("%-8s %-28s %5zu %5zu  %.3f  %.3f  %.3f  %.3f", split, what.c_str(), c.n(),
              c.tp + c.fn, c.P(), c.R(), c.F1(), c.Accuracy());
  if (peer) std::printf("  | %.3f  %.3f", peer->F1(), peer->Accuracy());
  std::printf("\n");
}

void PrintTable(const std::vector<qe::NamePair>& pairs, const std::vector<double>& scores,
                double threshold, const std::vector<double>& peer, double peer_threshold) {
  std::printf("\n%-8s %-28s %5s %5s  %-5s  %-5s  %-5s  %-5s%s\n", "split", "category / schema", "pairs",
              "same", "P", "R", "F1", "acc", peer.empty() ? "" : "  | peer F1, acc");
  for (int split = 0; split <= 1; ++split) {
    std::map<std::string, std::pair<Counts, Counts>> by;
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i].heldout != (split == 1)) continue;
      for (const std::string& key :
           {pairs[i].category, "schema " + std::string(ql::SchemaName(pairs[i].schema)),
            std::string("ALL")}) {
        by[key].first.Add(pairs[i].match, scores[i] >= threshold);
        if (!peer.empty()) by[key].second.Add(pairs[i].match, peer[i] >= peer_threshold);
      }
    }
    for (const auto& [key, c] : by) {
      PrintRow(split ? "heldout" : "tune", key, c.first, peer.empty() ? nullptr : &c.second);
    }
  }
}

void PrintBands(const std::vector<qe::NamePair>& pairs, const std::vector<double>& scores) {
  static constexpr double kEdges[] = {1.0001, 0.95, 0.9, 0.85, 0.8, 0.76, 0.7, 0.6, 0.0};
  std::printf("\nscore bands (all pairs): what a score means\n%-12s %6s %8s\n", "score", "pairs",
              "same");
  for (size_t b = 0; b + 1 < std::size(kEdges); ++b) {
    size_t n = 0, same = 0;
    for (size_t i = 0; i < pairs.size(); ++i) {
      if (scores[i] >= kEdges[b + 1] && scores[i] < kEdges[b]) n++, same += pairs[i].match;
    }
    std::printf("[%.2f, %.2f) %6zu %7.1f%%\n", kEdges[b + 1], std::min(kEdges[b], 1.0), n,
                n ? 100.0 * same / n : 0.0);
  }
}

void PrintSweep(const std::vector<qe::NamePair>& pairs, const std::vector<double>& scores) {
  std::printf("\nsweep (tune | heldout):\n%-5s  %-5s %-5s %-5s | %-5s %-5s %-5s\n", "t", "P", "R", "F1",
              "P", "R", "F1");
  for (int k = 60; k <= 95; k += 2) {
    const double t = k / 100.0;
    Counts a = CountAt(pairs, scores, t, 0), b = CountAt(pairs, scores, t, 1);
    std::printf("%.2f   %.3f %.3f %.3f | %.3f %.3f %.3f\n", t, a.P(), a.R(), a.F1(), b.P(), b.R(),
                b.F1());
  }
}

void PrintExamples(const std::vector<qe::NamePair>& pairs, const std::vector<double>& scores,
                   double threshold, size_t per_category, bool heldout) {
  std::map<std::string, size_t> shown;
  std::printf("\nmisses (%s pairs):\n", heldout ? "all" : "tuning");
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& p = pairs[i];
    if ((p.heldout && !heldout) || p.match == (scores[i] >= threshold)) continue;
    if (shown[p.category]++ >= per_category) continue;
    std::printf("  %-24s %s %.3f  %s  |  %s\n", p.category.c_str(), p.match ? "FN" : "FP", scores[i],
                p.query.c_str(), p.listed.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string pairs_file = QANTARA_SOURCE_DIR "/eval/data/name_pairs.tsv";
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / "../shared";
  double threshold = qs::kDefaultThreshold;
  size_t mined_per_category = 150, examples = 0;
  std::string only;
  bool show_heldout = false, peer = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--pairs") pairs_file = next();
    else if (a == "--shared") shared = next();
    else if (a == "--threshold") threshold = std::stod(next());
    else if (a == "--mined") mined_per_category = std::stoul(next());
    else if (a == "--examples") examples = std::stoul(next());
    else if (a == "--category") only = next();
    else if (a == "--show-heldout") show_heldout = true;
    else if (a == "--no-peer") peer = false;
    else {
      std::printf("usage: pair_eval [--pairs FILE] [--shared DIR] [--threshold T] [--mined N]\n"
                  "                 [--examples N] [--category PREFIX] [--show-heldout] [--no-peer]\n");
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }
  std::vector<qe::NamePair> pairs = qe::ReadNamePairs(pairs_file);
  const size_t own = pairs.size();
  const fs::path lists = shared / "data/lists";
  if (mined_per_category > 0 && fs::exists(lists)) {
    for (std::vector<std::string> files :
         {std::vector<std::string>{"un_consolidated.xml"},
          {"ofac_sdn.csv", "ofac_alt.csv", "ofac_add.csv"}, {"uk_conlist.csv"}}) {
      for (auto& f : files) f = (lists / f).string();
      auto loaded = ql::LoadLists(files);
      if (!loaded.ok()) continue;
      for (auto& p : qe::MinePairs(loaded->entities, mined_per_category / 3)) pairs.push_back(std::move(p));
    }
  } else if (mined_per_category > 0) {
    std::printf("pair_eval: %s is absent; only the made-up pairs are scored\n", lists.c_str());
  }
  if (!only.empty()) {
    std::erase_if(pairs, [&](const qe::NamePair& p) { return p.category.rfind(only, 0) != 0; });
  }
  size_t heldout = std::count_if(pairs.begin(), pairs.end(), [](const auto& p) { return p.heldout; });
  std::printf("pair_eval: %zu pairs (%zu made up in %s, %zu mined from %s), %zu held out; "
              "threshold %.2f; score model %s/%d\n",
              pairs.size(), std::min(own, pairs.size()), pairs_file.c_str(),
              pairs.size() - std::min(own, pairs.size()), lists.c_str(), heldout, threshold,
              std::string(qs::kScoreModel).c_str(), qs::kScoreModelVersion);
  const std::vector<double> scores = Score(pairs);
  std::vector<double> peer_scores;
  double peer_threshold = 0;
  if (peer) {
    peer_scores = PeerScores(pairs);
    if (!peer_scores.empty()) {
      peer_threshold = BestThreshold(pairs, peer_scores);
      std::printf("peer: token-set Jaro-Winkler (python3-jellyfish) at %.2f, its best F1 on the "
                  "tuning pairs\n", peer_threshold);
    }
  }
  PrintTable(pairs, scores, threshold, peer_scores, peer_threshold);
  PrintBands(pairs, scores);
  PrintSweep(pairs, scores);
  const double best = BestThreshold(pairs, scores);
  std::printf("best F1 on the tuning pairs at %.2f: held-out F1 %.3f there, %.3f at %.2f\n", best,
              CountAt(pairs, scores, best, 1).F1(), CountAt(pairs, scores, threshold, 1).F1(), threshold);
  if (examples > 0) PrintExamples(pairs, scores, threshold, examples, show_heldout);
  return 0;
}
