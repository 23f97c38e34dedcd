// The service database (see service_store.h). Each public write runs in one
// BEGIN IMMEDIATE transaction that also appends the audit row, so the audit
// log and the data cannot disagree; reading the chain's tail inside that
// transaction is what keeps two writers from forking it.
#include "store/service_store.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lists/sha256.h"

namespace qantara::store {
namespace {

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE list_versions(
  id INTEGER PRIMARY KEY, source TEXT NOT NULL, format TEXT NOT NULL, list TEXT NOT NULL,
  published TEXT NOT NULL, sha256 TEXT NOT NULL, entities INTEGER NOT NULL,
  loaded_at TEXT NOT NULL);
CREATE TABLE api_keys(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  key_sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE screenings(
  id INTEGER PRIMARY KEY, key_name TEXT NOT NULL, query TEXT NOT NULL, created_at TEXT NOT NULL,
  list_versions TEXT NOT NULL);
CREATE TABLE hits(
  screening INTEGER NOT NULL REFERENCES screenings(id), entity TEXT NOT NULL,
  score REAL NOT NULL, explanation TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',
  PRIMARY KEY(screening, entity));
CREATE INDEX hits_open ON hits(status, screening);
CREATE TABLE decisions(
  id INTEGER PRIMARY KEY, screening INTEGER NOT NULL, entity TEXT NOT NULL,
  decision TEXT NOT NULL, comment TEXT NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL,
  FOREIGN KEY(screening, entity) REFERENCES hits(screening, entity));
CREATE TABLE audit_log(
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
)sql";

const std::string kZeroHash(64, '0');

std::string SystemNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

// 32 bytes from the kernel's CSPRNG, hex, with a recognisable prefix.
Result<std::string> NewKey() {
  std::ifstream in("/dev/urandom", std::ios::binary);
  unsigned char bytes[32];
  if (!in.read(reinterpret_cast<char*>(bytes), sizeof bytes)) {
    return Status::IoError("cannot read /dev/urandom to make a key");
  }
  static const char kHex[] = "0123456789abcdef";
  std::string key = "qk_";
  for (unsigned char b : bytes) {
    key += kHex[b >> 4];
    key += kHex[b & 15];
  }
  return key;
}

std::string CanonicalRow(int64_t seq, const std::string& at, const std::string& actor,
                         const std::string& action, const std::string& payload) {
  return nlohmann::json::array({seq, at, actor, action, payload}).dump();
}

// Runs `body` between BEGIN IMMEDIATE and COMMIT; rolls back when it fails.
template <typename Body>
Status InTransaction(Database& db, Body body) {
  QANTARA_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    db.Exec("ROLLBACK");
    return s;
  }
  s = db.Exec("COMMIT");
  if (!s.ok()) db.Exec("ROLLBACK");
  return s;
}

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kScreener:
      return "screener";
    case Role::kReviewer:
      return "reviewer";
    case Role::kAdmin:
      return "admin";
  }
  return "screener";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kScreener, Role::kReviewer, Role::kAdmin}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

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

ServiceStore::ServiceStore(std::unique_ptr<Database> db, ServiceStoreOptions options)
    : db_(std::move(db)), options_(std::move(options)) {
  if (!options_.now) options_.now = SystemNow;
}

Result<std::unique_ptr<ServiceStore>> ServiceStore::Open(const std::string& path,
                                                         ServiceStoreOptions options) {
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  QANTARA_RETURN_IF_ERROR((*db)->Migrate({kSchemaV1}));
  return std::unique_ptr<ServiceStore>(new ServiceStore(std::move(*db), std::move(options)));
}

