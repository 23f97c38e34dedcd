// The service database (see service_store.h). Each public write runs in one
// BEGIN IMMEDIATE transaction that also appends the audit row, so the audit
// log and the data cannot disagree; reading the chain's tail inside that
// transaction is what keeps two writers from forking it.
#include "store/service_store.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/digest.h"

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

// v2: rescreen runs, the run that raised a hit, when a key was revoked.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE rescreens(
  id INTEGER PRIMARY KEY, actor TEXT NOT NULL, started_at TEXT NOT NULL,
  list_versions TEXT NOT NULL, finished_at TEXT, screenings INTEGER, new_hits INTEGER);
ALTER TABLE hits ADD COLUMN rescreen INTEGER REFERENCES rescreens(id);
ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
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
// The three statements are kept prepared (Database::PrepareCached).
template <typename Body>
Status InTransaction(Database& db, Body body) {
  QANTARA_RETURN_IF_ERROR(db.ExecCached("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    db.ExecCached("ROLLBACK");
    return s;
  }
  s = db.ExecCached("COMMIT");
  if (!s.ok()) db.ExecCached("ROLLBACK");
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
  if (!options_.steady_now) options_.steady_now = [] { return std::chrono::steady_clock::now(); };
}

Result<std::unique_ptr<ServiceStore>> ServiceStore::Open(const std::string& path,
                                                         ServiceStoreOptions options) {
  auto db = Database::Open(path, options.env);
  if (!db.ok()) return db.status();
  QANTARA_RETURN_IF_ERROR((*db)->Migrate({kSchemaV1, kSchemaV2}));
  std::unique_ptr<Database> checkpoint_db;
  if (options.checkpoint_interval.count() > 0 && path != ":memory:") {
    auto second = Database::Open(path, options.env);
    if (!second.ok()) return second.status();
    checkpoint_db = std::move(*second);
    QANTARA_RETURN_IF_ERROR((*db)->Exec("PRAGMA wal_autocheckpoint = 0"));
  }
  std::unique_ptr<ServiceStore> store(new ServiceStore(std::move(*db), std::move(options)));
  if (checkpoint_db) {
    store->checkpoint_db_ = std::move(checkpoint_db);
    store->checkpointer_ = std::thread([s = store.get()] { s->CheckpointLoop(); });
  }
  return store;
}

ServiceStore::~ServiceStore() {
  {
    std::lock_guard<std::mutex> lock(checkpoint_mu_);
    stopping_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpointer_.joinable()) checkpointer_.join();
}

// A failed round (the file busy, the disk full) is left to the next one: the
// WAL then grows, and the commits still succeed or fail on their own.
void ServiceStore::CheckpointLoop() {
  std::unique_lock<std::mutex> lock(checkpoint_mu_);
  while (
      !checkpoint_cv_.wait_for(lock, options_.checkpoint_interval, [this] { return stopping_; })) {
    lock.unlock();
    (void)checkpoint_db_->ExecCached("PRAGMA wal_checkpoint(PASSIVE)");
    lock.lock();
  }
}

Status ServiceStore::AppendAudit(std::string_view actor, std::string_view action,
                                 const std::string& payload) {
  auto last = db_->PrepareCached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.status();
  auto row = last->Step();
  if (!row.ok()) return row.status();
  const int64_t seq = *row ? last->Int(0) + 1 : 1;
  const std::string prev = *row ? last->Text(1) : kZeroHash;
  const std::string at = options_.now();
  const std::string hash =
      io::Sha256Hex(prev + CanonicalRow(seq, at, std::string(actor), std::string(action), payload));
  auto insert = db_->PrepareCached(
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
    auto taken = db_->PrepareCached("SELECT 1 FROM api_keys WHERE name = ?");
    if (!taken.ok()) return taken.status();
    auto row = taken->Bind(1, name).Step();
    if (!row.ok()) return row.status();
    if (*row) return Status::InvalidArgument("a key named \"" + std::string(name) + "\" exists");
    const std::string at = options_.now();
    auto insert = db_->PrepareCached(
        "INSERT INTO api_keys(name, role, key_sha256, created_at) VALUES(?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, name).Bind(2, RoleName(role)).Bind(3, io::Sha256Hex(*key)).Bind(4, at);
    QANTARA_RETURN_IF_ERROR(insert->Run());
    nlohmann::json payload = {{"name", name}, {"role", RoleName(role)}};
    return AppendAudit("admin:cli", "key.add", payload.dump());
  });
  if (!s.ok()) return s;
  ForgetKeys();  // it may be cached as unknown
  return key;
}

// The cache holds at most this many keys (unknown ones included, so that
// random keys cannot grow it without bound): when full, the expired entries
// go, and if none has expired, all of them.
constexpr size_t kMaxCachedKeys = 4096;

Result<std::optional<ApiKey>> ServiceStore::FindKey(std::string_view key) {
  std::string hash = io::Sha256Hex(key);
  const bool caching = options_.key_cache_ttl.count() > 0;
  uint64_t generation = 0;
  if (caching) {
    std::lock_guard<std::mutex> lock(keys_mu_);
    auto it = keys_.find(hash);
    if (it != keys_.end() && options_.steady_now() < it->second.expires) return it->second.key;
    generation = keys_generation_;
  }
  Result<std::optional<ApiKey>> found = [&] {
    std::lock_guard<std::mutex> lock(mu_);
    return FindKeyLocked(hash);
  }();
  if (!found.ok() || !caching) return found;
  std::lock_guard<std::mutex> lock(keys_mu_);
  // A ForgetKeys since the read (a revocation here) makes what was read stale.
  if (generation != keys_generation_) return found;
  const auto now = options_.steady_now();
  if (keys_.size() >= kMaxCachedKeys && keys_.find(hash) == keys_.end()) {
    std::erase_if(keys_, [&](const auto& entry) { return !(now < entry.second.expires); });
    if (keys_.size() >= kMaxCachedKeys) keys_.clear();
  }
  keys_[std::move(hash)] = CachedKey{*found, now + options_.key_cache_ttl};
  return found;
}

size_t ServiceStore::cached_keys() {
  std::lock_guard<std::mutex> lock(keys_mu_);
  return keys_.size();
}

void ServiceStore::ForgetKeys() {
  std::lock_guard<std::mutex> lock(keys_mu_);
  keys_.clear();
  ++keys_generation_;
}

Result<std::optional<ApiKey>> ServiceStore::FindKeyLocked(const std::string& key_sha256) {
  auto find =
      db_->PrepareCached("SELECT name, role FROM api_keys WHERE key_sha256 = ? AND revoked = 0");
  if (!find.ok()) return find.status();
  auto row = find->Bind(1, key_sha256).Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<ApiKey>();
  std::optional<Role> role = ParseRole(find->Text(1));
  if (!role) return Status::Corruption(db_->path() + ": api_keys: unknown role " + find->Text(1));
  return std::optional<ApiKey>(ApiKey{find->Text(0), *role});
}

Result<RevokeOutcome> ServiceStore::RevokeKey(std::string_view name, int64_t id,
                                              std::string_view actor) {
  std::lock_guard<std::mutex> lock(mu_);
  RevokeOutcome outcome = RevokeOutcome::kRevoked;
  const std::string who =
      name.empty() ? "id " + std::to_string(id) : "\"" + std::string(name) + "\"";
  Status s = InTransaction(*db_, [&]() -> Status {
    auto find =
        db_->PrepareCached(name.empty() ? "SELECT id, name, revoked FROM api_keys WHERE id = ?"
                                        : "SELECT id, name, revoked FROM api_keys WHERE name = ?");
    if (!find.ok()) return find.status();
    if (name.empty()) {
      find->Bind(1, id);
    } else {
      find->Bind(1, name);
    }
    auto row = find->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::NotFound("no key " + who + " (see `qantara keys list`)");
    const int64_t key_id = find->Int(0);
    const std::string key_name = find->Text(1);
    if (find->Int(2) != 0) {
      outcome = RevokeOutcome::kAlreadyRevoked;
      return Status::Ok();
    }
    auto revoke =
        db_->PrepareCached("UPDATE api_keys SET revoked = 1, revoked_at = ? WHERE id = ?");
    if (!revoke.ok()) return revoke.status();
    QANTARA_RETURN_IF_ERROR(revoke->Bind(1, options_.now()).Bind(2, key_id).Run());
    nlohmann::json payload = {{"key", key_id}, {"name", key_name}};
    return AppendAudit(actor, "key.revoke", payload.dump());
  });
  if (!s.ok()) return s;
  ForgetKeys();  // from the next request on, not after the TTL
  return outcome;
}

Result<std::vector<KeyInfo>> ServiceStore::ListKeys() {
  std::lock_guard<std::mutex> lock(mu_);
  auto list = db_->PrepareCached(
      "SELECT id, name, role, created_at, revoked, revoked_at FROM api_keys ORDER BY id");
  if (!list.ok()) return list.status();
  std::vector<KeyInfo> out;
  for (;;) {
    auto row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    std::optional<Role> role = ParseRole(list->Text(2));
    if (!role) return Status::Corruption(db_->path() + ": api_keys: unknown role " + list->Text(2));
    out.push_back({list->Int(0), list->Text(1), *role, list->Text(3), list->Int(4) != 0,
                   list->IsNull(5) ? std::string() : list->Text(5)});
  }
}

Status ServiceStore::RecordListVersion(ListVersion* v) {
  std::vector<ListVersion> one = {*v};
  QANTARA_RETURN_IF_ERROR(RecordListVersions(&one, "server"));
  *v = std::move(one[0]);
  return Status::Ok();
}

Status ServiceStore::RecordListVersions(std::vector<ListVersion>* versions,
                                        std::string_view actor) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string at = options_.now();
  std::vector<ListVersion> written = *versions;  // *versions changes only on success
  QANTARA_RETURN_IF_ERROR(InTransaction(*db_, [&]() -> Status {
    auto insert = db_->PrepareCached(
        "INSERT INTO list_versions(source, format, list, published, sha256, entities, loaded_at) "
        "VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    for (ListVersion& v : written) {
      v.loaded_at = at;
      insert->Bind(1, v.source).Bind(2, v.format).Bind(3, v.list).Bind(4, v.published);
      insert->Bind(5, v.sha256).Bind(6, v.entities).Bind(7, v.loaded_at);
      QANTARA_RETURN_IF_ERROR(insert->Run());
      v.id = db_->LastInsertRowid();
      nlohmann::json payload = {{"list_version", v.id},     {"source", v.source},
                                {"format", v.format},       {"list", v.list},
                                {"published", v.published}, {"sha256", v.sha256},
                                {"entities", v.entities}};
      QANTARA_RETURN_IF_ERROR(AppendAudit(actor, "list.load", payload.dump()));
    }
    return Status::Ok();
  }));
  *versions = std::move(written);
  return Status::Ok();
}

