// Spelling conventions of names from other scripts (internal/conventions.h).
#include "names/internal/conventions.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <unordered_map>
#include <unordered_set>


namespace qantara::names::conventions {
namespace {

struct ChineseSyllable {
  const char* pinyin;
  const char* wade_giles;
  bool aspirated;  // Wade-Giles wrote an apostrophe (ch'en: chen; chen: zhen)
};

enum class VariantKind : unsigned char { kExtends, kLetter, kMarker, kHint, kRule };

struct VariantRow {
  const char* convention;
  VariantKind kind;
  const char* pattern;
  const char* replacement;
};

#include "generated/latin_variants.inc"

// A pattern of a marker, hint or rule: text, anchored at a word's start or end.
struct Pattern {
  std::string text;
  bool at_start = false, at_end = false;
  std::string replacement;
  int weight = 0;  // markers 2, hints 1

  explicit Pattern(std::string_view p, std::string_view r = {}, int w = 0)
      : replacement(r), weight(w) {
    at_start = !p.empty() && p.front() == '^';
    if (at_start) p.remove_prefix(1);
    at_end = !p.empty() && p.back() == '$';
    if (at_end) p.remove_suffix(1);
    text = std::string(p);
  }
  // Whether the pattern is in `word` at `pos`.
  bool At(std::string_view word, size_t pos) const {
    if (at_start && pos != 0) return false;
    if (at_end && pos + text.size() != word.size()) return false;
    return word.compare(pos, text.size(), text) == 0;
  }
  bool In(std::string_view word) const {
    if (at_start || at_end) {
      if (word.size() < text.size()) return false;
      return At(word, at_start ? 0 : word.size() - text.size());
    }
    return word.find(text) != std::string_view::npos;
  }
};

struct Convention {
  std::string name;
  int parent = -1;
  bool extended = false;  // another convention extends it
  std::vector<std::pair<std::string, std::string>> letters;  // as written -> replacement
  std::vector<Pattern> markers;  // markers and hints
  std::vector<Pattern> rules;    // its own and its parent's, longest first, its own first
};

std::vector<Convention> Build() {
  std::vector<Convention> all;
  auto find = [&](std::string_view name) {
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].name == name) return static_cast<int>(i);
    }
    all.emplace_back();
    all.back().name = std::string(name);
    return static_cast<int>(all.size() - 1);
  };
  for (const VariantRow& row : kVariantRows) {
    const int parent = row.kind == VariantKind::kExtends ? find(row.pattern) : -1;
    Convention& c = all[find(row.convention)];  // after: find may grow `all`
    switch (row.kind) {
      case VariantKind::kExtends: c.parent = parent; break;
      case VariantKind::kLetter: c.letters.emplace_back(row.pattern, row.replacement); break;
      case VariantKind::kMarker: c.markers.emplace_back(row.pattern, "", 2); break;
      case VariantKind::kHint: c.markers.emplace_back(row.pattern, "", 1); break;
      case VariantKind::kRule: c.rules.emplace_back(row.pattern, row.replacement); break;
    }
  }
  for (Convention& c : all) {
    if (c.parent < 0) continue;
    all[c.parent].extended = true;
    for (const Pattern& p : all[c.parent].rules) {
      const bool own = std::any_of(c.rules.begin(), c.rules.end(), [&](const Pattern& q) {
        return q.text == p.text && q.at_start == p.at_start && q.at_end == p.at_end;
      });
      if (!own) c.rules.push_back(p);
    }
  }
  for (Convention& c : all) {
    std::stable_sort(c.rules.begin(), c.rules.end(), [](const Pattern& a, const Pattern& b) {
      return a.text.size() > b.text.size();
    });
  }
  return all;
}

const std::vector<Convention>& Conventions() {
  static const std::vector<Convention>* all = new std::vector<Convention>(Build());
  return *all;
}

struct Syllables {
  std::unordered_set<std::string_view> pinyin;
  // Wade-Giles without apostrophes -> pinyin: the unaspirated reading where
  // the apostrophe made the difference (chen -> zhen, not chen).
  std::unordered_map<std::string_view, std::string_view> wade_giles;
  static constexpr size_t kLongest = 6;  // letters: "zhuang", "chiung"
};

const Syllables& GetSyllables() {
  static const Syllables* syllables = [] {
    auto* s = new Syllables();
    for (const ChineseSyllable& row : kChineseSyllables) {
      s->pinyin.insert(row.pinyin);
      if (!row.aspirated) s->wade_giles[row.wade_giles] = row.pinyin;
    }
    for (const ChineseSyllable& row : kChineseSyllables) s->wade_giles.emplace(row.wade_giles, row.pinyin);
    return s;
  }();
  return *syllables;
}

bool StartsWithVowel(std::string_view s) { return s.find_first_of("aeiou") == 0; }

