// Tests of the two caches behind the service's speed: statements kept prepared
// per connection (Database::PrepareCached: compiled once, lent out, reset and
// cleared when returned, a nested use of the same SQL served apart) and the
// API key cache of ServiceStore (a revocation or a new key made by another
// connection holds after the TTL, one made through the same store at once, a
// TTL of 0 reads every time, the cache is bounded).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "io/digest.h"
#include "store/service_store.h"
#include "store/sqlite_db.h"

namespace qantara::store {
namespace {

// A database file of this test process alone (ctest runs tests of one
// binary in parallel processes).
std::string FreshPath(const std::string& name) {
  const std::string path =
      ::testing::TempDir() + "/" + std::to_string(::getpid()) + "_" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

int64_t CountRows(Database& db, const std::string& table) {
  auto q = db.Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(q.ok());
  EXPECT_TRUE(*q->Step());
  return q->Int(0);
}

TEST(StatementCache, ASecondUseDoesNotCompileAgain) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x INTEGER)").ok());
  for (int64_t i = 0; i < 3; ++i) {
    auto insert = (*db)->PrepareCached("INSERT INTO t(x) VALUES(?)");
    ASSERT_TRUE(insert.ok()) << insert.status().ToString();
    ASSERT_TRUE(insert->Bind(1, i).Run().ok());
  }
  EXPECT_EQ((*db)->cache_compiles(), 1);
  EXPECT_EQ((*db)->cached_statements(), 1u);
  EXPECT_EQ(CountRows(**db, "t"), 3);
  ASSERT_TRUE((*db)->ExecCached("DELETE FROM t").ok());
  ASSERT_TRUE((*db)->ExecCached("DELETE FROM t").ok());
  EXPECT_EQ((*db)->cache_compiles(), 2);
  EXPECT_EQ(CountRows(**db, "t"), 0);
}

TEST(StatementCache, BindingsAreClearedWhenTheStatementIsReturned) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  {
    auto q = (*db)->PrepareCached("SELECT ?1 IS NULL");
    ASSERT_TRUE(q.ok());
    ASSERT_TRUE(*q->Bind(1, int64_t{5}).Step());
    EXPECT_EQ(q->Int(0), 0);
  }
  auto q = (*db)->PrepareCached("SELECT ?1 IS NULL");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 1) << "the value bound by the last user must be gone";
}

TEST(StatementCache, ANestedUseOfTheSameSqlGetsAStatementOfItsOwn) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2)").ok());
  const char* sql = "SELECT x FROM t ORDER BY x";
  auto outer = (*db)->PrepareCached(sql);
  ASSERT_TRUE(outer.ok());
  ASSERT_TRUE(*outer->Step());
  EXPECT_EQ(outer->Int(0), 1);
  {
    auto inner = (*db)->PrepareCached(sql);
    ASSERT_TRUE(inner.ok());
    ASSERT_TRUE(*inner->Step());
    EXPECT_EQ(inner->Int(0), 1) << "the inner one starts from the first row";
    ASSERT_TRUE(*inner->Step());
    EXPECT_EQ(inner->Int(0), 2);
  }
  ASSERT_TRUE(*outer->Step());
  EXPECT_EQ(outer->Int(0), 2) << "the outer one was not disturbed";
  EXPECT_FALSE(*outer->Step());
  EXPECT_EQ((*db)->cached_statements(), 1u);
}

TEST(StatementCache, AStatementReturnedMidwayEndsItsRead) {
  const std::string path = FreshPath("statement_cache_read.db");
  auto reader = Database::Open(path);
  auto writer = Database::Open(path);
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2)").ok());
  {
    auto q = (*reader)->PrepareCached("SELECT x FROM t ORDER BY x");
    ASSERT_TRUE(q.ok());
    ASSERT_TRUE(*q->Step());  // one row of two: a read transaction is open
  }
  ASSERT_TRUE((*writer)->Exec("INSERT INTO t VALUES (3)").ok());
  // Had the returned statement not been reset, the reader would still be on
  // its old snapshot and count 2.
  EXPECT_EQ(CountRows(**reader, "t"), 3);
}

// A clock the test moves.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  void Advance(std::chrono::milliseconds d) { now += d; }
};

class KeyCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = FreshPath("key_cache.db");
    ServiceStoreOptions options;
    options.key_cache_ttl = std::chrono::milliseconds(2000);
    options.steady_now = [this] { return clock_.now; };
    auto server = ServiceStore::Open(path_, options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    auto admin = ServiceStore::Open(path_);  // `qantara keys` in another process
    ASSERT_TRUE(admin.ok());
    admin_ = std::move(*admin);
  }

  bool Accepted(const std::string& key) {
    auto found = server_->FindKey(key);
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    return found.ok() && found->has_value();
  }

  std::string path_;
  FakeClock clock_;
  std::unique_ptr<ServiceStore> server_;
  std::unique_ptr<ServiceStore> admin_;
};

