// End-to-end tests of the HTTP service in process: a Server on an ephemeral
// loopback port over the bundled sample list and an in-memory database,
// spoken to with httplib::Client. Every request has a timeout; every loop is
// bounded.
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "lists/reader.h"

namespace qantara::server {
namespace {

using service::ListSnapshot;
using service::MakeSnapshot;

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::ServiceStore::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    screener_key_ = *db_->AddKey("sam", store::Role::kScreener);
    reviewer_key_ = *db_->AddKey("rita", store::Role::kReviewer);
    admin_key_ = *db_->AddKey("ada", store::Role::kAdmin);
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.limits.max_batch = 5;
    server_ = std::make_unique<Server>(options, db_.get());
    server_->SetLists(LoadSample());
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(5);
    client_->set_read_timeout(10);
    client_->set_write_timeout(10);
  }
  void TearDown() override {
    client_.reset();
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  std::shared_ptr<const ListSnapshot> LoadSample() {
    auto loaded = lists::LoadLists({std::string(QANTARA_SOURCE_DIR) + "/data/sample_list.jsonl"});
    EXPECT_TRUE(loaded.ok());
    store::ListVersion v;
    v.source = loaded->sources[0].path;
    v.format = std::string(lists::FormatName(loaded->sources[0].format));
    v.list = loaded->sources[0].list;
    v.sha256 = loaded->sources[0].sha256;
    v.entities = static_cast<int64_t>(loaded->sources[0].records);
    EXPECT_TRUE(db_->RecordListVersion(&v).ok());
    std::shared_ptr<const screen::CandidateIndex> index =
        screen::CandidateIndex::Build(std::move(loaded->entities), 1);
    return MakeSnapshot(std::make_shared<const screen::Screener>(index, screen::ScreenOptions()),
                        {v});
  }

  static httplib::Headers Auth(const std::string& key) {
    return {{"Authorization", "Bearer " + key}};
  }
  httplib::Result Post(const std::string& path, const std::string& body, const std::string& key,
                       const char* type = "application/json") {
    return client_->Post(path.c_str(), Auth(key), body, type);
  }
  httplib::Result Get(const std::string& path, const std::string& key) {
    return client_->Get(path.c_str(), Auth(key));
  }
  // The response's JSON body (a test failure when there is no response or no JSON).
  static json Body(const httplib::Result& r) {
    if (!r) {
      ADD_FAILURE() << "no response: " << httplib::to_string(r.error());
      return json();
    }
    json j = json::parse(r->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r->body;
    return j;
  }
  static void ExpectError(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->status, status) << r->body;
    json j = Body(r);
    EXPECT_EQ(j.value("code", ""), code) << r->body;
    EXPECT_FALSE(j.value("error", "").empty()) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  }
  int64_t ScreenOne(const std::string& name) {
    auto r = Post("/v1/screen", json{{"name", name}}.dump(), screener_key_);
    json j = Body(r);
    EXPECT_TRUE(j.contains("screening")) << j.dump();
    return j.value("screening", int64_t{0});
  }

  std::unique_ptr<store::ServiceStore> db_;
  std::string screener_key_, reviewer_key_, admin_key_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, HealthzNeedsNoKey) {
  auto r = client_->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Body(r), json({{"status", "ok"}}));
}

TEST_F(ServerTest, ScreensOneQueryInTheOutputFormWithAScreeningId) {
  auto r =
      Post("/v1/screen", R"({"id": "q1", "name": "Zayd Qasim al-Fulani", "birth_date": "1975"})",
           screener_key_);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["id"], "q1");
  ASSERT_TRUE(j["screening"].is_number_integer());
  ASSERT_FALSE(j["matches"].empty());
  const json& m = j["matches"][0];
  EXPECT_EQ(m["entity"], "demo:D-001");
  for (const char* k :
       {"entity", "list", "ref", "schema", "caption", "name", "score", "explanation"}) {
    EXPECT_TRUE(m.contains(k)) << k;
  }
  EXPECT_GE(m["score"].get<double>(), 0.76);
  EXPECT_TRUE(m["explanation"]["tokens"].is_array());
  // Field order of the contract: id, matches, then the screening id.
  EXPECT_LT(r->body.find("\"id\""), r->body.find("\"matches\""));
  EXPECT_LT(r->body.find("\"matches\""), r->body.rfind("\"screening\""));
}

