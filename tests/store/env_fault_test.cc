// The stores on an Env (store/internal/env_vfs.h): the service store and the
// news store run on the in-memory Env, and under the fault Env a write or an
// fsync that fails during a commit is a Status, after which a reopened
// database holds exactly the committed rows and its audit chain verifies.
// Each fault test sweeps the failing write over every write of the commit.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/fault_env.h"
#include "base/memory_env.h"
#include "news/read.h"
#include "store/news_store.h"
#include "store/service_store.h"
#include "store/sqlite_db.h"

namespace qantara::store {
namespace {

constexpr char kDb[] = "service.db";

ServiceStoreOptions OnEnv(Env* env) {
  ServiceStoreOptions options;
  options.now = [] { return std::string("2026-01-02T03:04:05.000Z"); };
  options.env = env;
  return options;
}

std::unique_ptr<ServiceStore> OpenService(Env* env) {
  auto store = ServiceStore::Open(kDb, OnEnv(env));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

std::vector<Screening> Screenings(int n, const std::string& entity) {
  std::vector<Screening> out(static_cast<size_t>(n));
  for (Screening& s : out) {
    s.query_json = R"({"name":"Zayd al-Fulani"})";
    s.list_versions = {};
    s.hits.push_back({entity, "0.9100", R"({"name":0.91})", ""});
  }
  return out;
}

Status Record(ServiceStore& store, int n, const std::string& entity) {
  std::vector<Screening> batch = Screenings(n, entity);
  return store.RecordScreenings("k", &batch);
}

// What a reopened store holds: screenings, and audit rows that all verify.
void ExpectCommitted(Env* env, size_t screenings) {
  std::unique_ptr<ServiceStore> store = OpenService(env);
  ASSERT_NE(store, nullptr);
  auto all = store->ListScreenings(false, 100);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), screenings);
  for (const Screening& s : *all) EXPECT_EQ(s.hits.size(), 1u) << "a screening without its hit";
  auto audit = store->VerifyAudit();
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_TRUE(audit->intact) << audit->problem;
  EXPECT_EQ(audit->rows, static_cast<int64_t>(screenings)) << "one audit row per screening";
}

TEST(ServiceStoreOnEnv, RunsInMemoryAndReopens) {
  MemoryEnv env;
  {
    std::unique_ptr<ServiceStore> store = OpenService(&env);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(Record(*store, 2, "demo:D-001").ok());
  }
  EXPECT_EQ(env.FileNames(), std::vector<std::string>{kDb}) << "journal deleted after commit";
  ExpectCommitted(&env, 2);
}

// Fails write number n of the second commit (alone, or with every later write
// when `disk_gone`) for n = 1, 2, ... until the commit makes no write that fails.
void SweepWriteFaults(bool disk_gone) {
  int failures = 0;
  for (int64_t n = 1; n < 500; ++n) {
    MemoryEnv mem;
    FaultEnv env(&mem);
    Status status;
    {
      std::unique_ptr<ServiceStore> store = OpenService(&env);
      ASSERT_NE(store, nullptr);
      ASSERT_TRUE(Record(*store, 1, "demo:D-001").ok());
      env.ResetCounters();
      env.FailWrite(n, disk_gone);
      status = Record(*store, 3, "demo:D-002");
      env.ClearFaults();
    }
    if (status.ok()) {
      ASSERT_EQ(env.injected(), 0) << "write " << n << " failed but the commit said OK";
      ExpectCommitted(&env, 4);
      EXPECT_GT(failures, 3) << "the sweep should have hit several writes";
      return;
    }
    ++failures;
    EXPECT_EQ(status.code(), StatusCode::kIoError) << status.ToString();
    EXPECT_NE(status.message().find(kDb), std::string::npos) << status.ToString();
    ExpectCommitted(&env, 1);
    if (testing::Test::HasFailure()) return;
  }
  FAIL() << "the commit never succeeded";
}

TEST(ServiceStoreOnEnv, AFailedWriteDuringACommitLeavesOnlyCommittedRows) {
  SweepWriteFaults(false);
}

TEST(ServiceStoreOnEnv, ADiskGoneMidCommitLeavesOnlyCommittedRows) { SweepWriteFaults(true); }

TEST(ServiceStoreOnEnv, AFailedFsyncDuringACommitIsAStatus) {
  MemoryEnv mem;
  FaultEnv env(&mem);
  {
    std::unique_ptr<ServiceStore> store = OpenService(&env);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(Record(*store, 1, "demo:D-001").ok());
    env.FailSyncs(true);
    Status s = Record(*store, 2, "demo:D-002");
    EXPECT_EQ(s.code(), StatusCode::kIoError) << s.ToString();
    EXPECT_GT(env.injected(), 0);
    env.FailSyncs(false);
    // The same store goes on once the disk is back.
    EXPECT_TRUE(Record(*store, 1, "demo:D-003").ok());
  }
  ExpectCommitted(&env, 2);
}

TEST(ServiceStoreOnEnv, ShortReadsAreReadThrough) {
  MemoryEnv mem;
  FaultEnv env(&mem);
  {
    std::unique_ptr<ServiceStore> store = OpenService(&env);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(Record(*store, 5, "demo:D-001").ok());
  }
  env.SetShortReads(100);
  ExpectCommitted(&env, 5);
}

TEST(ServiceStoreOnEnv, AnUnreadableDatabaseIsAnError) {
  MemoryEnv mem;
  FaultEnv env(&mem);
  ASSERT_NE(OpenService(&env), nullptr);
  env.FailReadsOf(kDb);
  auto store = ServiceStore::Open(kDb, OnEnv(&env));
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(kDb), std::string::npos) << store.status().ToString();
}

