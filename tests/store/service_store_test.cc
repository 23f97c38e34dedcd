// Tests of store/service_store: schema, key hashing, screenings and the review
// queue, decisions (twice is a conflict), and the audit chain (intact, an
// edited payload and a deleted row are both caught, naming the row).
#include "store/service_store.h"

#include <gtest/gtest.h>

#include "io/digest.h"

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

TEST(ServiceStore, CreatesEveryTableAtSchemaVersionTwo) {
  auto db = OpenMemory();
  for (const char* table : {"list_versions", "api_keys", "screenings", "hits", "decisions",
                            "audit_log", "rescreens"}) {
    EXPECT_EQ(Count(*db, table), 0) << table;
  }
  auto v = db->database().Prepare("PRAGMA user_version");
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(*v->Step());
  EXPECT_EQ(v->Int(0), 2);
}

TEST(ServiceStore, AVersionOneDatabaseIsMigratedKeepingItsRows) {
  const std::string path = ::testing::TempDir() + "/service_store_v1.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  {
    // The v1 schema as the first release wrote it, with one key and one hit.
    auto raw = Database::Open(path);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)
                    ->Exec(R"sql(
CREATE TABLE list_versions(id INTEGER PRIMARY KEY, source TEXT NOT NULL, format TEXT NOT NULL,
  list TEXT NOT NULL, published TEXT NOT NULL, sha256 TEXT NOT NULL, entities INTEGER NOT NULL,
  loaded_at TEXT NOT NULL);
CREATE TABLE api_keys(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  key_sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE screenings(id INTEGER PRIMARY KEY, key_name TEXT NOT NULL, query TEXT NOT NULL,
  created_at TEXT NOT NULL, list_versions TEXT NOT NULL);
CREATE TABLE hits(screening INTEGER NOT NULL REFERENCES screenings(id), entity TEXT NOT NULL,
  score REAL NOT NULL, explanation TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open',
  PRIMARY KEY(screening, entity));
CREATE INDEX hits_open ON hits(status, screening);
CREATE TABLE decisions(id INTEGER PRIMARY KEY, screening INTEGER NOT NULL, entity TEXT NOT NULL,
  decision TEXT NOT NULL, comment TEXT NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL,
  FOREIGN KEY(screening, entity) REFERENCES hits(screening, entity));
CREATE TABLE audit_log(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
INSERT INTO api_keys(name, role, key_sha256, created_at) VALUES('old', 'admin', 'x', 't');
INSERT INTO screenings(key_name, query, created_at, list_versions) VALUES('old', '{}', 't', '[]');
INSERT INTO hits(screening, entity, score, explanation) VALUES(1, 'demo:D-001', 0.9, '{}');
PRAGMA user_version = 1;)sql")
                    .ok());
  }
  auto db = ServiceStore::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto keys = (*db)->ListKeys();
  ASSERT_TRUE(keys.ok()) << keys.status().ToString();
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_FALSE((*keys)[0].revoked);
  auto screenings = (*db)->ScreeningsAfter(0, 10);
  ASSERT_TRUE(screenings.ok());
  ASSERT_EQ(screenings->size(), 1u);
  ASSERT_EQ((*screenings)[0].hits.size(), 1u);
  EXPECT_EQ((*screenings)[0].hits[0].rescreen, 0);
  db->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
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
  EXPECT_EQ(stored->Text(0), io::Sha256Hex(*key));
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

TEST(ServiceStore, RevokedKeysAreRefusedListedAndAudited) {
  auto db = OpenMemory();
  const std::string alice = *db->AddKey("alice", Role::kReviewer);
  const std::string bob = *db->AddKey("bob", Role::kScreener);
  auto revoked = db->RevokeKey("alice", 0, "admin:cli");
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_EQ(*revoked, RevokeOutcome::kRevoked);
  EXPECT_FALSE(db->FindKey(alice)->has_value());
  EXPECT_TRUE(db->FindKey(bob)->has_value());
  const int64_t audit_rows = Count(*db, "audit_log");
  EXPECT_EQ(*db->RevokeKey("alice", 0, "admin:cli"), RevokeOutcome::kAlreadyRevoked);
  EXPECT_EQ(Count(*db, "audit_log"), audit_rows) << "revoking twice writes nothing";
  auto missing = db->RevokeKey("carol", 0, "admin:cli");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("carol"), std::string::npos);

  auto keys = db->ListKeys();
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].name, "alice");
  EXPECT_EQ((*keys)[0].role, Role::kReviewer);
  EXPECT_TRUE((*keys)[0].revoked);
  EXPECT_EQ((*keys)[0].revoked_at, "2026-01-02T03:04:05.000Z");
  EXPECT_EQ((*keys)[1].name, "bob");
  EXPECT_FALSE((*keys)[1].revoked);
  EXPECT_EQ((*keys)[1].revoked_at, "");
  // By id.
  EXPECT_EQ(*db->RevokeKey("", (*keys)[1].id, "admin:cli"), RevokeOutcome::kRevoked);
  EXPECT_FALSE(db->FindKey(bob)->has_value());
  auto last = db->database().Prepare(
      "SELECT actor, action, payload FROM audit_log ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(*last->Step());
  EXPECT_EQ(last->Text(0), "admin:cli");
  EXPECT_EQ(last->Text(1), "key.revoke");
  EXPECT_NE(last->Text(2).find("\"bob\""), std::string::npos) << last->Text(2);
  EXPECT_TRUE(db->VerifyAudit()->intact);
}

