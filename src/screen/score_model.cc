// The score model, whole (docs/score_model.md gives the reasoning and the
// figures it was tuned on).
//
// name  = kQueryShare * (weighted share of the query's tokens aligned)
//       + (1 - kQueryShare) * (weighted share of the listed name's tokens aligned)
// Token weights are TokenWeight's (score_model.h), from the rarity the index
// measures: rare words weigh more than "Mohamed". Every number is named in
// score_model.h; this file only applies them.
// Qualifiers then move the score: a matching birth date or id raises it, a
// birth year two or more years off, another gender or another kind of entity
// lowers it. Each adjustment is written into the explanation as it is applied.
#include "screen/score_model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "text/countries.h"

namespace qantara::screen {
namespace {

std::string JoinSurfaces(const names::ParsedName& name, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < name.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += name.tokens[i].surface;
  }
  return out;
}

double BirthDateAdjustment(const lists::PartialDate& q, const std::vector<lists::PartialDate>& listed,
                           std::string* note) {
  int nearest = INT32_MAX;
  bool exact = false;
  for (const lists::PartialDate& d : listed) {
    if (d.year_from == 0) continue;
    int distance = 0;
    if (q.year_to < d.year_from) distance = d.year_from - q.year_to;
    if (q.year_from > d.year_to) distance = q.year_from - d.year_to;
    nearest = std::min(nearest, distance);
    if (distance == 0 && q.month && q.day && q.month == d.month && q.day == d.day) exact = true;
  }
  if (nearest == INT32_MAX) return 0;
  *note = "birth date " + q.ToString() + " vs listed";
  for (const auto& d : listed) *note += " " + d.ToString();
  if (exact) return kBirthDateExact;
  if (nearest == 0) return kBirthYearMatch;
  return nearest == 1 ? kBirthYearOffByOne : kBirthYearDifferent;
}

std::string CanonicalId(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}

// Roles whose words, left unaligned on both sides, say the names differ.
bool Discriminates(const names::NameToken& t) {
  return t.role == names::TokenRole::kWord || t.role == names::TokenRole::kNumber ||
         t.role == names::TokenRole::kConcept || t.role == names::TokenRole::kGenericWord;
}

// What a token counts for in Conflict: its weight, but a generic word as
// much as kGenericConflictWeight ("Marine Services" / "Marine Engineering":
// dropping a generic word says little, replacing it says another firm).
double ConflictWeight(const names::NameToken& t, float weight) {
  if (!Discriminates(t)) return 0;
  return t.role == names::TokenRole::kGenericWord ? kGenericConflictWeight : weight;
}

std::array<bool, names::kMaxNameTokens> AlignedTokens(const names::NameEvidence& evidence,
                                                      bool query_side) {
  std::array<bool, names::kMaxNameTokens> aligned{};
  for (const names::AlignedPair& p : evidence.pairs) {
    const size_t begin = query_side ? p.query_begin : p.candidate_begin;
    const size_t end = query_side ? p.query_end : p.candidate_end;
    for (size_t i = begin; i < end; ++i) aligned[i] = true;
  }
  return aligned;
}

// The unaligned share of a name's discriminating words (by ConflictWeight).
double UnalignedShare(const names::ParsedName& name, const std::vector<float>& weights,
                      const std::array<bool, names::kMaxNameTokens>& aligned) {
  double unaligned = 0, total = 0;
  for (size_t i = 0; i < name.tokens.size() && i < names::kMaxNameTokens; ++i) {
    const double w = ConflictWeight(name.tokens[i], weights[i]);
    total += w;
    if (!aligned[i]) unaligned += w;
  }
  return total > 0 ? unaligned / total : 0;
}

// The smaller of the two unaligned shares of discriminating words: 0 when
// one name's words all have a match in the other.
double Conflict(const names::ParsedName& query, const std::vector<float>& query_weights,
                const IndexedName& listed, const names::NameEvidence& evidence) {
  return std::min(UnalignedShare(query, query_weights, AlignedTokens(evidence, true)),
                  UnalignedShare(listed.parsed, listed.weights, AlignedTokens(evidence, false)));
}

std::string Unaligned(const names::ParsedName& name, const names::NameEvidence& evidence,
                      bool query_side) {
  const auto aligned = AlignedTokens(evidence, query_side);
  std::string out;
  for (size_t i = 0; i < name.tokens.size() && i < names::kMaxNameTokens; ++i) {
    if (aligned[i] || !Discriminates(name.tokens[i])) continue;
    out += (out.empty() ? "" : " ") + name.tokens[i].surface;
  }
  return out;
}

bool IsPatronymic(const names::NameToken& t) { return t.role == names::TokenRole::kPatronymic; }

bool PatronymicBetween(const names::ParsedName& name, size_t a, size_t b) {
  for (size_t k = std::min(a, b) + 1; k < std::max(a, b) && k < name.tokens.size(); ++k) {
    if (IsPatronymic(name.tokens[k])) return true;
  }
  return false;
}

// Whether two aligned words of the query sit on one side of a patronymic and
// the other way round in the listed name ("Hassan bin Yusuf" / "Yusuf bin
// Hassan"): a father and a son, not one person.
bool ReversedChain(const names::ParsedName& query, const names::ParsedName& listed,
                   const names::NameEvidence& evidence) {
  const auto& pairs = evidence.pairs;
  for (size_t x = 0; x < pairs.size(); ++x) {
    for (size_t y = x + 1; y < pairs.size(); ++y) {
      const names::AlignedPair& a = pairs[x];
      const names::AlignedPair& b = pairs[y];
      if (IsPatronymic(query.tokens[a.query_begin]) || IsPatronymic(query.tokens[b.query_begin])) {
        continue;
      }
      const bool crossed = (a.query_begin < b.query_begin) != (a.candidate_begin < b.candidate_begin);
      if (crossed && PatronymicBetween(query, a.query_begin, b.query_begin) &&
          PatronymicBetween(listed, a.candidate_begin, b.candidate_begin)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

double ScoreName(const names::ParsedName& query, const std::vector<float>& query_weights,
                 const IndexedName& listed, const names::NameEvidence& evidence,
                 Explanation* explanation) {
  double query_total = 0, query_matched = 0, listed_matched = 0;
  for (float w : query_weights) query_total += w;
  for (const names::AlignedPair& p : evidence.pairs) {
    const double credit = PairCredit(p.similarity);
    for (size_t i = p.query_begin; i < p.query_end; ++i) query_matched += credit * query_weights[i];
    for (size_t j = p.candidate_begin; j < p.candidate_end; ++j) {
      listed_matched += credit * listed.weights[j];
    }
  }
  double query_share = query_total > 0 ? query_matched / query_total : 0;
  double listed_share = listed.total_weight > 0 ? listed_matched / listed.total_weight : 0;
  double score = CombineShares(query_share, listed_share);
  const double conflict = Conflict(query, query_weights, listed, evidence);
  const bool reversed = ReversedChain(query, listed.parsed, evidence);
  score -= kConflictPenalty * conflict + (reversed ? kReversedChainPenalty : 0.0);
  if (explanation) {
    if (conflict > 0) {
      explanation->notes.push_back("words on both sides without a match: " +
                                   Unaligned(query, evidence, true) + " / " +
                                   Unaligned(listed.parsed, evidence, false));
    }
    if (reversed) explanation->notes.push_back("names on opposite sides of bin / ben / ibn");
    explanation->name = score;
    explanation->tokens.clear();
    for (const names::AlignedPair& p : evidence.pairs) {
      explanation->tokens.emplace_back(JoinSurfaces(query, p.query_begin, p.query_end),
                                       JoinSurfaces(listed.parsed, p.candidate_begin, p.candidate_end));
    }
  }
  return std::clamp(score, 0.0, 1.0);
}

double MaxNameScore(const std::vector<float>& query_weights, const IndexedName& listed,
                    const names::NameEvidence& evidence) {
  std::array<bool, names::kMaxNameTokens> query_aligned{}, listed_aligned{};
  double query_total = 0, query_matched = 0, listed_matched = 0;
  for (const names::AlignedPair& p : evidence.pairs) {
    const double credit = PairCredit(p.similarity);
    for (size_t i = p.query_begin; i < p.query_end; ++i) {
      query_matched += credit * query_weights[i];
      query_aligned[i] = true;
    }
    for (size_t j = p.candidate_begin; j < p.candidate_end; ++j) {
      listed_matched += credit * listed.weights[j];
      listed_aligned[j] = true;
    }
  }
  for (size_t i = 0; i < query_weights.size(); ++i) {
    query_total += query_weights[i];
    if (i < names::kMaxNameTokens && !query_aligned[i]) query_matched += query_weights[i];
  }
  for (size_t j = 0; j < listed.weights.size() && j < names::kMaxNameTokens; ++j) {
    if (!listed_aligned[j]) listed_matched += listed.weights[j];
  }
  double query_share = query_total > 0 ? query_matched / query_total : 0;
  double listed_share = listed.total_weight > 0 ? listed_matched / listed.total_weight : 0;
  return CombineShares(query_share, listed_share);
}

double MaxQualifierBonus(const Query& query) {
  double bonus = 0;
  if (!query.birth_date.empty()) bonus += kBirthDateExact;
  if (!query.nationality.empty()) bonus += kNationalityMatch;
  if (!query.id_number.empty()) bonus += kIdNumberMatch;
  return bonus;
}

double ApplyQualifiers(const Query& query, const lists::Entity& entity, double name_score,
                       Explanation* e) {
  if (!query.birth_date.empty() && !entity.birth_dates.empty()) {
    if (auto q = lists::PartialDate::Parse(query.birth_date)) {
      std::string note;
      e->birth_date = BirthDateAdjustment(*q, entity.birth_dates, &note);
      if (!note.empty()) e->notes.push_back(std::move(note));
    }
  }
  if (!query.nationality.empty() && !entity.nationalities.empty()) {
    std::string code = text::IsCountryCode(query.nationality)
                           ? std::string(1, static_cast<char>(std::tolower(query.nationality[0]))) +
                                 static_cast<char>(std::tolower(query.nationality[1]))
                           : text::CountryCode(query.nationality);
    if (!code.empty()) {
      bool same = std::find(entity.nationalities.begin(), entity.nationalities.end(), code) !=
                  entity.nationalities.end();
      e->nationality = same ? kNationalityMatch : kNationalityMismatch;
    }
  }
  if (!query.gender.empty() && !entity.gender.empty() && query.gender != entity.gender) {
    e->gender = kGenderMismatch;
  }
  if (query.schema && *query.schema != entity.schema) e->schema = kSchemaMismatch;
  if (!query.id_number.empty()) {
    std::string wanted = CanonicalId(query.id_number);
    for (const lists::IdentityDocument& id : entity.ids) {
      if (!wanted.empty() && CanonicalId(id.number) == wanted) {
        e->id_number = kIdNumberMatch;
        e->notes.push_back(id.type + " " + id.number + " matches");
        break;
      }
    }
  }
  double score = name_score + e->birth_date + e->nationality + e->gender + e->schema + e->id_number;
  return std::clamp(score, 0.0, 1.0);
}

}  // namespace qantara::screen
