// The news database (see news_store.h for the schema). Rows are written in
// one transaction per block of documents by the caller (Begin/Commit), which
// is what makes SQLite fast enough for a news feed.
#include "store/news_store.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "names/name.h"
#include "news/name_contained.h"
#include "news/words.h"
#include "text/normalize.h"

namespace qantara::store {
namespace {

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
  id INTEGER PRIMARY KEY, doc TEXT NOT NULL UNIQUE, url TEXT, title TEXT, published TEXT,
  languages TEXT, text TEXT NOT NULL, read_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE VIRTUAL TABLE documents_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE entities(
  key TEXT PRIMARY KEY, type TEXT NOT NULL, canonical TEXT NOT NULL, listed TEXT);
CREATE TABLE entity_names(
  entity TEXT NOT NULL REFERENCES entities(key), name TEXT NOT NULL, UNIQUE(entity, name));
CREATE TABLE mentions(
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  entity TEXT NOT NULL);
CREATE INDEX mentions_by_entity ON mentions(entity);
CREATE TABLE dates(
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, value TEXT);
)sql";

// Stories and events (issue: events, stories, timelines).
constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE documents ADD COLUMN story TEXT;
CREATE INDEX documents_by_story ON documents(story);
CREATE TABLE events(
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  date TEXT, place TEXT, participants TEXT NOT NULL, sentence TEXT NOT NULL);
CREATE TABLE event_entities(
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, entity TEXT NOT NULL,
  role TEXT NOT NULL);
CREATE INDEX event_entities_by_entity ON event_entities(entity);
)sql";

// What each document's story was found by, so that a later run that adds to
// the database continues its stories (news_store_stories.cc). Lists are one
// item per line; `minhash` is the signature's values in hex.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE story_evidence(
  document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  words INTEGER NOT NULL, minhash TEXT NOT NULL, actors TEXT NOT NULL, places TEXT NOT NULL,
  events TEXT NOT NULL, event_days TEXT NOT NULL);
)sql";

// Arabic one-letter clitics (waw, feh, beh, lam, kaf) and the article, in UTF-8.
constexpr std::string_view kClitics[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84",
                                         "\xd9\x83"};
constexpr std::string_view kArticle = "\xd8\xa7\xd9\x84";  // ALEF, LAM

news::MentionType TypeOf(std::string_view s) {
  if (s == "person") return news::MentionType::kPerson;
  if (s == "organization") return news::MentionType::kOrganization;
  return news::MentionType::kLocation;
}

std::string ListedJson(const std::optional<news::Listed>& l) {
  if (!l) return "";
  nlohmann::json j = {
      {"list", l->list}, {"ref", l->ref}, {"caption", l->caption}, {"score", l->score}};
  return j.dump();
}

std::optional<news::Listed> ParseListed(const std::string& s) {
  if (s.empty()) return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return news::Listed{j.value("list", ""), j.value("ref", ""), j.value("caption", ""),
                      j.value("score", 0.0)};
}

}  // namespace

std::string SearchForm(std::string_view text) {
  std::string out;
  auto emit = [&](std::string_view w) {
    if (!out.empty()) out += ' ';
    out += w;
  };
  for (const news::Word& w : news::SplitWords(text)) {
    std::string_view n = w.norm;
    emit(n);
    if (w.script != text::Script::kArabic) continue;
    for (std::string_view c : kClitics) {
      if (n.size() > c.size() + kArticle.size() && n.substr(0, c.size()) == c &&
          n.substr(c.size(), kArticle.size()) == kArticle) {
        n.remove_prefix(c.size());
        emit(n);
        break;
      }
    }
    if (n.size() >= kArticle.size() + 4 && n.substr(0, kArticle.size()) == kArticle) {
      emit(n.substr(kArticle.size()));
    }
  }
  return out;
}

