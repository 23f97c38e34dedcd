// Screening: one query against every loaded list, best matches first.
//
// Start here for screen/. A Screener answers a Query (screen/score_model.h)
// with the listed entities that match it, scored and explained:
//   auto index = CandidateIndex::Build(entities);          // screen/index.h
//   Screener screener(std::move(index), ScreenOptions());
//   ScreenScratch scratch;                                 // one per thread
//   Result<ScreenResult> r = screener.Screen(query, &scratch);
// The index gives candidates (names sharing a word with the query, within a
// key edit); names/ aligns their tokens; the score model (score_model.h, the
// whole scoring policy on one screen) turns the alignment and the qualifiers
// into a score; the allow-list (allow_list.h) clears known false positives.
//
// Screener holds a CandidateIndex (shared, immutable) and the options; it is
// thread-safe. A reload builds a new index and a new Screener and swaps a
// shared pointer, so that readers never see half an index.
#ifndef QANTARA_SCREEN_SCREENER_H_
#define QANTARA_SCREEN_SCREENER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "screen/allow_list.h"
#include "screen/index.h"
#include "screen/score_model.h"

namespace qantara::screen {

struct ScreenOptions {
  // Matches scoring below this are not returned. The default is the score
  // model's (screen/score_model.h), chosen by eval/.
  double threshold = kDefaultThreshold;
  // At most this many matches per query (best first).
  size_t top_k = 5;
  // At most this many candidate names are scored in full per query, best
  // estimate first: a bound on the work a hostile or very common query can
  // cause. Below it the index returns exactly what scoring every listed name
  // would; past it (hundreds of near-identical listed names) it may not.
  size_t candidates = 2048;
  // Score every listed name instead of using the index (the slow reference
  // that the differential tests compare the index with).
  bool brute_force = false;
};

struct Match {
  uint32_t entity = 0;  // index into Screener::index().entities()
  uint32_t name = 0;    // index into Screener::index().names(): the listed name that matched
  double score = 0;
  Explanation explanation;
};

struct ScreenResult {
  std::vector<Match> matches;     // score >= threshold, best first, at most top_k
  std::vector<Match> suppressed;  // would have matched but the allow-list cleared them
};

// Per-thread work space; reuse one per thread.
struct ScreenScratch {
  CandidateScratch candidates;
  std::vector<Candidate> buffer;
  std::vector<names::TokenSimilarityResult> similarities;  // of one candidate's tokens
};

class Screener {
 public:
  // REQUIRES: index != nullptr. `allow` may be null.
  Screener(std::shared_ptr<const CandidateIndex> index, ScreenOptions options,
           std::shared_ptr<const AllowList> allow = nullptr);

  // Screens one query. Fails with kInvalidArgument when the name is empty, or
  // kResourceExhausted when it is longer than names::kMaxNameBytes.
  Result<ScreenResult> Screen(const Query& query, ScreenScratch* scratch) const;

  const CandidateIndex& index() const { return *index_; }
  const ScreenOptions& options() const { return options_; }

 private:
  std::shared_ptr<const CandidateIndex> index_;
  ScreenOptions options_;
  std::shared_ptr<const AllowList> allow_;
};

}  // namespace qantara::screen

#endif  // QANTARA_SCREEN_SCREENER_H_
