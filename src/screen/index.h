// The in-memory candidate index over every name of every loaded entity.
//
// Start here for screen/: CandidateIndex is built once from the loaded lists
// (and rebuilt, then swapped, on a list update); Screener (screen/screener.h)
// asks it for candidates and scores them.
//
// Candidate generation never scans the lists: each distinct name word is
// stored once in a vocabulary with its phonetic key, and keys are indexed
// together with their one-deletion neighbours (as SymSpell does), so that a
// query word reaches every listed word whose key is within one edit of its own
// in a handful of hash lookups, whatever the list size. Words that reach are
// compared once per query; their postings give the names that contain them.
#ifndef QANTARA_SCREEN_INDEX_H_
#define QANTARA_SCREEN_INDEX_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "lists/entity.h"
#include "names/compare.h"
#include "names/name.h"
#include "screen/flat_postings.h"

namespace qantara::screen {

// One listed name: which entity, which of its names, and the parsed form.
struct IndexedName {
  uint32_t entity = 0;      // index into CandidateIndex::entities()
  uint32_t name_index = 0;  // index into that entity's names
  names::ParsedName parsed;
  std::vector<float> weights;  // CandidateIndex::TokenWeight of each token
  float total_weight = 0;      // their sum
};

class CandidateIndex;

// A name that shares enough with the query to be scored.
struct Candidate {
  uint32_t name = 0;          // index into CandidateIndex::names()
  float query_coverage = 0;   // estimated share of the query's weight it matches (0..1)
  float listed_coverage = 0;  // estimated share of the listed name's weight matched (0..1)
};

// Per-thread work space for Candidates(); reuse one per thread.
class CandidateScratch {
 public:
  CandidateScratch() = default;

 private:
  friend class CandidateIndex;
  // Per listed name: whether the current query touched it, and where its
  // coverage is: coverage_[slot + i] the best credit of a listed word aligned
  // with query token i, coverage_[slot + width + i] the most listed weight
  // such an alignment covers (width = coverage_width_, the query's tokens).
  struct NameState {
    uint32_t total_stamp = 0;  // query_stamp_ when slot is this query's
    uint32_t slot = 0;
  };
  std::vector<NameState> names_;
  std::vector<float> coverage_;
  size_t coverage_width_ = 0;
  std::vector<uint32_t> touched_;
  std::vector<uint32_t> word_seen_;  // per vocabulary word: stamp of the last visit
  std::string buffer_;               // deletions of the query word
  // What the first kKnownTokens query tokens are known to be like against
  // listed words (later tokens are computed when scored): gathering fills it,
  // scoring (TokenSimilarities) reads it. An open-addressing table by listed
  // word, a few hundred entries per query, so that it stays in cache; an
  // entry from an earlier query (another stamp) is an empty slot. When
  // known_complete_[i], every word at or above names::kMinPairSimilarity
  // against query token i has an entry, so a word without one is below it.
  static constexpr size_t kKnownTokens = 8;
  struct Known {
    uint32_t word = 0;
    uint32_t stamp = 0;  // query_stamp_ of its query
    uint8_t mask = 0;    // bit i: similarity[i] and measure[i] are set
    std::array<names::Measure, kKnownTokens> measure{};
    std::array<float, kKnownTokens> similarity{};
  };
  const Known* FindKnown(uint32_t word) const;
  Known& AddKnown(uint32_t word);  // the entry, new (mask 0) or found
  std::vector<Known> known_;       // size a power of two
  size_t known_count_ = 0;         // entries of this query
  std::array<bool, kKnownTokens> known_kept_{};
  std::array<bool, kKnownTokens> known_complete_{};
  uint32_t stamp_ = 0;
  uint32_t query_stamp_ = 0;
  // Listed words similar to a query word, by the query word's text and sounds.
  // Names are Zipf-distributed (Mohamed, Ali, Ahmed...), so most query words
  // of a batch were seen before; cleared when it grows past kMaxCached.
  struct Similar {
    uint32_t word;
    float similarity;
    names::Measure measure;
  };
  static constexpr size_t kMaxCached = 50000;
  std::unordered_map<std::string, std::vector<Similar>> similar_;
  uint64_t index_id_ = 0;  // CandidateIndex::id_ the arrays and the cache belong to
};

class CandidateIndex {
 public:
  // Builds the index. Names longer than names::kMaxNameBytes are cut by the
  // parser. `threads` > 1 parses names in parallel.
  static std::unique_ptr<CandidateIndex> Build(std::vector<lists::Entity> entities,
                                               int threads = 1);

  const std::vector<lists::Entity>& entities() const { return entities_; }
  const std::vector<IndexedName>& names() const { return names_; }
  // Vocabulary ids of name `n`'s tokens (in order), then of its joined word pairs.
  std::span<const uint32_t> NameWords(uint32_t n) const {
    return {name_words_.data() + name_words_begin_[n], name_words_begin_[n + 1] - name_words_begin_[n]};
  }
  size_t vocabulary_size() const { return vocab_.size(); }

