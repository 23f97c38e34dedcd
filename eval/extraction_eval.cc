// Article extraction on ../shared/data/news/article_extraction_benchmark:
// ParseHtml + Clean against the benchmark's ground-truth article bodies, and
// the peer python3-readability (eval/peers/readability_extract.py) on the
// same pages.
//
//   build/eval/extraction_eval [--shared DIR] [--no-peer] [--examples N]
//
// Score, as the benchmark defines it: each text is a bag of whitespace-split
// tokens; per page, precision = common tokens / extracted tokens, recall =
// common tokens / ground-truth tokens (an empty extraction has precision 0),
// F1 their harmonic mean; the figures printed are means over pages. The
// benchmark's bodies leave the headline out and Clean puts it first, so our
// F1 is printed both for CleanText::text as it is and without its title.
// Pages/s counts decoding, parsing and cleaning, not reading the file.
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "news/clean.h"
#include "news/encoding.h"
#include "news/html.h"

namespace {

namespace fs = std::filesystem;

std::string ReadGzip(const fs::path& p) {
  std::string out;
  gzFile f = gzopen(p.string().c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) out.append(buf, n);
  gzclose(f);
  return out;
}

std::map<std::string, int> Bag(const std::string& s) {
  std::map<std::string, int> bag;
  std::istringstream in(s);
  for (std::string t; in >> t;) ++bag[t];
  return bag;
}

struct Prf {
  double p = 0, r = 0, f = 0;
  size_t n = 0;
  void Add(const std::string& got, const std::string& truth) {
    const auto g = Bag(got), t = Bag(truth);
    size_t common = 0, ng = 0, nt = 0;
    for (const auto& [tok, c] : g) {
      ng += c;
      if (const auto it = t.find(tok); it != t.end()) common += std::min(c, it->second);
    }
    for (const auto& [tok, c] : t) nt += c;
    const double pp = ng ? double(common) / ng : 0, rr = nt ? double(common) / nt : 0;
    p += pp, r += rr, f += (pp + rr) > 0 ? 2 * pp * rr / (pp + rr) : 0, ++n;
  }
  void Print(const char* who, double seconds) const {
    std::printf("%-28s pages=%zu  F1=%.3f  precision=%.3f  recall=%.3f  %8.1f pages/s\n", who, n,
                n ? f / n : 0, n ? p / n : 0, n ? r / n : 0, seconds > 0 ? n / seconds : 0);
  }
};

std::string WithoutTitle(const qantara::news::CleanText& c) {
  if (c.title.empty() || c.text.rfind(c.title, 0) != 0) return c.text;
  return c.text.substr(c.title.size());
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / ".." / "shared";
  bool peer = true;
  size_t examples = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc)
      shared = argv[++i];
    else if (a == "--no-peer")
      peer = false;
    else if (a == "--examples" && i + 1 < argc)
      examples = std::strtoul(argv[++i], nullptr, 10);
  }
  const fs::path bench = shared / "data" / "news" / "article_extraction_benchmark";
  if (!fs::exists(bench / "ground-truth.json")) {
    std::printf("extraction_eval: %s not found; skipping\n", bench.string().c_str());
    return 0;
  }
  std::ifstream gt_file(bench / "ground-truth.json");
  const nlohmann::json truth = nlohmann::json::parse(gt_file);
  std::vector<std::string> ids;
  std::vector<std::string> pages;
  for (const auto& [id, item] : truth.items()) {
    ids.push_back(id);
    pages.push_back(ReadGzip(bench / "html" / (id + ".html.gz")));
  }
  Prf ours, ours_body;
  std::vector<std::pair<double, std::string>> worst;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<qantara::news::CleanText> cleaned(ids.size());
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::string html = qantara::news::DecodeText(pages[k], "utf-8", nullptr);
    const auto page = qantara::news::ParseHtml(html);
    if (page.ok()) cleaned[k] = qantara::news::Clean(page.value(), "", "", nullptr);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::string body = truth[ids[k]]["articleBody"].get<std::string>();
    ours.Add(cleaned[k].text, body);
    const double before = ours_body.f;
    ours_body.Add(WithoutTitle(cleaned[k]), body);
    worst.push_back({ours_body.f - before, ids[k]});
  }
  std::printf("article_extraction_benchmark: %zu pages\n", ids.size());
  ours.Print("qantara (text)", seconds);
  ours_body.Print("qantara (text without title)", seconds);
  std::sort(worst.begin(), worst.end());
  for (size_t k = 0; k < examples && k < worst.size(); ++k) {
    std::printf("  F1 %.2f  %s\n", worst[k].first, ids.empty() ? "" : worst[k].second.c_str());
  }
  if (!peer) return 0;
  const std::string list = "/tmp/qantara_extraction_ids.txt",
                    out = "/tmp/qantara_extraction_peer.json";
  {
    std::ofstream f(list);
    for (const std::string& id : ids) f << id << '\n';
  }
  const std::string cmd = "/usr/bin/python3 " + std::string(QANTARA_SOURCE_DIR) +
                          "/eval/peers/readability_extract.py " + (bench / "html").string() + " " +
                          list + " " + out;
  if (std::system(cmd.c_str()) != 0) {
    std::printf("readability peer did not run (python3-readability missing?)\n");
    return 0;
  }
  std::ifstream peer_file(out);
  const nlohmann::json got = nlohmann::json::parse(peer_file);
  Prf theirs;
  for (const std::string& id : ids) {
    theirs.Add(got["output"][id]["articleBody"].get<std::string>(),
               truth[id]["articleBody"].get<std::string>());
  }
  theirs.Print("python3-readability", got["seconds"].get<double>());
  return 0;
}