Status ServiceStore::AppendAudit(std::string_view actor, std::string_view action,
                                 const std::string& payload) {
  auto last = db_->Prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.status();
  auto row = last->Step();
  if (!row.ok()) return row.status();
  const int64_t seq = *row ? last->Int(0) + 1 : 1;
  const std::string prev = *row ? last->Text(1) : kZeroHash;
  const std::string at = options_.now();
  const std::string hash = lists::Sha256Hex(
      prev + CanonicalRow(seq, at, std::string(actor), std::string(action), payload));
  auto insert = db_->Prepare(
      "INSERT INTO audit_log(seq, at, actor, action, payload, prev_hash, hash) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, seq).Bind(2, at).Bind(3, actor).Bind(4, action).Bind(5, payload);
  insert->Bind(6, prev).Bind(7, hash);
  return insert->Run();
}

Result<std::string> ServiceStore::AddKey(std::string_view name, Role role) {
  if (name.empty()) return Status::InvalidArgument("a key needs a --name");
  Result<std::string> key = NewKey();
  if (!key.ok()) return key.status();
  std::lock_guard<std::mutex> lock(mu_);
  Status s = InTransaction(*db_, [&]() -> Status {
    auto taken = db_->Prepare("SELECT 1 FROM api_keys WHERE name = ?");
    if (!taken.ok()) return taken.status();
    auto row = taken->Bind(1, name).Step();
    if (!row.ok()) return row.status();
    if (*row) return Status::InvalidArgument("a key named \"" + std::string(name) + "\" exists");
    const std::string at = options_.now();
    auto insert =
        db_->Prepare("INSERT INTO api_keys(name, role, key_sha256, created_at) VALUES(?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, name).Bind(2, RoleName(role)).Bind(3, lists::Sha256Hex(*key)).Bind(4, at);
    QANTARA_RETURN_IF_ERROR(insert->Run());
    nlohmann::json payload = {{"name", name}, {"role", RoleName(role)}};
    return AppendAudit("admin:cli", "key.add", payload.dump());
  });
  if (!s.ok()) return s;
  return key;
}

Result<std::optional<ApiKey>> ServiceStore::FindKey(std::string_view key) {
  std::lock_guard<std::mutex> lock(mu_);
  return FindKeyLocked(key);
}

Result<std::optional<ApiKey>> ServiceStore::FindKeyLocked(std::string_view key) {
  auto find = db_->Prepare("SELECT name, role FROM api_keys WHERE key_sha256 = ? AND revoked = 0");
  if (!find.ok()) return find.status();
  auto row = find->Bind(1, lists::Sha256Hex(key)).Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<ApiKey>();
  std::optional<Role> role = ParseRole(find->Text(1));
  if (!role) return Status::Corruption(db_->path() + ": api_keys: unknown role " + find->Text(1));
  return std::optional<ApiKey>(ApiKey{find->Text(0), *role});
}

Status ServiceStore::RecordListVersion(ListVersion* v) {
  std::lock_guard<std::mutex> lock(mu_);
  v->loaded_at = options_.now();
  return InTransaction(*db_, [&]() -> Status {
    auto insert = db_->Prepare(
        "INSERT INTO list_versions(source, format, list, published, sha256, entities, loaded_at) "
        "VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, v->source).Bind(2, v->format).Bind(3, v->list).Bind(4, v->published);
    insert->Bind(5, v->sha256).Bind(6, v->entities).Bind(7, v->loaded_at);
    QANTARA_RETURN_IF_ERROR(insert->Run());
    v->id = db_->LastInsertRowid();
    nlohmann::json payload = {{"list_version", v->id},     {"source", v->source},
                              {"format", v->format},       {"list", v->list},
                              {"published", v->published}, {"sha256", v->sha256},
                              {"entities", v->entities}};
    return AppendAudit("server", "list.load", payload.dump());
  });
}

Status ServiceStore::RecordScreenings(std::string_view key_name,
                                      std::vector<Screening>* screenings) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string at = options_.now();
  return InTransaction(*db_, [&]() -> Status {
    auto screening = db_->Prepare(
        "INSERT INTO screenings(key_name, query, created_at, list_versions) VALUES(?, ?, ?, ?)");
    auto hit =
        db_->Prepare("INSERT INTO hits(screening, entity, score, explanation) VALUES(?, ?, ?, ?)");
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
  std::lock_guard<std::mutex> lock(mu_);
  DecideOutcome outcome = DecideOutcome::kRecorded;
  Status s = InTransaction(*db_, [&]() -> Status {
    auto find = db_->Prepare("SELECT status FROM hits WHERE screening = ? AND entity = ?");
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
    auto insert = db_->Prepare(
        "INSERT INTO decisions(screening, entity, decision, comment, reviewer, at) "
        "VALUES(?, ?, ?, ?, ?, ?)");
    auto close =
        db_->Prepare("UPDATE hits SET status = 'decided' WHERE screening = ? AND entity = ?");
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
  auto hits = db_->Prepare(
      "SELECT entity, score, explanation, status FROM hits WHERE screening = ? "
      "ORDER BY score DESC, entity");
  if (!hits.ok()) return hits.status();
  hits->Bind(1, s->id);
  for (;;) {
    auto row = hits->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    s->hits.push_back(Hit{hits->Text(0), hits->Text(1), hits->Text(2), hits->Text(3)});
  }
}

Result<std::vector<Screening>> ServiceStore::ListScreenings(bool only_open, size_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  auto list = db_->Prepare(
      only_open ? "SELECT id, key_name, query, created_at, list_versions FROM screenings "
                  "WHERE id IN (SELECT screening FROM hits WHERE status = 'open') "
                  "ORDER BY id LIMIT ?"
                : "SELECT id, key_name, query, created_at, list_versions FROM screenings "
                  "ORDER BY id LIMIT ?");
  if (!list.ok()) return list.status();
  list->Bind(1, static_cast<int64_t>(limit));
  std::vector<Screening> out;
  for (;;) {
    auto row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Screening s;
    s.id = list->Int(0);
    s.key_name = list->Text(1);
    s.query_json = list->Text(2);
    s.created_at = list->Text(3);
    nlohmann::json versions = nlohmann::json::parse(list->Text(4), nullptr, false);
    if (versions.is_array()) {
      for (const auto& v : versions) {
        if (v.is_number_integer()) s.list_versions.push_back(v.get<int64_t>());
      }
    }
    QANTARA_RETURN_IF_ERROR(LoadHits(&s));
    out.push_back(std::move(s));
  }
  return out;
}

Result<AuditReport> ServiceStore::VerifyAudit() {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = db_->Prepare(
      "SELECT seq, at, actor, action, payload, prev_hash, hash FROM audit_log ORDER BY seq");
  if (!rows.ok()) return rows.status();
  AuditReport report;
  std::string prev = kZeroHash;
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
    } else if (lists::Sha256Hex(prev + CanonicalRow(seq, rows->Text(1), rows->Text(2),
                                                    rows->Text(3), rows->Text(4))) !=
               rows->Text(6)) {
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
