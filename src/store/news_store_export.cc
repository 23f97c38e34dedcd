// Reading a whole news database back for `qantara export` (news_store.h):
// documents in the order stored, then their mentions, dates and events in
// one ordered scan each (the tables are indexed by entity, not document, so
// a query per document would scan them once per document).
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/news_store.h"

namespace qantara::store {
namespace {

news::MentionType MentionTypeOf(const std::string& s) {
  if (s == "person") return news::MentionType::kPerson;
  if (s == "organization") return news::MentionType::kOrganization;
  return news::MentionType::kLocation;
}

news::EventActor ActorOf(const std::string& key,
                         const std::unordered_map<std::string, const news::EntityRecord*>& by_key) {
  news::EventActor a;
  a.entity = key;
  auto it = by_key.find(key);
  if (it != by_key.end()) {
    a.canonical = it->second->canonical;
    a.type = it->second->type;
  }
  return a;
}

// Calls row(statement) for each row of `sql`.
template <typename Row>
Status EachRow(Database& db, std::string_view sql, Row row) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> more = st->Step();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
    row(*st);
  }
}

}  // namespace

Result<news::NewsExport> NewsStore::Export(const std::function<void(size_t, size_t)>& progress) {
  news::NewsExport out;
  auto entities = LoadEntities();
  if (!entities.ok()) return entities.status();
  out.entities = std::move(*entities);
  std::unordered_map<std::string, const news::EntityRecord*> by_key;
  for (const news::EntityRecord& e : out.entities) by_key[e.key] = &e;
  std::unordered_map<int64_t, size_t> index;  // documents.id -> position in out.documents
  QANTARA_RETURN_IF_ERROR(EachRow(*db_, "SELECT MAX(read_at) FROM documents",
                                  [&](Statement& s) { out.written_at = s.Text(0); }));
  QANTARA_RETURN_IF_ERROR(EachRow(
      *db_,
      "SELECT id, doc, COALESCE(url, ''), COALESCE(title, ''), COALESCE(published, ''), "
      "COALESCE(languages, '[]'), text, COALESCE(story, '') FROM documents ORDER BY id",
      [&](Statement& s) {
        news::ExportedDocument d;
        d.read.doc = s.Text(1);
        d.read.url = s.Text(2);
        d.read.title = s.Text(3);
        d.read.published = s.Text(4);
        nlohmann::json langs = nlohmann::json::parse(s.Text(5), nullptr, false);
        if (langs.is_array()) {
          for (const auto& l : langs) {
            if (l.is_object()) {
              d.read.languages.shares.push_back({l.value("lang", ""), l.value("share", 0.0)});
            }
          }
        }
        d.read.text = s.Text(6);
        d.story = s.Text(7);
        index[s.Int(0)] = out.documents.size();
        out.documents.push_back(std::move(d));
        if (progress) progress(out.documents.size(), 0);
      }));
  QANTARA_RETURN_IF_ERROR(
      EachRow(*db_,
              "SELECT document, start, \"end\", text, type, entity FROM mentions "
              "ORDER BY document, start, rowid",
              [&](Statement& s) {
                news::LinkedMention m;
                m.mention.start = static_cast<size_t>(s.Int(1));
                m.mention.end = static_cast<size_t>(s.Int(2));
                m.mention.text = s.Text(3);
                m.mention.type = MentionTypeOf(s.Text(4));
                m.entity = s.Text(5);
                auto e = by_key.find(m.entity);
                if (e != by_key.end()) {
                  m.canonical = e->second->canonical;
                  m.listed = e->second->listed;
                }
                out.documents[index.at(s.Int(0))].mentions.push_back(std::move(m));
              }));
  QANTARA_RETURN_IF_ERROR(
      EachRow(*db_,
              "SELECT document, start, \"end\", text, COALESCE(value, '') FROM dates "
              "ORDER BY document, start, rowid",
              [&](Statement& s) {
                news::DateMention d;
                d.start = static_cast<size_t>(s.Int(1));
                d.end = static_cast<size_t>(s.Int(2));
                d.text = s.Text(3);
                d.value = s.Text(4);
                out.documents[index.at(s.Int(0))].read.dates.push_back(std::move(d));
              }));
  QANTARA_RETURN_IF_ERROR(EachRow(
      *db_,
      "SELECT document, type, start, \"end\", text, COALESCE(date, ''), COALESCE(place, ''), "
      "participants, sentence FROM events ORDER BY document, id",
      [&](Statement& s) {
        news::LinkedEvent e;
        e.type = news::EventTypeFromName(s.Text(1)).value_or(news::EventType::kMeeting);
        e.start = static_cast<size_t>(s.Int(2));
        e.end = static_cast<size_t>(s.Int(3));
        e.text = s.Text(4);
        e.date = s.Text(5);
        if (!s.Text(6).empty()) e.place = ActorOf(s.Text(6), by_key);
        nlohmann::json keys = nlohmann::json::parse(s.Text(7), nullptr, false);
        if (keys.is_array()) {
          for (const auto& k : keys) {
            if (k.is_string()) e.participants.push_back(ActorOf(k.get<std::string>(), by_key));
          }
        }
        e.sentence = s.Text(8);
        out.documents[index.at(s.Int(0))].events.push_back(std::move(e));
      }));
  if (progress) progress(out.documents.size(), out.documents.size());
  return out;
}

}  // namespace qantara::store
