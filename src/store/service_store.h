// The service database behind `qantara serve`, `qantara keys` and `qantara
// audit`: who screened what against which list version, what matched and who
// decided, with a hash-chained audit log a regulator can check.
//
// Schema (migrations in service_store.cc; PRAGMA user_version):
//   list_versions(id, source, format, list, published, sha256, entities, loaded_at)
//   api_keys(id, name UNIQUE, role, key_sha256 UNIQUE, created_at, revoked, revoked_at)
//   screenings(id, key_name, query JSON, created_at, list_versions JSON [ids])
//   hits(screening, entity, score, explanation JSON, status open|decided, rescreen)
//   decisions(screening, entity, decision, comment, reviewer, at)
//   rescreens(id, actor, started_at, list_versions JSON [ids], finished_at,
//             screenings, new_hits)                                   (v2)
//   audit_log(seq, at, actor, action, payload JSON, prev_hash, hash)
// v2 added rescreens, hits.rescreen (the rescreen run that raised the hit,
// NULL when the screening itself did) and api_keys.revoked_at.
//
// Every write (list load, key creation or revocation, screening, decision,
// rescreen, a failed reload) appends its audit row in the same transaction,
// so a row without its audit entry never exists. Audit actions: key.add,
// key.revoke, list.load, list.reload_failed, screen, decide, rescreen.start,
// rescreen.hits, rescreen.finish.
// The audit chain: hash = sha256(prev_hash + canonical row), canonical row =
// the JSON array [seq, at, actor, action, payload] (payload as stored text);
// the first row's prev_hash is 64 zeros. Role and decision names are stored as
// text and are a format: never rename them.
//
// Thread-safe: one connection guarded by a mutex (SQLite serialises writers
// anyway; the service's reads are small). Its statements are prepared once and
// kept (Database::PrepareCached). Key lookups are answered from a small cache
// (key SHA-256 -> owner or "none", for key_cache_ttl) under a mutex of their
// own, so a request's key check does not wait behind another's recording.
#ifndef QANTARA_STORE_SERVICE_STORE_H_
#define QANTARA_STORE_SERVICE_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/mutex.h"
#include "base/status.h"
#include "base/thread_annotations.h"
#include "store/sqlite_db.h"

namespace qantara::store {

// What a key may do: screeners screen and look up; reviewers also decide and
// see the review queue; admins everything. Ordered: a higher role includes the
// lower ones.
enum class Role { kScreener = 0, kReviewer = 1, kAdmin = 2 };
std::string_view RoleName(Role role);  // "screener" | "reviewer" | "admin"
std::optional<Role> ParseRole(std::string_view name);

enum class Decision { kMatch, kNoMatch, kEscalate };
std::string_view DecisionName(Decision d);  // "match" | "no_match" | "escalate"
std::optional<Decision> ParseDecision(std::string_view name);

struct ApiKey {
  std::string name;
  Role role = Role::kScreener;
};

// One list file as loaded by the server.
struct ListVersion {
  int64_t id = 0;         // assigned by RecordListVersion
  std::string source;     // the file's path
  std::string format;     // reader name ("un", "jsonl", ...)
  std::string list;       // "un", "ofac", ... or the in-house list's name
  std::string published;  // the file's own publication date, "" when unknown
  std::string sha256;     // of the file's bytes
  int64_t entities = 0;   // records read from the file
  std::string loaded_at;  // ISO 8601 UTC, set by the store
};

struct Hit {
  std::string entity;            // "un:QDi.299"
  std::string score;             // decimal text, as shown to the client ("0.9123")
  std::string explanation_json;  // the match's "explanation" object
  std::string status;            // "open" | "decided" (read back only)
  int64_t rescreen = 0;          // the rescreen run that raised it; 0: the screening did
};

// One screened query and its hits.
struct Screening {
  int64_t id = 0;
  std::string key_name;
  std::string query_json;
  std::string created_at;
  std::vector<int64_t> list_versions;
  std::vector<Hit> hits;
};

enum class DecideOutcome { kRecorded, kAlreadyDecided };

// A key as listed (never the key itself, which is not stored).
struct KeyInfo {
  int64_t id = 0;
  std::string name;
  Role role = Role::kScreener;
  std::string created_at;
  bool revoked = false;
  std::string revoked_at;  // "" while the key is valid
};

enum class RevokeOutcome { kRevoked, kAlreadyRevoked };

// New hits that a rescreen run found for one screening.
struct NewHits {
  int64_t screening = 0;
  std::vector<Hit> hits;  // entity, score, explanation
};

// A reviewer's decision on one hit, as recorded.
struct DecisionRecord {
  std::string entity;
  std::string decision;  // "match" | "no_match" | "escalate"
  std::string comment;
  std::string reviewer;
  std::string at;  // ISO 8601 UTC
};

// One row of the audit log.
struct AuditRow {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;   // "screen", "decide", "rescreen.hits", ... (the list above)
  std::string payload;  // JSON text, as hashed
  std::string hash;
};

struct AuditReport {
  int64_t rows = 0;  // rows checked
  bool intact = true;
  int64_t bad_seq = 0;  // the first row that does not verify (when !intact)
  std::string problem;  // what is wrong with it
};

struct ServiceStoreOptions {
  // The time written into rows, ISO 8601 UTC. Default: the system clock.
  // Tests pin it so that hashes are reproducible.
  std::function<std::string()> now;
  // How long FindKey trusts what it last read about a key (found, revoked or
  // unknown). A revocation or a new key made by another process (`qantara
  // keys` on the same file) takes effect within it; one made through this
  // store at once. 0: read the database on every call. Default 2 s.
  std::chrono::milliseconds key_cache_ttl{2000};
  // The key cache's clock. Default: std::chrono::steady_clock. Tests move it.
  std::function<std::chrono::steady_clock::time_point()> steady_now;
  // File databases: when > 0, the WAL is checkpointed every this often on a
  // thread of the store's own, through a second connection (PASSIVE: it never
  // waits for the writer), and the commits themselves never checkpoint. The
  // copy into the database file and its two fsyncs then stay off the request
  // path. 0 (default): SQLite's own, in the commit that passes 1000 WAL pages.
  std::chrono::milliseconds checkpoint_interval{0};
  // The database's files and the keys' randomness go through this Env when set
  // (tests: in memory, or with faults injected; Database::Open(path, env)).
  // Default null: SQLite's own file access, in WAL mode, and Env::Default()'s
  // randomness. Not owned; must outlive the store.
  Env* env = nullptr;
};

// The methods are defined one file per concern: service_store.cc (opening,
// migrations, the checkpoint thread), service_store_keys.cc,
// service_store_lists.cc, service_store_screenings.cc (screenings, hits and
// decisions), service_store_rescreens.cc and service_store_audit.cc (the
// chain's hashing itself is audit_chain.h).
class ServiceStore {
 public:
  // Opens (creating and migrating) the database at `path` (":memory:" works).
  static Result<std::unique_ptr<ServiceStore>> Open(const std::string& path,
                                                    ServiceStoreOptions options = {});
  ~ServiceStore();  // stops the checkpoint thread
  ServiceStore(const ServiceStore&) = delete;
  ServiceStore& operator=(const ServiceStore&) = delete;

