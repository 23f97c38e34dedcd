// Tests of delta screening (service/rescreen.h): stored screenings rescreened
// against a newer list raise only the entities they had not hit, whether the
// old hit is open or decided; a second run raises nothing; new hits are open,
// in the review queue, decidable, and audited. Screenings are made through Api
// (no sockets) on made-up JSONL lists.
#include "service/rescreen.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "server/api.h"
#include "service/reload.h"
#include "tests/service/test_lists.h"

namespace qantara::service {
namespace {

using server::Api;
using server::ApiLimits;
using server::ApiRequest;
using server::ApiResponse;
using server::Metrics;

using nlohmann::json;

class RescreenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TestListPath("rescreen_test");
    auto db = store::ServiceStore::Open(":memory:");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    key_ = *db_->AddKey("sam", store::Role::kScreener);
    api_ = std::make_unique<Api>(db_.get(), &metrics_, ApiLimits{});
  }
  void TearDown() override { std::remove(path_.c_str()); }

  std::shared_ptr<const ListSnapshot> Load(const std::string& content) {
    WriteListFile(path_, content);
    ListFilesOptions files;
    files.paths = {path_};
    auto loaded = LoadListFiles(files, db_.get(), "test");
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? loaded->snapshot : nullptr;
  }
  // Screens `name` through the API; returns the screening id.
  int64_t Screen(const std::string& name) {
    ApiRequest r{"POST", "/v1/screen", {}, "Bearer " + key_, "application/json",
                 json{{"id", name}, {"name", name}, {"birth_date", "1975"}}.dump()};
    ApiResponse out = api_->Handle(r);
    EXPECT_EQ(out.status, 200) << out.body;
    return json::parse(out.body).value("screening", int64_t{0});
  }
  std::vector<RaisedHit> Run(const ListSnapshot& lists, RescreenReport* report) {
    std::vector<RaisedHit> raised;
    RescreenCallbacks callbacks;
    callbacks.on_hit = [&](const RaisedHit& h) { raised.push_back(h); };
    int64_t progress_calls = 0;
    callbacks.on_progress = [&](int64_t) { ++progress_calls; };
    auto r = Rescreen(lists, db_.get(), "tester", callbacks, /*page=*/2);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) *report = *r;
    EXPECT_GT(progress_calls, 0);
    return raised;
  }

  std::string path_;
  std::unique_ptr<store::ServiceStore> db_;
  std::string key_;
  Metrics metrics_;
  std::unique_ptr<Api> api_;
};

