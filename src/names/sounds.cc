// Sound sequences and their alignment (see sounds.h and docs/phonetic_key.md).
//
// Consonants use the classes of resources/arabic_letters.tsv and
// resources/latin_graphemes.tsv, so keys and sounds never disagree on a
// consonant. Vowel handling is in code because it depends on position: an
// Arabic waw or yeh is a glide at the start of a word or before a long vowel,
// and a long vowel elsewhere; Latin "ou" before a vowel is a glide (Ouali).
// Costs were set on the cross-script name pairs of ../shared/data/names (see
// eval/) so that spellings of one name score above 0.9 and names that differ by
// one long vowel (Mohamed/Mahmoud, Hassan/Hussein) fall near 0.85.
#include "names/sounds.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "names/internal/tables.h"
#include "text/utf8.h"

namespace qantara::names {
namespace {

// Code points of the Arabic letters handled here by position.
constexpr char32_t kAlef = 0x0627;      // ARABIC LETTER ALEF
constexpr char32_t kWaw = 0x0648;       // ARABIC LETTER WAW
constexpr char32_t kYeh = 0x064A;       // ARABIC LETTER YEH
constexpr char32_t kHeh = 0x0647;       // ARABIC LETTER HEH (and folded ta marbuta)
constexpr char32_t kTheh = 0x062B;      // ARABIC LETTER THEH: th, s, t
constexpr char32_t kThal = 0x0630;      // ARABIC LETTER THAL: dh, z, d
constexpr char32_t kZah = 0x0638;       // ARABIC LETTER ZAH: z, dh, th, d
constexpr char32_t kDad = 0x0636;       // ARABIC LETTER DAD: d, dh; z in Persian, Urdu, Pashto

struct Tables {
  std::unordered_map<char32_t, char> arabic;
  std::array<std::vector<const tables::LatinGrapheme*>, 128> latin;
  std::array<std::array<float, 128>, 128> consonant_cost;
  Tables() {
    for (const auto& e : tables::kArabicLetterClasses) arabic[e.code_point] = e.key;
    for (const auto& g : tables::kLatinGraphemes) {
      if (g.key[0] != '\0') latin[static_cast<unsigned char>(g.grapheme[0])].push_back(&g);
    }
    for (auto& row : consonant_cost) row.fill(1.0f);
    for (int c = 0; c < 128; ++c) consonant_cost[c][c] = 0.0f;
    for (const auto& p : tables::kKeyPairCosts) {
      consonant_cost[static_cast<int>(p.a)][static_cast<int>(p.b)] = p.cost;
      consonant_cost[static_cast<int>(p.b)][static_cast<int>(p.a)] = p.cost;
    }
  }
};

const Tables& GetTables() {
  static const Tables* t = new Tables();
  return *t;
}

// Character sets as byte-indexed tables: these run in the innermost loop.
struct CharSet {
  std::array<bool, 256> member{};
  constexpr explicit CharSet(const char* chars) {
    for (; *chars; ++chars) member[static_cast<unsigned char>(*chars)] = true;
  }
  bool operator()(char c) const { return member[static_cast<unsigned char>(c)]; }
};
constexpr CharSet IsLatinVowel("aeiouy");
// After a word-final Arabic ta marbuta: a T that costs nothing to drop and
// weighs nothing, so "-a" and "-at" both match it.
constexpr char kOptionalT = 't';
constexpr CharSet IsVowelSymbol("aeiouAIUV");
bool IsLong(char c) { return c == 'A' || c == 'I' || c == 'U' || c == 'V'; }
char Quality(char c) {
  switch (c) {
    case 'A': return 'a';
    case 'I': return 'i';
    case 'U': return 'u';
    default: return c;
  }
}

void Push(char symbol, std::string* out) {
  // Gemination and repeated vowels are one sound.
  if (!out->empty() && out->back() == symbol) return;
  out->push_back(symbol);
}

void ArabicSounds(const std::vector<char32_t>& cps, std::string* out) {
  const Tables& t = GetTables();
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
    bool initial = i == 0, last = i + 1 == cps.size();
    if (c == kAlef) {
      Push(initial ? 'a' : 'A', out);
    } else if (c == kWaw) {
      Push(initial || next == kAlef ? 'W' : 'U', out);
    } else if (c == kYeh) {
      // A final yeh (alef maqsura is folded into it) reads i or a: Ali, Musa.
      Push(initial || next == kAlef || next == kWaw ? 'Y' : (last && i >= 2 ? 'V' : 'I'), out);
    } else if (c == kTheh) {
      Push('Q', out);  // between T and S (Othman, Osman; Ghiath, Ghias)
    } else if (c == kThal || c == kZah || c == kDad) {
      // Between D, Z and T: Kadhim, Kazim, Kathim; Ramadan, Ramzan; Faiz.
      Push('X', out);
    } else if (c == kHeh && last && !initial) {
      // Ta marbuta or final heh: "-a", "-ah", "-eh"; and "-at" where a
      // genitive follows (Jabhat al-Nusra), as the free symbol 't'.
      Push('a', out);
      Push(kOptionalT, out);
    } else if (auto it = t.arabic.find(c); it != t.arabic.end() && it->second != '-') {
      Push(it->second, out);
    }
  }
}

// Latin vowel groups at word[i]: appends the symbol and returns the bytes used.
size_t LatinVowel(std::string_view w, size_t i, std::string* out) {
  char c = w[i];
  char n = i + 1 < w.size() ? w[i + 1] : 0;
  char n2 = i + 2 < w.size() ? w[i + 2] : 0;
  if (c == 'y') {
    Push(i == 0 || IsLatinVowel(n) ? 'Y' : 'i', out);
    return 1;
  }
  if (c == 'o' && n == 'u') {
    Push(IsLatinVowel(n2) && n2 != 'y' ? 'W' : 'U', out);
    return 2;
  }
  std::string_view pair = w.substr(i, 2);
  if (!IsLatinVowel(n2)) {
    if (pair == "aa") return Push('A', out), 2;
    if (pair == "ee" || pair == "ii" || pair == "ie") return Push('I', out), 2;
    if (pair == "oo" || pair == "uu") return Push('U', out), 2;
    // Diphthongs: Zaid, Nail, Hussein, Husayn -> a short vowel, then long i.
    if (pair == "ai" || pair == "ay" || pair == "ei" || pair == "ey") {
      Push(c, out);
      Push('I', out);
      return 2;
    }
  }
  Push(c, out);
  return 1;
}

void LatinSounds(std::string_view w, std::string* out) {
  const Tables& t = GetTables();
  size_t i = 0;
  while (i < w.size()) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 0x80) {  // letters of other scripts or leftover marks: no sound
      text::DecodeUtf8(w, &i);
      continue;
    }
    if (IsLatinVowel(static_cast<char>(c))) {
      i += LatinVowel(w, i, out);
      continue;
    }
    if (c == 'w') {
      Push('W', out);
      ++i;
      continue;
    }
    if (c == 'c' && i + 1 < w.size() && w[i + 1] != 'h' && w[i + 1] != 'k') {
      Push(std::strchr("eiy", w[i + 1]) ? 'S' : 'K', out);
      ++i;
      continue;
    }
    if (c == 'c' && i + 1 == w.size()) {
      Push('K', out);
      ++i;
      continue;
    }
    bool matched = false;
    for (const tables::LatinGrapheme* g : t.latin[c]) {
      size_t len = std::strlen(g->grapheme);
      if (w.substr(i, len) == g->grapheme) {
        for (const char* k = g->key; *k; ++k) Push(*k, out);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
}

float DeleteCost(char s, bool cross) {
  if (s == kOptionalT) return 0.0f;
  if (IsVowelSymbol(s)) return IsLong(s) ? 0.5f : (cross ? 0.05f : 0.3f);
  if (s == 'H' || s == 'W' || s == 'Y') return 0.5f;
  return 1.0f;
}

float SubstituteCost(char a, char b, bool cross) {
  if (a == b) return 0.0f;
  if (a == kOptionalT || b == kOptionalT) return (a == 'T' || b == 'T') ? 0.0f : 1.0f;
  bool va = IsVowelSymbol(a), vb = IsVowelSymbol(b);
  if (va && vb) {
    if (a == 'V' || b == 'V') {  // final Arabic yeh: i or a
      char other = Quality(a == 'V' ? b : a);
      return other == 'i' || other == 'a' || other == 'e' || other == 'V' ? 0.05f : 0.6f;
    }
    char qa = Quality(a), qb = Quality(b);
    float cost = qa == qb                         ? 0.0f
                 : (qa == 'e' || qb == 'e')       ? 0.1f
                 : ((qa == 'o' && qb == 'u') || (qa == 'u' && qb == 'o')) ? 0.05f
                                                  : 0.6f;
    if (IsLong(a) != IsLong(b)) cost += cross ? 0.05f : 0.1f;
    return cost;
  }
  if (va != vb) {
    char v = va ? Quality(a) : Quality(b), g = va ? b : a;
    if (g == 'W' && (v == 'u' || v == 'o')) return 0.2f;
    if (g == 'Y' && (v == 'i' || v == 'e')) return 0.2f;
    return 1.0f;
  }
  // The two Arabic letters whose Latin renderings straddle classes.
  auto pair_is = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  if (pair_is('Q', 'T')) return 0.1f;
  if (pair_is('Q', 'S')) return 0.15f;
  if (pair_is('X', 'D') || pair_is('X', 'Z')) return 0.1f;
  if (pair_is('X', 'T') || pair_is('X', 'S')) return 0.3f;
  return GetTables().consonant_cost[a & 0x7F][b & 0x7F];
}

// Substitution and deletion costs for every pair of symbols, computed once.
// Costs are kept in twentieths (every cost above is a multiple of 0.05): the
// table then adds and compares integers, exactly and faster than floats.
constexpr int kUnitsPerCost = 20;
int Units(float cost) { return static_cast<int>(std::lround(cost * kUnitsPerCost)); }

struct CostTables {
  std::array<std::array<int32_t, 128>, 128> substitute[2];
  std::array<int32_t, 128> remove[2];
  // Whether a first (or last) symbol x common to both sequences can be
  // matched with itself without losing the cheapest alignment: true when,
  // for every y, removing y costs no more than turning it into x and removing
  // x (remove(y) <= substitute(y, x) + remove(x), substitution symmetric).
  // Then an alignment that matches x with some y instead can trade that for
  // x with x and y removed at no extra cost. Short vowels across scripts fail
  // it (a glide turned into a vowel costs less than removing the glide).
  std::array<bool, 128> strippable[2];
  CostTables() {
    for (int cross = 0; cross < 2; ++cross) {
      for (int a = 0; a < 128; ++a) {
        remove[cross][a] = Units(DeleteCost(static_cast<char>(a), cross));
        for (int b = 0; b < 128; ++b) {
          substitute[cross][a][b] =
              Units(SubstituteCost(static_cast<char>(a), static_cast<char>(b), cross));
        }
      }
      for (int x = 0; x < 128; ++x) {
        bool ok = true;
        for (int y = 0; y < 128 && ok; ++y) {
          ok = remove[cross][y] <= substitute[cross][y][x] + remove[cross][x] &&
               substitute[cross][y][x] == substitute[cross][x][y];
        }
        strippable[cross][x] = ok;
      }
    }
  }
};

const CostTables& Costs() {
  static const CostTables* t = new CostTables();
  return *t;
}

// In cost units (twentieths).
int Weight(std::string_view s, bool cross) {
  int w = 0;
  for (char c : s) {
    if (c != kOptionalT) w += IsVowelSymbol(c) ? (IsLong(c) ? 10 : (cross ? 5 : 10)) : 20;
  }
  return w;
}

}  // namespace

std::string PhoneticSounds(std::string_view word) {
  std::string out;
  bool arabic = false;
  for (unsigned char c : word) arabic |= c >= 0xD8 && c <= 0xDB;
  if (arabic) {
    std::vector<char32_t> cps;
    size_t i = 0;
    while (i < word.size()) cps.push_back(text::DecodeUtf8(word, &i));
    ArabicSounds(cps, &out);
  } else {
    LatinSounds(word, &out);
  }
  if (out.size() > 1 && out.back() == 'H') out.pop_back();  // as in keys: final h is optional
  return out;
}

namespace {

// The weighted edit distance, as a similarity; `shortcuts` strips common ends
// and lets `floor` stop the table early.
double Similarity(std::string_view a, std::string_view b, bool cross, double floor,
                  bool shortcuts) {
  if (a == b) return 1.0;
  constexpr size_t kMax = 64;
  a = a.substr(0, kMax);
  b = b.substr(0, kMax);
  const int norm = std::max(Weight(a, cross), Weight(b, cross));
  if (norm <= 0) return 0.0;
  if (!shortcuts) floor = 0;
  // A common first (or last) symbol x that CostTables::strippable allows is
  // matched with itself by some cheapest alignment, so only the middle needs
  // the table.
  const CostTables& costs = Costs();
  const auto& strippable = costs.strippable[cross];
  while (shortcuts && !a.empty() && !b.empty() && a.front() == b.front() &&
         strippable[a.front() & 0x7F]) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (shortcuts && !a.empty() && !b.empty() && a.back() == b.back() &&
         strippable[a.back() & 0x7F]) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  const auto& remove = costs.remove[cross];
  const auto& substitute = costs.substitute[cross];
  std::array<int32_t, kMax + 1> row;
  row[0] = 0;
  for (size_t j = 1; j <= b.size(); ++j) row[j] = row[j - 1] + remove[b[j - 1] & 0x7F];
  for (size_t i = 1; i <= a.size(); ++i) {
    const int ca = a[i - 1] & 0x7F;
    const int32_t remove_a = remove[ca];
    const auto& sub_row = substitute[ca];
    int32_t diagonal = row[0];
    row[0] += remove_a;
    int32_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int cb = b[j - 1] & 0x7F;
      const int32_t up = row[j];
      row[j] = std::min({up + remove_a, row[j - 1] + remove[cb], diagonal + sub_row[cb]});
      row_min = std::min(row_min, row[j]);
      diagonal = up;
    }
    // Costs never fall along a row: once all exceed what `floor` allows, stop.
    if (floor > 0 && row_min > (1.0 - floor) * norm) return 0.0;
  }
  return std::max(0.0, 1.0 - static_cast<double>(row[b.size()]) / norm);
}

}  // namespace

double SoundSimilarity(std::string_view a, std::string_view b, bool cross, double floor) {
  return Similarity(a, b, cross, floor, true);
}

double SoundSimilarityReference(std::string_view a, std::string_view b, bool cross) {
  return Similarity(a, b, cross, 0.0, false);
}

}  // namespace qantara::names
