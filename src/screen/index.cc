// Building and querying the candidate index (see index.h for the design).
//
// The key neighbourhood is SymSpell's symmetric-deletion trick limited to one
// deletion: a listed word is filed under its key and under each key obtained by
// deleting one class; a query word looks up its key and its own one-deletion
// keys. Two keys within one insertion, deletion or substitution always share
// an entry. Keys shorter than three classes are filed only as they are: their
// deletions ("M", "L") would file half the vocabulary together.
// Checked by tests/screen/index_test.cc against brute force over every name.
#include "screen/index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "names/compare.h"
#include "names/phonetic.h"
#include "text/utf8.h"

namespace qantara::screen {
namespace {

constexpr size_t kMinKeyForDeletions = 3;
constexpr size_t kMinLettersForDeletions = 4;

uint64_t Hash(std::string_view s) { return std::hash<std::string_view>()(s); }

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

// A script and a key as one string: joined_by_coarse_'s key.
std::string_view ScriptAndKey(text::Script script, std::string_view key, std::string* buffer) {
  buffer->assign(1, static_cast<char>('0' + static_cast<int>(script)));
  buffer->append(key);
  return *buffer;
}

std::string ScriptAndKey(text::Script script, std::string_view key) {
  std::string out;
  ScriptAndKey(script, key, &out);
  return out;
}

}  // namespace

std::unique_ptr<CandidateIndex> CandidateIndex::Build(std::vector<lists::Entity> entities,
                                                      int threads) {
  static std::atomic<uint64_t> next_id{1};
  std::unique_ptr<CandidateIndex> index(new CandidateIndex());
  index->id_ = next_id.fetch_add(1);
  index->entities_ = std::move(entities);
  // Flatten the names first, dropping duplicates within an entity (the UK
  // list repeats a name once per "name variation" row).
  struct Pending {
    uint32_t entity, name_index;
  };
  std::vector<Pending> pending;
  for (uint32_t e = 0; e < index->entities_.size(); ++e) {
    const auto& names = index->entities_[e].names;
    for (uint32_t k = 0; k < names.size(); ++k) {
      if (!names[k].value.empty()) pending.push_back({e, k});
    }
  }
  std::vector<IndexedName> parsed(pending.size());
  auto parse_range = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const auto& entity = index->entities_[pending[i].entity];
      parsed[i].entity = pending[i].entity;
      parsed[i].name_index = pending[i].name_index;
      parsed[i].parsed = names::ParseName(entity.names[pending[i].name_index].value);
    }
  };
  threads = std::max(1, threads);
  if (threads == 1 || pending.size() < 1000) {
    parse_range(0, pending.size());
  } else {
    std::vector<std::thread> workers;
    size_t chunk = (pending.size() + threads - 1) / threads;
    for (int t = 0; t < threads; ++t) {
      size_t begin = std::min(pending.size(), t * chunk);
      size_t end = std::min(pending.size(), begin + chunk);
      workers.emplace_back(parse_range, begin, end);
    }
    for (auto& w : workers) w.join();
  }
  std::unordered_set<std::string> seen;
  uint32_t last_entity = UINT32_MAX;
  for (auto& name : parsed) {
    if (name.parsed.tokens.empty()) continue;
    if (name.entity != last_entity) {
      seen.clear();
      last_entity = name.entity;
    }
    if (!seen.insert(name.parsed.normalized).second) continue;
    index->names_.push_back(std::move(name));
  }
  index->AddWords();
  return index;
}

// Renumbers the vocabulary so that words of one coarse key are neighbours in
// memory: a query word compares itself with a whole run of them, and
// scanning one run of memory costs far less than as many cache misses.
// Returns the new id of each old one.
std::vector<uint32_t> CandidateIndex::OrderVocabularyByKey() {
  std::vector<uint32_t> order(vocab_.size());
  for (uint32_t w = 0; w < order.size(); ++w) order[w] = w;
  // Single words first, then joined ones, then particles, so that the single
  // words of one coarse key form one run.
  auto particle = [](const names::NameToken& t) {
    return t.role != names::TokenRole::kWord && t.role != names::TokenRole::kTitle;
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const names::NameToken &x = vocab_[a].token, &y = vocab_[b].token;
    const bool px = particle(x), py = particle(y);
    return std::tie(px, x.span, x.coarse, x.key, x.text) <
           std::tie(py, y.span, y.coarse, y.key, y.text);
  });
  std::vector<uint32_t> new_id(vocab_.size());
  std::vector<Word> sorted;
  sorted.reserve(vocab_.size());
  for (uint32_t w : order) {
    new_id[w] = static_cast<uint32_t>(sorted.size());
    sorted.push_back(std::move(vocab_[w]));
  }
  vocab_ = std::move(sorted);
  return new_id;
}