Status ServiceStore::RecordEvent(std::string_view actor, std::string_view action,
                                 const std::string& payload_json) {
  std::lock_guard<std::mutex> lock(mu_);
  return InTransaction(*db_, [&] { return AppendAudit(actor, action, payload_json); });
}

Status ServiceStore::RecordScreenings(std::string_view key_name,
                                      std::vector<Screening>* screenings) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string at = options_.now();
  return InTransaction(*db_, [&]() -> Status {
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
  std::lock_guard<std::mutex> lock(mu_);
  DecideOutcome outcome = DecideOutcome::kRecorded;
  Status s = InTransaction(*db_, [&]() -> Status {
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
  std::lock_guard<std::mutex> lock(mu_);
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
  std::lock_guard<std::mutex> lock(mu_);
  auto list = db_->PrepareCached(
      "SELECT id, key_name, query, created_at, list_versions FROM screenings WHERE id > ? "
      "ORDER BY id LIMIT ?");
  if (!list.ok()) return list.status();
  list->Bind(1, after_id).Bind(2, static_cast<int64_t>(limit));
  return ReadScreenings(&*list);
}

Result<int64_t> ServiceStore::CountScreenings() {
  std::lock_guard<std::mutex> lock(mu_);
  auto count = db_->PrepareCached("SELECT count(*) FROM screenings");
  if (!count.ok()) return count.status();
  auto row = count->Step();
  if (!row.ok()) return row.status();
  return *row ? count->Int(0) : 0;
}

Result<int64_t> ServiceStore::BeginRescreen(std::string_view actor,
                                            const std::vector<int64_t>& list_versions) {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t id = 0;
  QANTARA_RETURN_IF_ERROR(InTransaction(*db_, [&]() -> Status {
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
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<NewHits> kept;
  QANTARA_RETURN_IF_ERROR(InTransaction(*db_, [&]() -> Status {
    kept.clear();  // a retry starts afresh
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
  std::lock_guard<std::mutex> lock(mu_);
  return InTransaction(*db_, [&]() -> Status {
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

Result<std::optional<Screening>> ServiceStore::GetScreening(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
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
  std::lock_guard<std::mutex> lock(mu_);
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

Result<std::vector<AuditRow>> ServiceStore::AuditForScreening(int64_t screening, size_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
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
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = db_->PrepareCached(
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
    } else if (io::Sha256Hex(prev + CanonicalRow(seq, rows->Text(1), rows->Text(2), rows->Text(3),
                                                 rows->Text(4))) != rows->Text(6)) {
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
