// Runs build/qantara as a child process for the end-to-end CLI tests: a
// temporary folder for fixture inputs, stdout and stderr captured to files,
// and the exit status (code or signal) reported.
#ifndef QANTARA_TESTS_CLI_CLI_RUNNER_H_
#define QANTARA_TESTS_CLI_CLI_RUNNER_H_

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

extern char** environ;

namespace qantara::cli_test {

inline std::string BinaryPath() { return QANTARA_BINARY; }
inline std::string SourcePath(const std::string& relative) {
  return std::string(QANTARA_SOURCE_DIR) + "/" + relative;
}
inline std::string SampleList() { return SourcePath("data/sample_list.jsonl"); }
inline std::string FixtureList(const std::string& name) {
  return SourcePath("tests/fixtures/lists/" + name);
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A fresh folder under $TMPDIR (or /tmp), removed with its content.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/qantara_cli_e2e.XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed: " << errno;
    path_ = buf.data();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `content` (bytes as given) to `name` in the folder; returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::string p = path_ + "/" + name;
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p;
  }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;  // the process's exit code; -1 when it was killed by a signal
  int signal = 0;      // the signal that killed it, 0 when it exited
  std::string out, err;
  std::vector<std::string> lines() const { return SplitLines(out); }
};

inline std::ostream& operator<<(std::ostream& os, const RunResult& r) {
  return os << "exit " << r.exit_code << " signal " << r.signal
            << "\n--- stdout (first 2000 bytes)\n"
            << r.out.substr(0, 2000) << "\n--- stderr (first 2000 bytes)\n"
            << r.err.substr(0, 2000);
}

// Runs build/qantara with `args` (argv[1..]); standard input is the file
// `stdin_path` (or /dev/null), standard output and error go to files in `dir`.
inline RunResult RunQantara(const TempDir& dir, const std::vector<std::string>& args,
                            const std::string& stdin_path = "/dev/null") {
  static int run_counter = 0;
  std::string tag = std::to_string(++run_counter);
  std::string out_path = dir.path() + "/stdout." + tag;
  std::string err_path = dir.path() + "/stderr." + tag;
  std::vector<std::string> argv_strings = {BinaryPath()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  RunResult result;
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "posix_spawn " << argv[0] << " failed: " << rc;
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  // Under -DQANTARA_SANITIZE=ON a sanitizer report exits with code 1, which is
  // also "input had errors": look for the report itself.
  for (const char* report : {"ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer"}) {
    EXPECT_EQ(result.err.find(report), std::string::npos) << "sanitizer report:\n" << result.err;
  }
  return result;
}

// Parses one output line as a JSON object (a test failure when it is not).
inline nlohmann::json ParseJsonLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(j.is_object()) << "not a JSON object: " << line.substr(0, 300);
  return j;
}

}  // namespace qantara::cli_test

#endif  // QANTARA_TESTS_CLI_CLI_RUNNER_H_
