// Token alignment between two names.
//
// Names reorder freely across lists ("AL-BAGHDADI, Abu Bakr"), so alignment
// is over the token set, not the sequence: a greedy one-to-one assignment by
// descending similarity, which for the 2-6 tokens of a name equals the optimal
// assignment in all but contrived cases and costs a sort of at most 256 pairs.
// Word boundaries also differ ("Wali Jan" / "Walijan", "Shams al-Din" written
// without the article), so a second pass lets one token align with two
// adjacent tokens of the other name when their joined key fits better.
#include "names/compare.h"

#include <algorithm>
#include <array>

#include "names/phonetic.h"
#include "names/sounds.h"
#include "names/similarity.h"
#include "text/utf8.h"

namespace qantara::names {
namespace {

bool IsWord(const NameToken& t) { return t.role == TokenRole::kWord; }

bool IsLatinLetter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

bool IsKnownWord(const NameToken& t) {
  if (t.role == TokenRole::kNumber) {  // spelled, not digits: Khamis, Rabi, Thani are names too
    return std::any_of(t.text.begin(), t.text.end(), [](char c) { return c < '0' || c > '9'; });
  }
  return t.role == TokenRole::kConcept || t.role == TokenRole::kGenericWord;
}

bool ComparesAsWord(const NameToken& t) {
  return t.role == TokenRole::kWord || t.role == TokenRole::kTitle || IsKnownWord(t);
}

bool MayBeInitials(const NameToken& t) {
  if (t.role != TokenRole::kWord || t.span != 1 || t.text.empty()) return false;
  if (!std::all_of(t.text.begin(), t.text.end(), IsLatinLetter)) return false;
  if (t.initials) return true;
  // Two letters may be initials whatever they are ("TE Hargreaves", "AM
  // Haddad"); longer words only without a vowel (a word like Omar is a name).
  if (t.text.size() == 2) return true;
  return t.text.size() >= 3 && t.text.size() <= 6 && t.text.find_first_of("aeiouy") == std::string::npos;
}

bool CloseClasses(char a, char b) {
  // The pairs of resources/key_similarity.tsv that cost 0.4 or less: dad read
  // as z (Ewaz, Zia), t/d, s/z, g/j.
  return KeySimilarity(std::string_view(&a, 1), std::string_view(&b, 1)) >= 0.6;
}

std::string ConstructKey(const NameToken& t) {
  if (t.span != 1 || t.key.empty()) return {};
  const std::string_view text = t.text;
  constexpr std::string_view kHeh = "\xd9\x87";  // ARABIC LETTER HEH (ta marbuta folded)
  if (t.script == text::Script::kArabic) {
    return text.size() > kHeh.size() && text.ends_with(kHeh) ? t.key + 'T' : std::string();
  }
  const size_t n = text.size();
  if (t.script != text::Script::kLatin || n < 4 || text[n - 1] != 't' || t.key.size() < 2 ||
      t.key.back() != 'T' || std::string_view("aeiou").find(text[n - 2]) == std::string_view::npos) {
    return {};
  }
  return t.key.substr(0, t.key.size() - 1);
}

namespace {

bool OneDeletionApart(std::string_view longer, std::string_view shorter) {
  if (longer.size() != shorter.size() + 1) return false;
  size_t i = 0;
  while (i < shorter.size() && longer[i] == shorter[i]) ++i;
  return longer.substr(i + 1) == shorter.substr(i);
}

// Whether a single word could be Comparable with the join of b1 and b2 (same
// spelling, or same coarse key), checked without building the join.
bool JoinCouldMatch(const NameToken& a, const NameToken& b1, const NameToken& b2) {
  std::string_view text = a.text;
  if (text.size() == b1.text.size() + b2.text.size() && text.substr(0, b1.text.size()) == b1.text &&
      text.substr(b1.text.size()) == b2.text) {
    return true;
  }
  std::string_view c1 = b1.coarse, c2 = b2.coarse, ca = a.coarse;
  // Sizes first: they are all most pairs need to look at.
  const size_t joined = c1.size() + c2.size();
  if (ca.size() != joined && ca.size() + 1 != joined) return false;
  if (!c1.empty() && !c2.empty() && c1.back() == c2.front()) c2.remove_prefix(1);
  return ca.size() == c1.size() + c2.size() && ca.substr(0, c1.size()) == c1 &&
         ca.substr(c1.size()) == c2;
}

// Similarity of token a against the join of b1 and b2.
double JoinedSimilarity(const NameToken& a, const NameToken& b1, const NameToken& b2,
                        const CompareOptions& options) {
  if (!IsWord(a) || !Joinable(b1, b2)) return 0;
  if (!JoinCouldMatch(a, b1, b2)) return 0;  // saves building the join (allocations)
  return TokenSimilarity(a, JoinTokens(b1, b2), options).similarity;
}

}  // namespace

std::string_view MeasureName(Measure m) {
  switch (m) {
    case Measure::kExact: return "exact";
    case Measure::kParticle: return "particle";
    case Measure::kJaroWinkler: return "jaro_winkler";
    case Measure::kSound: return "sound";
    case Measure::kInitials: return "initials";
  }
  return "unknown";
}

namespace {

// Comparable's rules that need no spelling comparison.
bool ComparableByKeys(const NameToken& a, const NameToken& b) {
  // Two joined words ("Wali Jan") and a word in one script: the same key,
  // not only the same coarse one. A glued name is the same name spelled
  // without its space; the class swaps a coarse key allows would let every
  // pair of listed words reach hundreds of unrelated words. Across scripts
  // the swaps are the spelling itself (zah read d or z), so coarse keys.
  const bool joined = a.span != 1 || b.span != 1;
  if (joined && a.script == b.script) return a.key == b.key;
  // Coarse keys of one class ("T": Said, Zaid, Saad, Sadat...) are shared by
  // too many words; those need the exact key.
  if (a.coarse == b.coarse &&
      (a.coarse.size() >= 2 || a.key == b.key ||
       (a.key.size() == 1 && b.key.size() == 1 && CloseClasses(a.key[0], b.key[0])))) {
    return true;
  }
  // Nor one class more or less: "Mohamed Ali" would reach every Mohamed.
  if (joined || a.key.empty() || b.key.empty()) return false;
  // But the T of an Arabic construct ending (ConstructKey) across scripts.
  if ((a.script == text::Script::kArabic) != (b.script == text::Script::kArabic)) {
    const NameToken& arabic = a.script == text::Script::kArabic ? a : b;
    const NameToken& latin = a.script == text::Script::kArabic ? b : a;
    if (arabic.key.size() + 1 == latin.key.size() && ConstructKey(arabic) == latin.key &&
        !ConstructKey(latin).empty()) {
      return true;
    }
  }
  const std::string& longer = a.key.size() > b.key.size() ? a.key : b.key;
  const std::string& shorter = a.key.size() > b.key.size() ? b.key : a.key;
  return shorter.size() >= 3 && OneDeletionApart(longer, shorter);
}

// The typo rule of Comparable, but for the spelling comparison itself.
bool TypoCandidates(const NameToken& a, const NameToken& b) {
  return a.span == 1 && b.span == 1 && text::CountCodePoints(a.text) >= 4 &&
         text::CountCodePoints(b.text) >= 4;
}

}  // namespace

bool Comparable(const NameToken& a, const NameToken& b) {
  if (a.text == b.text || ComparableByKeys(a, b)) return true;
  return TypoCandidates(a, b) && WithinOneEdit(a.text, b.text);
}

bool Joinable(const NameToken& a, const NameToken& b) {
  return a.script == b.script && IsWord(b) &&
         (IsWord(a) || a.role == TokenRole::kPatronymic);
}

NameToken JoinTokens(const NameToken& a, const NameToken& b) {
  NameToken t;
  t.text = a.text + b.text;
  t.surface = a.surface + " " + b.surface;
  t.key = a.key;
  for (char c : b.key) {
    if (t.key.empty() || t.key.back() != c) t.key.push_back(c);
  }
  t.coarse = CoarseKey(t.key);
  t.sounds = a.sounds + b.sounds;
  t.script = a.script;
  t.span = 2;
  return t;
}

TokenSimilarityResult TokenSimilarity(const NameToken& a, const NameToken& b,
                                      const CompareOptions& options) {
  // Particles match by canonical form; titles compare as words, by spelling
  // and sound (Sheikh / Cheikh), as the index finds them.
  if (!a.particle.empty() && a.particle == b.particle &&
      ((!ComparesAsWord(a) && !ComparesAsWord(b)) || (IsKnownWord(a) && IsKnownWord(b)) ||
       (a.role == TokenRole::kNumber && b.role == TokenRole::kNumber))) {
    return {1.0, Measure::kParticle};
  }
  // Numbers tell apart: two of them never compare by spelling (Sixth / Sixty).
  if (a.role == TokenRole::kNumber && b.role == TokenRole::kNumber) return {0.0, Measure::kParticle};
  if (a.text == b.text) return {1.0, Measure::kExact};
  if (!ComparesAsWord(a) || !ComparesAsWord(b)) return {0.0, Measure::kParticle};
  const bool same_script = a.script == b.script;
  // At most one spelling comparison, and only when its answer is needed: for
  // the typo rule, or for Jaro-Winkler below (most pairs the index offers
  // fail on keys and never get here).
  int one_edit = -1;  // unknown
  auto within_one_edit = [&] {
    if (one_edit < 0) one_edit = same_script && WithinOneEdit(a.text, b.text);
    return one_edit == 1;
  };
  if (!ComparableByKeys(a, b) && !(same_script && TypoCandidates(a, b) && within_one_edit())) {
    return {0.0, Measure::kSound};
  }
  TokenSimilarityResult best{
      static_cast<float>(
          SoundSimilarity(a.sounds, b.sounds, !same_script, options.min_pair_similarity)),
      Measure::kSound};
  // Jaro-Winkler is for typos: spellings that are one edit apart (Zawahri,
  // Bagdadi). Other spellings are the sound measure's to judge.
  if (best.similarity < 1.0 && within_one_edit()) {
    double jw = JaroWinkler(a.text, b.text);
    if (static_cast<float>(jw) > best.similarity) {
      best = {static_cast<float>(jw), Measure::kJaroWinkler};
    }
  }
  return best;
}

NameEvidence CompareNames(const ParsedName& query, const ParsedName& candidate,
                          const CompareOptions& options) {
  const size_t nq = std::min(query.tokens.size(), kMaxNameTokens);
  const size_t nc = std::min(candidate.tokens.size(), kMaxNameTokens);
  std::array<TokenSimilarityResult, kMaxNameTokens * kMaxNameTokens> known;
  for (size_t i = 0; i < nq; ++i) {
    for (size_t j = 0; j < nc; ++j) {
      known[i * nc + j] = TokenSimilarity(query.tokens[i], candidate.tokens[j], options);
    }
  }
  return CompareNames(query, candidate, known.data(), options);
}

NameEvidence CompareNames(const ParsedName& query, const ParsedName& candidate,
                          const TokenSimilarityResult* known, const CompareOptions& options) {
  NameEvidence evidence = AlignOneToOne(query, candidate, known, options);
  AlignJoined(query, candidate, options, &evidence);
  return evidence;
}

namespace {

void SortByQueryToken(NameEvidence* evidence) {
  // Query tokens are in one pair at most: the order is total.
  std::sort(evidence->pairs.begin(), evidence->pairs.end(),
            [](const AlignedPair& x, const AlignedPair& y) { return x.query_begin < y.query_begin; });
}

}  // namespace

NameEvidence AlignOneToOne(const ParsedName& query, const ParsedName& candidate,
                           const TokenSimilarityResult* known, const CompareOptions& options) {
  const size_t nq = std::min(query.tokens.size(), kMaxNameTokens);
  const size_t nc = std::min(candidate.tokens.size(), kMaxNameTokens);
  struct Cell {
    float sim;
    Measure measure;
    uint8_t q, c;
  };
  std::array<Cell, kMaxNameTokens * kMaxNameTokens> cells;
  size_t n = 0;
  for (size_t i = 0; i < nq; ++i) {
    for (size_t j = 0; j < nc; ++j) {
      const TokenSimilarityResult& r = known[i * nc + j];
      if (r.similarity >= options.min_pair_similarity) {
        cells[n++] = {r.similarity, r.measure, static_cast<uint8_t>(i),
                      static_cast<uint8_t>(j)};
      }
    }
  }
  std::sort(cells.begin(), cells.begin() + n, [](const Cell& x, const Cell& y) {
    if (x.sim != y.sim) return x.sim > y.sim;
    return x.q != y.q ? x.q < y.q : x.c < y.c;
  });
  std::array<bool, kMaxNameTokens> q_aligned{}, c_aligned{};
  NameEvidence evidence;
  for (size_t k = 0; k < n; ++k) {
    const Cell& cell = cells[k];
    if (q_aligned[cell.q] || c_aligned[cell.c]) continue;
    q_aligned[cell.q] = c_aligned[cell.c] = true;
    evidence.pairs.push_back({cell.q, static_cast<uint8_t>(cell.q + 1), cell.c,
                              static_cast<uint8_t>(cell.c + 1), cell.sim, cell.measure});
  }
  SortByQueryToken(&evidence);
  return evidence;
}

namespace {

// The letter a word begins with, for initials: its first Latin letter, or 0
// (words in other scripts have none to compare with a Latin initial).
char InitialOf(const NameToken& t) {
  if (t.role == TokenRole::kStopword || t.surface.empty()) return 0;
  return IsLatinLetter(t.surface[0]) ? t.surface[0] : 0;
}

// A word written as initials, or a short Latin word that may be initials
// written without dots (MayBeInitials: "TE", "NDM"): its letters; else
// empty.
std::string_view InitialsOf(const NameToken& t) {
  return MayBeInitials(t) ? std::string_view(t.text) : std::string_view();
}

// Whether tokens [begin, end) of `name` hold a word that only organisation
// names have (names::IsOrganizationWord).
bool HasOrganizationWord(const ParsedName& name, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    if (IsOrganizationWord(name.tokens[k])) return true;
  }
  return false;
}

// Aligns initials of `a` left unaligned with words of `b` (AlignJoined's
// last step; `swapped` when a is the candidate).
void AlignInitials(const ParsedName& a, const ParsedName& b, const CompareOptions& options,
                   std::array<bool, kMaxNameTokens>* a_aligned,
                   std::array<bool, kMaxNameTokens>* b_aligned, bool swapped,
                   NameEvidence* evidence) {
  const size_t na = std::min(a.tokens.size(), kMaxNameTokens);
  const size_t nb = std::min(b.tokens.size(), kMaxNameTokens);
  for (size_t i = 0; i < na; ++i) {
    if ((*a_aligned)[i]) continue;
    const std::string_view letters = InitialsOf(a.tokens[i]);
    if (letters.empty()) continue;
    // The first run of unaligned words of b that the letters begin, in order.
    for (size_t j = 0; j < nb; ++j) {
      size_t k = j, matched = 0;
      while (k < nb && matched < letters.size() && !(*b_aligned)[k]) {
        const char initial = InitialOf(b.tokens[k]);
        if (initial == 0 && b.tokens[k].role == TokenRole::kStopword && matched > 0) {
          ++k;
          continue;
        }
        if (initial != letters[matched]) break;
        ++matched;
        ++k;
      }
      if (matched != letters.size()) continue;
      if (letters.size() == 1 && b.tokens[j].initials) continue;  // "K." / "M.": nothing learnt
      // Three letters or more: an acronym, which organisations have and
      // persons do not; the words it stands for must say organisation.
      if (letters.size() >= 3 && !HasOrganizationWord(b, j, k)) continue;
      (*a_aligned)[i] = true;
      for (size_t x = j; x < k; ++x) (*b_aligned)[x] = true;
      const auto u8 = [](size_t v) { return static_cast<uint8_t>(v); };
      const double similarity =
          letters.size() >= 3 ? options.acronym_similarity : options.initials_similarity;
      AlignedPair p{u8(i), u8(i + 1), u8(j), u8(k), static_cast<float>(similarity),
                    Measure::kInitials};
      if (swapped) p = {u8(j), u8(k), u8(i), u8(i + 1), p.similarity, p.measure};
      evidence->pairs.push_back(p);
      break;
    }
  }
}

}  // namespace

void AlignJoined(const ParsedName& query, const ParsedName& candidate,
                 const CompareOptions& options, NameEvidence* evidence) {
  const size_t nq = std::min(query.tokens.size(), kMaxNameTokens);
  const size_t nc = std::min(candidate.tokens.size(), kMaxNameTokens);
  std::array<bool, kMaxNameTokens> q_aligned{}, c_aligned{};
  for (const AlignedPair& p : evidence->pairs) {
    for (size_t i = p.query_begin; i < p.query_end; ++i) q_aligned[i] = true;
    for (size_t j = p.candidate_begin; j < p.candidate_end; ++j) c_aligned[j] = true;
  }
  const size_t before = evidence->pairs.size();
  // One unaligned token against two adjacent unaligned tokens.
  for (size_t i = 0; i < nq; ++i) {
    if (q_aligned[i]) continue;
    for (size_t j = 0; j + 1 < nc; ++j) {
      if (c_aligned[j] || c_aligned[j + 1]) continue;
      double sim = JoinedSimilarity(query.tokens[i], candidate.tokens[j], candidate.tokens[j + 1],
                                    options);
      if (sim < options.min_pair_similarity) continue;
      q_aligned[i] = c_aligned[j] = c_aligned[j + 1] = true;
      evidence->pairs.push_back({static_cast<uint8_t>(i), static_cast<uint8_t>(i + 1),
                                static_cast<uint8_t>(j), static_cast<uint8_t>(j + 2),
                                static_cast<float>(sim), Measure::kSound});
      break;
    }
  }
  for (size_t j = 0; j < nc; ++j) {
    if (c_aligned[j]) continue;
    for (size_t i = 0; i + 1 < nq; ++i) {
      if (q_aligned[i] || q_aligned[i + 1]) continue;
      double sim = JoinedSimilarity(candidate.tokens[j], query.tokens[i], query.tokens[i + 1],
                                    options);
      if (sim < options.min_pair_similarity) continue;
      q_aligned[i] = q_aligned[i + 1] = c_aligned[j] = true;
      evidence->pairs.push_back({static_cast<uint8_t>(i), static_cast<uint8_t>(i + 2),
                                static_cast<uint8_t>(j), static_cast<uint8_t>(j + 1),
                                static_cast<float>(sim), Measure::kSound});
      break;
    }
  }
  AlignInitials(query, candidate, options, &q_aligned, &c_aligned, false, evidence);
  AlignInitials(candidate, query, options, &c_aligned, &q_aligned, true, evidence);
  if (evidence->pairs.size() != before) SortByQueryToken(evidence);
}

}  // namespace qantara::names
