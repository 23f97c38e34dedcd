// Stories (news/stories.h): how well `qantara read`'s story keys group the
// documents that report one story, across languages, on a gold set we wrote.
//
//   build/eval/story_eval [--gold FILE] [--errors]
//
// The gold set, eval/data/stories.jsonl, is made-up articles (invented names,
// real cities), one JSON object per line: {"id", "lang", "published",
// "title", "text", "story"}, `story` being the gold label. It holds stories
// told in two or three languages, a wire story republished with another
// headline, a series meeting held in two years (two stories), and single
// articles that share people, places or days with a story without being part
// of it (the hard negatives).
//
// The articles are read in file order as `qantara read` reads one run (one
// EntityLinker and one StoryClusterer for the whole run). Printed, for the
// clusters found against the gold stories (N documents):
//   purity          (1/N) sum over found clusters of their largest gold share
//   inverse purity  (1/N) sum over gold stories of their largest found share
//   F               the harmonic mean of the two
//   B-cubed         per document: precision = share of its found cluster in
//                   its gold story, recall = share of its gold story in its
//                   found cluster; averaged, and their F1
//   pairs           same-story pairs joined (all, and across languages), and
//                   different-story pairs joined by mistake
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "eval/gold_args.h"
#include "news/events.h"
#include "news/read.h"
#include "news/stories.h"

namespace {

namespace qn = qantara::news;
using Json = nlohmann::json;

struct Article {
  std::string id, lang, gold, found;
};

// Reads the gold file into `articles`, giving each its found story key.
bool ReadAndCluster(const std::string& path, std::vector<Article>* articles) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "story_eval: cannot open %s\n", path.c_str());
    return false;
  }
  qn::EntityLinker linker(nullptr);
  qn::StoryClusterer stories;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("story") || !j["story"].is_string()) {
      std::fprintf(stderr, "story_eval: %s:%zu: not a JSON object with a \"story\" string\n",
                   path.c_str(), lineno);
      return false;
    }
    qn::SourceDocument source;
    source.doc = j.value("id", path + ":" + std::to_string(lineno));
    source.title = j.value("title", "");
    source.body = j.value("text", "");
    source.published = j.value("published", "");
    auto page = qn::PageOf(source);
    if (!page.ok()) {
      std::fprintf(stderr, "story_eval: %s:%zu: %s\n", path.c_str(), lineno,
                   page.status().message().c_str());
      return false;
    }
    qn::ReadDocument read = qn::ReadPage(source, *page, nullptr, qn::Gazetteer::BuiltIn());
    std::vector<qn::LinkedMention> mentions = linker.LinkDocument(read.mentions);
    std::vector<qn::LinkedEvent> events = qn::LinkEvents(read.text, read.events, mentions);
    articles->push_back({source.doc, j.value("lang", ""), j["story"].get<std::string>(),
                         stories.Add(qn::EvidenceOf(read, mentions, events))});
  }
  return true;
}

// For each label of `by` the documents carrying it.
std::map<std::string, std::vector<size_t>> GroupBy(const std::vector<Article>& a, bool found) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < a.size(); ++i) groups[found ? a[i].found : a[i].gold].push_back(i);
  return groups;
}

// (1/N) sum over the groups of `outer` of the largest share one group of
// `inner` takes of it.
double Purity(const std::vector<Article>& a, bool outer_found) {
  size_t sum = 0;
  for (const auto& [label, members] : GroupBy(a, outer_found)) {
    std::map<std::string, size_t> counts;
    for (size_t i : members) ++counts[outer_found ? a[i].gold : a[i].found];
    size_t best = 0;
    for (const auto& [other, n] : counts) best = std::max(best, n);
    sum += best;
  }
  return a.empty() ? 0 : static_cast<double>(sum) / a.size();
}

double Harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

void PrintErrors(const std::vector<Article>& a) {
  for (const auto& [gold, members] : GroupBy(a, /*found=*/false)) {
    std::set<std::string> keys;
    for (size_t i : members) keys.insert(a[i].found);
    bool shared = false;  // a found key that also holds another gold story
    for (size_t j = 0; j < a.size(); ++j) {
      shared |= a[j].gold != gold && keys.count(a[j].found) > 0;
    }
    if (keys.size() == 1 && !shared) continue;
    std::printf("  %-20s", gold.c_str());
    for (size_t i : members) std::printf(" %s=%s", a[i].id.c_str(), a[i].found.c_str());
    std::printf("%s\n", shared ? "  (joined with another story)" : "");
  }
}

}  // namespace

int main(int argc, char** argv) {
  qantara::eval::GoldArgs args;
  if (auto code = qantara::eval::ParseGoldArgs(
          argc, argv, "stories.jsonl",
          "usage: story_eval [--gold FILE] [--errors]\n"
          "Purity, inverse purity, B-cubed and pair figures of `qantara read`'s story\n"
          "keys on a gold set of made-up articles (default eval/data/stories.jsonl);\n"
          "--errors lists the gold stories split or joined with another.\n",
          &args)) {
    return *code;
  }
  const std::string& gold_path = args.gold;
  const bool errors = args.errors;
  std::vector<Article> a;
  if (!ReadAndCluster(gold_path, &a)) return 1;

  double bp = 0, br = 0;
  size_t same = 0, same_joined = 0, cross = 0, cross_joined = 0, diff = 0, diff_joined = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t in_found = 0, in_gold = 0, both = 0;
    for (size_t j = 0; j < a.size(); ++j) {
      const bool g = a[i].gold == a[j].gold, f = a[i].found == a[j].found;
      in_found += f, in_gold += g, both += f && g;
      if (j <= i) continue;
      if (g) {
        ++same, same_joined += f;
        if (a[i].lang != a[j].lang) ++cross, cross_joined += f;
      } else {
        ++diff, diff_joined += f;
      }
    }
    bp += static_cast<double>(both) / in_found;
    br += static_cast<double>(both) / in_gold;
  }
  const double n = a.empty() ? 1 : static_cast<double>(a.size());
  const double purity = Purity(a, /*outer_found=*/true), inverse = Purity(a, false);
  std::printf("stories on %zu made-up articles (%s): %zu gold stories, %zu found\n", a.size(),
              gold_path.c_str(), GroupBy(a, false).size(), GroupBy(a, true).size());
  std::printf("  purity %.3f   inverse purity %.3f   F %.3f\n", purity, inverse,
              Harmonic(purity, inverse));
  std::printf("  B-cubed precision %.3f   recall %.3f   F1 %.3f\n", bp / n, br / n,
              Harmonic(bp / n, br / n));
  std::printf("  same-story pairs joined %zu/%zu (across languages %zu/%zu); "
              "different-story pairs joined %zu/%zu\n",
              same_joined, same, cross_joined, cross, diff_joined, diff);
  if (errors) PrintErrors(a);
  return 0;
}
