// Screening one query: candidates from the index, full scoring, qualifiers,
// one best name per entity, threshold, allow-list, top K.
//
// Pruning is safe by construction: a candidate is skipped only when the best
// score it could reach (its coverage estimates, which do not undercount, plus
// every qualifier bonus the query could earn) stays below the threshold.
#include "screen/screener.h"

#include <algorithm>
#include <unordered_map>

namespace qantara::screen {
namespace {

bool HasLetters(const names::ParsedName& name) { return !name.tokens.empty(); }

}  // namespace

Screener::Screener(std::shared_ptr<const CandidateIndex> index, ScreenOptions options,
                   std::shared_ptr<const AllowList> allow)
    : index_(std::move(index)), options_(options), allow_(std::move(allow)) {}

Result<ScreenResult> Screener::Screen(const Query& query, ScreenScratch* scratch) const {
  if (query.name.size() > names::kMaxNameBytes) {
    return Status::ResourceExhausted("name is " + std::to_string(query.name.size()) +
                                     " bytes; the limit is " +
                                     std::to_string(names::kMaxNameBytes));
  }
  names::ParsedName parsed = names::ParseName(query.name);
  if (!HasLetters(parsed)) return Status::InvalidArgument("name is empty or has no letters");
  std::vector<float> weights;
  for (const names::NameToken& t : parsed.tokens) weights.push_back(index_->TokenWeight(t));

  const double bonus = MaxQualifierBonus(query);
  const double needed = options_.threshold - bonus;
  auto estimate = [](float query_coverage, float listed_coverage) {
    return static_cast<float>(CombineShares(query_coverage, listed_coverage));
  };
  std::vector<Candidate>& candidates = scratch->buffer;
  if (options_.brute_force) {
    candidates.clear();
    for (uint32_t n = 0; n < index_->names().size(); ++n) candidates.push_back({n, 1.0f, 1.0f});
  } else {
    // The listed side can add at most (1 - kQueryShare): the query side must do the rest.
    const double min_query = (needed - (1 - kQueryShare)) / kQueryShare;
    index_->Candidates(parsed, weights, PairCredit, static_cast<float>(min_query) - 1e-4f,
                       estimate, static_cast<float>(needed) - 1e-4f,
                       options_.candidates, &scratch->candidates, &candidates);
  }

  std::unordered_map<uint32_t, Match> best;  // by entity
  for (const Candidate& c : candidates) {
    const IndexedName& listed = index_->names()[c.name];
    Explanation explanation;
    double name_score = ScoreName(parsed, weights, listed, &explanation);
    if (name_score < needed) continue;
    const lists::Entity& entity = index_->entities()[listed.entity];
    double score = ApplyQualifiers(query, entity, name_score, &explanation);
    if (score < options_.threshold) continue;
    auto [it, added] = best.try_emplace(listed.entity);
    if (added || score > it->second.score ||
        (score == it->second.score && c.name < it->second.name)) {
      it->second = Match{listed.entity, c.name, score, std::move(explanation)};
    }
  }
  ScreenResult result;
  for (auto& [entity, match] : best) result.matches.push_back(std::move(match));
  std::sort(result.matches.begin(), result.matches.end(), [](const Match& a, const Match& b) {
    return a.score != b.score ? a.score > b.score : a.entity < b.entity;
  });
  if (allow_ && allow_->size() > 0) {
    const std::string identity = AllowList::Identity(query.name, query.birth_date);
    std::vector<Match> kept;
    for (Match& m : result.matches) {
      const std::string* reason = allow_->Find(identity, index_->entities()[m.entity].id());
      if (reason) {
        m.explanation.notes.push_back("cleared by allow-list: " + *reason);
        result.suppressed.push_back(std::move(m));
      } else {
        kept.push_back(std::move(m));
      }
    }
    result.matches = std::move(kept);
  }
  if (result.matches.size() > options_.top_k) result.matches.resize(options_.top_k);
  return result;
}

}  // namespace qantara::screen
