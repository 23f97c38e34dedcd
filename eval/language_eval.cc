// Language per sentence on ../shared/data/news: DESIGN's target is 99 % for
// Arabic, French and English.
//
//   build/eval/language_eval [--shared DIR] [--sample N] [--no-peer] [--examples N]
//
// Sets (each sentence is given alone to DetectLanguages; its first sentence's
// language is the answer):
//   ar          NewsFANE Gold (newswire, one token a line, blank line between
//               sentences; the LEFT-TO-RIGHT MARKs before tokens are dropped)
//   fr          WikiNEuRal French test set (CoNLL-U-like: index, token, tag)
//   fr_ocr      Europeana French newspapers of 1906-1920 (OCR, one "token TAG" a
//               line, no sentence marks: split after ". ! ?"), reported apart
//   en          TempEval-3 platinum (TimeML: the <TEXT> element with its tags
//               stripped, split with text::Sentences)
// Sentences with fewer than 10 letters are skipped (no language to find).
// Accuracy is printed for every sentence and for short ones (< 40 bytes), with
// the confusions of the errors, and then for a sample of N sentences per set
// (default 2,000, fixed seed) for Qantara and the peer python3-langdetect
// (seed 0), with sentences per second for both.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "eval/timeml.h"
#include "news/language.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace {

namespace fs = std::filesystem;
using qantara::news::DetectLanguages;
size_t g_examples = 0;  // --examples N: errors printed per confusion

struct Set {
  std::string name, lang;
  std::vector<std::string> sentences;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t Letters(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = qantara::text::DecodeUtf8(s, &i);
    n += (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0xC0 && cp != 0x200E && cp != 0xFEFF);
  }
  return n;
}

void Keep(std::string sentence, Set* set) {
  if (Letters(sentence) >= 10) set->sentences.push_back(std::move(sentence));
}

// Token-per-line files: `column` is the token's field; a sentence ends at a blank
// line, or after a ". ! ?" token when `split_at_stops`.
Set ReadTokenLines(const fs::path& p, std::string name, std::string lang, char sep, int column,
                   bool split_at_stops) {
  Set set{std::move(name), std::move(lang), {}};
  std::ifstream in(p);
  std::string line, sentence;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ls(line);
    for (std::string f; std::getline(ls, f, sep);) fields.push_back(f);
    std::string token = static_cast<int>(fields.size()) > column ? fields[column] : "";
    for (const std::string bad : {"\u200e", "\ufeff"}) {
      for (size_t at; (at = token.find(bad)) != std::string::npos;) token.erase(at, bad.size());
    }
    if (token.empty() || token.find_first_not_of(" \t\r") == std::string::npos) {
      if (!sentence.empty()) Keep(std::move(sentence), &set);
      sentence.clear();
      continue;
    }
    if (!sentence.empty()) sentence.push_back(' ');
    sentence += token;
    if (split_at_stops && (token == "." || token == "!" || token == "?")) {
      Keep(std::move(sentence), &set);
      sentence.clear();
    }
  }
  if (!sentence.empty()) Keep(std::move(sentence), &set);
  return set;
}

Set ReadTimeMl(const fs::path& dir) {
  Set set{"en", "en", {}};
  for (const std::string& f : qantara::eval::TimeMlFiles(dir.string())) {
    std::optional<qantara::eval::TimeMlDoc> doc = qantara::eval::ParseTimeMl(Slurp(f));
    if (!doc) continue;
    const std::string& text = doc->text;
    for (const auto& sp : qantara::text::Sentences(text))
      Keep(text.substr(sp.start, sp.end - sp.start), &set);
  }
  return set;
}

struct Score {
  size_t n = 0, right = 0, short_n = 0, short_right = 0;
  std::map<std::string, size_t> confusions;
  double seconds = 0;
};

std::string LangOf(const std::string& s) {
  const auto l = DetectLanguages(s);
  return l.sentences.empty() ? "und" : l.sentences[0].lang;
}

Score Run(const Set& set, const std::vector<std::string>& sentences) {
  Score sc;
  const auto t0 = std::chrono::steady_clock::now();
  for (const std::string& s : sentences) {
    const std::string got = LangOf(s);
    const bool ok = got == set.lang, is_short = s.size() < 40;
    ++sc.n, sc.right += ok, sc.short_n += is_short, sc.short_right += ok && is_short;
    if (!ok) ++sc.confusions[got];
    if (!ok && sc.confusions[got] <= g_examples)
      std::printf("  %s -> %s: %s\n", set.name.c_str(), got.c_str(), s.c_str());
  }
  sc.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return sc;
}