// What makes two listed tokens one vocabulary word: everything similarity
// looks at, not the spelling alone ("sheikh" the title is not "sheikh" the word).
std::string CandidateIndex::Identity(const names::NameToken& t) {
  std::string id = t.text;
  id += '\0';
  id += static_cast<char>('0' + static_cast<int>(t.role));
  id += static_cast<char>('0' + t.span);
  id += t.particle;
  id += '\0';
  id += t.sounds;
  id += '\0';
  id += t.key;
  return id;
}

namespace {

// Concatenates lists into one array and the offsets of each list in it.
void Flatten(const std::vector<std::vector<uint32_t>>& lists, std::vector<uint32_t>* begin,
             std::vector<uint32_t>* flat) {
  begin->assign(1, 0);
  flat->clear();
  for (const auto& list : lists) {
    flat->insert(flat->end(), list.begin(), list.end());
    begin->push_back(static_cast<uint32_t>(flat->size()));
  }
}

}  // namespace

void CandidateIndex::AddWords() {
  std::unordered_map<std::string, uint32_t> by_identity;
  std::vector<std::vector<uint32_t>> postings, name_words(names_.size());
  std::vector<float> weights;  // per word
  // Files `token` of name n; returns whether it is a new word.
  auto file = [&](const names::NameToken& token, uint32_t n) {
    auto [it, added] = by_identity.try_emplace(Identity(token), static_cast<uint32_t>(vocab_.size()));
    if (added) {
      vocab_.push_back({token});
      postings.emplace_back();
      weights.push_back(0.0f);
    }
    auto& p = postings[it->second];
    if (p.empty() || p.back() != n) p.push_back(n);
    name_words[n].push_back(it->second);
    return added;
  };
  for (uint32_t n = 0; n < names_.size(); ++n) {
    std::unordered_set<std::string_view> keys;
    for (const names::NameToken& token : names_[n].parsed.tokens) {
      file(token, n);
      if (token.role == names::TokenRole::kWord && !token.key.empty()) keys.insert(token.key);
    }
    for (std::string_view key : keys) ++key_name_count_[std::string(key)];
  }
  max_idf_ = std::log(static_cast<float>(names_.size()) + 1.0f);
  if (max_idf_ <= 0) max_idf_ = 1.0f;
  for (uint32_t w = 0; w < vocab_.size(); ++w) weights[w] = TokenWeight(vocab_[w].token);
  // Adjacent word pairs as one pseudo-word, so that a query word reaches
  // listed names whose word boundary differs ("Walijan" / "Wali Jan"); it
  // weighs what its two words weigh (in the first name that has it).
  for (uint32_t n = 0; n < names_.size(); ++n) {
    const auto& tokens = names_[n].parsed.tokens;
    for (size_t j = 0; j + 1 < tokens.size(); ++j) {
      const names::NameToken &a = tokens[j], &b = tokens[j + 1];
      if (!names::Joinable(a, b)) continue;
      if (file(names::JoinTokens(a, b), n)) weights.back() = TokenWeight(a) + TokenWeight(b);
    }
  }
  const std::vector<uint32_t> new_id = OrderVocabularyByKey();
  {
    std::vector<std::vector<uint32_t>> sorted_postings(postings.size());
    word_weight_.assign(weights.size(), 0.0f);
    for (uint32_t w = 0; w < new_id.size(); ++w) {
      sorted_postings[new_id[w]] = std::move(postings[w]);
      word_weight_[new_id[w]] = weights[w];
    }
    Flatten(sorted_postings, &postings_begin_, &postings_);
  }
  for (auto& words : name_words) {
    for (uint32_t& w : words) w = new_id[w];
  }
  Flatten(name_words, &name_words_begin_, &name_words_);

  // The neighbourhoods, built in node maps and then laid out flat.
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_text, by_particle, by_text_deletion,
      joined_by_key, joined_by_coarse, by_key, by_key_deletion;
  std::string buffer;
  for (uint32_t w = 0; w < vocab_.size(); ++w) {
    const names::NameToken& token = vocab_[w].token;
    by_text[Hash(token.span == 1 ? token.text : "\x01" + token.text)].push_back(w);
    if (token.role != names::TokenRole::kWord && token.role != names::TokenRole::kTitle) {
      if (!token.particle.empty()) by_particle[Hash(token.particle)].push_back(w);
      continue;
    }
    if (token.span == 1 && text::CountCodePoints(token.text) >= kMinLettersForDeletions) {
      ForEachDeletion(token.text, &buffer,
                      [&](std::string_view d) { by_text_deletion[Hash(d)].push_back(w); });
    }
    if (token.span != 1) {
      joined_by_key[Hash(token.key)].push_back(w);
      joined_by_coarse[Hash(ScriptAndKey(token.script, token.coarse))].push_back(w);
      joined_scripts_ |= 1u << static_cast<unsigned>(token.script);
      continue;
    }
    if (token.coarse.size() >= 2) {  // words are in coarse key order: one run each
      auto [it, added] = by_coarse_key_.try_emplace(token.coarse, w, w + 1);
      if (!added) it->second.second = w + 1;
    }
    by_key[Hash(token.key)].push_back(w);
    if (token.key.empty()) continue;
    if (token.key.size() < kMinKeyForDeletions) continue;
    ForEachDeletion(token.key, &buffer,
                    [&](std::string_view d) { by_key_deletion[Hash(d)].push_back(w); });
  }
  // Each node map is freed as soon as it is laid out (peak memory).
  auto lay_out = [](std::unordered_map<uint64_t, std::vector<uint32_t>>* lists, FlatPostings* to) {
    *to = FlatPostings(*lists);
    std::unordered_map<uint64_t, std::vector<uint32_t>>().swap(*lists);
  };
  lay_out(&by_text, &by_text_);
  lay_out(&by_particle, &by_particle_);
  lay_out(&by_text_deletion, &by_text_deletion_);
  lay_out(&joined_by_key, &joined_by_key_);
  lay_out(&joined_by_coarse, &joined_by_coarse_);
  lay_out(&by_key, &by_key_);
  lay_out(&by_key_deletion, &by_key_deletion_);
  name_weight_.assign(names_.size(), NameWeight());
  for (uint32_t n = 0; n < names_.size(); ++n) {
    IndexedName& name = names_[n];
    name.weights.clear();
    name.total_weight = 0;
    for (const names::NameToken& token : name.parsed.tokens) {
      float w = TokenWeight(token);
      name.weights.push_back(w);
      name.total_weight += w;
      if (token.role != names::TokenRole::kWord && token.role != names::TokenRole::kTitle) {
        name_weight_[n].particles += w;
      }
    }
    name_weight_[n].total = name.total_weight;
  }
}

