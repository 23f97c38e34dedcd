// Tests of store/service_store: schema, key hashing, screenings and the review
// queue, decisions (twice is a conflict), and the audit chain (intact, an
// edited payload and a deleted row are both caught, naming the row).
#include "store/service_store.h"

#include <gtest/gtest.h>

#include "lists/sha256.h"

namespace qantara::store {
namespace {

std::unique_ptr<ServiceStore> OpenMemory() {
  ServiceStoreOptions options;
  options.now = [] { return std::string("2026-01-02T03:04:05.000Z"); };
  auto db = ServiceStore::Open(":memory:", options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return std::move(*db);
}

int64_t Count(ServiceStore& db, const std::string& table) {
  auto q = db.database().Prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(q.ok());
  EXPECT_TRUE(*q->Step());
  return q->Int(0);
}

Screening OneScreening(const std::string& entity) {
  Screening s;
  s.query_json = R"({"name":"Zayd al-Fulani"})";
  s.list_versions = {1};
  s.hits.push_back({entity, "0.9100", R"({"name":0.91})", ""});
  return s;
}

TEST(ServiceStore, CreatesEveryTableAtSchemaVersionOne) {
  auto db = OpenMemory();
  for (const char* table :
       {"list_versions", "api_keys", "screenings", "hits", "decisions", "audit_log"}) {
    EXPECT_EQ(Count(*db, table), 0) << table;
  }
  auto v = db->database().Prepare("PRAGMA user_version");
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(*v->Step());
  EXPECT_EQ(v->Int(0), 1);
}

TEST(ServiceStore, KeysAreStoredHashedAndFoundByValue) {
  auto db = OpenMemory();
  auto key = db->AddKey("alice", Role::kReviewer);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->substr(0, 3), "qk_");
  EXPECT_EQ(key->size(), 3u + 64u);
  auto stored = db->database().Prepare("SELECT key_sha256, role FROM api_keys");
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(*stored->Step());
  EXPECT_EQ(stored->Text(0), lists::Sha256Hex(*key));
  EXPECT_EQ(stored->Text(1), "reviewer");
  auto found = db->FindKey(*key);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->name, "alice");
  EXPECT_EQ((*found)->role, Role::kReviewer);
  EXPECT_FALSE(db->FindKey("qk_wrong")->has_value());
  EXPECT_FALSE(db->AddKey("alice", Role::kAdmin).ok()) << "names are unique";
  EXPECT_FALSE(db->AddKey("", Role::kAdmin).ok());
  EXPECT_NE(*db->AddKey("bob", Role::kScreener), *key) << "keys are random";
}

TEST(ServiceStore, RoleAndDecisionNamesArePinned) {
  EXPECT_EQ(RoleName(Role::kScreener), "screener");
  EXPECT_EQ(RoleName(Role::kReviewer), "reviewer");
  EXPECT_EQ(RoleName(Role::kAdmin), "admin");
  EXPECT_EQ(ParseRole("admin"), Role::kAdmin);
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_EQ(DecisionName(Decision::kNoMatch), "no_match");
  EXPECT_EQ(ParseDecision("escalate"), Decision::kEscalate);
  EXPECT_FALSE(ParseDecision("maybe").has_value());
}

TEST(ServiceStore, ScreeningsOpenUntilEveryHitIsDecided) {
  auto db = OpenMemory();
  ListVersion v{0, "sample.jsonl", "jsonl", "demo", "", std::string(64, 'a'), 7, ""};
  ASSERT_TRUE(db->RecordListVersion(&v).ok());
  EXPECT_EQ(v.id, 1);
  std::vector<Screening> batch = {OneScreening("demo:D-001"), OneScreening("demo:D-002")};
  ASSERT_TRUE(db->RecordScreenings("alice", &batch).ok());
  EXPECT_EQ(batch[0].id, 1);
  EXPECT_EQ(batch[1].id, 2);
  auto open = db->ListScreenings(true, 10);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 2u);
  EXPECT_EQ((*open)[0].key_name, "alice");
  EXPECT_EQ((*open)[0].list_versions, std::vector<int64_t>{1});
  ASSERT_EQ((*open)[0].hits.size(), 1u);
  EXPECT_EQ((*open)[0].hits[0].status, "open");

  auto first = db->Decide(1, "demo:D-001", Decision::kNoMatch, "different person", "bob");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, DecideOutcome::kRecorded);
  open = db->ListScreenings(true, 10);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].id, 2);
  EXPECT_EQ(db->ListScreenings(false, 10)->size(), 2u);
}

