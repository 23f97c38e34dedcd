// The scoring policy: how name evidence and qualifiers become one score.
//
// The whole policy is in score_model.cc, on one screen, as nomenklatura's
// logic_v2 model is: token weights come from the index (rarity), similarities
// from names/, and this file decides how they add up. Its name and version go
// into every explanation, so a regulator can see which model made a decision.
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
inline constexpr int kScoreModelVersion = 2;  // docs/score_model.md lists the changes

// The share of the name score that comes from the query's side of the
// alignment; the rest comes from the listed name's side.
inline constexpr double kQueryShare = 0.6;
inline double CombineShares(double query_share, double listed_share) {
  return kQueryShare * query_share + (1 - kQueryShare) * listed_share;
}

// How much an aligned token pair counts, from its similarity: nothing at 0.5
// or below, in full at 1. Near-misses between different names (0.7-0.85)
// then count little, while spellings of one name (0.9+) count nearly fully.
inline float PairCredit(float similarity) {
  return similarity <= 0.5f ? 0.0f : similarity >= 1.0f ? 1.0f : (similarity - 0.5f) / 0.5f;
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