// `word` cut into the fewest syllables of one romanisation, in pinyin, with
// spaces between them; empty when it cannot be. A syllable without an
// initial consonant only starts a word (inside one, pinyin writes an
// apostrophe before it, which normalisation drops: "Lee" is not le + e).
std::string CutIntoSyllables(std::string_view word, bool wade_giles) {
  const Syllables& s = GetSyllables();
  constexpr size_t kMaxWord = 32;
  if (word.empty() || word.size() > kMaxWord) return {};
  std::array<int, kMaxWord + 1> fewest;  // syllables to cut word[0, i) into; -1: cannot
  std::array<size_t, kMaxWord + 1> from{};
  fewest.fill(-1);
  fewest[0] = 0;
  for (size_t end = 1; end <= word.size(); ++end) {
    for (size_t len = 1; len <= std::min(end, Syllables::kLongest); ++len) {
      const size_t begin = end - len;
      const std::string_view syllable = word.substr(begin, len);
      if (fewest[begin] < 0 || (begin > 0 && StartsWithVowel(syllable))) continue;
      const bool known = wade_giles ? s.wade_giles.count(syllable) > 0 : s.pinyin.count(syllable) > 0;
      if (known && (fewest[end] < 0 || fewest[begin] + 1 < fewest[end])) {
        fewest[end] = fewest[begin] + 1;
        from[end] = begin;
      }
    }
  }
  if (fewest[word.size()] < 0) return {};
  std::vector<std::string_view> cut;
  for (size_t end = word.size(); end > 0; end = from[end]) cut.push_back(word.substr(from[end], end - from[end]));
  std::string out;
  for (auto it = cut.rbegin(); it != cut.rend(); ++it) {
    if (!out.empty()) out += ' ';
    out += wade_giles ? s.wade_giles.at(*it) : *it;
  }
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> ReadChinese(const std::vector<std::string>& words) {
  if (words.size() < 2) return std::nullopt;
  // Pinyin is how Chinese names are written today and how text/ writes Han:
  // it stays. A name is Wade-Giles when every word is made of its syllables
  // and one at least is not pinyin and has a spelling only Wade-Giles writes
  // (hsieh, chih, jung, chiang; "Wali Jan" has none).
  bool wade_giles = false;
  std::vector<std::string> read;
  for (const std::string& word : words) {
    const std::string syllables = CutIntoSyllables(word, true);
    if (syllables.empty()) return std::nullopt;
    for (size_t start = 0, space; start <= syllables.size(); start = space + 1) {
      space = std::min(syllables.find(' ', start), syllables.size());
      read.push_back(syllables.substr(start, space - start));
    }
    if (wade_giles || !CutIntoSyllables(word, false).empty()) continue;
    for (std::string_view mark : {"hs", "ih", "ieh", "ung", "ien", "tz", "ts", "ss", "uei", "erh",
                                  "chia", "chie", "chio", "chiu"}) {
      wade_giles |= word.find(mark) != std::string::npos;
    }
  }
  if (!wade_giles) return std::nullopt;
  return read;
}

int Detect(std::string_view written, const std::vector<std::string>& words) {
  const std::vector<Convention>& all = Conventions();
  const size_t n = all.size();
  std::vector<int> own(n, 0);
  std::vector<bool> strong(n, false);
  bool any = false;
  for (size_t c = 0; c < n; ++c) {
    for (const auto& [letter, replacement] : all[c].letters) {
      const bool diacritic = static_cast<unsigned char>(letter[0]) >= 0x80;
      if (diacritic && written.find(letter) != std::string_view::npos) own[c] += 2, strong[c] = true;
    }
    for (const std::string& word : words) {
      for (const Pattern& m : all[c].markers) {
        if (!m.In(word)) continue;
        own[c] += m.weight;
        if (m.weight >= 2) strong[c] = true;
      }
    }
    any |= own[c] > 0;
  }
  if (!any) return -1;
  int best = -1, best_count = 1;
  for (size_t c = 0; c < n; ++c) {  // conventions of their own kind
    if (all[c].extended || !strong[c]) continue;
    const int count = own[c] + (all[c].parent >= 0 ? own[all[c].parent] : 0);
    if (count > best_count) best = static_cast<int>(c), best_count = count;
  }
  if (best >= 0) return best;
  for (size_t c = 0; c < n; ++c) {  // what several conventions share
    if (all[c].extended && own[c] >= 2 && own[c] > best_count) {
      best = static_cast<int>(c), best_count = own[c];
    }
  }
  return best;
}

std::string ReplaceLetters(int convention, std::string_view written) {
  const Convention& c = Conventions().at(static_cast<size_t>(convention));
  std::string out;
  bool replaced = false;
  size_t pos = 0;
  while (pos < written.size()) {
    bool found = false;
    for (const auto& [letter, replacement] : c.letters) {
      if (replacement.empty() || written.compare(pos, letter.size(), letter) != 0) continue;
      out += replacement;
      pos += letter.size();
      found = replaced = true;
      break;
    }
    if (!found) out.push_back(written[pos++]);
  }
  return replaced ? out : std::string();
}

std::string Rewrite(int convention, std::string_view word) {
  const Convention& c = Conventions().at(static_cast<size_t>(convention));
  std::string out;
  out.reserve(word.size() + 4);
  size_t pos = 0;
  while (pos < word.size()) {
    const Pattern* rule = nullptr;
    for (const Pattern& r : c.rules) {
      if (r.At(word, pos)) {
        rule = &r;
        break;
      }
    }
    if (rule == nullptr) {
      out.push_back(word[pos++]);
      continue;
    }
    out += rule->replacement;
    pos += rule->text.size();
  }
  return out;
}

std::string_view Name(int convention) {
  return Conventions().at(static_cast<size_t>(convention)).name;
}

}  // namespace qantara::names::conventions
