// Screenings, their hits and the reviewers' decisions (see service_store.h).
#include <nlohmann/json.hpp>

#include "store/internal/transaction.h"
#include "store/service_store.h"

namespace qantara::store {

using internal::InTransaction;

std::string_view DecisionName(Decision d) {
  switch (d) {
    case Decision::kMatch:
      return "match";
    case Decision::kNoMatch:
      return "no_match";
    case Decision::kEscalate:
      return "escalate";
  }
  return "escalate";
}

std::optional<Decision> ParseDecision(std::string_view name) {
  for (Decision d : {Decision::kMatch, Decision::kNoMatch, Decision::kEscalate}) {
    if (DecisionName(d) == name) return d;
  }
  return std::nullopt;
}

Status ServiceStore::RecordScreenings(std::string_view key_name,
                                      std::vector<Screening>* screenings) {
  MutexLock lock(&mu_);
  const std::string at = options_.now();
  return InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto screening = db_->PrepareCached(
        "INSERT INTO screenings(key_name, query, created_at, list_versions) VALUES(?, ?, ?, ?)");
    auto hit = db_->PrepareCached(
        "INSERT INTO hits(screening, entity, score, explanation) VALUES(?, ?, ?, ?)");
    if (!screening.ok()) return screening.status();
    if (!hit.ok()) return hit.status();
    for (Screening& s : *screenings) {
      s.key_name = std::string(key_name);
      s.created_at = at;
      const std::string versions = nlohmann::json(s.list_versions).dump();
      screening->Bind(1, key_name).Bind(2, s.query_json).Bind(3, at).Bind(4, versions);
      QANTARA_RETURN_IF_ERROR(screening->Run());
      s.id = db_->LastInsertRowid();
      nlohmann::json hits = nlohmann::json::array();
      for (const Hit& h : s.hits) {
        hit->Bind(1, s.id).Bind(2, h.entity).Bind(3, h.score).Bind(4, h.explanation_json);
        QANTARA_RETURN_IF_ERROR(hit->Run());
        hits.push_back({{"entity", h.entity}, {"score", h.score}});
      }
      nlohmann::json payload = {{"screening", s.id},
                                {"query", nlohmann::json::parse(s.query_json, nullptr, false)},
                                {"list_versions", s.list_versions},
                                {"hits", hits}};
      QANTARA_RETURN_IF_ERROR(AppendAudit(key_name, "screen", payload.dump()));
    }
    return Status::Ok();
  });
}

Result<DecideOutcome> ServiceStore::Decide(int64_t screening, std::string_view entity,
                                           Decision decision, std::string_view comment,
                                           std::string_view reviewer) {
  MutexLock lock(&mu_);
  DecideOutcome outcome = DecideOutcome::kRecorded;
  Status s = InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto find = db_->PrepareCached("SELECT status FROM hits WHERE screening = ? AND entity = ?");
    if (!find.ok()) return find.status();
    auto row = find->Bind(1, screening).Bind(2, entity).Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      return Status::NotFound("screening " + std::to_string(screening) + " has no hit on \"" +
                              std::string(entity) + "\"");
    }
    if (find->Text(0) != "open") {
      outcome = DecideOutcome::kAlreadyDecided;
      return Status::Ok();  // committed with nothing written
    }
    const std::string at = options_.now();
    auto insert = db_->PrepareCached(
        "INSERT INTO decisions(screening, entity, decision, comment, reviewer, at) "
        "VALUES(?, ?, ?, ?, ?, ?)");
    auto close =
        db_->PrepareCached("UPDATE hits SET status = 'decided' WHERE screening = ? AND entity = ?");
    if (!insert.ok()) return insert.status();
    if (!close.ok()) return close.status();
    insert->Bind(1, screening).Bind(2, entity).Bind(3, DecisionName(decision));
    insert->Bind(4, comment).Bind(5, reviewer).Bind(6, at);
    QANTARA_RETURN_IF_ERROR(insert->Run());
    QANTARA_RETURN_IF_ERROR(close->Bind(1, screening).Bind(2, entity).Run());
    nlohmann::json payload = {{"screening", screening},
                              {"entity", entity},
                              {"decision", DecisionName(decision)},
                              {"comment", comment}};
    return AppendAudit(reviewer, "decide", payload.dump());
  });
  if (!s.ok()) return s;
  return outcome;
}