  // How much a token counts in a name (policy input, computed from the lists):
  // ordinary words by the rarity of their phonetic key among listed names
  // (0.3 for the most common key .. 1.0 for a key seen once or never),
  // particles 0.2, titles 0.1.
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
  // computed. Values below names::kMinPairSimilarity may read as 0.
  void TokenSimilarities(const names::ParsedName& query, uint32_t name, bool gathered,
                         CandidateScratch* scratch,
                         std::vector<names::TokenSimilarityResult>* out) const;

 private:
  struct Word {
    names::NameToken token;
  };
  std::span<const uint32_t> Postings(uint32_t w) const {  // names containing word w, ascending
    return {postings_.data() + postings_begin_[w], postings_begin_[w + 1] - postings_begin_[w]};
  }
  CandidateIndex() = default;
  // Accumulates per-name coverage for the query; returns the names touched.
  const std::vector<uint32_t>& Accumulate(const names::ParsedName& query,
                                          const std::vector<float>& query_weights,
                                          float (*credit)(float), float min_query_coverage,
                                          CandidateScratch* s) const;
  // Adds what `token` shares with the names it reaches to their coverage: new
  // names when `gather`, else only names already touched. `position` is the
  // token's index in the query; `pair`: the token is query tokens `position`
  // and `position + 1` joined.
  void AddQueryWord(const names::NameToken& token, int position, bool pair, bool gather,
                    float (*credit)(float), CandidateScratch* s) const;
  void AddWords();
  std::vector<uint32_t> OrderVocabularyByKey();
  static std::string Identity(const names::NameToken& t);

  uint64_t id_ = 0;  // unique per built index, so scratch space knows whose data it holds
  template <typename F>
  void ForEachNeighbour(const names::NameToken& query_token, CandidateScratch* s, F f) const;
  // The listed words similar enough to `query_token` (cached in `s`).
  const std::vector<CandidateScratch::Similar>& SimilarWords(const names::NameToken& query_token,
                                                            CandidateScratch* s) const;

  std::vector<lists::Entity> entities_;
  std::vector<IndexedName> names_;
  std::vector<Word> vocab_;
  // Flat arrays for the loops over postings (a vector per word or name would
  // cost a cache miss more per step):
  std::vector<uint32_t> postings_begin_, postings_;       // Postings(w)
  std::vector<float> word_weight_;                        // per word: TokenWeight (joined: both)
  std::vector<uint32_t> name_words_begin_, name_words_;   // NameWords(n)
  struct NameWeight {
    float total = 0;      // sum of the token weights
    float particles = 0;  // sum of the weights of particles (not words, not titles)
  };
  std::vector<NameWeight> name_weight_;
  // Hashing and comparing string_views (C++20 heterogeneous lookup).
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Neighbourhoods of a word, by 64-bit hash of the string (a collision only
  // adds a word that the similarity filter then drops):
  FlatPostings by_text_;  // spelling (joined words under "\x01" + text)
  // Coarse key (of two classes or more) -> the run of single words that have it.
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>, StringHash, std::equal_to<>>
      by_coarse_key_;
  FlatPostings by_key_;            // key of single words (short keys, a query key's deletions)
  FlatPostings joined_by_key_;     // key of joined words (JoinTokens)
  FlatPostings joined_by_coarse_;  // script and coarse key of joined words
  uint32_t joined_scripts_ = 0;    // bit s: some joined word is in text::Script s
  FlatPostings by_key_deletion_;   // each one-class deletion of keys of 3+ classes
  FlatPostings by_text_deletion_;  // each one-letter deletion of words of 4+ letters
  FlatPostings by_particle_;       // particles by canonical form (bin, abu...)
  std::unordered_map<std::string, uint32_t> key_name_count_;  // names containing a word of this key
  float max_idf_ = 1.0f;
};

template <typename Rank>
void CandidateIndex::Candidates(const names::ParsedName& query,
                                const std::vector<float>& query_weights,
                                float (*credit)(float), float min_query_coverage, Rank rank,
                                float min_rank, size_t limit, CandidateScratch* s,
                                std::vector<Candidate>* out) const {
  out->clear();
  float query_weight = 0, query_particles = 0;
  for (size_t i = 0; i < query.tokens.size(); ++i) {
    query_weight += query_weights[i];
    if (!Searched(query, i)) query_particles += query_weights[i];
  }
  if (query_weight <= 0) return;
  const size_t width = query.tokens.size();
  std::array<bool, names::kMaxNameTokens> searched{};
  for (size_t i = 0; i < width; ++i) searched[i] = Searched(query, i);
  for (uint32_t n : Accumulate(query, query_weights, credit, min_query_coverage, s)) {
    const NameWeight& weight = name_weight_[n];
    const float* query_credit = s->coverage_.data() + s->names_[n].slot;
    const float* listed_covered = query_credit + width;
    // Particles (not searched) count as matched on both sides.
    float query_matched = query_particles, listed_matched = weight.particles;
    for (size_t i = 0; i < width; ++i) {
      if (searched[i]) query_matched += query_weights[i] * query_credit[i];
      listed_matched += listed_covered[i];
    }
    Candidate c{n, std::min(1.0f, query_matched / query_weight),
                std::min(1.0f, listed_matched / weight.total)};
    if (rank(c.query_coverage, c.listed_coverage) >= min_rank) out->push_back(c);
  }
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
