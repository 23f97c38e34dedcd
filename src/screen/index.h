// The in-memory candidate index over every name of every loaded entity.
//
// Screener (screen/screener.h, where screen/ starts) owns one and asks it for
// candidates; CandidateIndex is built once from the loaded lists (and rebuilt,
// then swapped, on a list update).
//
// Candidate generation never scans the lists: each distinct name word is
// stored once in a vocabulary with its phonetic key, and keys are indexed
// together with their one-deletion neighbours (as SymSpell does), so that a
// query word reaches every listed word whose key is within one edit of its own
// in a handful of hash lookups, whatever the list size. Words that reach are
// compared once per query; their postings give the names that contain them.
// docs/index.md gives the design; the tables are screen/internal/.
#ifndef QANTARA_SCREEN_INDEX_H_
#define QANTARA_SCREEN_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "lists/entity.h"
#include "names/compare.h"
#include "names/name.h"

namespace qantara::screen {

namespace internal {
class IndexTables;
class ScratchSpace;
}  // namespace internal

// One listed name: which entity, which of its names, and the parsed form.
struct IndexedName {
  uint32_t entity = 0;      // index into CandidateIndex::entities()
  uint32_t name_index = 0;  // index into that entity's names
  names::ParsedName parsed;
  std::vector<float> weights;  // CandidateIndex::TokenWeight of each token
  float total_weight = 0;      // their sum
};

// A name that shares enough with the query to be scored.
struct Candidate {
  uint32_t name = 0;          // index into CandidateIndex::names()
  float query_coverage = 0;   // estimated share of the query's weight it matches (0..1)
  float listed_coverage = 0;  // estimated share of the listed name's weight matched (0..1)
};

// Per-thread work space for Candidates() and TokenSimilarities(); reuse one
// per thread (it caches what it learnt about query words). Movable, not
// copyable; not thread-safe.
class CandidateScratch {
 public:
  CandidateScratch();
  ~CandidateScratch();
  CandidateScratch(CandidateScratch&&) noexcept;
  CandidateScratch& operator=(CandidateScratch&&) noexcept;

 private:
  friend class CandidateIndex;
  std::unique_ptr<internal::ScratchSpace> space_;
};

// Immutable once built; thread-safe for concurrent readers.
class CandidateIndex {
 public:
  // Builds the index. Names longer than names::kMaxNameBytes are cut by the
  // parser. `threads` > 1 parses names in parallel.
  static std::unique_ptr<CandidateIndex> Build(std::vector<lists::Entity> entities,
                                               int threads = 1);
  ~CandidateIndex();

  const std::vector<lists::Entity>& entities() const { return entities_; }
  const std::vector<IndexedName>& names() const { return names_; }
  // Vocabulary ids of name `n`'s tokens (in order), then of its joined word pairs.
  std::span<const uint32_t> NameWords(uint32_t n) const;
  size_t vocabulary_size() const;

  // How much a token counts in a name: screen/score_model.h's TokenWeight,
  // with the rarity of the token's phonetic key among the listed names.
  float TokenWeight(const names::NameToken& token) const;

  // Which query tokens are searched: words and titles, or the particles when
  // the query has nothing else ("Abu"); the others count as matched.
  static bool Searched(const names::ParsedName& query, size_t i);

  // Fills `out` with the names that share at least one word (within one key
  // edit, or by spelling) with `query`, with coverage estimates that do not
  // undercount a one-to-one alignment (particles are counted as matched).
  // `credit(similarity)` is how much an aligned word counts (the score
  // model's, so that estimates and scores agree). Names whose query coverage
  // cannot reach `min_query_coverage` are never gathered (words common enough
  // that they alone cannot reach it only add to names that rarer words
  // found). `rank(q, l)` orders the names (higher first); those ranking below
  // `min_rank` are dropped, and at most `limit` are kept.
  // Thread-safe for concurrent callers with distinct scratch objects.
  template <typename Rank>
  void Candidates(const names::ParsedName& query, const std::vector<float>& query_weights,
                  float (*credit)(float), float min_query_coverage, Rank rank, float min_rank,
                  size_t limit, CandidateScratch* scratch, std::vector<Candidate>* out) const;

  // out[i * nc + j] = names::TokenSimilarity(query.tokens[i], listed token j)
  // for listed name `name`, nq and nc capped as names::CompareNames caps them;
  // read from what Candidates() found out about this query when `gathered`
  // (REQUIRES: Candidates() was last called on `scratch` with `query`), else
  // computed. Values below kMinPairSimilarity (screen/score_model.h) may
  // read as 0.
  void TokenSimilarities(const names::ParsedName& query, uint32_t name, bool gathered,
                         CandidateScratch* scratch,
                         std::vector<names::TokenSimilarityResult>* out) const;

 private:
  CandidateIndex();
  // Every name the query touches, with its coverage estimates, unranked.
  void Coverages(const names::ParsedName& query, const std::vector<float>& query_weights,
                 float (*credit)(float), float min_query_coverage, CandidateScratch* scratch,
                 std::vector<Candidate>* out) const;

  // Names an acronym of the query names, or whose acronym is a query word
  // ("NDM" / "New Dawn Movement"), with estimates that cannot undercount
  // (1, 1): they share no word to be found by.
  void AddAcronymCandidates(const names::ParsedName& query, std::vector<Candidate>* out) const;

  std::vector<lists::Entity> entities_;
  std::vector<IndexedName> names_;
  // names::Acronym of listed names, and listed words that could be acronyms
  // (names::MayBeInitials, in names of at most two such words) -> names.
  std::unordered_map<std::string, std::vector<uint32_t>> by_acronym_;
  std::unordered_map<std::string, std::vector<uint32_t>> acronym_words_;
  std::unique_ptr<const internal::IndexTables> tables_;
};

template <typename Rank>
void CandidateIndex::Candidates(const names::ParsedName& query,
                                const std::vector<float>& query_weights, float (*credit)(float),
                                float min_query_coverage, Rank rank, float min_rank, size_t limit,
                                CandidateScratch* s, std::vector<Candidate>* out) const {
  Coverages(query, query_weights, credit, min_query_coverage, s, out);
  AddAcronymCandidates(query, out);
  std::erase_if(*out, [&](const Candidate& c) {
    return !(rank(c.query_coverage, c.listed_coverage) >= min_rank);
  });
  auto better = [&](const Candidate& a, const Candidate& b) {
    float ra = rank(a.query_coverage, a.listed_coverage);
    float rb = rank(b.query_coverage, b.listed_coverage);
    return ra != rb ? ra > rb : a.name < b.name;
  };
  if (out->size() > limit) {
    std::partial_sort(out->begin(), out->begin() + limit, out->end(), better);
    out->resize(limit);
  } else {
    std::sort(out->begin(), out->end(), better);
  }
}

}  // namespace qantara::screen

#endif  // QANTARA_SCREEN_INDEX_H_
