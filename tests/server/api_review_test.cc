// The review routes (src/server/api_review.cc) through Api::Handle, without
// sockets: one case in full (GET /v1/screenings/{id}) and its audit rows
// (GET /v1/screenings/{id}/audit), over a two-entity list written here and an
// in-memory database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lists/entity_json.h"
#include "server/api.h"

namespace qantara::server {
namespace {

using service::MakeSnapshot;

using nlohmann::json;

// Made-up entities: one listed in Latin and Arabic script, one Latin only.
constexpr const char* kFixture[] = {
    R"({"id": "rev:R-1", "list": "rev", "ref": "R-1", "schema": "Person",
        "caption": "Karim Nadir al-Wazzani",
        "names": [{"value": "Karim Nadir al-Wazzani", "kind": "primary"},
                  {"value": "كريم نادر الوزاني", "kind": "original_script"}],
        "birth_dates": ["1972-04-11"], "nationalities": ["ma"], "gender": "male"})",
    R"({"id": "rev:R-2", "list": "rev", "ref": "R-2", "schema": "Person",
        "caption": "Hassan Idrissi Benali", "names": ["Hassan Idrissi Benali"]})",
};

class ApiReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::ServiceStore::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    reviewer_key_ = *db_->AddKey("rita", store::Role::kReviewer);
    screener_key_ = *db_->AddKey("sam", store::Role::kScreener);
    std::vector<lists::Entity> entities;
    for (const char* line : kFixture) {
      std::string one_line = line;
      for (char& c : one_line) {
        if (c == '\n') c = ' ';
      }
      auto e = lists::EntityFromJson(one_line);
      ASSERT_TRUE(e.ok()) << e.status().ToString();
      entities.push_back(std::move(*e));
    }
    store::ListVersion v;
    v.source = "fixture";
    v.format = "jsonl";
    v.list = "rev";
    v.sha256 = std::string(64, '0');
    v.entities = 2;
    ASSERT_TRUE(db_->RecordListVersion(&v).ok());
    std::shared_ptr<const screen::CandidateIndex> index =
        screen::CandidateIndex::Build(std::move(entities), 1);
    api_ = std::make_unique<Api>(db_.get(), &metrics_, ApiLimits());
    api_->SetLists(MakeSnapshot(
        std::make_shared<const screen::Screener>(index, screen::ScreenOptions()), {v}));
  }

  ApiResponse Call(const std::string& method, const std::string& path, const std::string& key,
                   const std::string& body = "") const {
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.authorization = "Bearer " + key;
    r.content_type = "application/json";
    r.body = body;
    return api_->Handle(r);
  }
  static json Body(const ApiResponse& r) {
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }
  int64_t Screen(const std::string& name) const {
    ApiResponse r = Call("POST", "/v1/screen", screener_key_, json{{"name", name}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    json j = Body(r);
    EXPECT_FALSE(j["matches"].empty()) << r.body;
    return j.value("screening", int64_t{0});
  }
  std::string CasePath(int64_t id) const { return "/v1/screenings/" + std::to_string(id); }

  std::unique_ptr<store::ServiceStore> db_;
  Metrics metrics_;
  std::unique_ptr<Api> api_;
  std::string reviewer_key_, screener_key_;
};

TEST_F(ApiReviewTest, CaseHoldsQueryHitMatchedNameAndListedEntity) {
  const int64_t id = Screen("كريم نادر الوزاني");
  ApiResponse r = Call("GET", CasePath(id), reviewer_key_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.route, "/v1/screenings/{id}");
  json c = Body(r);
  EXPECT_EQ(c["screening"], id);
  EXPECT_EQ(c["key"], "sam");
  EXPECT_EQ(c["query"]["name"], "كريم نادر الوزاني");
  EXPECT_EQ(c["list_versions"], json::array({1}));
  ASSERT_FALSE(c["hits"].empty());
  const json& hit = c["hits"][0];
  EXPECT_EQ(hit["entity"], "rev:R-1");
  EXPECT_EQ(hit["status"], "open");
  EXPECT_TRUE(hit["decision"].is_null());
  // The Arabic query aligned on the Arabic listed name, token by token.
  EXPECT_EQ(hit["name"], "كريم نادر الوزاني");
  ASSERT_TRUE(hit["explanation"]["tokens"].is_array());
  EXPECT_EQ(hit["explanation"]["tokens"].size(), 3u) << hit.dump();
  EXPECT_EQ(hit["listed"]["caption"], "Karim Nadir al-Wazzani");
  EXPECT_EQ(hit["listed"]["birth_dates"], json::array({"1972-04-11"}));
  EXPECT_EQ(hit["listed"]["nationalities"], json::array({"ma"}));
  EXPECT_TRUE(c["decisions"].empty());
}

TEST_F(ApiReviewTest, MatchedNameIsTheLatinOneForALatinQuery) {
  const int64_t id = Screen("Karim Nader Wazzani");
  json c = Body(Call("GET", CasePath(id), reviewer_key_));
  ASSERT_FALSE(c["hits"].empty()) << c.dump();
  EXPECT_EQ(c["hits"][0]["entity"], "rev:R-1");
  EXPECT_EQ(c["hits"][0]["name"], "Karim Nadir al-Wazzani") << c["hits"][0].dump();
}

TEST_F(ApiReviewTest, DecisionShowsOnTheHitAndInTheCaseAudit) {
  const int64_t other = Screen("Hassan Idrissi Benali");
  const int64_t id = Screen("Karim Nadir al-Wazzani");
  ApiResponse decided = Call(
      "POST", "/v1/decisions", reviewer_key_,
      json{{"screening", id}, {"entity", "rev:R-1"}, {"decision", "no_match"}, {"comment", "dob"}}
          .dump());
  ASSERT_EQ(decided.status, 201) << decided.body;

  json c = Body(Call("GET", CasePath(id), reviewer_key_));
  const json& hit = c["hits"][0];
  EXPECT_EQ(hit["status"], "decided");
  EXPECT_EQ(hit["decision"]["decision"], "no_match");
  EXPECT_EQ(hit["decision"]["comment"], "dob");
  EXPECT_EQ(hit["decision"]["reviewer"], "rita");
  ASSERT_EQ(c["decisions"].size(), 1u);
  EXPECT_EQ(c["decisions"][0]["entity"], "rev:R-1");

  ApiResponse audit = Call("GET", CasePath(id) + "/audit", reviewer_key_);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.route, "/v1/screenings/{id}/audit");
  json rows = Body(audit)["audit"];
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["action"], "screen");
  EXPECT_EQ(rows[0]["actor"], "sam");
  EXPECT_EQ(rows[0]["payload"]["screening"], id);
  EXPECT_EQ(rows[1]["action"], "decide");
  EXPECT_EQ(rows[1]["actor"], "rita");
  EXPECT_EQ(rows[1]["payload"]["decision"], "no_match");
  EXPECT_LT(rows[0]["seq"].get<int64_t>(), rows[1]["seq"].get<int64_t>());
  EXPECT_EQ(rows[1]["hash"].get<std::string>().size(), 64u);

  // The other case's audit holds only its own screen row.
  json other_rows = Body(Call("GET", CasePath(other) + "/audit", reviewer_key_))["audit"];
  ASSERT_EQ(other_rows.size(), 1u) << other_rows.dump();
  EXPECT_EQ(other_rows[0]["payload"]["screening"], other);
}

