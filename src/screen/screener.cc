// Screening one query: candidates from the index, full scoring, qualifiers,
// one best name per entity, threshold, allow-list, top K.
//
// Pruning is safe by construction: a candidate is skipped only when the best
// score it could reach (its coverage estimates, which do not undercount, plus
// every qualifier bonus the query could earn) stays below the threshold or
// the K-th score found; ScreenOptions::candidates caps the work.
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

  // Candidates come best estimate first, and an estimate (plus every bonus)
  // bounds the score: once top_k entities score above the next bound, no
  // later candidate can enter the top K, and scoring stops.
  const std::string identity =
      allow_ && allow_->size() > 0 ? AllowList::Identity(query.name, query.birth_date) : "";
  std::unordered_map<uint32_t, Match> best, cleared;  // by entity
  std::vector<double> top;                            // best scores so far, descending
  auto kth_score = [&]() {
    top.clear();
    for (const auto& [entity, m] : best) top.push_back(m.score);
    std::sort(top.begin(), top.end(), std::greater<>());
    return top.size() >= options_.top_k && options_.top_k > 0 ? top[options_.top_k - 1] : -1.0;
  };
  double kth = -1.0;
  for (const Candidate& c : candidates) {
    if (kth >= 0 && estimate(c.query_coverage, c.listed_coverage) + bonus + 1e-4 < kth) break;
    const IndexedName& listed = index_->names()[c.name];
    // Token similarities mostly come from gathering; score first, and build
    // the explanation (strings) only for names that can match.
    index_->TokenSimilarities(parsed, c.name, !options_.brute_force, &scratch->candidates,
                              &scratch->similarities);
    names::NameEvidence evidence =
        names::AlignOneToOne(parsed, listed.parsed, scratch->similarities.data(),
                             kNameCompareOptions);
    // The joined pass only for names it could lift to a match.
    if (MaxNameScore(weights, listed, evidence) + 1e-9 < needed) continue;
    names::AlignJoined(parsed, listed.parsed, kNameCompareOptions, &evidence);
    double name_score = ScoreName(parsed, weights, listed, evidence, nullptr);
    if (name_score < needed) continue;
    Explanation explanation;
    ScoreName(parsed, weights, listed, evidence, &explanation);
    const lists::Entity& entity = index_->entities()[listed.entity];
    double score = ApplyQualifiers(query, entity, name_score, &explanation);
    if (score < options_.threshold) continue;
    const std::string* reason = identity.empty() ? nullptr : allow_->Find(identity, entity.id());
    if (reason) explanation.notes.push_back("cleared by allow-list: " + *reason);
    auto& into = reason ? cleared : best;
    auto [it, added] = into.try_emplace(listed.entity);
    if (added || score > it->second.score ||
        (score == it->second.score && c.name < it->second.name)) {
      it->second = Match{listed.entity, c.name, score, std::move(explanation)};
      if (!reason) kth = kth_score();
    }
  }
  auto by_score = [](const Match& a, const Match& b) {
    return a.score != b.score ? a.score > b.score : a.entity < b.entity;
  };
  ScreenResult result;
  for (auto& [entity, match] : best) result.matches.push_back(std::move(match));
  for (auto& [entity, match] : cleared) result.suppressed.push_back(std::move(match));
  std::sort(result.matches.begin(), result.matches.end(), by_score);
  std::sort(result.suppressed.begin(), result.suppressed.end(), by_score);
  if (result.matches.size() > options_.top_k) result.matches.resize(options_.top_k);
  return result;
}

}  // namespace qantara::screen
