// Internal to screen/: the candidate index's word tables and per-thread
// scratch space, which screen/index.h keeps out of its contract.
//
// IndexTables holds the vocabulary (each distinct listed word once), its
// postings (the names that contain each word) and the neighbourhood tables
// that take a query word to the listed words within one key edit. It is built
// once, when the index is (AddWords, AddNeighbourhoods and AddNameWeights in
// index_build.cc), and then only read, by the query side
// (index_query.cc), so that concurrent queries need no lock: each brings its
// own ScratchSpace.
#ifndef QANTARA_SCREEN_INTERNAL_INDEX_TABLES_H_
#define QANTARA_SCREEN_INTERNAL_INDEX_TABLES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "names/compare.h"
#include "names/name.h"
#include "screen/index.h"
#include "screen/internal/flat_postings.h"
#include "text/normalize.h"

namespace qantara::screen::internal {

// Keys shorter than this are filed only as they are: their deletions ("M",
// "L") would file half the vocabulary together.
inline constexpr size_t kMinKeyForDeletions = 3;
// Spellings shorter than this get no typo neighbourhood.
inline constexpr size_t kMinLettersForDeletions = 4;

inline uint64_t Hash(std::string_view s) { return std::hash<std::string_view>()(s); }

// Calls f(d) for each distinct string d obtained by deleting one code point
// of `s`, built in `buffer` (no allocation once it is large enough).
template <typename F>
void ForEachDeletion(std::string_view s, std::string* buffer, F f) {
  size_t i = 0;
  std::string_view last;
  while (i < s.size()) {
    size_t next = i + 1;
    while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
    // Deleting either letter of a double letter gives the same string.
    const bool same_as_last = i > 0 && !last.empty() && s.substr(i, next - i) == last;
    last = s.substr(i, next - i);
    if (!same_as_last) {
      buffer->assign(s.substr(0, i));
      buffer->append(s.substr(next));
      f(std::string_view(*buffer));
    }
    i = next;
  }
}

// A script and a key as one string (joined_by_coarse_'s key), in `buffer`.
inline std::string_view ScriptAndKey(text::Script script, std::string_view key,
                                     std::string* buffer) {
  buffer->assign(1, static_cast<char>('0' + static_cast<int>(script)));
  buffer->append(key);
  return *buffer;
}

// What makes two tokens one vocabulary word: everything similarity looks at,
// not the spelling alone ("sheikh" the title is not "sheikh" the word).
std::string Identity(const names::NameToken& t);

class IndexTables;

// The per-thread state of CandidateScratch.
class ScratchSpace {
 private:
  friend class IndexTables;
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
  // known_complete_[i], every word at or above kMinPairSimilarity
  // (screen/score_model.h) against query token i has an entry, so a word
  // without one is below it.
  static constexpr size_t kKnownTokens = 8;
  struct Known {
    uint32_t word = 0;
    uint32_t stamp = 0;  // query_stamp_ of its query
    uint8_t mask = 0;    // bit i: similarity[i] and measure[i] are set
    std::array<names::Measure, kKnownTokens> measure{};
    std::array<float, kKnownTokens> similarity{};
  };
  // Raises name n's coverage at query `position` (and `position + 1` for a
  // joined pair) to `pair_credit`, and the listed weight it covers; touches n.
  void Cover(uint32_t n, int position, bool pair, float pair_credit, float listed_weight);
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
  uint64_t index_id_ = 0;  // IndexTables::id_ the arrays and the cache belong to
};

class IndexTables {
 public:
  // Builds the tables over `names` and fills each name's weights
  // (index_build.cc). `id` is unique per built index.
  IndexTables(uint64_t id, std::vector<IndexedName>* names);

  size_t vocabulary_size() const { return vocab_.size(); }
  std::span<const uint32_t> NameWords(uint32_t n) const {
    return {name_words_.data() + name_words_begin_[n],
            name_words_begin_[n + 1] - name_words_begin_[n]};
  }
  float TokenWeight(const names::NameToken& token) const;

