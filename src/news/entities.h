// Entities behind mentions: one key for every mention of one real-world
// person, organisation or place across the documents read together, whatever
// the script (Nasser Bourita in Arabic script = Nasser Bourita = M. Bourita), a Latin canonical
// form, and whether the loaded lists hold it.
#ifndef QANTARA_NEWS_ENTITIES_H_
#define QANTARA_NEWS_ENTITIES_H_

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "names/name.h"
#include "news/mentions.h"
#include "news/model.h"
#include "news/name_contained.h"
#include "screen/screener.h"

namespace qantara::news {

struct LinkOptions {
  // A mention is `listed` when screening its name against the loaded lists
  // scores at least this (higher than screening's default: a false "listed"
  // in a news feed is an alert for nothing).
  double listed_threshold = 0.88;
};

// Links mentions document after document. Not thread-safe: one linker per
// run, fed in input order, so that keys do not depend on thread timing.
class EntityLinker {
 public:
  // `screener` may be null (no lists loaded): then nothing is `listed`.
  explicit EntityLinker(std::shared_ptr<const screen::Screener> screener,
                        LinkOptions options = LinkOptions());

  // The mentions of one document, linked; same order.
  std::vector<LinkedMention> LinkDocument(const std::vector<Mention>& mentions);

  // Entities known before this run (from a store), so that their keys stay
  // the same. REQUIRES: called before the first LinkDocument.
  void Seed(const std::vector<EntityRecord>& entities);
  // Every entity known now (seeded ones included).
  std::vector<EntityRecord> Snapshot() const;
  // The entities added or changed since the last call (for a store to save).
  std::vector<EntityRecord> TakeChanged();

 private:
  struct Entity {
    std::string key;
    MentionType type = MentionType::kPerson;
    std::string canonical;
    names::ParsedName name;  // the fullest form seen
    size_t words = 0;        // words of that form
    std::optional<Listed> listed;
    uint64_t last_document = 0;
    std::vector<std::string> forms;  // mention texts seen, at most EntityRecord::kMaxNames
    bool changed = true;             // since the last TakeChanged()
    bool romanized = false;          // canonical is our romanisation, not a written Latin form
  };
  EntityRecord Record(const Entity& e) const;
  size_t FindOrAddPerson(const Mention& m, const names::ParsedName& name);
  size_t FindOrAddNamed(const Mention& m);  // organisations and places
  size_t AddEntity(MentionType type, std::string key_hint, std::string canonical,
                   names::ParsedName name);
  void IndexPerson(size_t e);  // files the entity's name words under their keys
  const names::ParsedName& Parsed(const std::string& text);  // ParseName, cached
  std::optional<Listed> Screen(const std::string& name, lists::Schema schema);

  std::shared_ptr<const screen::Screener> screener_;
  std::unique_ptr<screen::ScreenScratch> scratch_;
  LinkOptions options_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, size_t> by_key_;
  std::unordered_map<std::string, std::vector<size_t>> by_word_key_;  // phonetic key -> persons
  std::unordered_map<std::string, std::optional<Listed>> screened_;   // cache by name
  static constexpr size_t kMaxParsed = 20000;
  std::unordered_map<std::string, names::ParsedName> parsed_;  // cache by mention text
  std::unordered_map<std::string, size_t> named_by_text_;      // type letter + text -> entity
  uint64_t document_ = 0;
};

// What screening `name` against the lists says of it as an entity of
// `schema`: its best match of that schema at `threshold` or more, or nullopt.
// How the linker decides `listed` (and `qantara alerts` after it).
std::optional<Listed> ScreenListed(const screen::Screener& screener, screen::ScreenScratch* scratch,
                                   const std::string& name, lists::Schema schema, double threshold);

// The list entry of a stored entity: ScreenListed's best over its canonical
// form and its names, or nullopt. Places are never listed; persons are
// screened by names of two words or more only (one word names too many
// people), as the linker does. How `qantara alerts` and GET /v1/alerts
// screen a news database's entities again against the lists of now.
std::optional<Listed> ListedEntity(const EntityRecord& entity, const screen::Screener& screener,
                                   screen::ScreenScratch* scratch, double threshold);

// "Nasser Bourita" -> "nasser-bourita"; any script (transliterated), at most 60 bytes.
std::string Slug(std::string_view name);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_ENTITIES_H_
