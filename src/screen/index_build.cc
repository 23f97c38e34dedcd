// Building the candidate index (see index.h for the design; querying is
// index_query.cc).
//
// The key neighbourhood is SymSpell's symmetric-deletion trick limited to one
// deletion: a listed word is filed under its key and under each key obtained by
// deleting one class; a query word looks up its key and its own one-deletion
// keys. Two keys within one insertion, deletion or substitution always share
// an entry. Keys shorter than three classes are filed only as they are: their
// deletions ("M", "L") would file half the vocabulary together.
// Checked by tests/screen/index_test.cc against brute force over every name.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "names/compare.h"
#include "screen/index.h"
#include "screen/internal/index_tables.h"
#include "screen/score_model.h"
#include "text/utf8.h"

namespace qantara::screen {
namespace {

// The readings of an organisation's (or vessel's...) name besides the name
// itself when it holds a parenthesis (its first), which lists use for the
// acronym ("HAQQANI NETWORK (HQN)"): the name without it, and a one-word
// parenthesis alone. A longer one ("(BRANCH LOCATED IN ...)") gives only the
// name without it. Persons' parentheses hold other names and are left alone.
std::vector<std::string> ParentheticReadings(const lists::Entity& entity, std::string_view value) {
  if (entity.schema == lists::Schema::kPerson) return {};
  const size_t open = value.find('(');
  const size_t close = value.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos || open == 0) return {};
  const std::string_view inside = value.substr(open + 1, close - open - 1);
  std::string outside(value.substr(0, open));
  outside.append(" ").append(value.substr(close + 1));
  std::vector<std::string> out = {std::move(outside)};
  const bool one_word = inside.find_first_of(" (") == std::string_view::npos &&
                        inside.size() >= 2 && inside.size() <= 10;
  if (one_word) out.emplace_back(inside);
  return out;
}

// Every non-empty name of every entity, parsed (`threads` > 1: in parallel),
// and its parenthetic readings (ParentheticReadings) after it.
std::vector<IndexedName> ParseNames(const std::vector<lists::Entity>& entities, int threads) {
  struct Pending {
    uint32_t entity, name_index;
    std::string reading;  // empty: the name as listed
  };
  std::vector<Pending> pending;
  for (uint32_t e = 0; e < entities.size(); ++e) {
    const auto& names = entities[e].names;
    for (uint32_t k = 0; k < names.size(); ++k) {
      if (names[k].value.empty()) continue;
      pending.push_back({e, k, {}});
      for (std::string& r : ParentheticReadings(entities[e], names[k].value)) {
        pending.push_back({e, k, std::move(r)});
      }
    }
  }
  std::vector<IndexedName> parsed(pending.size());
  auto parse_range = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const auto& entity = entities[pending[i].entity];
      parsed[i].entity = pending[i].entity;
      parsed[i].name_index = pending[i].name_index;
      const std::string& value = entity.names[pending[i].name_index].value;
      parsed[i].parsed = names::ParseName(pending[i].reading.empty() ? value : pending[i].reading);
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
  return parsed;
}

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

// Particles are found by canonical form only; words by spelling and key,
// and known organisation words (concepts, generic words) both ways.
bool IsParticle(const names::NameToken& t) { return !names::ComparesAsWord(t); }

}  // namespace