std::string Confusions(const std::map<std::string, size_t>& c) {
  std::string out;
  for (const auto& [lang, n] : c) out += " " + lang + ":" + std::to_string(n);
  return out.empty() ? " -" : out;
}

void Print(const std::string& who, const Set& set, const Score& sc) {
  std::printf("%-9s %-7s n=%6zu acc=%.4f  short(<40B) n=%5zu acc=%.4f  %9.0f sent/s  errors:%s\n",
              who.c_str(), set.name.c_str(), sc.n, sc.n ? double(sc.right) / sc.n : 0.0, sc.short_n,
              sc.short_n ? double(sc.short_right) / sc.short_n : 0.0,
              sc.seconds > 0 ? sc.n / sc.seconds : 0.0, Confusions(sc.confusions).c_str());
}

// The peer: python3-langdetect on the same sentences, one a line.
bool RunPeer(const Set& set, const std::vector<std::string>& sentences, Score* sc) {
  const std::string in = "/tmp/qantara_lang_eval_in.txt", out = "/tmp/qantara_lang_eval_out.txt";
  {
    std::ofstream f(in);
    for (const std::string& s : sentences) f << s << '\n';
  }
  const std::string script =
      "import sys,time\n"
      "from langdetect import DetectorFactory, detect\n"
      "DetectorFactory.seed = 0\n"
      "lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')[:-1]\n"
      "t = time.perf_counter(); res = []\n"
      "for s in lines:\n"
      "    try: res.append(detect(s))\n"
      "    except Exception: res.append('und')\n"
      "dt = time.perf_counter() - t\n"
      "open(sys.argv[2], 'w').write('%f\\n' % dt + '\\n'.join(res) + '\\n')\n";
  const std::string cmd = "/usr/bin/python3 -c \"$QANTARA_PEER\" " + in + " " + out;
  setenv("QANTARA_PEER", script.c_str(), 1);
  if (std::system(cmd.c_str()) != 0) return false;
  std::ifstream f(out);
  std::string line;
  if (!std::getline(f, line)) return false;
  sc->seconds = std::atof(line.c_str());
  for (const std::string& s : sentences) {
    if (!std::getline(f, line)) return false;
    const std::string got = line.substr(0, 2) == "zh" ? "zh" : line;
    const bool ok = got == set.lang, is_short = s.size() < 40;
    ++sc->n, sc->right += ok, sc->short_n += is_short, sc->short_right += ok && is_short;
    if (!ok) ++sc->confusions[got];
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / ".." / "shared";
  size_t sample = 2000;
  bool peer = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc)
      shared = argv[++i];
    else if (a == "--sample" && i + 1 < argc)
      sample = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--no-peer")
      peer = false;
    else if (a == "--examples" && i + 1 < argc)
      g_examples = std::strtoul(argv[++i], nullptr, 10);
  }
  const fs::path data = shared / "data" / "news";
  if (!fs::exists(data)) {
    std::printf("language_eval: %s not found; skipping\n", data.string().c_str());
    return 0;
  }
  std::vector<Set> sets;
  sets.push_back(ReadTokenLines(data / "newsfane_ar" / "NewsFANE_Gold_2014_170K.txt", "ar", "ar",
                                '\t', 0, false));
  sets.push_back(
      ReadTokenLines(data / "wikineural_fr" / "test.conllu", "fr", "fr", '\t', 1, false));
  sets.push_back(
      ReadTokenLines(data / "europeana_ner_fr" / "enp_FR.bnf.bio", "fr_ocr", "fr", ' ', 0, true));
  sets.push_back(ReadTimeMl(data / "tempeval3_platinum_en" / "te3-platinum"));
  std::printf("== all sentences (Qantara)\n");
  for (const Set& set : sets) Print("qantara", set, Run(set, set.sentences));
  std::printf("== sample of %zu per set (same sentences for both)\n", sample);
  std::mt19937 rng(20240601);
  for (Set& set : sets) {
    std::vector<std::string> s = set.sentences;
    std::shuffle(s.begin(), s.end(), rng);
    if (s.size() > sample) s.resize(sample);
    Print("qantara", set, Run(set, s));
    Score p;
    if (peer && RunPeer(set, s, &p))
      Print("langdetect", set, p);
    else if (peer)
      std::printf("langdetect: did not run (python3-langdetect missing?)\n");
  }
  return 0;
}
