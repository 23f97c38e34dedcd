// The service database (see service_store.h): opening, the schema and its
// migrations, and the checkpoint thread. Each public write (the other
// service_store_*.cc) runs in one BEGIN IMMEDIATE transaction that also
// appends the audit row, so the audit log and the data cannot disagree;
// reading the chain's tail inside that transaction is what keeps two writers
// from forking it.
#include "store/service_store.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

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

}  // namespace

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
    MutexLock lock(&checkpoint_mu_);
    stopping_ = true;
  }
  checkpoint_cv_.SignalAll();
  if (checkpointer_.joinable()) checkpointer_.join();
}

// A failed round (the file busy, the disk full) is left to the next one: the
// WAL then grows, and the commits still succeed or fail on their own.
void ServiceStore::CheckpointLoop() {
  while (AwaitNextCheckpoint()) {
    (void)checkpoint_db_->ExecCached("PRAGMA wal_checkpoint(PASSIVE)");
  }
}

// Waits out the whole interval, whatever spurious wake-ups happen on the way.
bool ServiceStore::AwaitNextCheckpoint() {
  MutexLock lock(&checkpoint_mu_);
  const auto due = std::chrono::steady_clock::now() + options_.checkpoint_interval;
  while (!stopping_) {
    const auto left = due - std::chrono::steady_clock::now();
    if (left <= left.zero()) return true;
    checkpoint_cv_.WaitFor(&checkpoint_mu_, left);
  }
  return false;
}

}  // namespace qantara::store