TEST_F(ApiReviewTest, BadIdsRolesAndMethodsGetTheirErrors) {
  const int64_t id = Screen("Hassan Idrissi Benali");
  auto expect = [](const ApiResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(Body(r).value("code", ""), code) << r.body;
  };
  expect(Call("GET", "/v1/screenings/999", reviewer_key_), 404, "not_found");
  expect(Call("GET", "/v1/screenings/999/audit", reviewer_key_), 404, "not_found");
  expect(Call("GET", "/v1/screenings/abc", reviewer_key_), 404, "not_found");
  expect(Call("GET", "/v1/screenings/-1", reviewer_key_), 404, "not_found");
  expect(Call("GET", CasePath(id) + "/other", reviewer_key_), 404, "not_found");
  expect(Call("GET", "/v1/screenings/99999999999999999999999", reviewer_key_), 404, "not_found");
  expect(Call("GET", CasePath(id), screener_key_), 403, "forbidden");
  expect(Call("GET", CasePath(id) + "/audit", screener_key_), 403, "forbidden");
  expect(Call("POST", CasePath(id), reviewer_key_, "{}"), 405, "method_not_allowed");
  expect(Call("GET", CasePath(id), "qk_wrong"), 401, "unauthorized");
  // The queue route is unchanged by the longer ones.
  EXPECT_EQ(Call("GET", "/v1/screenings", reviewer_key_).status, 200);
}

}  // namespace
}  // namespace qantara::server