float CandidateIndex::TokenWeight(const names::NameToken& token) const {
  switch (token.role) {
    case names::TokenRole::kTitle: return 0.1f;
    case names::TokenRole::kWord: break;
    default: return 0.2f;
  }
  if (token.key.empty()) return 0.6f;
  auto it = key_name_count_.find(token.key);
  float df = it == key_name_count_.end() ? 0.0f : static_cast<float>(it->second);
  float idf = std::log((static_cast<float>(names_.size()) + 1.0f) / (df + 1.0f));
  return 0.3f + 0.7f * std::clamp(idf / max_idf_, 0.0f, 1.0f);
}

// A query word reaches listed words that (a) are spelled the same, (b) have
// the same coarse key (class swaps such as D/T), (c) have one key class more
// or fewer, or (d) are one letter away in spelling (typos); and listed joined
// words of its key. A joined query word reaches the words of its key. Calls f(w) once
// for each.
template <typename F>
void CandidateIndex::ForEachNeighbour(const names::NameToken& query_token, CandidateScratch* s,
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
  auto add_text = [&](std::string_view text) { add(by_text_, text); };
  std::string& buffer = s->buffer_;
  add_text(query_token.text);
  buffer.assign("\x01");
  buffer.append(query_token.text);
  add_text(buffer);
  if (query_token.role != names::TokenRole::kWord && query_token.role != names::TokenRole::kTitle) {
    if (!query_token.particle.empty()) add(by_particle_, query_token.particle);
    return;
  }
  const std::string& key = query_token.key;
  // Listed joined words: of the same key, or of the same coarse key in
  // another script.
  add(joined_by_key_, key);
  for (unsigned script = 0; script < 32; ++script) {
    if ((joined_scripts_ >> script & 1) && script != static_cast<unsigned>(query_token.script)) {
      add(joined_by_coarse_,
          ScriptAndKey(static_cast<text::Script>(script), query_token.coarse, &buffer));
    }
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
  if (query_token.span != 1) return;  // joined query words: no deletions
  if (!key.empty()) {
    // Listed keys one class longer (their deletions are filed), and one class
    // shorter, which Comparable only accepts with three classes left.
    if (key.size() >= kMinKeyForDeletions) add(by_key_deletion_, key);
    if (key.size() > kMinKeyForDeletions) {
      ForEachDeletion(key, &buffer, [&](std::string_view d) { add(by_key_, d); });
    }
  }
  const size_t letters = text::CountCodePoints(query_token.text);
  if (letters >= kMinLettersForDeletions) {
    add(by_text_deletion_, query_token.text);
    ForEachDeletion(query_token.text, &buffer, [&](std::string_view d) {
      if (letters > kMinLettersForDeletions) add_text(d);  // shorter words stay comparable
      add(by_text_deletion_, d);
    });
  }
}

const std::vector<CandidateScratch::Similar>& CandidateIndex::SimilarWords(
    const names::NameToken& query_token, CandidateScratch* s) const {
  if (s->similar_.size() >= CandidateScratch::kMaxCached) s->similar_.clear();
  std::string cache_key = Identity(query_token);
  auto [it, added] = s->similar_.try_emplace(std::move(cache_key));
  if (!added) return it->second;
  std::vector<CandidateScratch::Similar>& similar = it->second;
  ForEachNeighbour(query_token, s, [&](uint32_t w) {
    names::TokenSimilarityResult r = names::TokenSimilarity(query_token, vocab_[w].token);
    if (r.similarity >= names::kMinPairSimilarity) similar.push_back({w, r.similarity, r.measure});
  });
  return similar;
}

void CandidateIndex::AddQueryWord(const names::NameToken& token, int position, bool pair,
                                  bool gather, float (*credit)(float),
                                  CandidateScratch* s) const {
  // What name n is known to share with this query: per query position, the
  // best credit of a listed word aligned with it (a joined pair's credit
  // counts for both its words), and the most listed weight that alignment
  // covers. Positions, not sums: a word and the pair it is part of are
  // alternatives, never both.
  const size_t width = s->coverage_width_;
  auto update = [&](uint32_t n, float pair_credit, float listed_weight) {
    CandidateScratch::NameState& state = s->names_[n];
    if (state.total_stamp != s->query_stamp_) {
      state.total_stamp = s->query_stamp_;
      state.slot = static_cast<uint32_t>(s->coverage_.size());
      s->coverage_.resize(s->coverage_.size() + 2 * width, 0.0f);
      s->touched_.push_back(n);
    }
    float* query_credit = s->coverage_.data() + state.slot;
    float* listed = query_credit + width;
    query_credit[position] = std::max(query_credit[position], pair_credit);
    if (pair) query_credit[position + 1] = std::max(query_credit[position + 1], pair_credit);
    listed[position] = std::max(listed[position], pair_credit * listed_weight);
  };
  // Whether what this token is like is kept for scoring (bit `position` of Known::mask).
  const bool kept = !pair && static_cast<size_t>(position) < CandidateScratch::kKnownTokens;
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
      CandidateScratch::Known& k = s->AddKnown(w.word);
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
            update(n, pair_credit, listed_weight);
          }
        }
      }
      return;
    }
    // A common word against many gathered names: look its words up in each
    // name (those without a known similarity are below the floor).
  }
  for (uint32_t n : s->touched_) {
    for (uint32_t word : NameWords(n)) {
      float sim;
      if (direct) {
        CandidateScratch::Known& k = s->AddKnown(word);
        if (!(k.mask & bit)) {
          names::TokenSimilarityResult r = names::TokenSimilarity(token, vocab_[word].token);
          k.mask |= bit;
          k.similarity[position] = r.similarity;
          k.measure[position] = r.measure;
        }
        sim = k.similarity[position];
      } else {
        const CandidateScratch::Known* k = s->FindKnown(word);
        if (!k || !(k->mask & bit)) continue;
        sim = k->similarity[position];
      }
      if (sim >= names::kMinPairSimilarity) update(n, credit(sim), word_weight_[word]);
    }
  }
}

