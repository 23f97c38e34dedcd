// End-to-end tests of `qantara screen` and `qantara match` (DESIGN.md "Contracts"): the
// binary runs as a child process on made-up queries against data/sample_list.jsonl and the
// tiny official-format fixtures of tests/fixtures/lists/.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/cli/cli_fixture.h"

namespace qantara::cli_test {
namespace {

using nlohmann::json;

TEST_F(CliTest, ScreenAnswersEachNonBlankLineInOrder) {
  std::string input =
      "{\"id\": \"a\", \"name\": \"Zayd Qasim al-Fulani\"}\n"
      "\n"
      "   \n"
      "{\"id\": \"b\", \"name\": \"Maria Lindqvist\"}\r\n"
      "{\"id\": 3, \"name\": \"Abd al-Rahman Yusuf Harbawi\", \"birth_date\": 1980}\n"
      "\t\n"
      "{\"id\": \"d\", \"name\": \"حركة الفجر الجديد\", \"schema\": \"Organization\"}";  // no '\n'
  RunResult r = Screen(input, {"--threads", "1"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 4u) << r;
  EXPECT_EQ(out[0]["id"], "a");
  EXPECT_EQ(out[1]["id"], "b");
  EXPECT_EQ(out[2]["id"], 3);
  EXPECT_EQ(out[3]["id"], "d");
  for (const json& answer : out) ExpectWellFormedAnswer(answer, 0.0, 5);
  // The exact listed names are found.
  ASSERT_FALSE(out[0]["matches"].empty());
  EXPECT_EQ(out[0]["matches"][0]["entity"], "demo:D-001");
  ASSERT_FALSE(out[2]["matches"].empty());
  EXPECT_EQ(out[2]["matches"][0]["entity"], "demo:D-002");
  ASSERT_FALSE(out[3]["matches"].empty());
  EXPECT_EQ(out[3]["matches"][0]["entity"], "demo:D-005");
}

TEST_F(CliTest, ScreenReportsMalformedLinesAndGoesOn) {
  std::string input =
      "{\"id\": \"ok1\", \"name\": \"Abu Hamza al-Fulani\"}\n"                           // 1
      "this is not JSON\n"                                                               // 2
      "\n"                                                                               // 3
      "{\"id\": \"noname\", \"birth_date\": \"1980\"}\n"                                 // 4
      "{\"id\": \"numname\", \"name\": 42}\n"                                            // 5
      "{\"id\": \"badschema\", \"name\": \"Abu Hamza\", \"schema\": \"Spaceship\"}\n"    // 6
      "{\"id\": \"badutf\", \"name\": \"Zayd \xC3\x28 Qasim\"}\n"                        // 7
      "[\"a JSON array\", \"not an object\"]\n"                                          // 8
      "{\"id\": \"baddate\", \"name\": \"Abu Hamza\", \"birth_date\": \"yesterday\"}\n"  // 9
      "{\"id\": \"emptyname\", \"name\": \"   \"}\n"                                     // 10
      "{\"id\": \"truncated\", \"name\": \"Abu Ha\n"                                     // 11
      "{\"id\": \"ok2\", \"name\": \"Nasreddine Ould Mahjoub\"}\n";                      // 12
  RunResult r = Screen(input, {"--threads", "2"});
  EXPECT_EQ(r.exit_code, kExitInputErrors) << r;
  EXPECT_EQ(r.signal, 0);
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 11u) << r;
  struct Expected {
    json id;
    size_t line;        // 0 for a good line
    const char* error;  // a word the error must contain
  };
  const std::vector<Expected> expected = {{"ok1", 0, ""},
                                          {nullptr, 2, "JSON"},
                                          {"noname", 4, "name"},
                                          {"numname", 5, "name"},
                                          {"badschema", 6, "schema"},
                                          {"badutf", 7, "UTF-8"},
                                          {nullptr, 8, "object"},
                                          {"baddate", 9, "birth_date"},
                                          {"emptyname", 10, "name"},
                                          {nullptr, 11, "JSON"},
                                          {"ok2", 0, ""}};
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(out[i].dump());
    ASSERT_TRUE(out[i].contains("id"));
    EXPECT_EQ(out[i]["id"], expected[i].id);
    if (expected[i].line == 0) {
      EXPECT_TRUE(out[i]["matches"].is_array());
      EXPECT_FALSE(out[i].contains("error"));
      EXPECT_FALSE(out[i]["matches"].empty());
    } else {
      EXPECT_EQ(out[i]["line"], expected[i].line);
      ASSERT_TRUE(out[i]["error"].is_string());
      EXPECT_NE(out[i]["error"].get<std::string>().find(expected[i].error), std::string::npos);
      EXPECT_FALSE(out[i].contains("matches"));
    }
  }
}

TEST_F(CliTest, ScreenWithAFirstLineThatIsNotJsonStillReadsJsonLines) {
  // The format guess must not turn a JSONL file with a bad first line into CSV.
  std::string input = "oops\n{\"id\": \"q2\", \"name\": \"Abu Hamza\"}\n";
  for (const char* file : {"first_bad.jsonl", "first_bad.txt"}) {
    RunResult r = Screen(input, {}, file);
    EXPECT_EQ(r.exit_code, kExitInputErrors) << r;
    std::vector<json> out = ParseAll(r);
    ASSERT_EQ(out.size(), 2u) << r;
    EXPECT_EQ(out[0]["line"], 1);
    EXPECT_EQ(out[1]["id"], "q2");
    EXPECT_TRUE(out[1]["matches"].is_array());
  }
}

TEST_F(CliTest, ScreenIdMustBeAStringOrANumber) {
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  RunResult r = Screen("{\"id\": " + deep + ", \"name\": \"Abu Hamza\"}\n" +
                       "{\"id\": {\"k\": 1}, \"name\": \"Abu Hamza\"}\n" +
                       "{\"id\": 12, \"name\": \"Abu Hamza\"}\n");
  EXPECT_EQ(r.signal, 0) << "crashed";
  EXPECT_EQ(r.exit_code, kExitInputErrors) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 3u) << r;
  for (size_t i : {0, 1}) {
    EXPECT_EQ(out[i]["id"], nullptr);
    EXPECT_EQ(out[i]["line"], i + 1);
    EXPECT_NE(out[i]["error"].get<std::string>().find("id"), std::string::npos);
  }
  EXPECT_EQ(out[2]["id"], 12);
}