  // Keys (service_store_keys.cc).
  // Creates a key named `name` (unique) and returns it; only its SHA-256 is
  // stored, so this is the one time it can be seen. Fails with
  // kInvalidArgument when the name is empty or taken.
  Result<std::string> AddKey(std::string_view name, Role role) EXCLUDES(mu_, keys_mu_);
  // The key's owner, or nullopt for an unknown or revoked key. Read from the
  // database at most once per key_cache_ttl (options): a revocation by another
  // process holds from the first request after the TTL on, one through this
  // store (RevokeKey) from the next request on.
  Result<std::optional<ApiKey>> FindKey(std::string_view key) EXCLUDES(mu_, keys_mu_);
  // Keys in the cache (tests).
  size_t cached_keys() EXCLUDES(keys_mu_);
  // Revokes the key named `name` (or, when `name` is empty, the key whose id is
  // `id`); audited as key.revoke by `actor`. kNotFound when there is no such
  // key; kAlreadyRevoked (nothing written) when it was revoked before.
  Result<RevokeOutcome> RevokeKey(std::string_view name, int64_t id, std::string_view actor)
      EXCLUDES(mu_, keys_mu_);
  // Every key, oldest first.
  Result<std::vector<KeyInfo>> ListKeys() EXCLUDES(mu_);

  // List versions (service_store_lists.cc).
  // Records a loaded list file (actor "server"); fills version->id and loaded_at.
  Status RecordListVersion(ListVersion* version) EXCLUDES(mu_);
  // Records the list files of one load together, in one transaction (one
  // list.load audit row each, by `actor`): all of them or none.
  Status RecordListVersions(std::vector<ListVersion>* versions, std::string_view actor)
      EXCLUDES(mu_);

  // Screenings, hits and decisions (service_store_screenings.cc).
  // Records screenings by `key_name` (one per query, each with its hits, all
  // open) in one transaction; fills each Screening's id and created_at.
  Status RecordScreenings(std::string_view key_name, std::vector<Screening>* screenings)
      EXCLUDES(mu_);

  // Records a reviewer's decision on the hit (screening, entity). kNotFound
  // when there is no such hit; kAlreadyDecided (nothing changed) when the hit
  // was decided before.
  Result<DecideOutcome> Decide(int64_t screening, std::string_view entity, Decision decision,
                               std::string_view comment, std::string_view reviewer) EXCLUDES(mu_);

