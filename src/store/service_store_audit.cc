// The audit log (see service_store.h): appending a row to the chain inside
// a write's transaction, reading and verifying it. The hashing itself is
// audit_chain.cc.
#include "store/audit_chain.h"
#include "store/internal/transaction.h"
#include "store/service_store.h"

namespace qantara::store {

using internal::InTransaction;

Status ServiceStore::AppendAudit(std::string_view actor, std::string_view action,
                                 const std::string& payload) {
  auto last = db_->PrepareCached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.status();
  auto row = last->Step();
  if (!row.ok()) return row.status();
  const int64_t seq = *row ? last->Int(0) + 1 : 1;
  const std::string prev = *row ? last->Text(1) : AuditGenesisHash();
  const std::string at = options_.now();
  const std::string hash = AuditRowHash(prev, seq, at, actor, action, payload);
  auto insert = db_->PrepareCached(
      "INSERT INTO audit_log(seq, at, actor, action, payload, prev_hash, hash) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, seq).Bind(2, at).Bind(3, actor).Bind(4, action).Bind(5, payload);
  insert->Bind(6, prev).Bind(7, hash);
  return insert->Run();
}

Status ServiceStore::RecordEvent(std::string_view actor, std::string_view action,
                                 const std::string& payload_json) {
  MutexLock lock(&mu_);
  return InTransaction(*db_, [&] {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    return AppendAudit(actor, action, payload_json);
  });
}

Result<std::vector<AuditRow>> ServiceStore::AuditForScreening(int64_t screening, size_t limit) {
  MutexLock lock(&mu_);
  auto list = db_->PrepareCached(
      "SELECT seq, at, actor, action, payload, hash FROM audit_log "
      "WHERE json_valid(payload) AND json_extract(payload, '$.screening') = ? "
      "ORDER BY seq LIMIT ?");
  if (!list.ok()) return list.status();
  list->Bind(1, screening).Bind(2, static_cast<int64_t>(limit));
  std::vector<AuditRow> out;
  for (;;) {
    auto row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(
        {list->Int(0), list->Text(1), list->Text(2), list->Text(3), list->Text(4), list->Text(5)});
  }
}

Result<AuditReport> ServiceStore::VerifyAudit() {
  MutexLock lock(&mu_);
  auto rows = db_->PrepareCached(
      "SELECT seq, at, actor, action, payload, prev_hash, hash FROM audit_log ORDER BY seq");
  if (!rows.ok()) return rows.status();
  AuditReport report;
  std::string prev = AuditGenesisHash();
  int64_t expected_seq = 1;
  for (;;) {
    auto row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t seq = rows->Int(0);
    std::string problem;
    if (seq != expected_seq) {
      problem = "expected row " + std::to_string(expected_seq) + " here (rows deleted?)";
    } else if (rows->Text(5) != prev) {
      problem = "prev_hash does not match the hash of the row before (rows deleted or edited?)";
    } else if (AuditRowHash(prev, seq, rows->Text(1), rows->Text(2), rows->Text(3),
                            rows->Text(4)) != rows->Text(6)) {
      problem = "hash does not match the row's content (row edited?)";
    }
    if (!problem.empty()) {
      report.intact = false;
      report.bad_seq = seq;
      report.problem = problem;
      return report;
    }
    prev = rows->Text(6);
    ++expected_seq;
    ++report.rows;
  }
  return report;
}

}  // namespace qantara::store