TEST_F(CliTest, ScreenAllGoodInputExitsZero) {
  RunResult r = Screen(
      "{\"id\": \"q1\", \"name\": \"Zaid Kassem El Foulani\", \"birth_date\": \"1975\", "
      "\"nationality\": \"iq\"}\n"
      "{\"id\": \"q2\", \"name\": \"Tomasz Brennan\", \"schema\": \"Any\", \"gender\": \"m\"}\n");
  EXPECT_EQ(r.exit_code, kExitOk) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 2u);
  for (const json& answer : out) {
    EXPECT_FALSE(answer.contains("error")) << answer.dump();
    ExpectWellFormedAnswer(answer, 0.0, 5);
  }
}

TEST_F(CliTest, ScreenEmptyInputPrintsNothing) {
  for (const char* input : {"", "\n\n   \n"}) {
    RunResult r = Screen(input);
    EXPECT_EQ(r.exit_code, kExitOk) << r;
    EXPECT_TRUE(r.out.empty()) << r;
  }
}

TEST_F(CliTest, ScreenReadsStandardInput) {
  std::string q = Write("stdin.jsonl", "{\"id\": \"s1\", \"name\": \"Abu Hamza al-Fulani\"}\n");
  RunResult r = Run({"screen", "--list", SampleList(), "--input", "-"}, q);
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["id"], "s1");
  RunResult implicit = Run({"screen", "--list", SampleList()}, q);
  EXPECT_EQ(implicit.out, r.out);
}

TEST_F(CliTest, ScreenCsvWithHeader) {
  std::string input =
      "\xEF\xBB\xBFid,name,birth_date,nationality\r\n"
      "c1,Zayd Qasim al-Fulani,1975,iq\r\n"
      "c2,\"Harbawi, Abd al-Rahman Yusuf\",,\r\n"
      "c3,Nasreddine Ould Mahjoub,1970\r\n"  // 3 fields, the header has 4
      "c4,Maria Lindqvist,1990-02-01,se,extra\r\n"
      "c5,Hidayatullah Wardak,,af\r\n";
  RunResult r = Screen(input, {}, "queries.csv");
  EXPECT_EQ(r.exit_code, kExitInputErrors) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 5u) << r;
  EXPECT_EQ(out[0]["id"], "c1");
  EXPECT_EQ(out[1]["id"], "c2");
  EXPECT_EQ(out[4]["id"], "c5");
  for (size_t i : {0, 1, 4}) {
    EXPECT_FALSE(out[i].contains("error")) << out[i].dump();
    ExpectWellFormedAnswer(out[i], 0.0, 5);
  }
  ASSERT_FALSE(out[0]["matches"].empty());
  EXPECT_EQ(out[0]["matches"][0]["entity"], "demo:D-001");
  for (auto [i, line] : {std::pair<size_t, size_t>{2, 4}, {3, 5}}) {
    EXPECT_EQ(out[i]["line"], line) << out[i].dump();
    ASSERT_TRUE(out[i]["error"].is_string());
    EXPECT_NE(out[i]["error"].get<std::string>().find("fields"), std::string::npos);
  }
  // The same rows through standard input with --format csv.
  std::string stdin_path = Write("stdin.csv", input);
  RunResult explicit_format =
      Run({"screen", "--list", SampleList(), "--format", "csv", "--input", "-"}, stdin_path);
  EXPECT_EQ(explicit_format.out, r.out);
}