namespace {

// A database with tables but not the news schema's `documents` (another
// program's, or the service's store) is refused: adding our tables to it would
// change a file the user did not mean to give.
Status RefuseForeign(Database& db, const std::string& path) {
  auto tables = db.Prepare(
      "SELECT count(*), count(*) FILTER (WHERE name = 'documents') FROM sqlite_master "
      "WHERE type = 'table'");
  if (!tables.ok()) return tables.status();
  Result<bool> row = tables->Step();
  if (!row.ok()) return row.status();
  if (*row && tables->Int(0) > 0 && tables->Int(1) == 0) {
    return Status::InvalidArgument(path +
                                   ": not a news database (it has tables, none of them "
                                   "`documents`); give a new file or one `qantara read --db` "
                                   "wrote");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<NewsStore>> NewsStore::Open(const std::string& path) {
  return Open(path, nullptr);
}

Result<std::unique_ptr<NewsStore>> NewsStore::Open(const std::string& path, Env* env) {
  auto db = Database::Open(path, env);
  if (!db.ok()) return db.status();
  QANTARA_RETURN_IF_ERROR(RefuseForeign(**db, path));
  QANTARA_RETURN_IF_ERROR((*db)->Migrate({kSchemaV1, kSchemaV2, kSchemaV3}));
  QANTARA_RETURN_IF_ERROR((*db)->Exec("INSERT OR REPLACE INTO meta VALUES ('normalizer', '" +
                                      std::to_string(text::kNormalizerVersion) + "'), ('icu', '" +
                                      text::IcuVersion() + "')"));
  return std::unique_ptr<NewsStore>(new NewsStore(std::move(*db)));
}

Result<std::unique_ptr<NewsStore>> NewsStore::OpenExisting(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(path + ": no such database (write one with `qantara read --db " + path +
                            " FILES`)");
  }
  return Open(path);
}

Result<std::vector<news::EntityRecord>> NewsStore::LoadEntities() {
  std::vector<news::EntityRecord> out;
  auto rows = db_->Prepare(
      "SELECT e.key, e.type, e.canonical, e.listed, n.name FROM entities e "
      "LEFT JOIN entity_names n ON n.entity = e.key ORDER BY e.rowid, n.rowid");
  if (!rows.ok()) return rows.status();
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string key = rows->Text(0);
    if (out.empty() || out.back().key != key) {
      out.push_back({key, TypeOf(rows->Text(1)), rows->Text(2), {}, ParseListed(rows->Text(3))});
    }
    if (!rows->IsNull(4)) out.back().names.push_back(rows->Text(4));
  }
  return out;
}

Status NewsStore::SaveEntities(const std::vector<news::EntityRecord>& entities) {
  auto upsert = db_->Prepare(
      "INSERT INTO entities(key, type, canonical, listed) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(key) DO UPDATE SET canonical = ?3, listed = ?4");
  auto name = db_->Prepare("INSERT OR IGNORE INTO entity_names(entity, name) VALUES (?1, ?2)");
  if (!upsert.ok()) return upsert.status();
  if (!name.ok()) return name.status();
  for (const news::EntityRecord& e : entities) {
    upsert->Bind(1, e.key).Bind(2, news::MentionTypeName(e.type)).Bind(3, e.canonical);
    const std::string listed = ListedJson(e.listed);
    if (listed.empty()) {
      upsert->BindNull(4);
    } else {
      upsert->Bind(4, listed);
    }
    QANTARA_RETURN_IF_ERROR(upsert->Run());
    for (const std::string& n : e.names) {
      QANTARA_RETURN_IF_ERROR(name->Bind(1, e.key).Bind(2, n).Run());
    }
  }
  return Status::Ok();
}

Status NewsStore::SaveDocument(const news::ReadDocument& doc,
                               const std::vector<news::LinkedMention>& mentions,
                               const std::vector<news::LinkedEvent>& events,
                               std::string_view story,
                               const news::StoryEvidence* evidence) {
  auto old = db_->Prepare("SELECT id FROM documents WHERE doc = ?1");
  if (!old.ok()) return old.status();
  old->Bind(1, doc.doc);
  Result<bool> found = old->Step();
  if (!found.ok()) return found.status();
  if (*found) {
    const int64_t id = old->Int(0);
    auto del = db_->Prepare("DELETE FROM documents_fts WHERE rowid = ?1");
    auto del_doc = db_->Prepare("DELETE FROM documents WHERE id = ?1");
    if (!del.ok()) return del.status();
    if (!del_doc.ok()) return del_doc.status();
    QANTARA_RETURN_IF_ERROR(del->Bind(1, id).Run());
    QANTARA_RETURN_IF_ERROR(del_doc->Bind(1, id).Run());
  }
  nlohmann::json languages = nlohmann::json::array();
  for (const auto& s : doc.languages.shares)
    languages.push_back({{"lang", s.lang}, {"share", s.share}});
  auto insert = db_->Prepare(
      "INSERT INTO documents(doc, url, title, published, languages, text, story) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, doc.doc)
      .Bind(2, doc.url)
      .Bind(3, doc.title)
      .Bind(5, languages.dump())
      .Bind(6, doc.text);
  if (doc.published.empty()) {
    insert->BindNull(4);
  } else {
    insert->Bind(4, doc.published);
  }
  if (story.empty()) {
    insert->BindNull(7);
  } else {
    insert->Bind(7, story);
  }
  QANTARA_RETURN_IF_ERROR(insert->Run());
  const int64_t id = db_->LastInsertRowid();
  auto fts = db_->Prepare("INSERT INTO documents_fts(rowid, body) VALUES (?1, ?2)");
  auto mention = db_->Prepare(
      "INSERT INTO mentions(document, start, \"end\", text, type, entity) VALUES (?1, ?2, ?3, ?4, "
      "?5, ?6)");
  auto date = db_->Prepare(
      "INSERT INTO dates(document, start, \"end\", text, value) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!fts.ok()) return fts.status();
  if (!mention.ok()) return mention.status();
  if (!date.ok()) return date.status();
  QANTARA_RETURN_IF_ERROR(fts->Bind(1, id).Bind(2, SearchForm(doc.title + "\n" + doc.text)).Run());
  for (const news::LinkedMention& m : mentions) {
    mention->Bind(1, id).Bind(2, static_cast<int64_t>(m.mention.start));
    mention->Bind(3, static_cast<int64_t>(m.mention.end)).Bind(4, m.mention.text);
    mention->Bind(5, news::MentionTypeName(m.mention.type)).Bind(6, m.entity);
    QANTARA_RETURN_IF_ERROR(mention->Run());
  }
  for (const news::DateMention& d : doc.dates) {
    date->Bind(1, id).Bind(2, static_cast<int64_t>(d.start)).Bind(3, static_cast<int64_t>(d.end));
    date->Bind(4, d.text).Bind(5, d.value);
    QANTARA_RETURN_IF_ERROR(date->Run());
  }
  QANTARA_RETURN_IF_ERROR(SaveEvents(id, events));
  return evidence ? SaveStoryEvidence(id, *evidence) : Status::Ok();
}

Result<std::vector<std::string>> NewsStore::ResolveEntities(std::string_view query) {
  auto exact = db_->Prepare("SELECT key FROM entities WHERE key = ?1");
  if (!exact.ok()) return exact.status();
  exact->Bind(1, query);
  Result<bool> found = exact->Step();
  if (!found.ok()) return found.status();
  if (*found) return std::vector<std::string>{std::string(query)};
  return EntitiesNamed(query);
}

Result<std::vector<std::string>> NewsStore::EntitiesNamed(std::string_view query) {
  std::vector<std::string> keys;
  const names::ParsedName q = names::ParseName(query);
  if (q.tokens.empty()) return keys;
  auto rows = db_->Prepare("SELECT entity, name FROM entity_names");
  if (!rows.ok()) return rows.status();
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string key = rows->Text(0);
    if (!keys.empty() && keys.back() == key) continue;
    if (news::NameContained(q, names::ParseName(rows->Text(1)))) keys.push_back(std::move(key));
  }
  return keys;
}

Result<std::vector<SearchHit>> NewsStore::Search(std::string_view query, size_t limit) {
  std::vector<SearchHit> hits;
  auto keys = EntitiesNamed(query);
  if (!keys.ok()) return keys.status();
  auto by_entity = db_->Prepare(
      "SELECT DISTINCT d.doc, d.title, d.published FROM mentions m JOIN documents d "
      "ON d.id = m.document WHERE m.entity = ?1 ORDER BY d.published DESC, d.id");
  if (!by_entity.ok()) return by_entity.status();
  std::vector<std::string> seen;
  for (const std::string& key : *keys) {
    by_entity->Bind(1, key);
    for (;;) {
      Result<bool> row = by_entity->Step();
      if (!row.ok()) return row.status();
      if (!*row || hits.size() >= limit) break;
      hits.push_back(
          {by_entity->Text(0), by_entity->Text(1), by_entity->Text(2), "entity", key, ""});
      seen.push_back(hits.back().doc);
    }
    by_entity->Reset();
  }
  // Every word of the query, each as a quoted FTS5 string (no query syntax from users).
  std::string match;
  for (const news::Word& w : news::SplitWords(query)) {
    if (!match.empty()) match += " AND ";
    match += "\"" + w.norm + "\"";
  }
  if (match.empty() || hits.size() >= limit) return hits;
  auto by_text = db_->Prepare(
      "SELECT d.doc, d.title, d.published, snippet(documents_fts, 0, '[', ']', '...', 8) "
      "FROM documents_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ?1 "
      "ORDER BY bm25(documents_fts) LIMIT ?2");
  if (!by_text.ok()) return by_text.status();
  by_text->Bind(1, match).Bind(2, static_cast<int64_t>(limit));
  for (;;) {
    Result<bool> row = by_text->Step();
    if (!row.ok()) return row.status();
    if (!*row || hits.size() >= limit) break;
    std::string doc = by_text->Text(0);
    if (std::find(seen.begin(), seen.end(), doc) != seen.end()) continue;
    hits.push_back({doc, by_text->Text(1), by_text->Text(2), "text", "", by_text->Text(3)});
  }
  return hits;
}

}  // namespace qantara::store
