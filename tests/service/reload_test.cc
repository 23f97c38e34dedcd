// Tests of list reloading (service/reload.h) through POST /v1/admin/reload on
// a real loopback server: the swap (new requests, GET /v1/lists and /metrics
// see the new versions), a corrupt or missing file (the old index still
// answers, the error names the file, the failure is audited), one reload at a
// time (409), the admin role, and a revoked key. List files are made-up JSONL
// written into a temporary folder.
#include "service/reload.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <condition_variable>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/server.h"
#include "tests/service/test_lists.h"

namespace qantara::service {
namespace {

using server::Api;
using server::ApiLimits;
using server::ApiRequest;
using server::ApiResponse;
using server::Metrics;
using server::Server;
using server::ServerOptions;

using nlohmann::json;

class ReloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TestListPath("reload_test");
    WriteList(Person("A1", "Zayd Qasim al-Fulani"));
    auto db = store::ServiceStore::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    screener_key_ = *db_->AddKey("sam", store::Role::kScreener);
    reviewer_key_ = *db_->AddKey("rita", store::Role::kReviewer);
    admin_key_ = *db_->AddKey("ada", store::Role::kAdmin);
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    server_ = std::make_unique<Server>(options, db_.get());
    ListFilesOptions files;
    files.paths = {path_};
    reloader_ = std::make_unique<Reloader>(files, db_.get(), [this](auto lists) {
      server_->SetLists(std::move(lists));
    });
    ReloadReport start = reloader_->Reload("server", /*wait=*/true);
    ASSERT_TRUE(start.snapshot) << start.status.ToString();
    server_->SetReloader(reloader_.get());
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(10);
  }
  void TearDown() override {
    client_.reset();
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    std::remove(path_.c_str());
  }

  void WriteList(const std::string& content) { WriteListFile(path_, content); }
  httplib::Result Reload(const std::string& key, const std::string& query = "") {
    return client_->Post(("/v1/admin/reload" + query).c_str(),
                         {{"Authorization", "Bearer " + key}}, "", "application/json");
  }
  json Get(const std::string& path, const std::string& key) {
    auto r = client_->Get(path.c_str(), {{"Authorization", "Bearer " + key}});
    if (!r) return json();
    return json::parse(r->body, nullptr, false);
  }
  // The entity ids that screening `name` matches now.
  std::vector<std::string> MatchedIds(const std::string& name) {
    auto r = client_->Post("/v1/screen", {{"Authorization", "Bearer " + screener_key_}},
                           json{{"name", name}}.dump(), "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : httplib::to_string(r.error()));
    std::vector<std::string> ids;
    if (!r) return ids;
    const json body = json::parse(r->body);  // kept alive for the loop
    for (const json& m : body["matches"]) ids.push_back(m["entity"]);
    return ids;
  }
  int64_t CountAudit(const std::string& action) {
    auto q = db_->database().Prepare("SELECT count(*) FROM audit_log WHERE action = ?");
    EXPECT_TRUE(q.ok());
    q->Bind(1, action);
    EXPECT_TRUE(*q->Step());
    return q->Int(0);
  }

  std::string path_;
  std::unique_ptr<store::ServiceStore> db_;
  std::string screener_key_, reviewer_key_, admin_key_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<Reloader> reloader_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ReloadTest, ReloadSwapsInTheNewListAndAnswersItsVersions) {
  const json before = Get("/v1/lists", screener_key_)["lists"];
  ASSERT_EQ(before.size(), 1u);
  EXPECT_TRUE(MatchedIds("Karim Tahar Bensalem").empty());

  WriteList(Person("A1", "Zayd Qasim al-Fulani") + Person("B2", "Karim Tahar Bensalem"));
  auto r = Reload(admin_key_);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json answer = json::parse(r->body);
  ASSERT_EQ(answer["lists"].size(), 1u);
  EXPECT_GT(answer["lists"][0]["version"].get<int64_t>(), before[0]["version"].get<int64_t>());
  EXPECT_EQ(answer["lists"][0]["entities"], 2);
  EXPECT_EQ(answer["entities"], 2);
  EXPECT_EQ(answer["issues"], 0);
  EXPECT_NE(answer["lists"][0]["sha256"], before[0]["sha256"]);

  EXPECT_EQ(MatchedIds("Karim Tahar Bensalem"), std::vector<std::string>{"t:B2"});
  EXPECT_EQ(Get("/v1/entities/t:B2", screener_key_)["caption"], "Karim Tahar Bensalem");
  const json after = Get("/v1/lists", screener_key_)["lists"];
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["version"], answer["lists"][0]["version"]);
  auto metrics = client_->Get("/metrics", {{"Authorization", "Bearer " + admin_key_}});
  ASSERT_TRUE(metrics);
  const std::string version_label =
      "version=\"" + std::to_string(after[0]["version"].get<int64_t>()) + "\"";
  EXPECT_NE(metrics->body.find(version_label), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find(after[0]["sha256"].get<std::string>()), std::string::npos);
  EXPECT_EQ(metrics->body.find(before[0]["sha256"].get<std::string>()), std::string::npos)
      << "the old version is no longer served";
  EXPECT_NE(metrics->body.find("route=\"/v1/admin/reload\",status=\"200\""), std::string::npos);

