// The news database behind `qantara read --db FILE` and `qantara search`:
// documents, their mentions and dates, and the entities, so that entity keys
// stay the same from one run to the next; FTS5 search over a normalised copy
// of each text, so that a query finds its words whatever the accents, the
// Arabic letter variants or the Arabic clitics (bi-, wa-, li- + al-).
//
// Schema (migrations in news_store.cc; PRAGMA user_version):
//   documents(id, doc UNIQUE, url, title, published, languages JSON, text, read_at, story)
//   documents_fts(body)               FTS5, rowid = documents.id
//   mentions(document, start, end, text, type, entity)
//   dates(document, start, end, text, value)
//   entities(key PRIMARY KEY, type, canonical, listed JSON)
//   entity_names(entity, name)        the forms seen
//   events(id, document, type, start, end, text, date, place, participants JSON, sentence)
//   event_entities(event, entity, role)  role "participant" or "place": the timeline's index
//   meta(key, value)                  normaliser and ICU versions the rows were made with
#ifndef QANTARA_STORE_NEWS_STORE_H_
#define QANTARA_STORE_NEWS_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "news/model.h"
#include "store/sqlite_db.h"

namespace qantara::store {

struct SearchHit {
  std::string doc;
  std::string title;
  std::string published;
  std::string matched;  // "entity" (one of the query's entities is mentioned) or "text"
  std::string entity;   // the entity key, for "entity" hits
  std::string snippet;  // a few words around the match, for "text" hits
};

// One dated line of an entity's timeline: an event it takes part in (or
// that happens at it, a place), or a document that mentions it.
struct TimelineEntry {
  std::string date;  // the event's date, else the document's published date; "" unknown
  std::string kind;  // an event type ("meeting", ...), or "mention"
  std::string doc, title, published;
  std::string text;                       // the event's trigger, or the first mention as written
  std::string sentence;                   // the event's sentence; "" for a mention
  std::string place;                      // the event's place key; "" none
  std::vector<std::string> participants;  // the event's participant keys
};

// A document that mentions a listed entity, with its evidence.
struct Alert {
  std::string doc, title, published;
  std::string entity, canonical;
  news::Listed listed;
  std::string mention;        // its first mention in the document, as written
  size_t start = 0, end = 0;  // UTF-8 byte offsets of that mention in the document's text
  std::string evidence;       // the words around it
};

// How an entity key reads: its type and its best Latin form.
struct EntityLabel {
  std::string key;
  std::string type;  // "person", "organization" or "location"
  std::string canonical;
};

// Not thread-safe: one per thread (SQLite's WAL lets several processes share the file).
class NewsStore {
 public:
  static Result<std::unique_ptr<NewsStore>> Open(const std::string& path);
  // The same with the database's files through `env` (Database::Open(path, env)).
  static Result<std::unique_ptr<NewsStore>> Open(const std::string& path, Env* env);
  // The same for a database that must exist already (timeline, alerts): kNotFound naming
  // the path otherwise, so that a typo does not create an empty database.
  static Result<std::unique_ptr<NewsStore>> OpenExisting(const std::string& path);

  Result<std::vector<news::EntityRecord>> LoadEntities();
  // Stores a document read, replacing an earlier one of the same `doc`, with
  // its linked mentions, linked events and story key, and what its story was
  // found by (`evidence`, when given) for the runs that add to the database.
  Status SaveDocument(const news::ReadDocument& doc,
                      const std::vector<news::LinkedMention>& mentions,
                      const std::vector<news::LinkedEvent>& events = {},
                      std::string_view story = "",
                      const news::StoryEvidence* evidence = nullptr);
  // The story key and evidence of the latest `latest` documents stored with
  // evidence, oldest first (to seed a StoryClusterer).
  Result<std::vector<std::pair<std::string, news::StoryEvidence>>> LoadStories(size_t latest);
  // Inserts or updates the entities (canonical, forms, listed).
  Status SaveEntities(const std::vector<news::EntityRecord>& entities);
  Status Begin() { return db_->Exec("BEGIN"); }
  Status Commit() { return db_->Exec("COMMIT"); }

  // Documents that mention an entity the query names (compared as a name,
  // across scripts), then documents whose text has the query's words; best
  // first, at most `limit`.
  Result<std::vector<SearchHit>> Search(std::string_view query, size_t limit);

  // The entity keys `query` names: itself when it is a stored key
  // ("p:nasser-bourita"), else the entities with a name it matches, in any
  // script (as Search). Empty when none.
  Result<std::vector<std::string>> ResolveEntities(std::string_view query);
  // The timeline of the entities `keys`: their events, then documents that
  // mention them in no event; by date (unknown dates last), at most `limit`.
  Result<std::vector<TimelineEntry>> Timeline(const std::vector<std::string>& keys, size_t limit);
  // Every document that mentions one of the `listed` entities (key -> its
  // list entry), once per document and entity; newest first, at most `limit`.
  // A non-empty `since` ("YYYY-MM-DD") keeps the documents published on that
  // day or later (documents of unknown date are left out then).
  Result<std::vector<Alert>> Alerts(const std::vector<std::pair<std::string, news::Listed>>& listed,
                                    size_t limit, std::string_view since = "");
  // The stored entities among `keys`, in the order of `keys`; an unknown key
  // is left out. For naming a timeline's places and participants.
  Result<std::vector<EntityLabel>> FindEntities(const std::vector<std::string>& keys);
  // Everything the database holds, for `qantara export` (news_store_export.cc):
  // documents in the order stored with their mentions, dates, events and
  // story; every entity; when it was last written. `progress` (may be empty)
  // is called with the documents read so far.
  Result<news::NewsExport> Export(const std::function<void(size_t, size_t)>& progress = {});

 private:
  explicit NewsStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Result<std::vector<std::string>> EntitiesNamed(std::string_view query);
  Status SaveEvents(int64_t document, const std::vector<news::LinkedEvent>& events);
  Status SaveStoryEvidence(int64_t document, const news::StoryEvidence& evidence);
  std::unique_ptr<Database> db_;
};

// The text FTS5 indexes for `text`: words in matching form, Arabic words
// also without a clitic and without the article.
std::string SearchForm(std::string_view text);

}  // namespace qantara::store

#endif  // QANTARA_STORE_NEWS_STORE_H_