std::unique_ptr<CandidateIndex> CandidateIndex::Build(std::vector<lists::Entity> entities,
                                                      int threads) {
  static std::atomic<uint64_t> next_id{1};
  std::unique_ptr<CandidateIndex> index(new CandidateIndex());
  const uint64_t id = next_id.fetch_add(1);
  index->entities_ = std::move(entities);
  // Drop duplicates within an entity (the UK list repeats a name once per
  // "name variation" row).
  std::unordered_set<std::string> seen;
  uint32_t last_entity = UINT32_MAX;
  for (auto& name : ParseNames(index->entities_, threads)) {
    if (name.parsed.tokens.empty()) continue;
    if (name.entity != last_entity) {
      seen.clear();
      last_entity = name.entity;
    }
    if (!seen.insert(name.parsed.normalized).second) continue;
    index->names_.push_back(std::move(name));
  }
  index->tables_ = std::make_unique<internal::IndexTables>(id, &index->names_);
  for (uint32_t n = 0; n < index->names_.size(); ++n) {
    const names::ParsedName& parsed = index->names_[n].parsed;
    if (std::string acronym = names::Acronym(parsed); !acronym.empty()) {
      index->by_acronym_[acronym].push_back(n);
    }
    const auto words = std::count_if(parsed.tokens.begin(), parsed.tokens.end(),
                                     [](const names::NameToken& t) { return !IsParticle(t); });
    if (words > 2) continue;
    for (const names::NameToken& t : parsed.tokens) {
      if (names::MayBeInitials(t)) index->acronym_words_[t.text].push_back(n);
    }
  }
  return index;
}