TEST_F(CliTest, ScreenCsvWithoutNameColumnIsAnError) {
  RunResult r = Screen("id,surname\nc1,Fulani\n", {}, "noname.csv");
  EXPECT_TRUE(FailedCleanly(r)) << r;
  EXPECT_NE(r.err.find("noname.csv"), std::string::npos) << r;
  EXPECT_NE(r.err.find("name"), std::string::npos) << r;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(CliTest, ScreenCsvUnclosedQuoteIsAnErrorObject) {
  RunResult r = Screen("id,name\nc1,Abu Hamza\nc2,\"Zayd Qasim\nc3,Nasr\n", {}, "q.csv");
  EXPECT_EQ(r.exit_code, kExitInputErrors) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 2u) << r;
  EXPECT_EQ(out[0]["id"], "c1");
  EXPECT_EQ(out[1]["line"], 3);
  EXPECT_NE(out[1]["error"].get<std::string>().find("quote"), std::string::npos);
}

TEST_F(CliTest, ScreenThreadsGiveIdenticalOutput) {
  std::string input = GeneratedQueries(500);
  RunResult one = Screen(input, {"--threads", "1"});
  RunResult two = Screen(input, {"--threads", "2"});
  ASSERT_EQ(one.exit_code, kExitOk) << one;
  ASSERT_EQ(two.exit_code, kExitOk) << two;
  EXPECT_EQ(one.lines().size(), 500u);
  EXPECT_TRUE(one.out == two.out) << "--threads 2 output differs from --threads 1";
  std::vector<json> out = ParseAll(one);
  size_t with_matches = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i]["id"], "g" + std::to_string(i));
    with_matches += !out[i]["matches"].empty();
  }
  EXPECT_GT(with_matches, 10u) << "the generated queries should hit the sample list";
}

TEST_F(CliTest, ScreenHugeNameIsAnErrorObject) {
  std::string huge(1 << 20, 'a');
  for (size_t i = 7; i < huge.size(); i += 8) huge[i] = ' ';
  std::string input = "{\"id\": \"huge\", \"name\": \"" + huge +
                      "\"}\n{\"id\": \"after\", \"name\": \"Abu Hamza\"}\n";
  RunResult r = Screen(input);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, kExitInputErrors) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["id"], "huge");
  EXPECT_EQ(out[0]["line"], 1);
  EXPECT_TRUE(out[0]["error"].is_string());
  EXPECT_LT(r.out.size(), 100000u) << "the error should not echo the name";
  EXPECT_EQ(out[1]["id"], "after");
  EXPECT_TRUE(out[1]["matches"].is_array());

  RunResult csv = Screen("id,name\nhuge," + huge + "\nafter,Abu Hamza\n", {}, "huge.csv");
  EXPECT_EQ(csv.exit_code, kExitInputErrors) << csv;
  std::vector<json> csv_out = ParseAll(csv);
  ASSERT_EQ(csv_out.size(), 2u);
  EXPECT_TRUE(csv_out[0]["error"].is_string());
}