TEST_F(ServerTest, ScreensABatchAnsweringEachQueryInOrder) {
  auto r =
      Post("/v1/screen",
           R"({"queries": [{"id": "a", "name": "Zayd Qasim al-Fulani"}, {"id": "b", "name": ""},
                                {"id": 3, "name": "Jean-Pierre Nobodyatall"}]})",
           screener_key_);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json results = Body(r)["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["id"], "a");
  EXPECT_FALSE(results[0]["matches"].empty());
  EXPECT_EQ(results[1]["id"], "b");
  EXPECT_EQ(results[1]["line"], 2);
  EXPECT_NE(results[1]["error"].get<std::string>().find("name"), std::string::npos);
  EXPECT_FALSE(results[1].contains("screening"));
  EXPECT_EQ(results[2]["id"], 3);
  EXPECT_TRUE(results[2]["matches"].empty());
  EXPECT_NE(results[0]["screening"], results[2]["screening"]);
}

TEST_F(ServerTest, BatchOverTheCapIs413) {
  json queries = json::array();
  for (int i = 0; i < 6; ++i) queries.push_back({{"name", "Zayd"}});
  ExpectError(Post("/v1/screen", json{{"queries", queries}}.dump(), screener_key_), 413,
              "payload_too_large");
}

TEST_F(ServerTest, MatchEntitiesAndLists) {
  auto m = Get("/v1/match?name=Abu%20Hamza%20al-Fulani&dob=1975", screener_key_);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->status, 200) << m->body;
  EXPECT_EQ(Body(m)["matches"][0]["entity"], "demo:D-001");
  EXPECT_TRUE(Body(m)["screening"].is_number_integer());
  ExpectError(Get("/v1/match", screener_key_), 400, "bad_request");

  auto e = Get("/v1/entities/demo:D-002", screener_key_);
  ASSERT_TRUE(e);
  ASSERT_EQ(e->status, 200) << e->body;
  EXPECT_EQ(Body(e)["caption"], "Abd al-Rahman Yusuf Harbawi");
  ExpectError(Get("/v1/entities/demo:NOPE", screener_key_), 404, "not_found");

  auto l = Get("/v1/lists", screener_key_);
  ASSERT_TRUE(l);
  json lists = Body(l)["lists"];
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0]["list"], "demo");
  EXPECT_EQ(lists[0]["entities"], 7);
  EXPECT_EQ(lists[0]["sha256"].get<std::string>().size(), 64u);
  EXPECT_TRUE(lists[0]["version"].is_number_integer());
}

TEST_F(ServerTest, ReviewerDecidesOnceThenConflict) {
  const int64_t id = ScreenOne("Zayd Qasim al-Fulani");
  auto queue = Get("/v1/screenings?status=open", reviewer_key_);
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->status, 200) << queue->body;
  json open = Body(queue)["screenings"];
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0]["screening"], id);
  EXPECT_EQ(open[0]["key"], "sam");
  EXPECT_EQ(open[0]["hits"][0]["status"], "open");

  json decision = {{"screening", id},
                   {"entity", "demo:D-001"},
                   {"decision", "no_match"},
                   {"comment", "different birth date"}};
  ExpectError(Post("/v1/decisions", decision.dump(), screener_key_), 403, "forbidden");
  auto first = Post("/v1/decisions", decision.dump(), reviewer_key_);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 201) << first->body;
  EXPECT_EQ(Body(first)["reviewer"], "rita");
  ExpectError(Post("/v1/decisions", decision.dump(), admin_key_), 409, "conflict");
  EXPECT_TRUE(Body(Get("/v1/screenings?status=open", reviewer_key_))["screenings"].empty());
  EXPECT_EQ(Body(Get("/v1/screenings?status=all", reviewer_key_))["screenings"].size(), 1u);

  decision["entity"] = "demo:D-005";
  ExpectError(Post("/v1/decisions", decision.dump(), reviewer_key_), 404, "not_found");
  decision["decision"] = "perhaps";
  ExpectError(Post("/v1/decisions", decision.dump(), reviewer_key_), 400, "bad_request");
  ExpectError(Get("/v1/screenings?status=closed", reviewer_key_), 400, "bad_request");
  ExpectError(Get("/v1/screenings", screener_key_), 403, "forbidden");
  auto report = db_->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact);
}

TEST_F(ServerTest, MetricsCountRoutesAndStatusesAndNameTheLists) {
  ScreenOne("Zayd Qasim al-Fulani");
  Post("/v1/screen", "{", screener_key_);
  ExpectError(Get("/metrics", reviewer_key_), 403, "forbidden");
  auto r = Get("/metrics", admin_key_);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type").rfind("text/plain", 0), 0u);
  const std::string& text = r->body;
  for (const char* line :
       {"qantara_http_requests_total{route=\"/v1/screen\",status=\"200\"} 1",
        "qantara_http_requests_total{route=\"/v1/screen\",status=\"400\"} 1",
        "qantara_http_requests_total{route=\"/metrics\",status=\"403\"} 1",
        "# TYPE qantara_http_request_duration_seconds histogram",
        "qantara_http_request_duration_seconds_bucket{le=\"+Inf\"} 3",
        "qantara_http_request_duration_seconds_count 3", "qantara_list_entities{list=\"demo\""}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
  }
  EXPECT_NE(text.find("qantara_list_info{list=\"demo\""), std::string::npos) << text;
}

