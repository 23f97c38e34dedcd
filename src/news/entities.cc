// Entity linking across documents and scripts.
//
// Places and gazetteer organisations link by gazetteer id. Persons link by
// name comparison (names::CompareNames, the screening comparison, so that
// scripts and spellings are bridged the same way): a mention joins a person
// already known when every word of the shorter of the two names aligns with
// a word of the longer ("Bourita" with "Nasser Bourita", its Arabic spelling
// with both); among several, the one seen in this document, then the most
// recent. Candidates come from the phonetic keys of name words, so the cost
// per mention does not grow with the number of entities.
// Keys are slugs of the first Latin form, made unique; the canonical form is
// the fullest Latin form seen, so it may improve while the key stays.
#include "news/entities.h"

#include <algorithm>
#include <cctype>

#include "names/compare.h"
#include "news/romanize.h"
#include "text/normalize.h"
#include "text/transliterate.h"

namespace qantara::news {
namespace {

constexpr float kSameWord = 0.8f;  // token similarity for "the same name word"

size_t NameWords(const names::ParsedName& n) {
  size_t words = 0;
  for (const auto& t : n.tokens) words += t.role == names::TokenRole::kWord;
  return words;
}

}  // namespace

// Words of `a` that align with a word of `b` at kSameWord or more.
size_t AlignedWords(const names::ParsedName& a, const names::ParsedName& b) {
  names::NameEvidence e = names::CompareNames(a, b, screen::kNameCompareOptions);
  size_t aligned = 0;
  for (const auto& p : e.pairs) {
    if (p.similarity < kSameWord) continue;
    for (size_t q = p.query_begin; q < p.query_end; ++q) {
      aligned += a.tokens[q].role == names::TokenRole::kWord;
    }
  }
  return aligned;
}

bool NameContained(const names::ParsedName& a, const names::ParsedName& b) {
  const size_t wa = NameWords(a), wb = NameWords(b);
  if (wa == 0 || wb == 0) return false;
  return AlignedWords(a, b) >= std::min(wa, wb);
}

namespace {

bool IsLatin(std::string_view s) { return text::DominantScript(s) == text::Script::kLatin; }

// "NASSER BOURITA" -> "Nasser Bourita"; mixed case is kept as written.
std::string Display(std::string_view s) {
  std::string out(s);
  bool lower = false;
  for (char c : out) lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  if (lower) return out;
  bool start = true;
  for (char& c : out) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      if (!start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      start = false;
    } else {
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

}  // namespace

std::string Slug(std::string_view name) {
  std::string latin = text::TransliterateToLatin(RomanizeName(name));
  std::string out;
  for (char c : latin) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

EntityLinker::EntityLinker(std::shared_ptr<const screen::Screener> screener, LinkOptions options)
    : screener_(std::move(screener)),
      scratch_(std::make_unique<screen::ScreenScratch>()),
      options_(options) {}

std::vector<LinkedMention> EntityLinker::LinkDocument(const std::vector<Mention>& mentions) {
  ++document_;
  std::vector<LinkedMention> out;
  out.reserve(mentions.size());
  for (const Mention& m : mentions) {
    size_t e;
    if (m.type == MentionType::kPerson) {
      const names::ParsedName& name = Parsed(m.text);
      if (NameWords(name) == 0) continue;  // a title alone
      e = FindOrAddPerson(m, name);
    } else {
      e = FindOrAddNamed(m);
    }
    Entity& entity = entities_[e];
    entity.last_document = document_;
    if (entity.forms.size() < EntityRecord::kMaxNames &&
        std::find(entity.forms.begin(), entity.forms.end(), m.text) == entity.forms.end()) {
      entity.forms.push_back(m.text);
      entity.changed = true;
    }
    out.push_back({m, entities_[e].key, entities_[e].canonical, entities_[e].listed});
  }
  // Canonical forms may have improved during the document: report the final one.
  for (LinkedMention& l : out) l.canonical = entities_[by_key_.at(l.entity)].canonical;
  return out;
}

size_t EntityLinker::FindOrAddPerson(const Mention& m, const names::ParsedName& name) {
  std::vector<size_t> candidates;
  for (const auto& t : name.tokens) {
    auto it = by_word_key_.find(t.key);
    if (t.key.empty() || it == by_word_key_.end()) continue;
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  // A person can only contain the mention (or be contained) when about as
  // many of their words share a key as the shorter name has words: count the
  // shared keys per person and compare only those (common given names reach many).
  std::sort(candidates.begin(), candidates.end());
  const size_t words = NameWords(name);
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size();) {
    size_t j = i;
    while (j < candidates.size() && candidates[j] == candidates[i]) ++j;
    // One word may align by sound with another key (spellings across scripts).
    const size_t shorter = std::min(words, entities_[candidates[i]].words);
    if (j - i + 1 >= shorter) candidates[kept++] = candidates[i];
    i = j;
  }
  candidates.resize(kept);
  // Among the persons the mention can be, the one it aligns with best, then one
  // named in this document, then the most recent. A single word (a family name
  // alone) only joins a person across documents when no other person has it.
  size_t best = SIZE_MAX, best_aligned = 0, containing = 0;
  for (size_t c : candidates) {
    const Entity& e = entities_[c];
    const size_t aligned = AlignedWords(name, e.name);
    if (aligned < std::min(words, e.words)) continue;
    // Two full names that merely share a word (Mohamed Ali, Mohamed Salah) are two people.
    if (words >= 2 && e.words >= 2 && words == e.words && aligned < words) continue;
    ++containing;
    const bool better =
        best == SIZE_MAX || aligned > best_aligned ||
        (aligned == best_aligned && e.last_document > entities_[best].last_document);
    if (better) {
      best = c;
      best_aligned = aligned;
    }
  }
  if (best != SIZE_MAX && words == 1 && containing > 1 &&
      entities_[best].last_document != document_) {
    best = SIZE_MAX;  // ambiguous: "Ali" alone could be any of them
  }
  if (best != SIZE_MAX) {
    Entity& e = entities_[best];
    // The fullest form wins; a written Latin form also replaces a romanisation.
    const bool latin = IsLatin(m.text);
    if (words > e.words || (latin && e.romanized && words == e.words)) {
      if (words > e.words) {
        e.name = name;
        e.words = words;
        IndexPerson(best);
      }
      if (latin) {
        e.canonical = Display(m.text);
        e.romanized = false;
      } else if (e.romanized) {
        e.canonical = RomanizeName(m.text);
      }
      e.changed = true;
      if (words >= 2 && !e.listed) e.listed = Screen(m.text, lists::Schema::kPerson);
    }
    return best;
  }
  std::string canonical = IsLatin(m.text) ? Display(m.text) : RomanizeName(m.text);
  const size_t e = AddEntity(MentionType::kPerson, "p:" + Slug(canonical), canonical, name);
  entities_[e].words = words;
  entities_[e].romanized = !IsLatin(m.text);
  IndexPerson(e);
  if (words >= 2) entities_[e].listed = Screen(m.text, lists::Schema::kPerson);
  if (entities_[e].listed && !IsLatin(m.text)) {
    entities_[e].canonical = Display(entities_[e].listed->caption);
    entities_[e].romanized = false;
  }
  return e;
}

size_t EntityLinker::FindOrAddNamed(const Mention& m) {
  if (m.entry) {
    auto it = by_key_.find(m.entry->id);
    if (it != by_key_.end()) return it->second;
    const size_t e = AddEntity(m.type, m.entry->id, m.entry->canonical, {});
    if (m.type == MentionType::kOrganization) {
      entities_[e].listed =
          Screen(m.entry->screen_as.empty() ? m.entry->canonical : m.entry->screen_as,
                 lists::Schema::kOrganization);
    }
    return e;
  }
  const char prefix = m.type == MentionType::kOrganization ? 'o' : 'l';
  // The same words name the same organisation or place (and spare a romanisation).
  const std::string text_key = std::string(1, prefix) + m.text;
  if (auto known = named_by_text_.find(text_key); known != named_by_text_.end()) {
    return known->second;
  }
  std::string canonical = IsLatin(m.text) ? Display(m.text) : RomanizeName(m.text);
  const std::string key = std::string(1, prefix) + ":" + Slug(canonical);
  auto it = by_key_.find(key);
  if (it != by_key_.end() && entities_[it->second].type == m.type) {
    named_by_text_.emplace(text_key, it->second);
    return it->second;
  }
  const size_t e = AddEntity(m.type, key, canonical, {});
  named_by_text_.emplace(text_key, e);
  if (m.type == MentionType::kOrganization) {
    entities_[e].listed = Screen(m.text, lists::Schema::kOrganization);
    if (entities_[e].listed && !IsLatin(m.text)) {
      entities_[e].canonical = Display(entities_[e].listed->caption);
    }
  }
  return e;
}

const names::ParsedName& EntityLinker::Parsed(const std::string& text) {
  // News repeats its names; parsing (ICU normalisation) is the costly part of linking.
  if (parsed_.size() >= kMaxParsed) parsed_.clear();
  auto [it, added] = parsed_.try_emplace(text);
  if (added) it->second = names::ParseName(text);
  return it->second;
}

void EntityLinker::IndexPerson(size_t e) {
  for (const auto& t : entities_[e].name.tokens) {
    if (t.key.empty()) continue;
    std::vector<size_t>& list = by_word_key_[t.key];
    if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
  }
}

void EntityLinker::Seed(const std::vector<EntityRecord>& records) {
  for (const EntityRecord& r : records) {
    if (by_key_.count(r.key)) continue;
    names::ParsedName name;
    if (r.type == MentionType::kPerson) {
      // The fullest form the store kept, else the canonical one.
      name = names::ParseName(r.names.empty() ? r.canonical : r.names.front());
      for (const std::string& form : r.names) {
        names::ParsedName other = names::ParseName(form);
        if (NameWords(other) > NameWords(name)) name = std::move(other);
      }
    }
    Entity e;
    e.key = r.key;
    e.type = r.type;
    e.canonical = r.canonical;
    e.words = NameWords(name);
    e.name = std::move(name);
    e.listed = r.listed;
    e.forms = r.names;
    e.changed = false;
    by_key_.emplace(e.key, entities_.size());
    entities_.push_back(std::move(e));
    if (r.type == MentionType::kPerson) IndexPerson(entities_.size() - 1);
  }
}

EntityRecord EntityLinker::Record(const Entity& e) const {
  return {e.key, e.type, e.canonical, e.forms, e.listed};
}

std::vector<EntityRecord> EntityLinker::Snapshot() const {
  std::vector<EntityRecord> out;
  out.reserve(entities_.size());
  for (const Entity& e : entities_) out.push_back(Record(e));
  return out;
}

std::vector<EntityRecord> EntityLinker::TakeChanged() {
  std::vector<EntityRecord> out;
  for (Entity& e : entities_) {
    if (!e.changed) continue;
    out.push_back(Record(e));
    e.changed = false;
  }
  return out;
}

size_t EntityLinker::AddEntity(MentionType type, std::string key, std::string canonical,
                               names::ParsedName name) {
  std::string unique = key;
  for (int n = 2; by_key_.count(unique); ++n) unique = key + "-" + std::to_string(n);
  Entity e;
  e.key = unique;
  e.type = type;
  e.canonical = std::move(canonical);
  e.name = std::move(name);
  e.last_document = document_;
  by_key_.emplace(unique, entities_.size());
  entities_.push_back(std::move(e));
  return entities_.size() - 1;
}

std::optional<Listed> EntityLinker::Screen(const std::string& name, lists::Schema schema) {
  if (!screener_) return std::nullopt;
  const std::string cache_key = std::to_string(static_cast<int>(schema)) + name;
  auto cached = screened_.find(cache_key);
  if (cached != screened_.end()) return cached->second;
  std::optional<Listed> listed =
      ScreenListed(*screener_, scratch_.get(), name, schema, options_.listed_threshold);
  screened_.emplace(cache_key, listed);
  return listed;
}

std::optional<Listed> ScreenListed(const screen::Screener& screener, screen::ScreenScratch* scratch,
                                   const std::string& name, lists::Schema schema,
                                   double threshold) {
  screen::Query q;
  q.name = name;
  q.schema = schema;
  Result<screen::ScreenResult> r = screener.Screen(q, scratch);
  if (!r.ok()) return std::nullopt;
  for (const screen::Match& match : r->matches) {
    const lists::Entity& entity = screener.index().entities()[match.entity];
    if (match.score < threshold || entity.schema != schema) continue;
    return Listed{entity.list, entity.ref, entity.caption, match.score};
  }
  return std::nullopt;
}

std::optional<Listed> ListedEntity(const EntityRecord& entity, const screen::Screener& screener,
                                   screen::ScreenScratch* scratch, double threshold) {
  if (entity.type == MentionType::kLocation) return std::nullopt;
  const lists::Schema schema = entity.type == MentionType::kPerson ? lists::Schema::kPerson
                                                                   : lists::Schema::kOrganization;
  std::vector<std::string> names = {entity.canonical};
  names.insert(names.end(), entity.names.begin(), entity.names.end());
  std::optional<Listed> best;
  for (const std::string& name : names) {
    if (schema == lists::Schema::kPerson && name.find(' ') == std::string::npos) continue;
    std::optional<Listed> l = ScreenListed(screener, scratch, name, schema, threshold);
    if (l && (!best || l->score > best->score)) best = l;
  }
  return best;
}

}  // namespace qantara::news