TEST_F(CliTest, ScreenScoresAreInRangeAndSorted) {
  std::string input = GeneratedQueries(200);
  RunResult r = Screen(input, {"--threshold", "0", "--top", "50"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  size_t total = 0;
  for (const json& answer : ParseAll(r)) {
    ExpectWellFormedAnswer(answer, 0.0, 50);
    total += answer["matches"].size();
  }
  EXPECT_GT(total, 200u);
  RunResult defaults = Screen(input);
  for (const json& answer : ParseAll(defaults)) ExpectWellFormedAnswer(answer, 0.0, 5);
}

TEST_F(CliTest, ScreenTopCapsMatches) {
  std::string input = GeneratedQueries(200);
  RunResult five = Screen(input, {"--threshold", "0"});
  RunResult one = Screen(input, {"--threshold", "0", "--top", "1"});
  ASSERT_EQ(one.exit_code, kExitOk) << one;
  std::vector<json> a = ParseAll(five), b = ParseAll(one);
  ASSERT_EQ(a.size(), b.size());
  size_t capped = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ExpectWellFormedAnswer(b[i], 0.0, 1);
    ASSERT_LE(b[i]["matches"].size(), 1u);
    capped += a[i]["matches"].size() > 1;
    if (!a[i]["matches"].empty()) {
      ASSERT_EQ(b[i]["matches"].size(), 1u);
      EXPECT_EQ(b[i]["matches"][0]["score"], a[i]["matches"][0]["score"]);
    }
  }
  EXPECT_GT(capped, 0u) << "no query had more than one match: the test proves nothing";
}

TEST_F(CliTest, ScreenHighThresholdReducesMatches) {
  std::string input = GeneratedQueries(300);
  RunResult normal = Screen(input, {"--threshold", "0.5", "--top", "50"});
  RunResult strict = Screen(input, {"--threshold", "0.99", "--top", "50"});
  ASSERT_EQ(strict.exit_code, kExitOk) << strict;
  std::vector<json> a = ParseAll(normal), b = ParseAll(strict);
  ASSERT_EQ(a.size(), b.size());
  size_t n_normal = 0, n_strict = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ExpectWellFormedAnswer(b[i], 0.99, 50);
    n_normal += a[i]["matches"].size();
    n_strict += b[i]["matches"].size();
    // What passes 0.99 also passes 0.5.
    for (const json& m : b[i]["matches"]) {
      bool found = std::any_of(a[i]["matches"].begin(), a[i]["matches"].end(),
                               [&](const json& x) { return x["entity"] == m["entity"]; });
      EXPECT_TRUE(found) << m.dump();
    }
  }
  EXPECT_LT(n_strict, n_normal);
}

TEST_F(CliTest, ScreenAllowListMovesClearedPairToSuppressed) {
  std::string input =
      "{\"id\": \"cleared\", \"name\": \"Zayd Qasim al-Fulani\", \"birth_date\": \"1975-03-02\"}\n"
      "{\"id\": \"no_dob\", \"name\": \"Zayd Qasim al-Fulani\"}\n"
      "{\"id\": \"other\", \"name\": \"Abd al-Rahman Yusuf Harbawi\"}\n";
  std::string allow =
      Write("allow.jsonl",
            "{\"name\": \"Zayd Qasim al-Fulani\", \"birth_date\": \"1975-03-02\", \"entity\": "
            "\"demo:D-001\", \"reason\": \"a different person, checked by a reviewer\"}\n");
  auto entities = [](const json& matches) {
    std::set<std::string> ids;
    if (matches.is_array()) {
      for (const json& m : matches) ids.insert(m["entity"].get<std::string>());
    }
    return ids;
  };
  RunResult before = Screen(input);
  ASSERT_EQ(before.exit_code, kExitOk) << before;
  std::vector<json> b = ParseAll(before);
  ASSERT_EQ(b.size(), 3u);
  ASSERT_TRUE(entities(b[0]["matches"]).count("demo:D-001")) << b[0].dump();
  EXPECT_FALSE(b[0].contains("suppressed"));

  RunResult after = Screen(input, {"--allow", allow});
  ASSERT_EQ(after.exit_code, kExitOk) << after;
  std::vector<json> a = ParseAll(after);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_FALSE(entities(a[0]["matches"]).count("demo:D-001")) << a[0].dump();
  EXPECT_TRUE(entities(a[0]["suppressed"]).count("demo:D-001")) << a[0].dump();
  // Another birth date (here none) is another identity: still raised.
  EXPECT_TRUE(entities(a[1]["matches"]).count("demo:D-001")) << a[1].dump();
  EXPECT_FALSE(a[1].contains("suppressed"));
  EXPECT_EQ(a[2], b[2]);
}