void CandidateIndex::TokenSimilarities(const names::ParsedName& query, uint32_t name,
                                       bool gathered, CandidateScratch* s,
                                       std::vector<names::TokenSimilarityResult>* out) const {
  const IndexedName& listed = names_[name];
  const std::span<const uint32_t> words = NameWords(name);
  const size_t nq = std::min(query.tokens.size(), names::kMaxNameTokens);
  const size_t nc = std::min(listed.parsed.tokens.size(), names::kMaxNameTokens);
  out->resize(nq * nc);
  for (size_t j = 0; j < nc; ++j) {
    const CandidateScratch::Known* k = gathered ? s->FindKnown(words[j]) : nullptr;
    for (size_t i = 0; i < nq; ++i) {
      names::TokenSimilarityResult& r = (*out)[i * nc + j];
      if (gathered && i < CandidateScratch::kKnownTokens && s->known_kept_[i]) {
        if (k && (k->mask >> i & 1)) {
          r = {k->similarity[i], k->measure[i]};
          continue;
        }
        if (s->known_complete_[i]) {
          r = {0.0f, names::Measure::kSound};
          continue;
        }
      }
      r = names::TokenSimilarity(query.tokens[i], listed.parsed.tokens[j]);
    }
  }
}

const CandidateScratch::Known* CandidateScratch::FindKnown(uint32_t word) const {
  const size_t mask = known_.size() - 1;
  for (size_t slot = (word * 0x9E3779B1u) & mask;; slot = (slot + 1) & mask) {
    const Known& k = known_[slot];
    if (k.stamp != query_stamp_) return nullptr;
    if (k.word == word) return &k;
  }
}