Status ServiceStore::LoadHits(Screening* s) {
  auto hits = db_->PrepareCached(
      "SELECT entity, score, explanation, status, rescreen FROM hits WHERE screening = ? "
      "ORDER BY score DESC, entity");
  if (!hits.ok()) return hits.status();
  hits->Bind(1, s->id);
  for (;;) {
    auto row = hits->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    s->hits.push_back(Hit{hits->Text(0), hits->Text(1), hits->Text(2), hits->Text(3),
                          hits->IsNull(4) ? 0 : hits->Int(4)});
  }
}

// REQUIRES: mu_ held; `query` selects id, key_name, query, created_at, list_versions.
Result<std::vector<Screening>> ServiceStore::ReadScreenings(Statement* query) {
  std::vector<Screening> out;
  for (;;) {
    auto row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Screening s;
    s.id = query->Int(0);
    s.key_name = query->Text(1);
    s.query_json = query->Text(2);
    s.created_at = query->Text(3);
    nlohmann::json versions = nlohmann::json::parse(query->Text(4), nullptr, false);
    if (versions.is_array()) {
      for (const auto& v : versions) {
        if (v.is_number_integer()) s.list_versions.push_back(v.get<int64_t>());
      }
    }
    out.push_back(std::move(s));
  }
  // Hits are read once the screenings' statement is done with.
  for (Screening& s : out) QANTARA_RETURN_IF_ERROR(LoadHits(&s));
  return out;
}

Result<std::vector<Screening>> ServiceStore::ListScreenings(bool only_open, size_t limit) {
  MutexLock lock(&mu_);
  auto list = db_->PrepareCached(
      only_open ? "SELECT id, key_name, query, created_at, list_versions FROM screenings "
                  "WHERE id IN (SELECT screening FROM hits WHERE status = 'open') "
                  "ORDER BY id LIMIT ?"
                : "SELECT id, key_name, query, created_at, list_versions FROM screenings "
                  "ORDER BY id LIMIT ?");
  if (!list.ok()) return list.status();
  list->Bind(1, static_cast<int64_t>(limit));
  return ReadScreenings(&*list);
}

Result<std::vector<Screening>> ServiceStore::ScreeningsAfter(int64_t after_id, size_t limit) {
  MutexLock lock(&mu_);
  auto list = db_->PrepareCached(
      "SELECT id, key_name, query, created_at, list_versions FROM screenings WHERE id > ? "
      "ORDER BY id LIMIT ?");
  if (!list.ok()) return list.status();
  list->Bind(1, after_id).Bind(2, static_cast<int64_t>(limit));
  return ReadScreenings(&*list);
}

Result<int64_t> ServiceStore::CountScreenings() {
  MutexLock lock(&mu_);
  auto count = db_->PrepareCached("SELECT count(*) FROM screenings");
  if (!count.ok()) return count.status();
  auto row = count->Step();
  if (!row.ok()) return row.status();
  return *row ? count->Int(0) : 0;
}

Result<std::optional<Screening>> ServiceStore::GetScreening(int64_t id) {
  MutexLock lock(&mu_);
  auto find = db_->PrepareCached(
      "SELECT id, key_name, query, created_at, list_versions FROM screenings WHERE id = ?");
  if (!find.ok()) return find.status();
  find->Bind(1, id);
  auto found = ReadScreenings(&*find);
  if (!found.ok()) return found.status();
  if (found->empty()) return std::optional<Screening>();
  return std::optional<Screening>(std::move(found->front()));
}

Result<std::vector<DecisionRecord>> ServiceStore::ListDecisions(int64_t screening) {
  MutexLock lock(&mu_);
  auto list = db_->PrepareCached(
      "SELECT entity, decision, comment, reviewer, at FROM decisions WHERE screening = ? "
      "ORDER BY id");
  if (!list.ok()) return list.status();
  list->Bind(1, screening);
  std::vector<DecisionRecord> out;
  for (;;) {
    auto row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back({list->Text(0), list->Text(1), list->Text(2), list->Text(3), list->Text(4)});
  }
}

}  // namespace qantara::store
