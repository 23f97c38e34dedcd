// End-to-end tests of `qantara keys add` and `qantara audit verify` (DESIGN.md
// "Service") on a temporary database, and of `qantara serve --help`. The
// server itself is tested in process by tests/server/server_test.cc.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "store/sqlite_db.h"
#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {
namespace {

constexpr int kExitOk = 0, kExitInputErrors = 1, kExitUsage = 2;  // DESIGN.md's exit codes

class ServeCliTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args) { return RunQantara(dir_, args); }
  std::string Db() const { return dir_.path() + "/service.db"; }
  TempDir dir_;
};

TEST_F(ServeCliTest, HelpNamesTheOptions) {
  RunResult r = Run({"serve", "--help"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  for (const char* option : {"--list", "--db", "--port", "--threads", "--host"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
  EXPECT_EQ(Run({"keys", "add", "--help"}).exit_code, kExitOk);
  EXPECT_EQ(Run({"audit", "verify", "--help"}).exit_code, kExitOk);
}

TEST_F(ServeCliTest, KeysAddPrintsTheKeyOnceAndStoresItHashed) {
  RunResult r = Run({"keys", "add", "--db", Db(), "--role", "reviewer", "--name", "rita"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 1u) << r;
  const std::string key = lines[0];
  EXPECT_EQ(key.size(), 3u + 64u) << key;
  EXPECT_EQ(key.substr(0, 3), "qk_");
  EXPECT_EQ(ReadFile(Db()).find(key.substr(3)), std::string::npos) << "the key is stored in clear";
  EXPECT_EQ(ReadFile(Db() + "-wal").find(key.substr(3)), std::string::npos);

  RunResult again = Run({"keys", "add", "--db", Db(), "--role", "admin", "--name", "rita"});
  EXPECT_EQ(again.exit_code, kExitUsage) << again;
  EXPECT_NE(again.err.find("rita"), std::string::npos) << again;
  EXPECT_EQ(Run({"keys", "add", "--db", Db(), "--role", "root", "--name", "x"}).exit_code,
            kExitUsage);
}

TEST_F(ServeCliTest, AuditVerifyIntactThenBrokenNamingTheRow) {
  for (const char* name : {"sam", "rita", "ada"}) {
    ASSERT_EQ(Run({"keys", "add", "--db", Db(), "--role", "admin", "--name", name}).exit_code,
              kExitOk);
  }
  RunResult ok = Run({"audit", "verify", "--db", Db()});
  ASSERT_EQ(ok.exit_code, kExitOk) << ok;
  EXPECT_NE(ok.out.find("intact: 3 rows"), std::string::npos) << ok;
  {
    auto db = store::Database::Open(Db());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE audit_log SET payload = replace(payload, 'rita', 'eve') "
                           "WHERE seq = 2")
                    .ok());
  }
  RunResult broken = Run({"audit", "verify", "--db", Db()});
  EXPECT_EQ(broken.exit_code, kExitInputErrors) << broken;
  EXPECT_NE(broken.out.find("broken at row 2"), std::string::npos) << broken;
}

TEST_F(ServeCliTest, AuditVerifyOfAMissingDatabaseIsAUsageError) {
  RunResult r = Run({"audit", "verify", "--db", dir_.path() + "/nope.db"});
  EXPECT_EQ(r.exit_code, kExitUsage) << r;
  EXPECT_NE(r.err.find("nope.db"), std::string::npos) << r;
}

// GET `path` over a plain loopback socket; returns the whole response ("" on failure).
std::string HttpGet(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string response;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
      char buf[4096];
      for (int i = 0; i < 100; ++i) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        response.append(buf, static_cast<size_t>(n));
      }
    }
  }
  close(fd);
  return response;
}

TEST_F(ServeCliTest, ServeAnswersThenStopsCleanlyOnSigintAndSigterm) {
  for (int signal : {SIGINT, SIGTERM}) {
    const std::string err_path = dir_.path() + "/serve.err." + std::to_string(signal);
    std::vector<std::string> args = {BinaryPath(), "serve",  "--list", SampleList(), "--db",
                                     Db(),         "--port", "0",      "--threads",  "2"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);

    const std::string kListening = "listening on http://127.0.0.1:";
    int port = 0;
    for (int i = 0; i < 200 && port == 0; ++i) {  // up to 20 s (sanitizer builds are slow)
      const std::string err = ReadFile(err_path);
      size_t at = err.find(kListening);
      if (at != std::string::npos && err.find('\n', at) != std::string::npos) {
        port = std::atoi(err.c_str() + at + kListening.size());
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    EXPECT_GT(port, 0) << ReadFile(err_path);
    if (port > 0) {
      const std::string health = HttpGet(port, "/healthz");
      EXPECT_NE(health.find("200"), std::string::npos) << health;
      EXPECT_NE(health.find("{\"status\":\"ok\"}"), std::string::npos) << health;
      EXPECT_NE(HttpGet(port, "/v1/lists").find("401"), std::string::npos);
    }
    kill(pid, signal);
    int status = 0;
    pid_t done = 0;
    for (int i = 0; i < 200 && done == 0; ++i) {  // up to 20 s
      done = waitpid(pid, &status, WNOHANG);
      if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (done == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ADD_FAILURE() << "serve did not stop on signal " << signal;
      continue;
    }
    EXPECT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), kExitOk) << ReadFile(err_path);
    EXPECT_NE(ReadFile(err_path).find("stopped"), std::string::npos) << ReadFile(err_path);
  }
  // Each start recorded its list version, with an audit row each.
  RunResult verify = Run({"audit", "verify", "--db", Db()});
  EXPECT_EQ(verify.exit_code, kExitOk) << verify;
  EXPECT_NE(verify.out.find("intact: 2 rows"), std::string::npos) << verify;
}

}  // namespace
}  // namespace qantara::cli_test
