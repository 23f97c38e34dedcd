// The news database behind `qantara read --db FILE` and `qantara search`:
// documents, their mentions and dates, and the entities, so that entity keys
// stay the same from one run to the next; FTS5 search over a normalised copy
// of each text, so that a query finds its words whatever the accents, the
// Arabic letter variants or the Arabic clitics (bi-, wa-, li- + al-).
//
// Schema (migrations in news_store.cc; PRAGMA user_version):
//   documents(id, doc UNIQUE, url, title, published, languages JSON, text, read_at)
//   documents_fts(body)               FTS5, rowid = documents.id
//   mentions(document, start, end, text, type, entity)
//   dates(document, start, end, text, value)
//   entities(key PRIMARY KEY, type, canonical, listed JSON)
//   entity_names(entity, name)        the forms seen
//   meta(key, value)                  normaliser and ICU versions the rows were made with
#ifndef QANTARA_STORE_NEWS_STORE_H_
#define QANTARA_STORE_NEWS_STORE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "news/entities.h"
#include "news/read.h"
#include "store/sqlite_db.h"

namespace qantara::store {

struct SearchHit {
  std::string doc;
  std::string title;
  std::string published;
  std::string matched;   // "entity" (one of the query's entities is mentioned) or "text"
  std::string entity;    // the entity key, for "entity" hits
  std::string snippet;   // a few words around the match, for "text" hits
};

// Not thread-safe: one per thread (SQLite's WAL lets several processes share the file).
class NewsStore {
 public:
  static Result<std::unique_ptr<NewsStore>> Open(const std::string& path);

  Result<std::vector<news::EntityRecord>> LoadEntities();
  // Stores a document read, replacing an earlier one of the same `doc`.
  Status SaveDocument(const news::ReadDocument& doc,
                      const std::vector<news::LinkedMention>& mentions);
  // Inserts or updates the entities (canonical, forms, listed).
  Status SaveEntities(const std::vector<news::EntityRecord>& entities);
  Status Begin() { return db_->Exec("BEGIN"); }
  Status Commit() { return db_->Exec("COMMIT"); }

  // Documents that mention an entity the query names (compared as a name,
  // across scripts), then documents whose text has the query's words; best
  // first, at most `limit`.
  Result<std::vector<SearchHit>> Search(std::string_view query, size_t limit);

 private:
  explicit NewsStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Result<std::vector<std::string>> EntitiesNamed(std::string_view query);
  std::unique_ptr<Database> db_;
};

// The text FTS5 indexes for `text`: words in matching form, Arabic words
// also without a clitic and without the article.
std::string SearchForm(std::string_view text);

}  // namespace qantara::store

#endif  // QANTARA_STORE_NEWS_STORE_H_
