// What the end-to-end tests of build/qantara share (cli_e2e_test.cc, screen_e2e_test.cc):
// the CliTest fixture (a temporary folder, the binary run as a child process), output
// parsing, the screening contract checked on one answer, and made-up generated queries.
#ifndef QANTARA_TESTS_CLI_CLI_FIXTURE_H_
#define QANTARA_TESTS_CLI_CLI_FIXTURE_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {

using nlohmann::json;

inline constexpr int kExitOk = 0, kExitInputErrors = 1, kExitUsage = 2;

// Exit codes allowed for "this file cannot be used": 1 (input error) or 2 (usage).
inline ::testing::AssertionResult FailedCleanly(const RunResult& r) {
  if (r.signal != 0) return ::testing::AssertionFailure() << "killed by signal " << r.signal;
  if (r.exit_code != kExitInputErrors && r.exit_code != kExitUsage) {
    return ::testing::AssertionFailure() << "exit code " << r.exit_code << ", expected 1 or 2";
  }
  return ::testing::AssertionSuccess();
}

inline std::vector<json> ParseAll(const RunResult& r) {
  std::vector<json> out;
  for (const std::string& line : r.lines()) out.push_back(ParseJsonLine(line));
  return out;
}

// (list, schema) -> count, from the entity lines of a JSONL list file.
inline std::map<std::pair<std::string, std::string>, size_t> CountJsonlEntities(const std::string& path) {
  std::map<std::pair<std::string, std::string>, size_t> counts;
  for (const std::string& line : SplitLines(ReadFile(path))) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line);
    ++counts[{j.value("list", std::string("local")), j.value("schema", std::string())}];
  }
  return counts;
}

// The screening matches of one output line, checked against the contract.
inline void ExpectWellFormedAnswer(const json& answer, double threshold, size_t top) {
  ASSERT_TRUE(answer.contains("id")) << answer.dump();
  if (answer.contains("error")) {
    EXPECT_TRUE(answer["error"].is_string());
    EXPECT_TRUE(answer["line"].is_number_unsigned()) << answer.dump();
    EXPECT_FALSE(answer.contains("matches"));
    return;
  }
  ASSERT_TRUE(answer["matches"].is_array()) << answer.dump();
  const json& matches = answer["matches"];
  EXPECT_LE(matches.size(), top);
  double previous = 2.0;
  for (const json& m : matches) {
    for (const char* field : {"entity", "list", "ref", "schema", "caption", "name"}) {
      EXPECT_TRUE(m[field].is_string()) << field << " in " << m.dump();
    }
    EXPECT_EQ(m["entity"], m["list"].get<std::string>() + ":" + m["ref"].get<std::string>());
    EXPECT_TRUE(m["explanation"].is_object());
    EXPECT_TRUE(m["explanation"]["name"].is_number());
    EXPECT_TRUE(m["explanation"]["tokens"].is_array());
    ASSERT_TRUE(m["score"].is_number()) << m.dump();
    double score = m["score"].get<double>();
    EXPECT_GE(score, 0.0);
    EXPECT_LE(score, 1.0);
    EXPECT_GE(score, threshold) << m.dump();
    EXPECT_LE(score, previous) << "matches not sorted by score: " << answer.dump();
    previous = score;
  }
}

// ~`n` made-up queries: spellings of the sample list's names, other names,
// Arabic script, qualifiers; deterministic.
inline std::string GeneratedQueries(size_t n) {
  const std::vector<std::string> words = {
      "Zayd",       "Zaid",    "Qasim",     "Kassem",       "al-Fulani", "El Foulani", "Abu",
      "Hamza",      "Abd",     "al-Rahman", "Abdelrahmane", "Yusuf",     "Youssef",    "Harbawi",
      "Harbaoui",   "Nasr",    "al-Din",    "Nasreddine",   "Ould",      "Mahjoub",    "Hidayat",
      "Allah",      "Wardak",  "Harakat",   "al-Fajr",      "al-Jadid",  "Sunrise",    "Relief",
      "Foundation", "Marjan",  "Star",      "Jean",         "Dupont",    "Maria",      "Lindqvist",
      "Tomasz",     "Brennan", "زيد",       "قاسم",         "الفلاني",   "أبو",        "حمزة",
      "عبد",        "الرحمن",  "حركة",      "الفجر"};
  const std::vector<std::string> extras = {"",
                                           ", \"birth_date\": \"1975\"",
                                           ", \"nationality\": \"iq\"",
                                           ", \"schema\": \"Person\"",
                                           ", \"schema\": \"Organization\"",
                                           ", \"birth_date\": \"1980-01\", \"gender\": \"male\""};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state](size_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>((state >> 33) % bound);
  };
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    std::string name;
    for (size_t w = 0, count = 1 + next(4); w < count; ++w) {
      if (!name.empty()) name += ' ';
      name += words[next(words.size())];
    }
    out += "{\"id\": \"g" + std::to_string(i) + "\", \"name\": \"" + name + "\"" +
           extras[next(extras.size())] + "}\n";
  }
  return out;
}

class CliTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
    return RunQantara(dir_, args, stdin_path);
  }
  std::string Write(const std::string& name, const std::string& content) {
    return dir_.Write(name, content);
  }
  // Screens `queries` (written to a file) against the sample list.
  RunResult Screen(const std::string& queries, std::vector<std::string> extra_args = {},
                   const std::string& file_name = "queries.jsonl") {
    std::vector<std::string> args = {"screen", "--list", SampleList(), "--input",
                                     Write(file_name, queries)};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    return Run(args);
  }

  TempDir dir_;
};

// --- help and usage --------------------------------------------------------

}  // namespace qantara::cli_test

#endif  // QANTARA_TESTS_CLI_CLI_FIXTURE_H_