  // New screenings record the new version.
  auto screenings = db_->ListScreenings(false, 100);
  ASSERT_TRUE(screenings.ok());
  EXPECT_EQ(screenings->back().list_versions,
            std::vector<int64_t>{after[0]["version"].get<int64_t>()});
  EXPECT_EQ(CountAudit("list.load"), 2);
  EXPECT_TRUE(db_->VerifyAudit()->intact);
}

TEST_F(ReloadTest, CorruptOrMissingFileKeepsTheOldIndexAndNamesTheFile) {
  const json before = Get("/v1/lists", screener_key_)["lists"];
  for (const std::string& content : {std::string("{\"id\": \"t:A1\", \"names\": [\n"),
                                     std::string("\x01\x02\x03\x04 not a list\x05\x06"),
                                     std::string(), std::string("<missing>")}) {
    SCOPED_TRACE(content);
    if (content == "<missing>") {
      std::remove(path_.c_str());
    } else {
      WriteList(content);
    }
    auto r = Reload(admin_key_);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500) << r->body;
    json error = json::parse(r->body);
    EXPECT_EQ(error["code"], "list_load_failed");
    EXPECT_EQ(error["file"], path_);
    EXPECT_NE(error["error"].get<std::string>().find(path_), std::string::npos) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    // The old lists still answer, and still are the ones listed.
    EXPECT_EQ(MatchedIds("Zayd Qasim al-Fulani"), std::vector<std::string>{"t:A1"});
    EXPECT_EQ(Get("/v1/lists", screener_key_)["lists"], before);
  }
  EXPECT_EQ(CountAudit("list.load_failed"), 4);
  EXPECT_EQ(CountAudit("list.load"), 1) << "a failed reload records no list version";
  auto failed = db_->database().Prepare(
      "SELECT actor, payload FROM audit_log WHERE action = 'list.load_failed' LIMIT 1");
  ASSERT_TRUE(failed.ok());
  ASSERT_TRUE(*failed->Step());
  EXPECT_EQ(failed->Text(0), "ada");
  EXPECT_EQ(json::parse(failed->Text(1))["file"], path_);
  EXPECT_TRUE(db_->VerifyAudit()->intact);

  // Fixed on disk: the next reload works.
  WriteList(Person("A1", "Zayd Qasim al-Fulani"));
  auto r = Reload(admin_key_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

TEST_F(ReloadTest, OneReloadAtATimeTheSecondIsAConflict) {
  std::mutex mu;
  std::condition_variable cv;
  bool inside = false, release = false;
  reloader_->set_before_install([&] {
    std::unique_lock<std::mutex> lock(mu);
    inside = true;
    cv.notify_all();
    cv.wait_for(lock, std::chrono::seconds(10), [&] { return release; });
  });
  int first_status = 0;
  std::thread first([&] {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(20);
    auto r = c.Post("/v1/admin/reload", {{"Authorization", "Bearer " + admin_key_}}, "",
                    "application/json");
    first_status = r ? r->status : -1;
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return inside; }));
  }
  auto second = Reload(admin_key_);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 409) << second->body;
  EXPECT_EQ(json::parse(second->body)["code"], "conflict");
  // Screening goes on while the first reload is held open.
  EXPECT_EQ(MatchedIds("Zayd Qasim al-Fulani"), std::vector<std::string>{"t:A1"});
  {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
  }
  cv.notify_all();
  first.join();
  EXPECT_EQ(first_status, 200);
  reloader_->set_before_install(nullptr);
}