TEST_F(KeyCacheTest, ARevocationByAnotherConnectionHoldsOnceTheTtlHasPassed) {
  const std::string key = *admin_->AddKey("sam", Role::kScreener);
  ASSERT_TRUE(Accepted(key));
  EXPECT_EQ(server_->cached_keys(), 1u);
  ASSERT_EQ(*admin_->RevokeKey("sam", 0, "admin:cli"), RevokeOutcome::kRevoked);
  clock_.Advance(std::chrono::milliseconds(1999));
  EXPECT_TRUE(Accepted(key)) << "within the TTL the cached answer stands (documented)";
  clock_.Advance(std::chrono::milliseconds(1));
  EXPECT_FALSE(Accepted(key)) << "after the TTL the revocation holds";
  clock_.Advance(std::chrono::hours(1));
  EXPECT_FALSE(Accepted(key));
}

TEST_F(KeyCacheTest, AKeyAddedByAnotherConnectionWorksOnceTheTtlHasPassed) {
  const std::string key = "qk_made_up_for_this_test";
  EXPECT_FALSE(Accepted(key));  // unknown: remembered as unknown for the TTL
  auto insert = admin_->database().Prepare(
      "INSERT INTO api_keys(name, role, key_sha256, created_at) VALUES('nora', 'reviewer', ?, "
      "'2026-01-02T03:04:05.000Z')");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE(insert->Bind(1, io::Sha256Hex(key)).Run().ok());
  EXPECT_FALSE(Accepted(key));
  clock_.Advance(std::chrono::milliseconds(2000));
  auto found = server_->FindKey(key);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value()) << "a miss is never remembered beyond the TTL";
  EXPECT_EQ((*found)->name, "nora");
  EXPECT_EQ((*found)->role, Role::kReviewer);
}

TEST_F(KeyCacheTest, KeysAddedOrRevokedThroughTheSameStoreHoldAtOnce) {
  EXPECT_FALSE(Accepted("qk_unknown"));
  const std::string key = *server_->AddKey("ada", Role::kAdmin);
  EXPECT_TRUE(Accepted(key));
  ASSERT_EQ(*server_->RevokeKey("ada", 0, "admin:api"), RevokeOutcome::kRevoked);
  EXPECT_FALSE(Accepted(key)) << "no TTL to wait for a revocation made here";
}

TEST_F(KeyCacheTest, ATtlOfZeroReadsTheDatabaseEveryTime) {
  ServiceStoreOptions options;
  options.key_cache_ttl = std::chrono::milliseconds(0);
  auto uncached = ServiceStore::Open(path_, options);
  ASSERT_TRUE(uncached.ok());
  const std::string key = *admin_->AddKey("sam", Role::kScreener);
  ASSERT_TRUE((*uncached)->FindKey(key)->has_value());
  ASSERT_EQ(*admin_->RevokeKey("sam", 0, "admin:cli"), RevokeOutcome::kRevoked);
  EXPECT_FALSE((*uncached)->FindKey(key)->has_value());
  EXPECT_EQ((*uncached)->cached_keys(), 0u);
}

TEST_F(KeyCacheTest, UnknownKeysCannotGrowTheCacheWithoutBound) {
  for (int i = 0; i < 5000; ++i) EXPECT_FALSE(Accepted("qk_guess_" + std::to_string(i)));
  EXPECT_LE(server_->cached_keys(), 4096u);
  const std::string key = *admin_->AddKey("sam", Role::kScreener);
  clock_.Advance(std::chrono::milliseconds(2000));
  EXPECT_TRUE(Accepted(key)) << "a real key still gets in after a flood of guesses";
}

TEST(CheckpointThread, CopiesTheWalIntoTheDatabaseWhileCommitsDoNot) {
  const std::string path = FreshPath("checkpoint_thread.db");
  ServiceStoreOptions options;
  options.checkpoint_interval = std::chrono::milliseconds(5);
  auto db = ServiceStore::Open(path, options);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto autocheckpoint = (*db)->database().Prepare("PRAGMA wal_autocheckpoint");
  ASSERT_TRUE(autocheckpoint.ok());
  ASSERT_TRUE(*autocheckpoint->Step());
  EXPECT_EQ(autocheckpoint->Int(0), 0) << "the requests' connection never checkpoints";
  autocheckpoint->Reset();
  const auto size_before = std::filesystem::file_size(path);
  for (int i = 0; i < 200; ++i) {
    std::vector<Screening> one(1);
    one[0].query_json = R"({"name":"Made Up Person )" + std::to_string(i) + R"("})";
    one[0].list_versions = {1};
    one[0].hits.push_back({"test:" + std::to_string(i), "0.9000", R"({"name":0.9})", ""});
    ASSERT_TRUE((*db)->RecordScreenings("sam", &one).ok());
  }
  // Only the checkpoint thread writes the database file: wait for it (bounded).
  for (int i = 0; i < 500 && std::filesystem::file_size(path) <= size_before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GT(std::filesystem::file_size(path), size_before);
  auto report = (*db)->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->rows, 200);
  db->reset();  // stops the thread
  auto reopened = ServiceStore::Open(path);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*(*reopened)->CountScreenings(), 200);
}

}  // namespace
}  // namespace qantara::store
