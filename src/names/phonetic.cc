// Cross-script phonetic keys (docs/phonetic_key.md).
//
// Arabic script writes consonants and long vowels; Latin spellings of Arabic
// names disagree mostly on vowels (Mohamed, Muhammad), on digraphs for sounds
// Latin lacks (kh, gh, sh, ch, dh, th) and on gemination (Haqqani). Keeping only
// consonant classes, with the classes chosen so that each Arabic letter and all
// its usual Latin renderings land in the same class, gives one key for all
// spellings in both scripts. Cases where a rendering falls in a neighbouring
// class (Egyptian g for jeem, dh for dal) are one cheap substitution apart in
// KeySimilarity, and the index reaches them through one-deletion neighbours.
// Checked against the name pairs in ../shared/data/names by eval/ (recall of
// keys) and pinned by golden values in tests/names/phonetic_test.cc.
#include "names/phonetic.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "names/internal/tables.h"
#include "text/utf8.h"

namespace qantara::names {
namespace {

struct Tables {
  std::unordered_map<char32_t, char> arabic;
  // Latin graphemes by first letter, longest first.
  std::array<std::vector<const tables::LatinGrapheme*>, 128> latin;
  std::array<std::array<float, 128>, 128> cost;

  Tables() {
    for (const auto& entry : tables::kArabicLetterClasses) arabic[entry.code_point] = entry.key;
    for (const auto& g : tables::kLatinGraphemes) {
      latin[static_cast<unsigned char>(g.grapheme[0])].push_back(&g);
    }
    for (auto& row : cost) row.fill(1.0f);
    for (int c = 0; c < 128; ++c) cost[c][c] = 0.0f;
    for (const auto& p : tables::kKeyPairCosts) {
      cost[static_cast<int>(p.a)][static_cast<int>(p.b)] = p.cost;
      cost[static_cast<int>(p.b)][static_cast<int>(p.a)] = p.cost;
    }
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

void AppendClass(std::string_view classes, std::string* key) {
  for (char c : classes) {
    if (key->empty() || key->back() != c) key->push_back(c);
  }
}

}  // namespace

std::string PhoneticKey(std::string_view word) {
  const Tables& t = GetTables();
  std::string key;
  size_t i = 0;
  while (i < word.size()) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) {
      char32_t cp = text::DecodeUtf8(word, &i);
      auto it = t.arabic.find(cp);
      if (it != t.arabic.end() && it->second != '-') AppendClass(std::string_view(&it->second, 1), &key);
      continue;
    }
    if (c == 'c') {  // soft before e, i, y; "ch" is in the table
      char next = i + 1 < word.size() ? word[i + 1] : '\0';
      if (next != 'h' && next != 'k') {
        AppendClass(std::strchr("eiy", next) && next ? "S" : "K", &key);
        ++i;
        continue;
      }
    }
    bool matched = false;
    for (const tables::LatinGrapheme* g : t.latin[c]) {
      size_t len = std::strlen(g->grapheme);
      if (word.substr(i, len) == g->grapheme) {
        AppendClass(g->key, &key);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;  // digits, punctuation, letters without a class
  }
  if (key.size() > 1 && key.back() == 'H') key.pop_back();
  return key;
}

std::string CoarseKey(std::string_view key) {
  std::string out;
  for (char c : key) {
    switch (c) {
      case 'D':
      case 'Z':
      case 'S': c = 'T'; break;  // dal, dhal, dad, zay, za, sin, sad, tha: d/dh/th/z/s
      case 'J': c = 'K'; break;
      case 'F': c = 'B'; break;
      default: break;
    }
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

double KeySimilarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  const size_t longest = std::max(a.size(), b.size());
  if (a.empty() || b.empty()) return 0.0;
  const Tables& t = GetTables();
  // Keys are short (a dozen classes at most in practice); cap for hostile input.
  constexpr size_t kMax = 64;
  a = a.substr(0, kMax);
  b = b.substr(0, kMax);
  std::array<float, kMax + 1> row;
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<float>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    float diagonal = row[0];
    row[0] = static_cast<float>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      float up = row[j];
      float sub = t.cost[a[i - 1] & 0x7F][b[j - 1] & 0x7F];
      row[j] = std::min({row[j] + 1.0f, row[j - 1] + 1.0f, diagonal + sub});
      diagonal = up;
    }
  }
  double distance = row[b.size()];
  return std::max(0.0, 1.0 - distance / static_cast<double>(std::min(longest, kMax)));
}

}  // namespace qantara::names