TEST(ServiceStore, ListVersionsOfOneLoadAreRecordedTogether) {
  auto db = OpenMemory();
  std::vector<ListVersion> versions = {
      {0, "a.jsonl", "jsonl", "a", "", std::string(64, 'a'), 3, ""},
      {0, "b.xml", "un", "un", "2026-01-01", std::string(64, 'b'), 9, ""}};
  ASSERT_TRUE(db->RecordListVersions(&versions, "ada").ok());
  EXPECT_EQ(versions[0].id, 1);
  EXPECT_EQ(versions[1].id, 2);
  EXPECT_EQ(versions[1].loaded_at, "2026-01-02T03:04:05.000Z");
  auto rows = db->database().Prepare("SELECT actor, action FROM audit_log ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  int n = 0;
  while (*rows->Step()) {
    EXPECT_EQ(rows->Text(0), "ada");
    EXPECT_EQ(rows->Text(1), "list.load");
    ++n;
  }
  EXPECT_EQ(n, 2);
  ASSERT_TRUE(db->RecordEvent("ada", "list.load_failed", R"({"file":"c.csv"})").ok());
  EXPECT_EQ(Count(*db, "audit_log"), 3);
  EXPECT_EQ(Count(*db, "list_versions"), 2);
  EXPECT_TRUE(db->VerifyAudit()->intact);
}

TEST(ServiceStore, RescreenHitsSkipWhatTheScreeningHitAlready) {
  auto db = OpenMemory();
  std::vector<Screening> batch = {OneScreening("demo:D-001"), OneScreening("demo:D-002")};
  ASSERT_TRUE(db->RecordScreenings("alice", &batch).ok());
  ASSERT_EQ(*db->Decide(2, "demo:D-002", Decision::kNoMatch, "", "bob"),
            DecideOutcome::kRecorded);
  auto run = db->BeginRescreen("cli:rescreen", {7});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  std::vector<NewHits> found = {
      {1, {{"demo:D-001", "0.9100", "{}", ""}, {"demo:D-009", "0.8000", "{}", ""}}},
      {2, {{"demo:D-002", "0.9500", "{}", ""}}}};
  ASSERT_TRUE(db->AddRescreenHits(*run, "cli:rescreen", &found).ok());
  ASSERT_EQ(found.size(), 1u) << "only screening 1 got a new hit";
  EXPECT_EQ(found[0].screening, 1);
  ASSERT_EQ(found[0].hits.size(), 1u);
  EXPECT_EQ(found[0].hits[0].entity, "demo:D-009");
  EXPECT_EQ(found[0].hits[0].rescreen, *run);
  ASSERT_TRUE(db->FinishRescreen(*run, "cli:rescreen", 2, 1).ok());

  auto all = db->ScreeningsAfter(0, 1);  // paging: one at a time
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  ASSERT_EQ((*all)[0].hits.size(), 2u);
  EXPECT_EQ((*all)[0].hits[1].entity, "demo:D-009");
  EXPECT_EQ((*all)[0].hits[1].status, "open");
  EXPECT_EQ((*all)[0].hits[1].rescreen, *run);
  EXPECT_EQ((*all)[0].hits[0].rescreen, 0);
  auto next = db->ScreeningsAfter((*all)[0].id, 1);
  ASSERT_EQ(next->size(), 1u);
  EXPECT_EQ((*next)[0].id, 2);
  EXPECT_TRUE(db->ScreeningsAfter(2, 1)->empty());
  EXPECT_EQ(*db->CountScreenings(), 2);
  auto rows = db->database().Prepare(
      "SELECT action FROM audit_log WHERE action LIKE 'rescreen%' ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> actions;
  while (*rows->Step()) actions.push_back(rows->Text(0));
  EXPECT_EQ(actions,
            (std::vector<std::string>{"rescreen.start", "rescreen.hits", "rescreen.finish"}));
  EXPECT_TRUE(db->VerifyAudit()->intact);
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
