// The news database's events, timelines and alerts (news_store.h): events
// are stored with their entity keys in event_entities, the index a timeline
// reads; alerts join the mentions with the entities a caller found listed.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/news_store.h"

namespace qantara::store {
namespace {

constexpr size_t kEvidenceBytes = 90;  // on each side of a mention

// `text` cut to whole UTF-8 characters around [start, end), at most
// kEvidenceBytes more on each side, with "..." where it was cut.
std::string Evidence(const std::string& text, size_t start, size_t end) {
  if (start > end || end > text.size()) return "";
  size_t from = start > kEvidenceBytes ? start - kEvidenceBytes : 0;
  size_t to = std::min(text.size(), end + kEvidenceBytes);
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string out = text.substr(from, to - from);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return (from > 0 ? "..." : "") + out + (to < text.size() ? "..." : "");
}

std::vector<std::string> KeysOf(const std::string& json) {
  std::vector<std::string> out;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& k : j) {
    if (k.is_string()) out.push_back(k.get<std::string>());
  }
  return out;
}

}  // namespace

Status NewsStore::SaveEvents(int64_t document, const std::vector<news::LinkedEvent>& events) {
  if (events.empty()) return Status::Ok();
  auto event = db_->Prepare(
      "INSERT INTO events(document, type, start, \"end\", text, date, place, participants, "
      "sentence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  auto entity = db_->Prepare("INSERT INTO event_entities(event, entity, role) VALUES (?1, ?2, ?3)");
  if (!event.ok()) return event.status();
  if (!entity.ok()) return entity.status();
  for (const news::LinkedEvent& e : events) {
    nlohmann::json participants = nlohmann::json::array();
    for (const news::EventActor& a : e.participants) participants.push_back(a.entity);
    event->Bind(1, document).Bind(2, news::EventTypeName(e.type));
    event->Bind(3, static_cast<int64_t>(e.start)).Bind(4, static_cast<int64_t>(e.end));
    event->Bind(5, e.text);
    if (e.date.empty()) {
      event->BindNull(6);
    } else {
      event->Bind(6, e.date);
    }
    if (e.place) {
      event->Bind(7, e.place->entity);
    } else {
      event->BindNull(7);
    }
    event->Bind(8, participants.dump()).Bind(9, e.sentence);
    QANTARA_RETURN_IF_ERROR(event->Run());
    const int64_t id = db_->LastInsertRowid();
    for (const news::EventActor& a : e.participants) {
      QANTARA_RETURN_IF_ERROR(entity->Bind(1, id).Bind(2, a.entity).Bind(3, "participant").Run());
    }
    if (e.place) {
      QANTARA_RETURN_IF_ERROR(entity->Bind(1, id).Bind(2, e.place->entity).Bind(3, "place").Run());
    }
  }
  return Status::Ok();
}

Result<std::vector<TimelineEntry>> NewsStore::Timeline(const std::vector<std::string>& keys,
                                                       size_t limit) {
  std::vector<TimelineEntry> out;
  auto events = db_->Prepare(
      "SELECT DISTINCT e.id, e.date, e.type, d.doc, d.title, d.published, e.text, e.sentence, "
      "e.place, e.participants FROM event_entities x JOIN events e ON e.id = x.event "
      "JOIN documents d ON d.id = e.document WHERE x.entity = ?1");
  auto mentions = db_->Prepare(
      "SELECT d.doc, d.title, d.published, MIN(m.start), m.text FROM mentions m "
      "JOIN documents d ON d.id = m.document WHERE m.entity = ?1 AND d.id NOT IN ("
      "SELECT e.document FROM events e JOIN event_entities x ON x.event = e.id "
      "WHERE x.entity = ?1) GROUP BY d.id");
  if (!events.ok()) return events.status();
  if (!mentions.ok()) return mentions.status();
  std::vector<int64_t> seen_events;
  std::vector<std::string> seen_docs;
  for (const std::string& key : keys) {
    events->Bind(1, key);
    for (;;) {
      Result<bool> row = events->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      const int64_t id = events->Int(0);
      if (std::find(seen_events.begin(), seen_events.end(), id) != seen_events.end()) continue;
      seen_events.push_back(id);
      TimelineEntry t;
      t.date = events->Text(1);
      t.kind = events->Text(2);
      t.doc = events->Text(3);
      t.title = events->Text(4);
      t.published = events->Text(5);
      t.text = events->Text(6);
      t.sentence = events->Text(7);
      t.place = events->Text(8);
      t.participants = KeysOf(events->Text(9));
      if (t.date.empty()) t.date = t.published;
      out.push_back(std::move(t));
    }
    events->Reset();
    mentions->Bind(1, key);
    for (;;) {
      Result<bool> row = mentions->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      TimelineEntry t;
      t.kind = "mention";
      t.doc = mentions->Text(0);
      if (std::find(seen_docs.begin(), seen_docs.end(), t.doc + "\t" + key) != seen_docs.end()) {
        continue;
      }
      seen_docs.push_back(t.doc + "\t" + key);
      t.title = mentions->Text(1);
      t.published = mentions->Text(2);
      t.date = t.published;
      t.text = mentions->Text(4);
      out.push_back(std::move(t));
    }
    mentions->Reset();
  }
  std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date != b.date ? a.date < b.date : a.doc < b.doc;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<std::vector<Alert>> NewsStore::Alerts(
    const std::vector<std::pair<std::string, news::Listed>>& listed, size_t limit,
    std::string_view since) {
  std::vector<Alert> out;
  auto rows = db_->Prepare(
      "SELECT d.doc, d.title, d.published, d.text, m.start, m.\"end\", m.text, "
      "COALESCE(e.canonical, '') FROM mentions m JOIN documents d ON d.id = m.document "
      "LEFT JOIN entities e ON e.key = m.entity WHERE m.entity = ?1 "
      "AND (?2 = '' OR d.published >= ?2) ORDER BY d.id, m.start");
  if (!rows.ok()) return rows.status();
  for (const auto& [key, entry] : listed) {
    rows->Bind(1, key).Bind(2, since);
    std::string last_doc;
    for (;;) {
      Result<bool> row = rows->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      Alert a;
      a.doc = rows->Text(0);
      if (a.doc == last_doc) continue;  // the first mention of the document is its evidence
      last_doc = a.doc;
      a.title = rows->Text(1);
      a.published = rows->Text(2);
      a.start = static_cast<size_t>(rows->Int(4));
      a.end = static_cast<size_t>(rows->Int(5));
      a.evidence = Evidence(rows->Text(3), a.start, a.end);
      a.mention = rows->Text(6);
      a.canonical = rows->Text(7);
      a.entity = key;
      a.listed = entry;
      out.push_back(std::move(a));
    }
    rows->Reset();
  }
  std::stable_sort(out.begin(), out.end(), [](const Alert& a, const Alert& b) {
    return a.published > b.published;  // newest first; unknown dates ("") last
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

Result<std::vector<EntityLabel>> NewsStore::FindEntities(const std::vector<std::string>& keys) {
  std::vector<EntityLabel> out;
  auto rows = db_->Prepare("SELECT type, canonical FROM entities WHERE key = ?1");
  if (!rows.ok()) return rows.status();
  for (const std::string& key : keys) {
    rows->Bind(1, key);
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (*row) out.push_back({key, rows->Text(0), rows->Text(1)});
    rows->Reset();
  }
  return out;
}

}  // namespace qantara::store