TEST_F(ServerTest, BadRequestsGetTheirStatusFromTheTable) {
  auto malformed = Post("/v1/screen", R"({"name": "Zayd",})", screener_key_);
  ExpectError(malformed, 400, "malformed_json");
  EXPECT_NE(Body(malformed)["error"].get<std::string>().find("at byte 17"), std::string::npos)
      << malformed->body;
  ExpectError(Post("/v1/screen", R"({"name": "Zayd"})", screener_key_, "text/plain"), 415,
              "unsupported_media_type");
  ExpectError(Post("/v1/screen", std::string(1100000, ' '), screener_key_), 413,
              "payload_too_large");
  ExpectError(client_->Post("/v1/screen", R"({"name": "Zayd"})", "application/json"), 401,
              "unauthorized");
  ExpectError(Post("/v1/screen", R"({"name": "Zayd"})", "qk_not_a_key"), 401, "unauthorized");
  ExpectError(Post("/v1/screen", R"({"name": "Zayd", "schema": "Boat"})", screener_key_), 400,
              "bad_request");
  ExpectError(Get("/v1/nothing", screener_key_), 404, "not_found");
  ExpectError(client_->Delete("/v1/lists", Auth(admin_key_)), 405, "method_not_allowed");
  ExpectError(Get("/v1/screen", screener_key_), 405, "method_not_allowed");
}

TEST_F(ServerTest, AcceptsJsonWithACharsetAndALowerCaseBearer) {
  auto r = client_->Post("/v1/screen", {{"Authorization", "bearer " + screener_key_}},
                         R"({"name": "Zayd Qasim al-Fulani"})", "application/json; charset=utf-8");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(ServerTest, ConcurrentClientsAllGetAnswers) {
  constexpr int kThreads = 4, kRequests = 25;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      c.set_read_timeout(10);
      for (int i = 0; i < kRequests; ++i) {
        const std::string name = (i + t) % 2 ? "Zayd Qasim al-Fulani" : "Nasreddine Ould Mahjoub";
        auto r = c.Post("/v1/screen", Auth(screener_key_), json{{"name", name}}.dump(),
                        "application/json");
        if (r && r->status == 200 && !json::parse(r->body)["matches"].empty()) ++ok;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), kThreads * kRequests);
  EXPECT_EQ(db_->ListScreenings(false, 1000)->size(), size_t{kThreads * kRequests});
}

TEST_F(ServerTest, SwappedListsServeNewRequests) {
  auto before = Body(Get("/v1/lists", screener_key_))["lists"][0]["version"];
  server_->SetLists(LoadSample());
  auto after = Body(Get("/v1/lists", screener_key_))["lists"][0]["version"];
  EXPECT_NE(before, after);
  EXPECT_EQ(ScreenOne("Zayd Qasim al-Fulani") > 0, true);
}

TEST(ServerLifecycle, StopEndsRunWhateverTheTiming) {
  auto db = store::ServiceStore::Open(":memory:");
  ASSERT_TRUE(db.ok());
  for (int round = 0; round < 5; ++round) {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    Server server(options, db->get());
    ASSERT_TRUE(server.Bind().ok());
    if (round == 0) server.Stop();  // before Run: Run returns at once
    std::thread run([&] { EXPECT_TRUE(server.Run().ok()); });
    if (round > 1) std::this_thread::sleep_for(std::chrono::milliseconds(round));
    server.Stop();
    run.join();
  }
}

TEST(ServerLifecycle, NoListsIsUnavailable) {
  auto db = store::ServiceStore::Open(":memory:");
  ASSERT_TRUE(db.ok());
  const std::string key = *(*db)->AddKey("sam", store::Role::kScreener);
  Metrics metrics;
  Api api(db->get(), &metrics, ApiLimits{});
  ApiRequest r{"POST", "/v1/screen", {}, "Bearer " + key, "application/json", R"({"name":"x"})"};
  ApiResponse out = api.Handle(r);
  EXPECT_EQ(out.status, 503) << out.body;
  EXPECT_EQ(out.route, "/v1/screen");
}

}  // namespace
}  // namespace qantara::server
