// The scoring policy: how name evidence and qualifiers become one score.
//
// The whole policy is here, on one screen, as nomenklatura's logic_v2 model
// is: every weight, credit, qualifier effect and threshold is a named
// constant below, and score_model.cc applies them. The index measures how
// rare a word is and names/ how similar two words are (mechanism); this file
// decides what that is worth. Its name and version go into every
// explanation, so a regulator can see which model made a decision.
#ifndef QANTARA_SCREEN_SCORE_MODEL_H_
#define QANTARA_SCREEN_SCORE_MODEL_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lists/entity.h"
#include "names/compare.h"
#include "screen/index.h"

namespace qantara::screen {

// Bump the version whenever any score changes for some input.
inline constexpr std::string_view kScoreModel = "qantara-name-qualifiers";
inline constexpr int kScoreModelVersion = 5;  // docs/score_model.md lists the changes

// ---------------------------------------------------------------------------
// The policy, whole: every number that decides a score, named once.
// (names/ is mechanism and takes its numbers from here; docs/score_model.md
// gives the reasoning and the figures they were tuned on.)

// Tokens. An aligned pair needs this similarity at all (names::CompareOptions).
inline constexpr double kMinPairSimilarity = 0.7;
// A pair counts nothing at or below this similarity, in full at 1 (PairCredit).
inline constexpr float kCreditFloor = 0.5f;
// How much a token weighs in its name (TokenWeight).
inline constexpr float kTitleWeight = 0.1f;
inline constexpr float kParticleWeight = 0.2f;     // al-, bin, abu, abd-, allah...
inline constexpr float kKeylessWordWeight = 0.6f;  // a word without a phonetic key
inline constexpr float kCommonWordWeight = 0.3f;   // the most common key among listed names
inline constexpr float kRareWordBonus = 0.7f;      // added in proportion to the key's rarity
inline constexpr float kInitialWeight = 0.3f;      // a one-letter initial ("K.")
inline constexpr float kNumberWeight = 1.0f;       // 17, XVII, seventeen: numbers tell apart
inline constexpr float kConceptWeight = 0.5f;      // movement, front, brigade, islamic...
inline constexpr float kGenericWordWeight = 0.15f; // trading, group, bank, international...
inline constexpr float kLegalFormWeight = 0.05f;   // Ltd, GmbH, S.A.R.L.
inline constexpr float kStopwordWeight = 0.0f;     // of, the, de
// An initial against the word it begins, or initials against their words
// (names::CompareOptions::initials_similarity): counts as a fair spelling.
inline constexpr double kInitialsSimilarity = 0.85;
// Three initials or more against as many words: an acronym that fits a whole
// run of words is rarely chance ("NDM" / New Dawn Movement).
inline constexpr double kAcronymSimilarity = 0.95;

// Names. The share of the name score from the query's side of the alignment;
// the rest comes from the listed name's side (CombineShares).
inline constexpr double kQueryShare = 0.6;
// Words left unaligned on both sides are two different names where one has a
// word the other lacks: the smaller of the two unaligned shares (words,
// numbers and concepts, by weight) times this comes off the name score.
// (Extra words on one side only, a middle name or a patronymic, cost only
// their share.)
inline constexpr double kConflictPenalty = 0.5;
inline constexpr double kGenericConflictWeight = 0.5;  // a generic word, in that share
// Two names with a patronymic whose aligned words sit on opposite sides of
// it ("Hassan bin Yusuf" / "Yusuf bin Hassan": father and son swapped).
inline constexpr double kReversedChainPenalty = 0.35;

// Qualifiers: what the query and the entity both say moves the score.
inline constexpr double kBirthDateExact = 0.05;  // same full date
inline constexpr double kBirthYearMatch = 0.03;  // year within the listed year or range
inline constexpr double kBirthYearOffByOne = -0.03;
inline constexpr double kBirthYearDifferent = -0.15;  // two or more years from every listed date
inline constexpr double kNationalityMatch = 0.03;
inline constexpr double kNationalityMismatch = -0.05;
inline constexpr double kGenderMismatch = -0.10;
inline constexpr double kSchemaMismatch = -0.25;  // another type of entity
inline constexpr double kIdNumberMatch = 0.20;

// Thresholds. ScreenOptions::threshold's default, chosen by eval/ (see
// docs/score_model.md): of the values that keep benign names flagged under
// 1 %, the highest that keeps the best cross-script recall.
inline constexpr double kDefaultThreshold = 0.78;
// ---------------------------------------------------------------------------

// The comparison options screening (and every caller that must agree with
// it) passes to names/.
inline constexpr names::CompareOptions kNameCompareOptions{
    kMinPairSimilarity, kInitialsSimilarity, kAcronymSimilarity};

inline double CombineShares(double query_share, double listed_share) {
  return kQueryShare * query_share + (1 - kQueryShare) * listed_share;
}

// How much an aligned token pair counts, from its similarity: nothing at
// kCreditFloor or below, in full at 1. Near-misses between different names
// (0.7-0.85) then count little, while spellings of one name (0.9+) count
// nearly fully.
inline float PairCredit(float similarity) {
  return similarity <= kCreditFloor ? 0.0f
         : similarity >= 1.0f       ? 1.0f
                                    : (similarity - kCreditFloor) / (1.0f - kCreditFloor);
}

// How much a token counts in a name: titles and particles by their role,
// ordinary words by the rarity of their phonetic key among listed names,
// `rarity(key)` in [0, 1] (0 for the most common key, 1 for a key seen once
// or never; the index measures it).
template <typename Rarity>
float TokenWeight(const names::NameToken& token, Rarity rarity) {
  switch (token.role) {
    case names::TokenRole::kTitle: return kTitleWeight;
    case names::TokenRole::kNumber: return kNumberWeight;
    case names::TokenRole::kConcept: return kConceptWeight;
    case names::TokenRole::kGenericWord: return kGenericWordWeight;
    case names::TokenRole::kLegalForm: return kLegalFormWeight;
    case names::TokenRole::kStopword: return kStopwordWeight;
    case names::TokenRole::kWord: break;
    default: return kParticleWeight;
  }
  if (token.initials && token.text.size() == 1) return kInitialWeight;
  if (token.key.empty()) return kKeylessWordWeight;
  return kCommonWordWeight + kRareWordBonus * rarity(token.key);
}

// What a screening query says about the person or organisation sought.
struct Query {
  std::string id;
  std::string name;  // required
  std::optional<lists::Schema> schema;  // nullopt: any
  std::string birth_date;               // "1971", "1971-07-28", ...; empty: unknown
  std::string nationality;              // ISO alpha-2 (or a country name); empty: unknown
  std::string gender;                   // "male" / "female"; empty: unknown
  std::string id_number;                // passport or national id; empty: unknown
};

// Why an entity scored as it did; built while scoring (not recomputed).
struct Explanation {
  double name = 0;         // name score before qualifiers (0..1)
  double birth_date = 0;   // adjustment (+ raises, - lowers), 0 when not compared
  double nationality = 0;
  double gender = 0;
  double schema = 0;
  double id_number = 0;
  std::vector<std::pair<std::string, std::string>> tokens;  // aligned query / listed surfaces
  std::vector<std::string> notes;  // e.g. "birth year 1971 vs listed 1985"
};

// Name score of `query` against one listed name (0..1) from token evidence
// (names::CompareNames of the two): the weighted share of the query's tokens
// that align, and of the listed name's, combined so that a query covering a
// listed name fully scores high even when the listed name has a few more
// words, while a common first name alone does not. Fills explanation->name
// and ->tokens.
double ScoreName(const names::ParsedName& query, const std::vector<float>& query_weights,
                 const IndexedName& listed, const names::NameEvidence& evidence,
                 Explanation* explanation);

// The most ScoreName can give once names::AlignJoined has aligned some of
// the tokens `evidence` (from names::AlignOneToOne) leaves unaligned: those
// tokens counted in full (bounds pruning: the joined pass is rarely needed).
double MaxNameScore(const std::vector<float>& query_weights, const IndexedName& listed,
                    const names::NameEvidence& evidence);

// The most the qualifiers present in `query` can raise a score (bounds pruning).
double MaxQualifierBonus(const Query& query);

// Adjusts a name score by the qualifiers the query and the entity both have;
// fills the explanation's qualifier fields. Returns the final score in 0..1.
double ApplyQualifiers(const Query& query, const lists::Entity& entity, double name_score,
                       Explanation* explanation);

}  // namespace qantara::screen

#endif  // QANTARA_SCREEN_SCORE_MODEL_H_