TEST_F(RescreenTest, RaisesOnlyEntitiesTheScreeningHadNotHit) {
  // v1: two listed persons.
  api_->SetLists(Load(Person("A1", "Zayd Qasim al-Fulani") + Person("A2", "Karim Tahar Bensalem")));
  const int64_t zayd = Screen("Zayd Qasim al-Fulani");
  const int64_t karim = Screen("Karim Tahar Bensalem");
  const int64_t nobody = Screen("Mariam Oulad Testaoui");
  const int64_t other = Screen("Yusuf Ibrahim Harbawi");
  ASSERT_EQ(*db_->Decide(karim, "t:A2", store::Decision::kNoMatch, "other person", "rita"),
            store::DecideOutcome::kRecorded);

  // v2: the same two (Karim's hit decided, Zayd's open), plus a new alias-like
  // entry for Zayd and a new person matching the query nobody had matched.
  auto v2 = Load(Person("A1", "Zayd Qasim al-Fulani") + Person("A2", "Karim Tahar Bensalem") +
                 Person("B1", "Zaid Kassem al-Foulani") + Person("B2", "Mariam Oulad Testaoui"));
  ASSERT_TRUE(v2);
  RescreenReport report;
  std::vector<RaisedHit> raised = Run(*v2, &report);
  EXPECT_EQ(report.screenings, 4);
  EXPECT_EQ(report.unreadable, 0);
  ASSERT_EQ(report.new_hits, 2);
  ASSERT_EQ(raised.size(), 2u);
  EXPECT_EQ(raised[0].screening, zayd);
  EXPECT_EQ(raised[0].match["entity"], "t:B1");
  EXPECT_EQ(json::parse(raised[0].query_json)["name"], "Zayd Qasim al-Fulani");
  EXPECT_EQ(raised[1].screening, nobody);
  EXPECT_EQ(raised[1].match["entity"], "t:B2");
  EXPECT_TRUE(raised[1].match.contains("explanation"));

  auto all = db_->ListScreenings(false, 10);
  ASSERT_TRUE(all.ok());
  for (const store::Screening& s : *all) {
    if (s.id == karim) {
      ASSERT_EQ(s.hits.size(), 1u) << "a decided hit is not raised again";
      EXPECT_EQ(s.hits[0].status, "decided");
    }
    if (s.id == other) {
      EXPECT_TRUE(s.hits.empty());
    }
    if (s.id == zayd) {
      ASSERT_EQ(s.hits.size(), 2u);
      for (const store::Hit& h : s.hits) {
        EXPECT_EQ(h.status, "open");
        EXPECT_EQ(h.rescreen, h.entity == "t:B1" ? report.rescreen : 0) << h.entity;
      }
    }
  }
  // The new hit is in the review queue and decidable like any other.
  EXPECT_EQ(*db_->Decide(nobody, "t:B2", store::Decision::kEscalate, "", "rita"),
            store::DecideOutcome::kRecorded);

  // Nothing new the second time.
  RescreenReport again;
  EXPECT_TRUE(Run(*v2, &again).empty());
  EXPECT_EQ(again.new_hits, 0);
  EXPECT_EQ(again.screenings, 4);
  EXPECT_NE(again.rescreen, report.rescreen);

  auto actions = db_->database().Prepare(
      "SELECT action, count(*) FROM audit_log WHERE action LIKE 'rescreen.%' GROUP BY action "
      "ORDER BY action");
  ASSERT_TRUE(actions.ok());
  std::vector<std::pair<std::string, int64_t>> counts;
  while (*actions->Step()) counts.emplace_back(actions->Text(0), actions->Int(1));
  EXPECT_EQ(counts, (std::vector<std::pair<std::string, int64_t>>{
                        {"rescreen.finish", 2}, {"rescreen.hits", 2}, {"rescreen.start", 2}}));
  auto run = db_->database().Prepare("SELECT screenings, new_hits FROM rescreens WHERE id = ?");
  ASSERT_TRUE(run.ok());
  run->Bind(1, report.rescreen);
  ASSERT_TRUE(*run->Step());
  EXPECT_EQ(run->Int(0), 4);
  EXPECT_EQ(run->Int(1), 2);
  auto audit = db_->VerifyAudit();
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->intact) << audit->problem;
}

TEST_F(RescreenTest, AnUnreadableStoredQueryIsCountedAndSkipped) {
  auto v1 = Load(Person("A1", "Zayd Qasim al-Fulani"));
  api_->SetLists(v1);
  Screen("Zayd Qasim al-Fulani");
  std::vector<store::Screening> odd(1);
  odd[0].query_json = R"({"name": ""})";
  ASSERT_TRUE(db_->RecordScreenings("sam", &odd).ok());
  RescreenReport report;
  EXPECT_TRUE(Run(*v1, &report).empty());
  EXPECT_EQ(report.screenings, 2);
  EXPECT_EQ(report.unreadable, 1);
}

TEST_F(RescreenTest, NoScreeningsIsAnEmptyRun) {
  auto v1 = Load(Person("A1", "Zayd Qasim al-Fulani"));
  auto r = Rescreen(*v1, db_.get(), "tester");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->screenings, 0);
  EXPECT_EQ(r->new_hits, 0);
  EXPECT_GT(r->rescreen, 0);
}

}  // namespace
}  // namespace qantara::service