namespace internal {

std::string Identity(const names::NameToken& t) {
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

IndexTables::IndexTables(uint64_t id, std::vector<IndexedName>* names)
    : id_(id), name_count_(names->size()) {
  AddWords(*names);
  AddNeighbourhoods();
  AddNameWeights(names);
}

// Renumbers the vocabulary so that words of one coarse key are neighbours in
// memory: a query word compares itself with a whole run of them, and
// scanning one run of memory costs far less than as many cache misses.
// Returns the new id of each old one.
std::vector<uint32_t> IndexTables::OrderVocabularyByKey() {
  std::vector<uint32_t> order(vocab_.size());
  for (uint32_t w = 0; w < order.size(); ++w) order[w] = w;
  // Single words first, then joined ones, then particles, so that the single
  // words of one coarse key form one run.
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const names::NameToken &x = vocab_[a].token, &y = vocab_[b].token;
    const bool px = IsParticle(x), py = IsParticle(y);
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

// Files every token of every name, and each joinable pair of adjacent tokens
// as one pseudo-word, into the vocabulary (in first-seen order): per word its
// postings (`postings`) and weight (`weights`), per name its words.
void IndexTables::FileWords(const std::vector<IndexedName>& names,
                            std::vector<std::vector<uint32_t>>* postings,
                            std::vector<std::vector<uint32_t>>* name_words,
                            std::vector<float>* weights) {
  std::unordered_map<std::string, uint32_t> by_identity;
  name_words->assign(names.size(), {});
  // Files `token` of name n; returns whether it is a new word.
  auto file = [&](const names::NameToken& token, uint32_t n) {
    auto [it, added] =
        by_identity.try_emplace(Identity(token), static_cast<uint32_t>(vocab_.size()));
    if (added) {
      vocab_.push_back({token});
      postings->emplace_back();
      weights->push_back(0.0f);
    }
    auto& p = (*postings)[it->second];
    if (p.empty() || p.back() != n) p.push_back(n);
    (*name_words)[n].push_back(it->second);
    return added;
  };
  for (uint32_t n = 0; n < names.size(); ++n) {
    std::unordered_set<std::string_view> keys;
    for (const names::NameToken& token : names[n].parsed.tokens) {
      file(token, n);
      if (token.role == names::TokenRole::kWord && !token.key.empty()) keys.insert(token.key);
    }
    for (std::string_view key : keys) ++key_name_count_[std::string(key)];
  }
  max_idf_ = std::log(static_cast<float>(names.size()) + 1.0f);
  if (max_idf_ <= 0) max_idf_ = 1.0f;
  for (uint32_t w = 0; w < vocab_.size(); ++w) (*weights)[w] = TokenWeight(vocab_[w].token);
  // Adjacent word pairs as one pseudo-word, so that a query word reaches
  // listed names whose word boundary differs ("Walijan" / "Wali Jan"); it
  // weighs what its two words weigh (in the first name that has it).
  for (uint32_t n = 0; n < names.size(); ++n) {
    const auto& tokens = names[n].parsed.tokens;
    for (size_t j = 0; j + 1 < tokens.size(); ++j) {
      const names::NameToken &a = tokens[j], &b = tokens[j + 1];
      if (!names::Joinable(a, b)) continue;
      if (file(names::JoinTokens(a, b), n)) weights->back() = TokenWeight(a) + TokenWeight(b);
    }
  }
}

void IndexTables::AddWords(const std::vector<IndexedName>& names) {
  std::vector<std::vector<uint32_t>> postings, name_words;
  std::vector<float> weights;  // per word
  FileWords(names, &postings, &name_words, &weights);
  const std::vector<uint32_t> new_id = OrderVocabularyByKey();
  std::vector<std::vector<uint32_t>> sorted_postings(postings.size());
  word_weight_.assign(weights.size(), 0.0f);
  for (uint32_t w = 0; w < new_id.size(); ++w) {
    sorted_postings[new_id[w]] = std::move(postings[w]);
    word_weight_[new_id[w]] = weights[w];
  }
  Flatten(sorted_postings, &postings_begin_, &postings_);
  for (auto& words : name_words) {
    for (uint32_t& w : words) w = new_id[w];
  }
  Flatten(name_words, &name_words_begin_, &name_words_);
}

// The neighbourhoods, built in node maps and then laid out flat.
void IndexTables::AddNeighbourhoods() {
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_text, by_particle, by_text_deletion,
      joined_by_key, joined_by_coarse, by_key, by_key_deletion;
  std::string buffer;
  for (uint32_t w = 0; w < vocab_.size(); ++w) {
    const names::NameToken& token = vocab_[w].token;
    by_text[Hash(token.span == 1 ? token.text : "\x01" + token.text)].push_back(w);
    if (IsParticle(token) || names::IsKnownWord(token)) {
      if (!token.particle.empty()) by_particle[Hash(token.particle)].push_back(w);
      if (IsParticle(token)) continue;
    }
    if (token.span == 1 && text::CountCodePoints(token.text) >= kMinLettersForDeletions) {
      ForEachDeletion(token.text, &buffer,
                      [&](std::string_view d) { by_text_deletion[Hash(d)].push_back(w); });
    }
    if (token.span != 1) {
      joined_by_key[Hash(token.key)].push_back(w);
      joined_by_coarse[Hash(ScriptAndKey(token.script, token.coarse, &buffer))].push_back(w);
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
}

void IndexTables::AddNameWeights(std::vector<IndexedName>* names) {
  name_weight_.assign(names->size(), NameWeight());
  for (uint32_t n = 0; n < names->size(); ++n) {
    IndexedName& name = (*names)[n];
    name.weights.clear();
    name.total_weight = 0;
    for (const names::NameToken& token : name.parsed.tokens) {
      float w = TokenWeight(token);
      name.weights.push_back(w);
      name.total_weight += w;
      NameWeight& weight = name_weight_[n];
      if (IsParticle(token)) {
        weight.particles += w;
      } else {
        weight.max_word = std::max(weight.max_word, w);
      }
      weight.word_initials |= LetterBit(token.surface.empty() ? '\0' : token.surface[0]);
      if (names::MayBeInitials(token)) {
        weight.initials += w;
        weight.initial_letters = static_cast<uint8_t>(
            std::min<size_t>(255, weight.initial_letters + token.text.size()));
        for (char c : token.text) weight.initials_mask |= LetterBit(c);
      }
    }
    name_weight_[n].total = name.total_weight;
  }
}

float IndexTables::TokenWeight(const names::NameToken& token) const {
  return screen::TokenWeight(token, [&](const std::string& key) {
    auto it = key_name_count_.find(key);
    float df = it == key_name_count_.end() ? 0.0f : static_cast<float>(it->second);
    float idf = std::log((static_cast<float>(name_count_) + 1.0f) / (df + 1.0f));
    return std::clamp(idf / max_idf_, 0.0f, 1.0f);
  });
}

}  // namespace internal
}  // namespace qantara::screen