TEST_F(CliTest, ScreenBadAllowListFailsNamingTheFileAndLine) {
  std::string allow = Write("allow_bad.jsonl",
                            "{\"name\": \"Zayd Qasim al-Fulani\", \"entity\": \"demo:D-001\"}\n"
                            "{\"name\": \"Abu Hamza\"}\n");
  RunResult r = Screen("{\"name\": \"Abu Hamza\"}\n", {"--allow", allow});
  EXPECT_TRUE(FailedCleanly(r)) << r;
  EXPECT_NE(r.err.find("allow_bad.jsonl:2"), std::string::npos) << r;
  EXPECT_TRUE(r.out.empty());
  RunResult missing = Screen("{\"name\": \"Abu Hamza\"}\n", {"--allow", dir_.path() + "/nope"});
  EXPECT_TRUE(FailedCleanly(missing)) << missing;
  EXPECT_NE(missing.err.find("nope"), std::string::npos) << missing;
}

TEST_F(CliTest, ScreenAgainstEveryFixtureFormat) {
  std::vector<std::string> args = {
      "screen", "--input",
      Write("q.jsonl", "{\"id\": \"q\", \"name\": \"Zayd Qasim al-Fulani\"}\n")};
  for (const char* f :
       {"un_small.xml", "eu_small.xml", "ofac_nonsdn.xml", "ofac_sdn.csv", "ofac_alt.csv",
        "ofac_add.csv", "uk_conlist.csv", "inhouse.csv", "entities.jsonl"}) {
    args.push_back("--list");
    args.push_back(FixtureList(f));
  }
  RunResult r = Run(args);
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<json> out = ParseAll(r);
  ASSERT_EQ(out.size(), 1u);
  ExpectWellFormedAnswer(out[0], 0.0, 5);
  std::set<std::string> lists;
  for (const json& m : out[0]["matches"]) lists.insert(m["list"].get<std::string>());
  // The fixtures list the same made-up name in our JSONL and CSV lists.
  EXPECT_TRUE(lists.count("watch")) << out[0].dump();
  EXPECT_TRUE(lists.count("inhouse")) << out[0].dump();
}

// --- match -------------------------------------------------------------------

TEST_F(CliTest, MatchJsonIsOneLine) {
  RunResult r = Run({"match", "Zayd Qasim al-Fulani", "--list", SampleList(), "--json"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 1u) << r;
  json j = ParseJsonLine(lines[0]);
  EXPECT_EQ(j["name"], "Zayd Qasim al-Fulani");
  j["id"] = nullptr;
  ExpectWellFormedAnswer(j, 0.0, 5);
  ASSERT_FALSE(j["matches"].empty());
  EXPECT_EQ(j["matches"][0]["entity"], "demo:D-001");

  RunResult top = Run(
      {"match", "Abu Hamza", "--list", SampleList(), "--json", "--top", "1", "--threshold", "0"});
  ASSERT_EQ(top.exit_code, kExitOk) << top;
  EXPECT_EQ(ParseJsonLine(top.out)["matches"].size(), 1u);
}

TEST_F(CliTest, MatchWithoutJsonPrintsATable) {
  RunResult r = Run({"match", "Zayd Qasim al-Fulani", "--dob", "1975", "--nationality", "iq",
                     "--list", SampleList()});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<std::string> lines = r.lines();
  ASSERT_GE(lines.size(), 2u) << r;
  EXPECT_NE(lines[0].find("SCORE"), std::string::npos) << r;
  EXPECT_NE(lines[0].find("ENTITY"), std::string::npos) << r;
  EXPECT_NE(lines[1].find("demo:D-001"), std::string::npos) << r;
  EXPECT_NE(r.out[0], '{');

  RunResult none = Run({"match", "Xqzvtrw Bkldjfh", "--list", SampleList()});
  EXPECT_EQ(none.exit_code, kExitOk) << none;
  EXPECT_NE(none.out.find("no match"), std::string::npos) << none;
}

TEST_F(CliTest, MatchRejectsBadInput) {
  RunResult bad_utf8 = Run({"match", "Zayd \xC3\x28", "--list", SampleList()});
  EXPECT_TRUE(FailedCleanly(bad_utf8)) << bad_utf8;
  EXPECT_NE(bad_utf8.err.find("UTF-8"), std::string::npos) << bad_utf8;
  RunResult bad_dob = Run({"match", "Abu Hamza", "--dob", "soon", "--list", SampleList()});
  EXPECT_TRUE(FailedCleanly(bad_dob)) << bad_dob;
  EXPECT_NE(bad_dob.err.find("birth_date"), std::string::npos) << bad_dob;
  RunResult huge = Run({"match", std::string(100000, 'b'), "--list", SampleList(), "--json"});
  EXPECT_TRUE(FailedCleanly(huge)) << huge;
}


}  // namespace
}  // namespace qantara::cli_test