  // CandidateIndex::Candidates' gathering: every name the query touches,
  // with its coverage estimates, in the order first touched.
  void Coverages(const names::ParsedName& query, const std::vector<float>& query_weights,
                 float (*credit)(float), float min_query_coverage, ScratchSpace* s,
                 std::vector<Candidate>* out) const;
  // CandidateIndex::TokenSimilarities for listed name `listed` (number `name`).
  void TokenSimilarities(const names::ParsedName& query, const IndexedName& listed, uint32_t name,
                         bool gathered, ScratchSpace* s,
                         std::vector<names::TokenSimilarityResult>* out) const;

 private:
  struct Word {
    names::NameToken token;
  };
  // A Latin letter's bit in NameWeight's masks; 0 for other characters.
  static uint32_t LetterBit(char c) { return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0; }
  struct NameWeight {
    float total = 0;      // sum of the token weights
    float particles = 0;  // sum of the weights of particles (not words, not titles)
    float max_word = 0;   // the heaviest word's weight (particles left out)
    float initials = 0;   // the weight of its tokens that names::MayBeInitials,
    uint8_t initial_letters = 0;  // their letters (capped),
    uint32_t initials_mask = 0;   // and which letters they are (bit 0: 'a');
    uint32_t word_initials = 0;   // the letters its words begin with
  };
  // Hashing and comparing string_views (C++20 heterogeneous lookup).
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  // Building (index_build.cc).
  void AddWords(const std::vector<IndexedName>& names);
  void FileWords(const std::vector<IndexedName>& names,
                 std::vector<std::vector<uint32_t>>* postings,
                 std::vector<std::vector<uint32_t>>* name_words, std::vector<float>* weights);
  std::vector<uint32_t> OrderVocabularyByKey();
  void AddNeighbourhoods();
  void AddNameWeights(std::vector<IndexedName>* names);

  // Querying (index_query.cc).
  std::span<const uint32_t> Postings(uint32_t w) const {  // names containing word w, ascending
    return {postings_.data() + postings_begin_[w], postings_begin_[w + 1] - postings_begin_[w]};
  }
  // Readies `s` for a new query (and for this index, if it served another).
  void StartQuery(const names::ParsedName& query, ScratchSpace* s) const;
  // Accumulates per-name coverage for the query; returns the names touched.
  const std::vector<uint32_t>& Accumulate(const names::ParsedName& query,
                                          const std::vector<float>& query_weights,
                                          float (*credit)(float), float min_query_coverage,
                                          ScratchSpace* s) const;
  // Adds what `token` shares with the names it reaches to their coverage: new
  // names when `gather`, else only names already touched. `position` is the
  // token's index in the query; `pair`: the token is query tokens `position`
  // and `position + 1` joined.
  void AddQueryWord(const names::NameToken& token, int position, bool pair, bool gather,
                    float (*credit)(float), ScratchSpace* s) const;
  // Compares `token` with the listed words of the names already touched.
  void AddQueryWordToTouched(const names::NameToken& token, int position, bool direct,
                             float (*credit)(float), ScratchSpace* s) const;
  template <typename F>
  void ForEachNeighbour(const names::NameToken& query_token, ScratchSpace* s, F f) const;
  // ForEachNeighbour's steps: the words reached by key (joined words, one
  // coarse key), then those one deletion away (keys and spellings).
  template <typename Add, typename Visit>
  void AddKeyNeighbours(const names::NameToken& query_token, std::string* buffer, Add add,
                        Visit visit) const;
  template <typename Add>
  void AddDeletionNeighbours(const names::NameToken& query_token, std::string* buffer,
                             Add add) const;
  // The listed words similar enough to `query_token` (cached in `s`).
  const std::vector<ScratchSpace::Similar>& SimilarWords(const names::NameToken& query_token,
                                                         ScratchSpace* s) const;

  uint64_t id_ = 0;  // unique per built index, so scratch space knows whose data it holds
  size_t name_count_ = 0;
  std::vector<Word> vocab_;
  // Flat arrays for the loops over postings (a vector per word or name would
  // cost a cache miss more per step):
  std::vector<uint32_t> postings_begin_, postings_;      // Postings(w)
  std::vector<float> word_weight_;                       // per word: TokenWeight (joined: both)
  std::vector<uint32_t> name_words_begin_, name_words_;  // NameWords(n)
  std::vector<NameWeight> name_weight_;
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

}  // namespace qantara::screen::internal

#endif  // QANTARA_SCREEN_INTERNAL_INDEX_TABLES_H_
