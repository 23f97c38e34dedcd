// The static page folder of the server (ServerOptions::web_root): files at
// "/", the API behind them, the page's security headers, and a folder that
// does not exist refused at Bind(). Files are written here into a temp
// folder; every request has a timeout.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/server.h"

namespace qantara::server {
namespace {

namespace fs = std::filesystem;

class WebRootTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/qantara_web_root_XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    root_ = pattern;
    std::ofstream(root_ / "index.html") << "<!doctype html><title>t</title>";
    std::ofstream(root_ / "app.js") << "export const x = 1;\n";
    auto db = store::ServiceStore::Open(":memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    fs::remove_all(root_);
  }
  void Start(const std::string& web_root) {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.web_root = web_root;
    server_ = std::make_unique<Server>(options, db_.get());
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Run().ok()); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(5);
    client_->set_read_timeout(10);
  }

  fs::path root_;
  std::unique_ptr<store::ServiceStore> db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(WebRootTest, ServesTheFolderAtRootWithItsPolicyAndTheApiBehindIt) {
  Start(root_.string());
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>t</title>"), std::string::npos);
  EXPECT_EQ(index->get_header_value("Content-Type").rfind("text/html", 0), 0u);
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");

  auto script = client_->Get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_NE(script->get_header_value("Content-Type").find("javascript"), std::string::npos);

  auto health = client_->Get("/healthz");  // not a file: the API answers
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, R"({"status":"ok"})");
  auto queue = client_->Get("/v1/screenings");
  ASSERT_TRUE(queue);
  EXPECT_EQ(queue->status, 401);

  auto missing = client_->Get("/missing.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("\"not_found\""), std::string::npos);
}

TEST_F(WebRootTest, NoFolderNoPage) {
  Start("");
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 404);
}

TEST_F(WebRootTest, AFolderThatDoesNotExistFailsToBind) {
  ServerOptions options;
  options.port = 0;
  options.web_root = (root_ / "nope").string();
  Server server(options, db_.get());
  Status s = server.Bind();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nope"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace qantara::server