TEST(ServiceStore, DecidingTwiceIsAConflictThatChangesNothing) {
  auto db = OpenMemory();
  std::vector<Screening> batch = {OneScreening("demo:D-001")};
  ASSERT_TRUE(db->RecordScreenings("alice", &batch).ok());
  ASSERT_EQ(*db->Decide(1, "demo:D-001", Decision::kMatch, "", "bob"), DecideOutcome::kRecorded);
  const int64_t audit_rows = Count(*db, "audit_log");
  auto again = db->Decide(1, "demo:D-001", Decision::kNoMatch, "changed my mind", "carol");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, DecideOutcome::kAlreadyDecided);
  EXPECT_EQ(Count(*db, "decisions"), 1);
  EXPECT_EQ(Count(*db, "audit_log"), audit_rows);
  auto missing = db->Decide(1, "demo:D-999", Decision::kMatch, "", "bob");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(db->Decide(42, "demo:D-001", Decision::kMatch, "", "bob").ok());
}

// One row per write: key, list load, two screenings, a decision.
std::unique_ptr<ServiceStore> StoreWithHistory() {
  auto db = OpenMemory();
  EXPECT_TRUE(db->AddKey("alice", Role::kScreener).ok());
  ListVersion v{0, "sample.jsonl", "jsonl", "demo", "2026-01-01", std::string(64, 'b'), 7, ""};
  EXPECT_TRUE(db->RecordListVersion(&v).ok());
  std::vector<Screening> batch = {OneScreening("demo:D-001"), OneScreening("demo:D-002")};
  EXPECT_TRUE(db->RecordScreenings("alice", &batch).ok());
  EXPECT_TRUE(db->Decide(2, "demo:D-002", Decision::kEscalate, "check passport", "bob").ok());
  return db;
}

TEST(ServiceStore, EveryWriteAppendsOneChainedAuditRow) {
  auto db = StoreWithHistory();
  EXPECT_EQ(Count(*db, "audit_log"), 5);
  auto rows =
      db->database().Prepare("SELECT action, actor, prev_hash, hash FROM audit_log ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> actions;
  std::string prev(64, '0');
  while (*rows->Step()) {
    actions.push_back(rows->Text(0));
    EXPECT_EQ(rows->Text(2), prev);
    prev = rows->Text(3);
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"key.add", "list.load", "screen", "screen", "decide"}));
  auto report = db->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->rows, 5);
}

TEST(ServiceStore, AuditChainIsPinned) {
  // The first row's hash from fixed inputs: changing the canonical form is a
  // format change (old logs would no longer verify), so it must be a decision.
  auto db = OpenMemory();
  ListVersion v{0, "a.jsonl", "jsonl", "demo", "", std::string(64, 'c'), 1, ""};
  ASSERT_TRUE(db->RecordListVersion(&v).ok());
  auto row = db->database().Prepare("SELECT payload, hash FROM audit_log");
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(*row->Step());
  EXPECT_EQ(row->Text(0), R"({"entities":1,"format":"jsonl","list":"demo","list_version":1,)"
                          R"("published":"","sha256":")" +
                              std::string(64, 'c') + R"(","source":"a.jsonl"})");
  // Checked with Python: sha256("0" * 64 + json.dumps([1, at, "server",
  // "list.load", payload], separators=(",", ":"))).
  EXPECT_EQ(row->Text(1), "89a8f248d6f4f1b1ac6c8cb31951482b5c077500850069b630e27116dc43e208");
}

TEST(ServiceStore, EditedPayloadIsCaughtAtItsRow) {
  auto db = StoreWithHistory();
  ASSERT_TRUE(db->database()
                  .Exec("UPDATE audit_log SET payload = replace(payload, 'escalate', 'no_match') "
                        "WHERE seq = 5")
                  .ok());
  auto report = db->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->bad_seq, 5);
  EXPECT_EQ(report->rows, 4);
  EXPECT_NE(report->problem.find("edited"), std::string::npos) << report->problem;
}

TEST(ServiceStore, DeletedRowIsCaughtAtTheNextRow) {
  auto db = StoreWithHistory();
  ASSERT_TRUE(db->database().Exec("DELETE FROM audit_log WHERE seq = 3").ok());
  auto report = db->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->bad_seq, 4);
  // Renumbering the rows after it does not hide the deletion: the chain breaks.
  ASSERT_TRUE(db->database().Exec("UPDATE audit_log SET seq = seq - 1 WHERE seq > 3").ok());
  report = db->VerifyAudit();
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->bad_seq, 3);
}

TEST(ServiceStore, ReopeningKeepsTheChainGoing) {
  const std::string path = ::testing::TempDir() + "/service_store_reopen.db";
  std::remove(path.c_str());
  {
    auto db = ServiceStore::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->AddKey("alice", Role::kAdmin).ok());
  }
  auto db = ServiceStore::Open(path);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->AddKey("bob", Role::kAdmin).ok());
  auto report = (*db)->VerifyAudit();
  EXPECT_TRUE(report->intact);
  EXPECT_EQ(report->rows, 2);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace
}  // namespace qantara::store