TEST(DatabaseOnEnv, SqlNowIsTheEnvClock) {
  MemoryEnv env;
  env.SetNow(std::chrono::system_clock::from_time_t(1549324800));  // 2019-02-05T00:00:00Z
  auto db = Database::Open("clock.db", &env);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto q = (*db)->Prepare("SELECT datetime('now')");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Text(0), "2019-02-05 00:00:00");
}

TEST(DatabaseOnEnv, TwoConnectionsOnOneEnvShareTheFile) {
  MemoryEnv env;
  auto a = Database::Open("shared.db", &env);
  auto b = Database::Open("shared.db", &env);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").ok());
  auto q = (*b)->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 1);
  q->Reset();
  ASSERT_TRUE((*b)->Exec("INSERT INTO t VALUES (2)").ok());
  auto r = (*a)->Prepare("SELECT sum(x) FROM t");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(*r->Step());
  EXPECT_EQ(r->Int(0), 3);
}

news::ReadDocument Doc(std::string id, std::string text) {
  news::ReadDocument d;
  d.doc = std::move(id);
  d.title = "Titre";
  d.published = "2019-02-05";
  d.text = std::move(text);
  return d;
}

size_t Found(Env* env, const std::string& word) {
  auto store = NewsStore::Open("news.db", env);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return 0;
  auto hits = (*store)->Search(word, 10);
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  return hits.ok() ? hits->size() : 0;
}

TEST(NewsStoreOnEnv, AFailedWriteDuringACommitLeavesOnlyCommittedDocuments) {
  int failures = 0;
  for (int64_t n = 1; n < 500; ++n) {
    MemoryEnv mem;
    FaultEnv env(&mem);
    Status status;
    {
      auto store = NewsStore::Open("news.db", &env);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      ASSERT_TRUE((*store)->SaveDocument(Doc("a", "premier texte"), {}).ok());
      env.ResetCounters();
      env.FailWrite(n, /*and_after=*/true);
      status = (*store)->Begin();
      for (const char* id : {"b", "c", "d"}) {
        if (status.ok()) status = (*store)->SaveDocument(Doc(id, "second texte"), {});
      }
      if (status.ok()) status = (*store)->Commit();
      env.ClearFaults();
    }
    EXPECT_EQ(Found(&env, "premier"), 1u);
    if (status.ok()) {
      ASSERT_EQ(env.injected(), 0);
      EXPECT_EQ(Found(&env, "second"), 3u);
      EXPECT_GT(failures, 3);
      return;
    }
    ++failures;
    EXPECT_EQ(status.code(), StatusCode::kIoError) << status.ToString();
    EXPECT_EQ(Found(&env, "second"), 0u) << "write " << n << ": half a transaction was kept";
    if (testing::Test::HasFailure()) return;
  }
  FAIL() << "the commit never succeeded";
}

}  // namespace
}  // namespace qantara::store