  // Screenings with at least one open hit (only_open) or all of them, oldest
  // first, at most `limit`.
  Result<std::vector<Screening>> ListScreenings(bool only_open, size_t limit) EXCLUDES(mu_);

  // The screening `id` with its hits, or nullopt when there is none.
  Result<std::optional<Screening>> GetScreening(int64_t id) EXCLUDES(mu_);
  // The decisions on the hits of screening `id`, oldest first.
  Result<std::vector<DecisionRecord>> ListDecisions(int64_t screening) EXCLUDES(mu_);

  // Every screening whose id is greater than `after_id`, oldest first, at most
  // `limit`, with all its hits (for paging through the whole table).
  Result<std::vector<Screening>> ScreeningsAfter(int64_t after_id, size_t limit) EXCLUDES(mu_);
  // How many screenings are stored.
  Result<int64_t> CountScreenings() EXCLUDES(mu_);

  // Rescreens (service_store_rescreens.cc; service/rescreen.cc drives
  // them): Begin records the run against `list_versions` and returns its id;
  // AddRescreenHits records, in one transaction, the hits of `batch` that the
  // screening does not have yet (an entity already hit, open or decided, is
  // skipped) as open hits of the run, one rescreen.hits audit row per
  // screening that got any, and removes the skipped ones from `batch`; Finish
  // records the totals.
  Result<int64_t> BeginRescreen(std::string_view actor, const std::vector<int64_t>& list_versions)
      EXCLUDES(mu_);
  Status AddRescreenHits(int64_t rescreen, std::string_view actor, std::vector<NewHits>* batch)
      EXCLUDES(mu_);
  Status FinishRescreen(int64_t rescreen, std::string_view actor, int64_t screenings,
                        int64_t new_hits) EXCLUDES(mu_);

  // The audit log (service_store_audit.cc).
  // Appends an audit row that records no other row (list.reload_failed).
  // REQUIRES: payload_json is a JSON object.
  Status RecordEvent(std::string_view actor, std::string_view action,
                     const std::string& payload_json) EXCLUDES(mu_);
  // The audit rows whose payload names screening `id` (its "screen" row, its
  // "decide" rows and "rescreen.hits" rows), in chain order, at most `limit`. Scans the log.
  Result<std::vector<AuditRow>> AuditForScreening(int64_t screening, size_t limit) EXCLUDES(mu_);
  // Recomputes the audit chain from the first row.
  Result<AuditReport> VerifyAudit() EXCLUDES(mu_);

  // The underlying connection (tests tamper with rows through it). Not
  // locked: only while no other thread uses the store.
  Database& database() NO_THREAD_SAFETY_ANALYSIS { return *db_; }

 private:
  ServiceStore(std::unique_ptr<Database> db, ServiceStoreOptions options);
  // Appends the audit row of a write. REQUIRES: inside that write's transaction.
  Status AppendAudit(std::string_view actor, std::string_view action, const std::string& payload)
      REQUIRES(mu_);
  Status LoadHits(Screening* screening) REQUIRES(mu_);
  Result<std::vector<Screening>> ReadScreenings(Statement* query) REQUIRES(mu_);
  Result<std::optional<ApiKey>> FindKeyLocked(const std::string& key_sha256) REQUIRES(mu_);
  void ForgetKeys() EXCLUDES(keys_mu_);  // empties the key cache (after a write to api_keys)

  struct CachedKey {
    std::optional<ApiKey> key;  // nullopt: unknown or revoked
    std::chrono::steady_clock::time_point expires;
  };

  // The connection and its prepared statements. options_ is set before the
  // store is shared and only read after: it needs no lock.
  Mutex mu_;
  const std::unique_ptr<Database> db_ PT_GUARDED_BY(mu_);
  ServiceStoreOptions options_;

  // The key cache. Taken after mu_ (RevokeKey) or alone, never before mu_.
  Mutex keys_mu_ ACQUIRED_AFTER(mu_);
  std::unordered_map<std::string, CachedKey> keys_ GUARDED_BY(keys_mu_);  // by SHA-256 hex
  uint64_t keys_generation_ GUARDED_BY(keys_mu_) = 0;                     // bumped by ForgetKeys

  // The checkpoint thread (options.checkpoint_interval) and its connection,
  // which only that thread uses.
  void CheckpointLoop() EXCLUDES(checkpoint_mu_);
  // Waits one checkpoint_interval; false when the store is closing.
  bool AwaitNextCheckpoint() EXCLUDES(checkpoint_mu_);
  std::unique_ptr<Database> checkpoint_db_;
  Mutex checkpoint_mu_;
  CondVar checkpoint_cv_;
  bool stopping_ GUARDED_BY(checkpoint_mu_) = false;
  std::thread checkpointer_;
};

}  // namespace qantara::store

#endif  // QANTARA_STORE_SERVICE_STORE_H_
