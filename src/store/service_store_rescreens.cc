// Rescreen runs (see service_store.h): the hits a run adds to earlier
// screenings, each audited with the run that raised it.
#include <nlohmann/json.hpp>

#include "store/internal/transaction.h"
#include "store/service_store.h"

namespace qantara::store {

using internal::InTransaction;

Result<int64_t> ServiceStore::BeginRescreen(std::string_view actor,
                                            const std::vector<int64_t>& list_versions) {
  MutexLock lock(&mu_);
  int64_t id = 0;
  QANTARA_RETURN_IF_ERROR(InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto insert = db_->PrepareCached(
        "INSERT INTO rescreens(actor, started_at, list_versions) VALUES(?, ?, ?)");
    if (!insert.ok()) return insert.status();
    const std::string versions = nlohmann::json(list_versions).dump();
    QANTARA_RETURN_IF_ERROR(insert->Bind(1, actor).Bind(2, options_.now()).Bind(3, versions).Run());
    id = db_->LastInsertRowid();
    nlohmann::json payload = {{"rescreen", id}, {"list_versions", list_versions}};
    return AppendAudit(actor, "rescreen.start", payload.dump());
  }));
  return id;
}

Status ServiceStore::AddRescreenHits(int64_t rescreen, std::string_view actor,
                                     std::vector<NewHits>* batch) {
  MutexLock lock(&mu_);
  std::vector<NewHits> kept;
  QANTARA_RETURN_IF_ERROR(InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    kept.clear();      // a retry starts afresh
    auto exists = db_->PrepareCached("SELECT 1 FROM hits WHERE screening = ? AND entity = ?");
    auto insert = db_->PrepareCached(
        "INSERT INTO hits(screening, entity, score, explanation, rescreen) VALUES(?, ?, ?, ?, ?)");
    if (!exists.ok()) return exists.status();
    if (!insert.ok()) return insert.status();
    for (const NewHits& candidate : *batch) {
      NewHits added{candidate.screening, {}};
      nlohmann::json hits = nlohmann::json::array();
      for (const Hit& h : candidate.hits) {
        auto row = exists->Bind(1, candidate.screening).Bind(2, h.entity).Step();
        if (!row.ok()) return row.status();
        const bool known = *row;
        exists->Reset();
        if (known) continue;
        insert->Bind(1, candidate.screening).Bind(2, h.entity).Bind(3, h.score);
        insert->Bind(4, h.explanation_json).Bind(5, rescreen);
        QANTARA_RETURN_IF_ERROR(insert->Run());
        hits.push_back({{"entity", h.entity}, {"score", h.score}});
        added.hits.push_back(h);
        added.hits.back().status = "open";
        added.hits.back().rescreen = rescreen;
      }
      if (added.hits.empty()) continue;
      nlohmann::json payload = {
          {"rescreen", rescreen}, {"screening", candidate.screening}, {"hits", hits}};
      QANTARA_RETURN_IF_ERROR(AppendAudit(actor, "rescreen.hits", payload.dump()));
      kept.push_back(std::move(added));
    }
    return Status::Ok();
  }));
  *batch = std::move(kept);
  return Status::Ok();
}

Status ServiceStore::FinishRescreen(int64_t rescreen, std::string_view actor, int64_t screenings,
                                    int64_t new_hits) {
  MutexLock lock(&mu_);
  return InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto update = db_->PrepareCached(
        "UPDATE rescreens SET finished_at = ?, screenings = ?, new_hits = ? WHERE id = ?");
    if (!update.ok()) return update.status();
    update->Bind(1, options_.now()).Bind(2, screenings).Bind(3, new_hits).Bind(4, rescreen);
    QANTARA_RETURN_IF_ERROR(update->Run());
    nlohmann::json payload = {
        {"rescreen", rescreen}, {"screenings", screenings}, {"new_hits", new_hits}};
    return AppendAudit(actor, "rescreen.finish", payload.dump());
  });
}

}  // namespace qantara::store