TEST_F(ReloadTest, OnlyAdminsReload) {
  auto r = Reload(reviewer_key_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  r = client_->Post("/v1/admin/reload", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = client_->Get("/v1/admin/reload", {{"Authorization", "Bearer " + admin_key_}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  r = Reload(admin_key_, "?rescreen=maybe");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  EXPECT_EQ(CountAudit("list.load"), 1) << "refused reloads load nothing";
}

TEST_F(ReloadTest, ReloadWithRescreenRaisesTheNewHitsOfStoredScreenings) {
  ASSERT_TRUE(MatchedIds("Karim Tahar Bensalem").empty());
  WriteList(Person("A1", "Zayd Qasim al-Fulani") + Person("B2", "Karim Tahar Bensalem"));
  auto r = Reload(admin_key_, "?rescreen=true");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json rescreen = json::parse(r->body)["rescreen"];
  EXPECT_EQ(rescreen["screenings"], 1);
  EXPECT_EQ(rescreen["new_hits"], 1);
  auto open = db_->ListScreenings(true, 10);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  ASSERT_EQ((*open)[0].hits.size(), 1u);
  EXPECT_EQ((*open)[0].hits[0].entity, "t:B2");
  EXPECT_EQ((*open)[0].hits[0].rescreen, rescreen["run"].get<int64_t>());
}

TEST_F(ReloadTest, ARevokedKeyIsRefusedFromTheNextRequestOn) {
  EXPECT_EQ(MatchedIds("Zayd Qasim al-Fulani").size(), 1u);
  auto revoked = db_->RevokeKey("sam", 0, "admin:cli");
  ASSERT_TRUE(revoked.ok());
  auto r = client_->Post("/v1/screen", {{"Authorization", "Bearer " + screener_key_}},
                         R"({"name": "Zayd"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401) << r->body;
  EXPECT_EQ(json::parse(r->body)["code"], "unauthorized");
  EXPECT_EQ(CountAudit("key.revoke"), 1);
}

TEST(ReloadWithoutFiles, TheRouteIsUnavailable) {
  auto db = store::ServiceStore::Open(":memory:");
  ASSERT_TRUE(db.ok());
  const std::string key = *(*db)->AddKey("ada", store::Role::kAdmin);
  Metrics metrics;
  Api api(db->get(), &metrics, ApiLimits{});
  ApiRequest r{"POST", "/v1/admin/reload", {}, "Bearer " + key, "", ""};
  ApiResponse out = api.Handle(r);
  EXPECT_EQ(out.status, 503) << out.body;
  EXPECT_EQ(out.route, "/v1/admin/reload");
}

TEST(LoadListFiles, NamesTheFileAtFaultAmongSeveral) {
  const std::string good = ::testing::TempDir() + "/load_list_files_good.jsonl";
  const std::string missing = ::testing::TempDir() + "/load_list_files_missing.jsonl";
  std::remove(missing.c_str());
  WriteListFile(good, Person("A1", "Zayd Qasim al-Fulani"));
  auto db = store::ServiceStore::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ListFilesOptions files;
  files.paths = {good, missing};
  std::string failed;
  auto loaded = LoadListFiles(files, db->get(), "test", &failed);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(failed, missing);
  files.paths = {good};
  loaded = LoadListFiles(files, db->get(), "test", &failed);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(failed, "");
  ASSERT_EQ(loaded->snapshot->versions.size(), 1u);
  EXPECT_GT(loaded->snapshot->versions[0].id, 0);
  EXPECT_EQ(loaded->snapshot->screener->index().entities().size(), 1u);
  std::remove(good.c_str());
}

}  // namespace
}  // namespace qantara::service
