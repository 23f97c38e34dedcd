#include "eval/eval_data.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace qantara::eval {

std::vector<std::vector<std::string>> ReadTsv(const std::string& path, bool skip_header) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first && skip_header) {
      first = false;
      continue;
    }
    first = false;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    rows.push_back(std::move(cols));
  }
  return rows;
}

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Spelling swaps that French, English and other transliterations of Arabic
// names make (both directions are tried).
const std::pair<const char*, const char*> kSwaps[] = {
    {"ou", "u"},   {"ee", "i"},   {"oo", "u"},   {"ph", "f"},    {"sh", "ch"},  {"kh", "k"},
    {"q", "k"},    {"dj", "j"},   {"mohamed", "muhammad"},       {"mohammed", "mohamed"},
    {"ahmed", "ahmad"},           {"hussein", "husayn"},         {"hassan", "hasan"},
    {"ibrahim", "ebrahim"},       {"youssef", "yusuf"},          {"abdul", "abdel"},
    {"abdel", "abd al-"},         {"e", "a"},    {"i", "e"},     {"o", "u"},    {"y", "i"},
    {"aa", "a"},   {"ss", "s"},   {"dd", "d"},   {"mm", "m"},    {"th", "t"},   {"dh", "d"},
};

bool IsAsciiLetters(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalpha(c) || c == ' ' || c == '-' || c == '\'';
  });
}

std::string SwapVariant(std::string s, std::mt19937& rng) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const auto& [a, b] : kSwaps) {
    if (s.find(a) != std::string::npos) options.emplace_back(a, b);
    if (s.find(b) != std::string::npos) options.emplace_back(b, a);
  }
  if (options.empty()) return {};
  auto [from, to] = options[rng() % options.size()];
  size_t pos = s.find(from);
  return s.replace(pos, from.size(), to);
}

std::string ParticleVariant(const std::string& s, std::mt19937& rng) {
  std::vector<std::string> words = Words(s);
  for (auto& w : words) {
    if (w.rfind("al-", 0) == 0) {
      int choice = static_cast<int>(rng() % 3);
      w = choice == 0 ? "el " + w.substr(3) : choice == 1 ? w.substr(3) : "al " + w.substr(3);
      return Join(words);
    }
  }
  // No article: add a particle before the last word.
  if (words.size() >= 2) {
    words.back() = (rng() % 2 ? "al-" : "el-") + words.back();
    return Join(words);
  }
  return {};
}

bool IsPrefixParticle(const std::string& w) {
  static const char* kPrefixes[] = {"abd", "abdul", "abdel", "abu", "abou", "bin", "ben", "ibn",
                                    "ould", "al", "el", "umm", "bint"};
  for (const char* p : kPrefixes) {
    if (w == p) return true;
  }
  return false;
}

std::string OrderVariant(const std::string& s, std::mt19937& rng) {
  // Name units: a particle stays with the word after it ("abd al rahman").
  std::vector<std::string> units;
  std::string pending;
  for (const std::string& w : Words(s)) {
    pending += pending.empty() ? w : " " + w;
    if (!IsPrefixParticle(w)) {
      units.push_back(pending);
      pending.clear();
    }
  }
  if (!pending.empty()) units.push_back(pending);
  if (units.size() < 2) return {};
  // "First Middle Last" -> "Last First Middle", as many lists and forms write it.
  std::rotate(units.begin(), units.end() - 1, units.end());
  (void)rng;
  return Join(units);
}

std::string TypoVariant(std::string s, std::mt19937& rng) {
  std::vector<size_t> letters;
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::isalpha(static_cast<unsigned char>(s[i]))) letters.push_back(i);
  }
  if (letters.size() < 4) return {};
  size_t at = letters[1 + rng() % (letters.size() - 1)];  // keep the first letter
  char letter = static_cast<char>('a' + rng() % 26);
  switch (rng() % 4) {
    case 0: s.insert(s.begin() + at, letter); break;
    case 1: s.erase(at, 1); break;
    case 2: s[at] = letter; break;
    default:
      if (at + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[at + 1]))) {
        std::swap(s[at], s[at + 1]);
      } else {
        s[at] = letter;
      }
  }
  return s;
}

}  // namespace

std::string LatinVariant(const std::string& name, std::mt19937& rng) {
  std::string base = Lower(name);
  if (!IsAsciiLetters(base)) return {};
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::string v;
    switch (rng() % 4) {
      case 0: v = SwapVariant(base, rng); break;
      case 1: v = ParticleVariant(base, rng); break;
      case 2: v = OrderVariant(base, rng); break;
      default: v = TypoVariant(base, rng); break;
    }
    if (!v.empty() && v != base) return v;
  }
  return {};
}

std::vector<std::string> RandomNames(const std::vector<std::string>& words, size_t count,
                                     std::mt19937& rng) {
  std::vector<std::string> names;
  if (words.empty()) return names;
  for (size_t i = 0; i < count; ++i) {
    size_t n = 2 + rng() % 2;
    std::string name;
    for (size_t k = 0; k < n; ++k) {
      if (!name.empty()) name += ' ';
      name += words[rng() % words.size()];
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace qantara::eval
