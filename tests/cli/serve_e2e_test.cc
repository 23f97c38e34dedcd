// End-to-end tests of `qantara keys add|revoke|list`, `qantara audit verify`
// and `qantara rescreen` (DESIGN.md "Service") on a temporary database, of
// `qantara serve --help`, of serve's signals, and of list reloads (HTTP and
// SIGHUP) under a bounded load of concurrent screening requests. The server's
// routes are tested in process by tests/server/.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "io/digest.h"
#include "store/service_store.h"
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
  for (const char* option : {"--list", "--db", "--port", "--threads", "--host", "SIGHUP",
                             "/v1/admin/reload"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
  for (std::vector<std::string> help :
       {std::vector<std::string>{"keys", "add", "--help"}, {"keys", "revoke", "--help"},
        {"keys", "list", "--help"}, {"audit", "verify", "--help"}, {"rescreen", "--help"}}) {
    EXPECT_EQ(Run(help).exit_code, kExitOk) << help[0] << " " << help[1];
  }
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

// One HTTP/1.0 request over a plain loopback socket (5 s timeout); returns the
// whole response ("" on failure).
std::string HttpRequest(int port, const std::string& method, const std::string& path,
                        const std::string& key = "", const std::string& body = "") {
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
    std::string request = method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n";
    if (!key.empty()) request += "Authorization: Bearer " + key + "\r\n";
    if (method == "POST") {
      request += "Content-Type: application/json\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n";
    }
    request += "\r\n" + body;
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

std::string HttpGet(int port, const std::string& path) { return HttpRequest(port, "GET", path); }

// The status code of a response, 0 when there is none.
int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

// The body of a response as JSON (discarded when it is not JSON).
nlohmann::json BodyOf(const std::string& response) {
  const size_t at = response.find("\r\n\r\n");
  if (at == std::string::npos) return nlohmann::json::value_t::discarded;
  return nlohmann::json::parse(response.substr(at + 4), nullptr, false);
}

// `qantara serve` as a child process, its stderr in a file; stopped (SIGKILL
// as a last resort) when it goes out of scope.
class ServeProcess {
 public:
  ServeProcess(const std::string& err_path, std::vector<std::string> args) : err_path_(err_path) {
    args.insert(args.begin(), {BinaryPath(), "serve"});
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = 0;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::string err() const { return ReadFile(err_path_); }

  // The port from the "listening on" line; 0 when it did not come within 20 s
  // (sanitizer builds are slow).
  int WaitForPort() {
    const std::string kListening = "listening on http://127.0.0.1:";
    for (int i = 0; i < 200 && pid_ > 0; ++i) {
      const std::string text = err();
      size_t at = text.find(kListening);
      if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
        return std::atoi(text.c_str() + at + kListening.size());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
  }

  // Waits (up to 20 s) until stderr holds `count` lines containing `what`.
  bool WaitForLog(const std::string& what, int count) {
    for (int i = 0; i < 200; ++i) {
      const std::string text = err();
      int seen = 0;
      for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++seen;
      }
      if (seen >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  void Signal(int signal) { kill(pid_, signal); }

  // Sends `signal` and waits (up to 20 s) for the exit; the wait status, or
  // -1 when it had to be killed.
  int Stop(int signal) {
    kill(pid_, signal);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return status;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return -1;
  }

 private:
  std::string err_path_;
  pid_t pid_ = 0;
  bool exited_ = false;
};

void ExpectCleanExit(int status, const std::string& err) {
  ASSERT_NE(status, -1) << "serve did not stop\n" << err;
  EXPECT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), kExitOk) << err;
  EXPECT_NE(err.find("stopped"), std::string::npos) << err;
  for (const char* report : {"ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer"}) {
    EXPECT_EQ(err.find(report), std::string::npos) << "sanitizer report:\n" << err;
  }
}

TEST_F(ServeCliTest, ServeAnswersThenStopsCleanlyOnSigintAndSigterm) {
  for (int signal : {SIGINT, SIGTERM}) {
    ServeProcess serve(dir_.path() + "/serve.err." + std::to_string(signal),
                       {"--list", SampleList(), "--db", Db(), "--port", "0", "--threads", "2"});
    const int port = serve.WaitForPort();
    EXPECT_GT(port, 0) << serve.err();
    if (port > 0) {
      const std::string health = HttpGet(port, "/healthz");
      EXPECT_NE(health.find("200"), std::string::npos) << health;
      EXPECT_NE(health.find("{\"status\":\"ok\"}"), std::string::npos) << health;
      EXPECT_NE(HttpGet(port, "/v1/lists").find("401"), std::string::npos);
    }
    const int status = serve.Stop(signal);
    ExpectCleanExit(status, serve.err());
  }
  // Each start recorded its list version, with an audit row each.
  RunResult verify = Run({"audit", "verify", "--db", Db()});
  EXPECT_EQ(verify.exit_code, kExitOk) << verify;
  EXPECT_NE(verify.out.find("intact: 2 rows"), std::string::npos) << verify;
}

// Two list files of one generation: each lists the same person under an id
// that names the file and the generation, so an answer that mixed two
// generations' files would show two different generations.
std::string GenerationList(char file, int generation) {
  const std::string ref = std::string(1, file) + "-G" + std::to_string(generation);
  std::string out = nlohmann::json{{"id", std::string(1, file) + ":" + ref},
                                   {"list", std::string(1, file)},
                                   {"ref", ref},
                                   {"schema", "Person"},
                                   {"caption", "Zayd Qasim al-Fulani"},
                                   {"names", {{{"value", "Zayd Qasim al-Fulani"}, {"kind", "primary"}}}}}
                        .dump() +
                    "\n";
  // Filler that changes with the generation (more entities, other names).
  for (int i = 0; i < generation; ++i) {
    out += nlohmann::json{{"id", std::string(1, file) + ":F" + std::to_string(i)},
                          {"list", std::string(1, file)},
                          {"schema", "Organization"},
                          {"names", {{{"value", "Blue Harbour Trading " + std::to_string(i)}}}}}
               .dump() +
           "\n";
  }
  return out;
}

// The generation of an entity id "a:a-G3" (-1 when it is not one).
int GenerationOf(const std::string& entity) {
  const size_t at = entity.find("-G");
  return at == std::string::npos ? -1 : std::atoi(entity.c_str() + at + 2);
}

TEST_F(ServeCliTest, ReloadsUnderLoadNeverFailARequestNorMixVersions) {
  const std::string a = dir_.Write("a.jsonl", GenerationList('a', 1));
  const std::string b = dir_.Write("b.jsonl", GenerationList('b', 1));
  RunResult admin = Run({"keys", "add", "--db", Db(), "--role", "admin", "--name", "ada"});
  RunResult screener = Run({"keys", "add", "--db", Db(), "--role", "screener", "--name", "sam"});
  ASSERT_EQ(admin.exit_code, kExitOk) << admin;
  ASSERT_EQ(screener.exit_code, kExitOk) << screener;
  const std::string admin_key = admin.lines()[0], screener_key = screener.lines()[0];
  ServeProcess serve(dir_.path() + "/serve.err",
                     {"--list", a, b, "--db", Db(), "--port", "0", "--threads", "3"});
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.err();

  // The load: 3 clients, each at most 3,000 requests and 60 s, until told to stop.
  struct Answer {
    int status;
    nlohmann::json body;
  };
  std::mutex mu;
  std::vector<Answer> answers;
  std::atomic<bool> stop{false};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::vector<std::thread> clients;
  for (int t = 0; t < 3; ++t) {
    clients.emplace_back([&] {
      for (int i = 0; i < 3000 && !stop && std::chrono::steady_clock::now() < deadline; ++i) {
        const std::string response = HttpRequest(port, "POST", "/v1/screen", screener_key,
                                                 R"({"name": "Zayd Qasim al-Fulani"})");
        std::lock_guard<std::mutex> lock(mu);
        answers.push_back({StatusOf(response), BodyOf(response)});
      }
    });
  }
  auto pause = [] { std::this_thread::sleep_for(std::chrono::milliseconds(150)); };
  auto write_generation = [&](int g) {
    dir_.Write("a.jsonl", GenerationList('a', g));
    dir_.Write("b.jsonl", GenerationList('b', g));
  };
  int sighup_reloads = 0;
  for (int g = 2; g <= 7; ++g) {
    pause();
    write_generation(g);
    if (g % 3 == 0) {  // generations 3 and 6 by SIGHUP, the others over HTTP
      serve.Signal(SIGHUP);
      EXPECT_TRUE(serve.WaitForLog("qantara: reloaded:", ++sighup_reloads)) << serve.err();
      continue;
    }
    const std::string response = HttpRequest(port, "POST", "/v1/admin/reload", admin_key);
    ASSERT_EQ(StatusOf(response), 200) << response;
    nlohmann::json body = BodyOf(response);
    ASSERT_EQ(body["lists"].size(), 2u) << response;
    EXPECT_EQ(body["lists"][0]["entities"], g + 1);
    if (g == 4) {  // a corrupt file between two good generations
      pause();
      dir_.Write("b.jsonl", "{\"id\": \"b:broken\", \"names\": [\n");
      const std::string failed = HttpRequest(port, "POST", "/v1/admin/reload", admin_key);
      EXPECT_EQ(StatusOf(failed), 500) << failed;
      EXPECT_EQ(BodyOf(failed)["code"], "list_load_failed") << failed;
      EXPECT_EQ(BodyOf(failed)["file"], b) << failed;
      serve.Signal(SIGHUP);
      EXPECT_TRUE(serve.WaitForLog("qantara: reload failed: " + b, 1)) << serve.err();
      write_generation(4);  // as it was: the next generation starts from a good state
    }
  }
  pause();
  stop = true;
  for (std::thread& c : clients) c.join();
  const int status = serve.Stop(SIGTERM);  // before reading stderr
  ExpectCleanExit(status, serve.err());

  // No request failed, and each answer came from one generation's pair of files.
  ASSERT_GT(answers.size(), 30u);
  std::set<int> generations;
  std::map<int64_t, int> generation_of_screening;
  for (const Answer& answer : answers) {
    ASSERT_EQ(answer.status, 200) << answer.body.dump();
    const nlohmann::json& matches = answer.body["matches"];
    ASSERT_EQ(matches.size(), 2u) << answer.body.dump();
    const int g = GenerationOf(matches[0]["entity"]);
    EXPECT_EQ(GenerationOf(matches[1]["entity"]), g) << "mixed versions: " << answer.body.dump();
    generations.insert(g);
    generation_of_screening[answer.body["screening"].get<int64_t>()] = g;
  }
  EXPECT_GE(generations.size(), 3u) << "the load should overlap several reloads";
  std::fprintf(stderr, "load: %zu screening requests, answered from %zu list generations\n",
               answers.size(), generations.size());

  // The list versions recorded with each screening are that generation's files.
  auto db = store::ServiceStore::Open(Db());
  ASSERT_TRUE(db.ok());
  std::map<int64_t, std::string> sha_of_version;
  auto versions = (*db)->database().Prepare("SELECT id, sha256 FROM list_versions");
  ASSERT_TRUE(versions.ok());
  while (*versions->Step()) sha_of_version[versions->Int(0)] = versions->Text(1);
  auto screenings = (*db)->ScreeningsAfter(0, 100000);
  ASSERT_TRUE(screenings.ok());
  ASSERT_EQ(screenings->size(), answers.size());
  for (const store::Screening& s : *screenings) {
    const int g = generation_of_screening[s.id];
    ASSERT_EQ(s.list_versions.size(), 2u);
    EXPECT_EQ(sha_of_version[s.list_versions[0]], io::Sha256Hex(GenerationList('a', g)))
        << "screening " << s.id;
    EXPECT_EQ(sha_of_version[s.list_versions[1]], io::Sha256Hex(GenerationList('b', g)))
        << "screening " << s.id;
  }
  db->reset();
  RunResult verify = Run({"audit", "verify", "--db", Db()});
  EXPECT_EQ(verify.exit_code, kExitOk) << verify;
}

TEST_F(ServeCliTest, KeysRevokeAndList) {
  ASSERT_EQ(Run({"keys", "add", "--db", Db(), "--role", "screener", "--name", "sam"}).exit_code,
            kExitOk);
  ASSERT_EQ(Run({"keys", "add", "--db", Db(), "--role", "admin", "--name", "ada"}).exit_code,
            kExitOk);
  RunResult revoke = Run({"keys", "revoke", "--db", Db(), "--name", "sam"});
  ASSERT_EQ(revoke.exit_code, kExitOk) << revoke;
  EXPECT_NE(revoke.err.find("revoked"), std::string::npos) << revoke;
  RunResult list = Run({"keys", "list", "--db", Db()});
  ASSERT_EQ(list.exit_code, kExitOk) << list;
  std::vector<std::string> lines = list.lines();
  ASSERT_EQ(lines.size(), 2u) << list;
  nlohmann::json sam = ParseJsonLine(lines[0]), ada = ParseJsonLine(lines[1]);
  EXPECT_EQ(sam["name"], "sam");
  EXPECT_EQ(sam["role"], "screener");
  EXPECT_EQ(sam["revoked"], true);
  EXPECT_TRUE(sam["revoked_at"].is_string());
  EXPECT_EQ(ada["revoked"], false);
  EXPECT_EQ(list.out.find("qk_"), std::string::npos) << "never the key";
  // By id; unknown names and ids are usage errors naming them.
  EXPECT_EQ(Run({"keys", "revoke", "--db", Db(), "--id", std::to_string(ada["id"].get<int>())})
                .exit_code,
            kExitOk);
  RunResult unknown = Run({"keys", "revoke", "--db", Db(), "--name", "nobody"});
  EXPECT_EQ(unknown.exit_code, kExitUsage) << unknown;
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown;
  EXPECT_EQ(Run({"keys", "revoke", "--db", Db()}).exit_code, kExitUsage);
  EXPECT_EQ(Run({"keys", "list", "--db", dir_.path() + "/nope.db"}).exit_code, kExitUsage);
  RunResult verify = Run({"audit", "verify", "--db", Db()});
  EXPECT_EQ(verify.exit_code, kExitOk) << verify;
  EXPECT_NE(verify.out.find("intact: 4 rows"), std::string::npos) << verify;
}

TEST_F(ServeCliTest, RescreenPrintsOnlyNewHits) {
  const std::string v1 = dir_.Write("v1.jsonl", GenerationList('a', 1));
  {
    // Two stored screenings: one that hit a:a-G1 and one that hit nothing.
    auto db = store::ServiceStore::Open(Db());
    ASSERT_TRUE(db.ok());
    std::vector<store::Screening> screenings(2);
    screenings[0].query_json = R"({"id":"q1","name":"Zayd Qasim al-Fulani","schema":"Any"})";
    screenings[0].hits.push_back({"a:a-G1", "1.0000", "{}", ""});
    screenings[1].query_json = R"({"id":"q2","name":"Blue Harbour Trading 0","schema":"Any"})";
    ASSERT_TRUE((*db)->RecordScreenings("sam", &screenings).ok());
  }
  RunResult first = Run({"rescreen", "--db", Db(), "--list", v1});
  ASSERT_EQ(first.exit_code, kExitOk) << first;
  std::vector<std::string> lines = first.lines();
  ASSERT_EQ(lines.size(), 1u) << first << "\nonly the organisation is new; a:a-G1 was hit";
  nlohmann::json hit = ParseJsonLine(lines[0]);
  EXPECT_EQ(hit["screening"], 2);
  EXPECT_EQ(hit["query"]["id"], "q2");
  EXPECT_EQ(hit["match"]["entity"], "a:F0");
  EXPECT_TRUE(hit["match"].contains("score"));
  EXPECT_NE(first.err.find("2 screenings screened again, 1 new hits"), std::string::npos)
      << first;

  // Generation 2 adds a:a-G2 (the same person) and a:F1; the ones raised
  // before are not raised again.
  const std::string v2 = dir_.Write("v2.jsonl", GenerationList('a', 2));
  RunResult second = Run({"rescreen", "--db", Db(), "--list", v2});
  ASSERT_EQ(second.exit_code, kExitOk) << second;
  std::set<std::pair<int64_t, std::string>> raised;
  for (const std::string& line : second.lines()) {
    nlohmann::json j = ParseJsonLine(line);
    raised.insert({j["screening"].get<int64_t>(), j["match"]["entity"].get<std::string>()});
  }
  EXPECT_EQ(raised.count({1, "a:a-G1"}), 0u);
  EXPECT_EQ(raised.count({2, "a:F0"}), 0u);
  EXPECT_EQ(raised.count({1, "a:a-G2"}), 1u) << second;
  EXPECT_EQ(Run({"rescreen", "--db", Db(), "--list", v2}).out, "") << "nothing new the third time";
  RunResult missing = Run({"rescreen", "--db", dir_.path() + "/nope.db", "--list", v2});
  EXPECT_EQ(missing.exit_code, kExitUsage) << missing;
  RunResult verify = Run({"audit", "verify", "--db", Db()});
  EXPECT_EQ(verify.exit_code, kExitOk) << verify;
}

}  // namespace
}  // namespace qantara::cli_test
