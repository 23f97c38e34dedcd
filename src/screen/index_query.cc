// Querying the candidate index (see index.h for the design; building is
// index_build.cc).
//
// A query word looks up its spelling, its key and its one-deletion keys (and
// spellings) in the neighbourhood tables, compares itself once with each
// listed word found (SimilarWords, cached per thread), and adds its credit to
// the coverage of every name that contains a similar word. Rarest words go
// first; once the words left cannot lift a new name to the coverage a match
// needs, they only add to names already gathered.
#include <algorithm>
#include <array>
#include <bit>

#include "names/compare.h"
#include "screen/index.h"
#include "screen/internal/index_tables.h"
#include "screen/score_model.h"
#include "text/utf8.h"

namespace qantara::screen {
namespace internal {

// A query word reaches listed words that (a) are spelled the same, (b) have
// the same coarse key (class swaps such as D/T), (c) have one key class more
// or fewer, or (d) are one letter away in spelling (typos); and listed joined
// words of its key. A joined query word reaches the words of its key. Calls
// f(w) once for each.
template <typename F>
void IndexTables::ForEachNeighbour(const names::NameToken& query_token, ScratchSpace* s,
                                   F f) const {
  const uint32_t stamp = ++s->stamp_;
  auto visit = [&](uint32_t w) {
    if (s->word_seen_[w] == stamp) return;
    s->word_seen_[w] = stamp;
    f(w);
  };
  auto add = [&](const FlatPostings& map, std::string_view key) {
    for (uint32_t w : map.Find(Hash(key))) visit(w);
  };
  std::string& buffer = s->buffer_;
  add(by_text_, query_token.text);
  buffer.assign(1, '\x01');  // (a char, not "\x01": GCC 12 -Wrestrict false positive)
  buffer.append(query_token.text);
  add(by_text_, buffer);
  // Particles by canonical form; known words that way too, and as words.
  if (!names::ComparesAsWord(query_token) || names::IsKnownWord(query_token)) {
    if (!query_token.particle.empty()) add(by_particle_, query_token.particle);
    if (!names::ComparesAsWord(query_token)) return;
  }
  AddKeyNeighbours(query_token, &buffer, add, visit);
  if (query_token.span != 1) return;  // joined query words: no deletions
  AddDeletionNeighbours(query_token, &buffer, add);
}

template <typename Add, typename Visit>
void IndexTables::AddKeyNeighbours(const names::NameToken& query_token, std::string* buffer,
                                   Add add, Visit visit) const {
  const std::string& key = query_token.key;
  // Listed joined words: of the same key, or of the same coarse key in
  // another script.
  add(joined_by_key_, key);
  for (unsigned script = 0; script < 32; ++script) {
    if ((joined_scripts_ >> script & 1) && script != static_cast<unsigned>(query_token.script)) {
      add(joined_by_coarse_,
          ScriptAndKey(static_cast<text::Script>(script), query_token.coarse, buffer));
    }
  }
  // Words whose key differs by the T of an Arabic construct ending
  // (names::ConstructKey: "Asbat" / its Arabic spelling).
  if (const std::string construct = names::ConstructKey(query_token); !construct.empty()) {
    add(by_key_, construct);
  }
  // Single words of the same coarse key (or key, for short ones).
  if (query_token.coarse.size() >= 2) {
    auto it = by_coarse_key_.find(query_token.coarse);
    if (it != by_coarse_key_.end()) {
      for (uint32_t w = it->second.first; w < it->second.second; ++w) visit(w);
    }
  } else {
    add(by_key_, key);
    if (key.size() == 1) {  // one-class keys also reach the classes spellings swap them with
      for (char c : std::string_view("BDFHJKLMNRSTZ")) {
        if (c != key[0] && names::CloseClasses(c, key[0])) add(by_key_, std::string_view(&c, 1));
      }
    }
  }
}

template <typename Add>
void IndexTables::AddDeletionNeighbours(const names::NameToken& query_token, std::string* buffer,
                                        Add add) const {
  const std::string& key = query_token.key;
  if (!key.empty()) {
    // Listed keys one class longer (their deletions are filed), and one class
    // shorter, which Comparable only accepts with three classes left.
    if (key.size() >= kMinKeyForDeletions) add(by_key_deletion_, key);
    if (key.size() > kMinKeyForDeletions) {
      ForEachDeletion(key, buffer, [&](std::string_view d) { add(by_key_, d); });
    }
  }
  const size_t letters = text::CountCodePoints(query_token.text);
  if (letters >= kMinLettersForDeletions) {
    add(by_text_deletion_, query_token.text);
    ForEachDeletion(query_token.text, buffer, [&](std::string_view d) {
      if (letters > kMinLettersForDeletions) add(by_text_, d);  // shorter words stay comparable
      add(by_text_deletion_, d);
    });
  }
}

const std::vector<ScratchSpace::Similar>& IndexTables::SimilarWords(
    const names::NameToken& query_token, ScratchSpace* s) const {
  if (s->similar_.size() >= ScratchSpace::kMaxCached) s->similar_.clear();
  std::string cache_key = Identity(query_token);
  auto [it, added] = s->similar_.try_emplace(std::move(cache_key));
  if (!added) return it->second;
  std::vector<ScratchSpace::Similar>& similar = it->second;
  ForEachNeighbour(query_token, s, [&](uint32_t w) {
    names::TokenSimilarityResult r =
        names::TokenSimilarity(query_token, vocab_[w].token, kNameCompareOptions);
    if (r.similarity >= kMinPairSimilarity) similar.push_back({w, r.similarity, r.measure});
  });
  return similar;
}

void ScratchSpace::Cover(uint32_t n, int position, bool pair, float pair_credit,
                         float listed_weight) {
  const size_t width = coverage_width_;
  NameState& state = names_[n];
  if (state.total_stamp != query_stamp_) {
    state.total_stamp = query_stamp_;
    state.slot = static_cast<uint32_t>(coverage_.size());
    coverage_.resize(coverage_.size() + 2 * width, 0.0f);
    touched_.push_back(n);
  }
  float* query_credit = coverage_.data() + state.slot;
  float* listed = query_credit + width;
  query_credit[position] = std::max(query_credit[position], pair_credit);
  if (pair) query_credit[position + 1] = std::max(query_credit[position + 1], pair_credit);
  listed[position] = std::max(listed[position], pair_credit * listed_weight);
}

void IndexTables::AddQueryWord(const names::NameToken& token, int position, bool pair, bool gather,
                               float (*credit)(float), ScratchSpace* s) const {
  // Whether what this token is like is kept for scoring (bit `position` of Known::mask).
  const bool kept = !pair && static_cast<size_t>(position) < ScratchSpace::kKnownTokens;
  const uint8_t bit = kept ? static_cast<uint8_t>(1u << position) : 0;
  if (kept) s->known_kept_[position] = true;
  // With few names gathered, a non-gathering word is compared with their words
  // directly (each listed word once) instead of searching all its neighbours;
  // Comparable() makes both ways give the same similarities.
  constexpr size_t kFewNames = 24;
  const bool direct = !gather && kept && s->touched_.size() <= kFewNames;
  if (!direct) {
    const auto& similar = SimilarWords(token, s);
    size_t postings = 0;
    for (const auto& w : similar) {
      postings += postings_begin_[w.word + 1] - postings_begin_[w.word];
      if (!kept) continue;
      ScratchSpace::Known& k = s->AddKnown(w.word);
      k.mask |= bit;
      k.similarity[position] = w.similarity;
      k.measure[position] = w.measure;
    }
    if (kept) s->known_complete_[position] = true;
    if (gather || !kept || postings <= s->touched_.size() * 4) {
      for (const auto& w : similar) {
        const float listed_weight = word_weight_[w.word];
        const float pair_credit = credit(w.similarity);
        for (uint32_t n : Postings(w.word)) {
          if (gather || s->names_[n].total_stamp == s->query_stamp_) {
            s->Cover(n, position, pair, pair_credit, listed_weight);
          }
        }
      }
      return;
    }
    // A common word against many gathered names: look its words up in each
    // name (those without a known similarity are below the floor).
  }
  AddQueryWordToTouched(token, position, direct, credit, s);
}

void IndexTables::AddQueryWordToTouched(const names::NameToken& token, int position, bool direct,
                                        float (*credit)(float), ScratchSpace* s) const {
  const uint8_t bit = static_cast<uint8_t>(1u << position);
  for (uint32_t n : s->touched_) {
    for (uint32_t word : NameWords(n)) {
      float sim;
      if (direct) {
        ScratchSpace::Known& k = s->AddKnown(word);
        if (!(k.mask & bit)) {
          names::TokenSimilarityResult r =
              names::TokenSimilarity(token, vocab_[word].token, kNameCompareOptions);
          k.mask |= bit;
          k.similarity[position] = r.similarity;
          k.measure[position] = r.measure;
        }
        sim = k.similarity[position];
      } else {
        const ScratchSpace::Known* k = s->FindKnown(word);
        if (!k || !(k->mask & bit)) continue;
        sim = k->similarity[position];
      }
      if (sim >= kMinPairSimilarity) s->Cover(n, position, false, credit(sim), word_weight_[word]);
    }
  }
}

void IndexTables::TokenSimilarities(const names::ParsedName& query, const IndexedName& listed,
                                    uint32_t name, bool gathered, ScratchSpace* s,
                                    std::vector<names::TokenSimilarityResult>* out) const {
  const std::span<const uint32_t> words = NameWords(name);
  const size_t nq = std::min(query.tokens.size(), names::kMaxNameTokens);
  const size_t nc = std::min(listed.parsed.tokens.size(), names::kMaxNameTokens);
  out->resize(nq * nc);
  for (size_t j = 0; j < nc; ++j) {
    const ScratchSpace::Known* k = gathered ? s->FindKnown(words[j]) : nullptr;
    for (size_t i = 0; i < nq; ++i) {
      names::TokenSimilarityResult& r = (*out)[i * nc + j];
      if (gathered && i < ScratchSpace::kKnownTokens && s->known_kept_[i]) {
        if (k && (k->mask >> i & 1)) {
          r = {k->similarity[i], k->measure[i]};
          continue;
        }
        if (s->known_complete_[i]) {
          r = {0.0f, names::Measure::kSound};
          continue;
        }
      }
      r = names::TokenSimilarity(query.tokens[i], listed.parsed.tokens[j], kNameCompareOptions);
    }
  }
}

const ScratchSpace::Known* ScratchSpace::FindKnown(uint32_t word) const {
  const size_t mask = known_.size() - 1;
  for (size_t slot = (word * 0x9E3779B1u) & mask;; slot = (slot + 1) & mask) {
    const Known& k = known_[slot];
    if (k.stamp != query_stamp_) return nullptr;
    if (k.word == word) return &k;
  }
}

ScratchSpace::Known& ScratchSpace::AddKnown(uint32_t word) {
  if ((known_count_ + 1) * 2 > known_.size()) {  // grow: at most half full
    std::vector<Known> old(std::max<size_t>(1024, known_.size() * 2));
    old.swap(known_);
    known_count_ = 0;
    for (const Known& k : old) {
      if (k.stamp == query_stamp_) AddKnown(k.word) = k;
    }
  }
  const size_t mask = known_.size() - 1;
  for (size_t slot = (word * 0x9E3779B1u) & mask;; slot = (slot + 1) & mask) {
    Known& k = known_[slot];
    if (k.stamp != query_stamp_) {
      k = Known();
      k.word = word;
      k.stamp = query_stamp_;
      ++known_count_;
      return k;
    }
    if (k.word == word) return k;
  }
}

void IndexTables::StartQuery(const names::ParsedName& query, ScratchSpace* s) const {
  if (s->index_id_ != id_ || s->stamp_ > UINT32_MAX - 1024) {
    // Another index (or a rebuilt one): nothing cached or stamped is valid.
    s->index_id_ = id_;
    s->similar_.clear();
    s->names_.assign(name_count_, ScratchSpace::NameState());
    s->word_seen_.assign(vocab_.size(), 0);
    s->known_.assign(1024, ScratchSpace::Known());
    s->stamp_ = 0;
  }
  s->known_kept_.fill(false);
  s->known_complete_.fill(false);
  s->known_count_ = 0;
  s->query_stamp_ = ++s->stamp_;
  s->touched_.clear();
  s->coverage_.clear();
  s->coverage_width_ = query.tokens.size();
}

const std::vector<uint32_t>& IndexTables::Accumulate(const names::ParsedName& query,
                                                     const std::vector<float>& query_weights,
                                                     float (*credit)(float),
                                                     float min_query_coverage,
                                                     ScratchSpace* s) const {
  StartQuery(query, s);
  // Rarest words first. A name first reached by word k can cover at most the
  // weight of words k.. and the particles: once that is below the coverage a
  // match needs, later words only add to names already gathered.
  float total = 0, particles = 0;
  std::vector<size_t> order;
  for (size_t i = 0; i < query.tokens.size(); ++i) {
    total += query_weights[i];
    if (CandidateIndex::Searched(query, i)) {
      order.push_back(i);
      // Initials may align with any word they begin (names::AlignJoined):
      // like particles, always there to cover.
      if (names::MayBeInitials(query.tokens[i])) particles += query_weights[i];
    } else {
      particles += query_weights[i];
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return query_weights[a] > query_weights[b]; });
  // Adjacent query words joined ("Wali Jan" against a listed "Walijan") first:
  // they are rare spellings and may be all a listed name shares with the query.
  for (size_t i = 0; i + 1 < query.tokens.size(); ++i) {
    const names::NameToken &a = query.tokens[i], &b = query.tokens[i + 1];
    if (names::Joinable(a, b)) {
      AddQueryWord(names::JoinTokens(a, b), static_cast<int>(i), true, true, credit, s);
    }
  }
  float remaining = total - particles;
  for (size_t i : order) {
    const bool gather = total > 0 && (remaining + particles) / total >= min_query_coverage;
    remaining -= query_weights[i];
    AddQueryWord(query.tokens[i], static_cast<int>(i), false, gather, credit, s);
  }
  return s->touched_;
}

void IndexTables::Coverages(const names::ParsedName& query, const std::vector<float>& query_weights,
                            float (*credit)(float), float min_query_coverage, ScratchSpace* s,
                            std::vector<Candidate>* out) const {
  out->clear();
  float query_weight = 0, query_particles = 0;
  for (size_t i = 0; i < query.tokens.size(); ++i) {
    query_weight += query_weights[i];
    if (!CandidateIndex::Searched(query, i)) query_particles += query_weights[i];
  }
  if (query_weight <= 0) return;
  const size_t width = query.tokens.size();
  std::array<bool, names::kMaxNameTokens> searched{}, initials{};
  // For the initials of either name (names::AlignJoined aligns them with
  // words that begin with their letters): the query's initials and their
  // letters, and the heaviest query word beginning with each letter.
  size_t query_initial_letters = 0;
  uint32_t query_initials_mask = 0;
  std::array<float, 26> heaviest_by_letter{};
  for (size_t i = 0; i < width; ++i) {
    const names::NameToken& t = query.tokens[i];
    searched[i] = CandidateIndex::Searched(query, i);
    initials[i] = names::MayBeInitials(t);
    if (initials[i]) {
      query_initial_letters += t.text.size();
      for (char c : t.text) query_initials_mask |= LetterBit(c);
    }
    const char first = t.surface.empty() ? '\0' : t.surface[0];
    if (searched[i] && LetterBit(first) != 0) {
      heaviest_by_letter[first - 'a'] = std::max(heaviest_by_letter[first - 'a'], query_weights[i]);
    }
  }
  for (uint32_t n : Accumulate(query, query_weights, credit, min_query_coverage, s)) {
    const NameWeight& weight = name_weight_[n];
    const float* query_credit = s->coverage_.data() + s->names_[n].slot;
    const float* listed_covered = query_credit + width;
    // Particles (not searched) count as matched on both sides.
    float query_matched = query_particles, listed_matched = weight.particles;
    for (size_t i = 0; i < width; ++i) {
      // Initials may align with words gathering never compared them with
      // (names::AlignJoined): counted as matched; and each of their letters
      // may cover one word of the other name, at most its heaviest.
      if (searched[i]) query_matched += query_weights[i] * (initials[i] ? 1.0f : query_credit[i]);
      listed_matched += listed_covered[i];
    }
    if (weight.initials_mask != 0) {
      float heaviest = 0;
      for (uint32_t m = weight.initials_mask; m != 0; m &= m - 1) {
        heaviest = std::max(heaviest, heaviest_by_letter[std::countr_zero(m)]);
      }
      query_matched += static_cast<float>(weight.initial_letters) * heaviest;
      listed_matched += weight.initials;
    }
    if ((query_initials_mask & weight.word_initials) != 0) {
      listed_matched += static_cast<float>(query_initial_letters) * weight.max_word;
    }
    out->push_back({n, std::min(1.0f, query_matched / query_weight),
                    std::min(1.0f, listed_matched / weight.total)});
  }
}

}  // namespace internal

CandidateScratch::CandidateScratch() : space_(std::make_unique<internal::ScratchSpace>()) {}
CandidateScratch::~CandidateScratch() = default;
CandidateScratch::CandidateScratch(CandidateScratch&&) noexcept = default;
CandidateScratch& CandidateScratch::operator=(CandidateScratch&&) noexcept = default;

CandidateIndex::CandidateIndex() = default;
CandidateIndex::~CandidateIndex() = default;

std::span<const uint32_t> CandidateIndex::NameWords(uint32_t n) const {
  return tables_->NameWords(n);
}

size_t CandidateIndex::vocabulary_size() const { return tables_->vocabulary_size(); }

float CandidateIndex::TokenWeight(const names::NameToken& token) const {
  return tables_->TokenWeight(token);
}

void CandidateIndex::AddAcronymCandidates(const names::ParsedName& query,
                                          std::vector<Candidate>* out) const {
  auto add = [&](const std::unordered_map<std::string, std::vector<uint32_t>>& map,
                 const std::string& key) {
    auto it = map.find(key);
    if (it == map.end()) return;
    for (uint32_t n : it->second) {
      const bool known = std::any_of(out->begin(), out->end(),
                                     [&](const Candidate& c) { return c.name == n; });
      if (!known) out->push_back({n, 1.0f, 1.0f});
    }
  };
  if (std::string acronym = names::Acronym(query); !acronym.empty()) add(acronym_words_, acronym);
  for (const names::NameToken& t : query.tokens) {
    if (names::MayBeInitials(t)) add(by_acronym_, t.text);
  }
}

bool CandidateIndex::Searched(const names::ParsedName& query, size_t i) {
  if (names::ComparesAsWord(query.tokens[i])) return true;
  return std::none_of(query.tokens.begin(), query.tokens.end(), names::ComparesAsWord);
}

void CandidateIndex::Coverages(const names::ParsedName& query,
                               const std::vector<float>& query_weights, float (*credit)(float),
                               float min_query_coverage, CandidateScratch* scratch,
                               std::vector<Candidate>* out) const {
  tables_->Coverages(query, query_weights, credit, min_query_coverage, scratch->space_.get(), out);
}

void CandidateIndex::TokenSimilarities(const names::ParsedName& query, uint32_t name, bool gathered,
                                       CandidateScratch* scratch,
                                       std::vector<names::TokenSimilarityResult>* out) const {
  tables_->TokenSimilarities(query, names_[name], name, gathered, scratch->space_.get(), out);
}

}  // namespace qantara::screen