CandidateScratch::Known& CandidateScratch::AddKnown(uint32_t word) {
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

bool CandidateIndex::Searched(const names::ParsedName& query, size_t i) {
  auto is_word = [](const names::NameToken& t) {
    return t.role == names::TokenRole::kWord || t.role == names::TokenRole::kTitle;
  };
  if (is_word(query.tokens[i])) return true;
  return std::none_of(query.tokens.begin(), query.tokens.end(), is_word);
}

const std::vector<uint32_t>& CandidateIndex::Accumulate(const names::ParsedName& query,
                                                        const std::vector<float>& query_weights,
                                                        float (*credit)(float),
                                                        float min_query_coverage,
                                                        CandidateScratch* s) const {
  if (s->index_id_ != id_ || s->stamp_ > UINT32_MAX - 1024) {
    // Another index (or a rebuilt one): nothing cached or stamped is valid.
    s->index_id_ = id_;
    s->similar_.clear();
    s->names_.assign(names_.size(), CandidateScratch::NameState());
    s->word_seen_.assign(vocab_.size(), 0);
    s->known_.assign(1024, CandidateScratch::Known());
    s->stamp_ = 0;
  }
  s->known_kept_.fill(false);
  s->known_complete_.fill(false);
  s->known_count_ = 0;
  s->query_stamp_ = ++s->stamp_;
  s->touched_.clear();
  s->coverage_.clear();
  s->coverage_width_ = query.tokens.size();
  // Rarest words first. A name first reached by word k can cover at most the
  // weight of words k.. and the particles: once that is below the coverage a
  // match needs, later words only add to names already gathered.
  float total = 0, particles = 0;
  std::vector<size_t> order;
  for (size_t i = 0; i < query.tokens.size(); ++i) {
    total += query_weights[i];
    if (Searched(query, i)) {
      order.push_back(i);
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

}  // namespace qantara::screen
