// End-to-end tests of build/qantara (DESIGN.md "Contracts"): the binary is run
// as a child process on inputs written at test time (made-up names), and its
// stdout, stderr and exit code are checked. Lists: data/sample_list.jsonl and
// the tiny official-format fixtures of tests/fixtures/lists/.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {
namespace {

using nlohmann::json;

constexpr int kExitOk = 0, kExitInputErrors = 1, kExitUsage = 2;

// Exit codes allowed for "this file cannot be used": 1 (input error) or 2 (usage).
::testing::AssertionResult FailedCleanly(const RunResult& r) {
  if (r.signal != 0) return ::testing::AssertionFailure() << "killed by signal " << r.signal;
  if (r.exit_code != kExitInputErrors && r.exit_code != kExitUsage) {
    return ::testing::AssertionFailure() << "exit code " << r.exit_code << ", expected 1 or 2";
  }
  return ::testing::AssertionSuccess();
}

std::vector<json> ParseAll(const RunResult& r) {
  std::vector<json> out;
  for (const std::string& line : r.lines()) out.push_back(ParseJsonLine(line));
  return out;
}

// (list, schema) -> count, from the entity lines of a JSONL list file.
std::map<std::pair<std::string, std::string>, size_t> CountJsonlEntities(const std::string& path) {
  std::map<std::pair<std::string, std::string>, size_t> counts;
  for (const std::string& line : SplitLines(ReadFile(path))) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line);
    ++counts[{j.value("list", std::string("local")), j.value("schema", std::string())}];
  }
  return counts;
}

// The screening matches of one output line, checked against the contract.
void ExpectWellFormedAnswer(const json& answer, double threshold, size_t top) {
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
std::string GeneratedQueries(size_t n) {
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

TEST_F(CliTest, TopLevelHelpExitsZeroAndNamesSubcommands) {
  RunResult r = Run({"--help"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  EXPECT_NE(r.out.find("Usage:"), std::string::npos) << r;
  for (const char* sub : {"lists", "screen", "match"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub << "\n" << r;
  }
}

TEST_F(CliTest, EverySubcommandHasHelp) {
  const std::vector<std::vector<std::string>> commands = {
      {"lists"}, {"lists", "show"}, {"lists", "export"}, {"screen"}, {"match"}};
  for (std::vector<std::string> args : commands) {
    std::string joined = args.size() == 1 ? args[0] : args[0] + " " + args[1];
    args.push_back("--help");
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, kExitOk) << joined << "\n" << r;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << joined << "\n" << r;
    EXPECT_NE(r.out.find(joined), std::string::npos) << "usage does not name " << joined;
  }
  RunResult screen = Run({"screen", "--help"});
  for (const char* option :
       {"--list", "--input", "--format", "--threshold", "--top", "--threads", "--allow"}) {
    EXPECT_NE(screen.out.find(option), std::string::npos) << option;
  }
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  // Alone, the top-level case is reported as a missing subcommand (CLI11
  // checks requirements first): still a usage error.
  RunResult bare = Run({"--no-such-option"});
  EXPECT_EQ(bare.exit_code, kExitUsage) << bare;
  EXPECT_FALSE(bare.err.empty());
  const std::vector<std::vector<std::string>> commands = {
      {"lists", "show", SampleList(), "--no-such-option"},
      {"lists", "export", SampleList(), "--no-such-option"},
      {"screen", "--list", SampleList(), "--no-such-option"},
      {"match", "Abu Hamza", "--list", SampleList(), "--no-such-option"},
      {"--no-such-option", "lists", "show", SampleList()}};
  for (const auto& args : commands) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, kExitUsage) << args[0] << "\n" << r;
    EXPECT_NE(r.err.find("--no-such-option"), std::string::npos) << r;
    EXPECT_TRUE(r.out.empty()) << r;
  }
}

TEST_F(CliTest, MissingOrBadArgumentsAreUsageErrors) {
  std::string q = Write("q.jsonl", "{\"name\": \"Abu Hamza\"}\n");
  const std::vector<std::vector<std::string>> commands = {
      {},                        // no subcommand
      {"no-such-command"},       // unknown subcommand
      {"lists"},                 // lists needs show|export
      {"lists", "show"},         // no FILE
      {"screen", "--input", q},  // no --list
      {"screen", "--list", SampleList(), "--input", q, "--threshold", "1.5"},
      {"screen", "--list", SampleList(), "--input", q, "--threads", "0"},
      {"screen", "--list", SampleList(), "--input", q, "--format", "xml"},
      {"screen", "--list", SampleList(), "--input", q, "--top", "many"},
      {"match", "--list", SampleList()},  // no NAME
      {"match", "Abu Hamza"},             // no --list
  };
  for (const auto& args : commands) {
    RunResult r = Run(args);
    EXPECT_EQ(r.exit_code, kExitUsage) << (args.empty() ? "(none)" : args[0]) << "\n" << r;
    EXPECT_FALSE(r.err.empty()) << r;
  }
}

// --- lists show / export ---------------------------------------------------

TEST_F(CliTest, ListsShowCountsTheSampleList) {
  auto expected = CountJsonlEntities(SampleList());
  ASSERT_FALSE(expected.empty());
  RunResult r = Run({"lists", "show", "--json", SampleList()});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<json> lines = ParseAll(r);
  ASSERT_GE(lines.size(), 3u) << r;
  // Lines: one per file, one per (list, schema), then the totals.
  EXPECT_EQ(lines[0]["file"], SampleList());
  EXPECT_EQ(lines[0]["format"], "jsonl");
  std::map<std::pair<std::string, std::string>, size_t> counts;
  size_t total = 0;
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    counts[{lines[i]["list"], lines[i]["schema"]}] = lines[i]["entities"].get<size_t>();
    total += lines[i]["entities"].get<size_t>();
  }
  EXPECT_EQ(counts, expected);
  EXPECT_EQ(lines.back()["entities"], total);
  EXPECT_EQ(lines.back()["issues"], 0);
  EXPECT_EQ(lines[0]["records"], total);

  RunResult table = Run({"lists", "show", SampleList()});
  ASSERT_EQ(table.exit_code, kExitOk) << table;
  EXPECT_NE(table.out.find("FILE"), std::string::npos);
  EXPECT_NE(table.out.find("jsonl"), std::string::npos);
  std::string total_line;
  for (const std::string& line : table.lines()) {
    if (line.rfind("total", 0) == 0) total_line = line;
  }
  EXPECT_NE(total_line.find(" " + std::to_string(total)), std::string::npos) << table;
}

struct FixtureCounts {
  const char* file;
  const char* format;
  std::map<std::pair<std::string, std::string>, size_t> counts;
};

TEST_F(CliTest, ListsShowCountsEachFixture) {
  const std::vector<FixtureCounts> fixtures = {
      {"un_small.xml", "un", {{{"un", "Person"}, 3}, {{"un", "Organization"}, 2}}},
      {"eu_small.xml", "eu", {{{"eu", "Person"}, 1}, {{"eu", "Organization"}, 1}}},
      {"ofac_nonsdn.xml",
       "ofac_xml",
       {{{"ofac", "Person"}, 1}, {{"ofac", "Organization"}, 1}, {{"ofac", "Vessel"}, 1}}},
      {"ofac_sdn.csv",
       "ofac_sdn_csv",
       {{{"ofac", "Person"}, 2},
        {{"ofac", "Organization"}, 1},
        {{"ofac", "Vessel"}, 1},
        {{"ofac", "Aircraft"}, 1}}},
      {"uk_conlist.csv",
       "uk",
       {{{"uk", "Person"}, 2}, {{"uk", "Organization"}, 1}, {{"uk", "Vessel"}, 1}}},
      {"inhouse.csv",
       "csv",
       {{{"inhouse", "Person"}, 1}, {{"local", "Organization"}, 1}, {{"local", "Person"}, 1}}},
      {"entities.jsonl", "jsonl", {{{"watch", "Person"}, 1}, {{"local", "Organization"}, 1}}},
  };
  for (const FixtureCounts& f : fixtures) {
    SCOPED_TRACE(f.file);
    RunResult r = Run({"lists", "show", "--json", FixtureList(f.file)});
    ASSERT_EQ(r.exit_code, kExitOk) << r;
    std::vector<json> lines = ParseAll(r);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0]["format"], f.format);
    std::map<std::pair<std::string, std::string>, size_t> counts;
    for (size_t i = 1; i + 1 < lines.size(); ++i) {
      counts[{lines[i]["list"], lines[i]["schema"]}] = lines[i]["entities"].get<size_t>();
    }
    EXPECT_EQ(counts, f.counts);
  }
}

TEST_F(CliTest, ListsShowMergesTheOfacCsvSet) {
  // Skipped rows are warnings on stderr; the rest is shown.
  RunResult alone = Run({"lists", "show", "--json", FixtureList("ofac_alt.csv")});
  EXPECT_EQ(alone.exit_code, kExitOk) << alone;
  EXPECT_EQ(ParseAll(alone).back()["entities"], 0);
  EXPECT_NE(alone.err.find("ofac_alt.csv"), std::string::npos) << "the skipped file is named";

  RunResult set = Run({"lists", "show", "--json", FixtureList("ofac_sdn.csv"),
                       FixtureList("ofac_alt.csv"), FixtureList("ofac_add.csv")});
  ASSERT_EQ(set.exit_code, kExitOk) << set;
  std::vector<json> lines = ParseAll(set);
  EXPECT_EQ(lines[0]["format"], "ofac_sdn_csv");
  EXPECT_EQ(lines[1]["format"], "ofac_alt_csv");
  EXPECT_EQ(lines[2]["format"], "ofac_add_csv");
  EXPECT_EQ(lines.back()["entities"], 5);
}

// Checks one exported entity against DESIGN.md's entity form.
void ExpectContractEntity(const json& e) {
  static const std::set<std::string> kSchemas = {"Person", "Organization", "Vessel", "Aircraft"};
  static const std::set<std::string> kKinds = {"primary", "alias", "weak_alias", "original_script"};
  SCOPED_TRACE(e.dump());
  for (const char* field : {"id", "list", "ref", "schema", "caption", "gender", "listed_on"}) {
    EXPECT_TRUE(e[field].is_string()) << field;
  }
  for (const char* field : {"names", "birth_dates", "nationalities", "ids", "programs"}) {
    EXPECT_TRUE(e[field].is_array()) << field;
  }
  if (!e["id"].is_string() || !e["names"].is_array()) return;
  EXPECT_FALSE(e["list"].get<std::string>().empty());
  EXPECT_FALSE(e["ref"].get<std::string>().empty());
  EXPECT_EQ(e["id"], e["list"].get<std::string>() + ":" + e["ref"].get<std::string>());
  EXPECT_TRUE(kSchemas.count(e["schema"].get<std::string>()));
  EXPECT_FALSE(e["names"].empty());
  for (const json& n : e["names"]) {
    EXPECT_TRUE(n["value"].is_string() && !n["value"].get<std::string>().empty());
    EXPECT_TRUE(n["kind"].is_string() && kKinds.count(n["kind"].get<std::string>()));
  }
  EXPECT_TRUE(e["gender"] == "" || e["gender"] == "male" || e["gender"] == "female");
  for (const char* field : {"birth_dates", "nationalities", "programs"}) {
    for (const json& v : e[field]) EXPECT_TRUE(v.is_string()) << field;
  }
  for (const json& id : e["ids"]) {
    for (const char* field : {"type", "number", "country"}) EXPECT_TRUE(id[field].is_string());
  }
}

TEST_F(CliTest, ListsExportPrintsOneContractEntityPerLine) {
  std::vector<std::string> all = {"lists", "export", "--jsonl"};
  for (const char* f :
       {"un_small.xml", "eu_small.xml", "ofac_nonsdn.xml", "ofac_sdn.csv", "ofac_alt.csv",
        "ofac_add.csv", "uk_conlist.csv", "inhouse.csv", "entities.jsonl"}) {
    all.push_back(FixtureList(f));
  }
  all.push_back(SampleList());
  RunResult r = Run(all);
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::set<std::string> ids;
  size_t n = 0;
  for (const json& e : ParseAll(r)) {
    ExpectContractEntity(e);
    ++n;
    if (e["id"].is_string()) {
      EXPECT_TRUE(ids.insert(e["id"]).second) << "duplicate " << e["id"];
    }
  }
  // 5 UN + 2 EU + 3 OFAC XML + 5 OFAC CSV + 4 UK + 3 CSV + 2 JSONL + the sample list.
  size_t sample = 0;
  for (const auto& [key, count] : CountJsonlEntities(SampleList())) sample += count;
  EXPECT_EQ(n, 24 + sample);
  // Every entity of the sample list is exported under its own id.
  for (const std::string& line : SplitLines(ReadFile(SampleList()))) {
    if (line.empty()) continue;
    EXPECT_TRUE(ids.count(json::parse(line)["id"].get<std::string>())) << line;
  }
}

TEST_F(CliTest, ListsExportRoundTripsThroughOurJsonl) {
  RunResult first = Run({"lists", "export", "--jsonl", FixtureList("un_small.xml"),
                         FixtureList("uk_conlist.csv"), FixtureList("inhouse.csv")});
  ASSERT_EQ(first.exit_code, kExitOk) << first;
  RunResult second = Run({"lists", "export", "--jsonl", Write("exported.jsonl", first.out)});
  ASSERT_EQ(second.exit_code, kExitOk) << second;
  EXPECT_EQ(second.out, first.out);
}

struct BadListFile {
  const char* name;
  std::string content;
};

std::vector<BadListFile> BadListFiles() {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919 + 13) % 256);
  std::string un = ReadFile(FixtureList("un_small.xml"));
  // Cut inside the first record: no usable record is left.
  std::string truncated = un.substr(0, un.find("<INDIVIDUAL>") + 40);
  return {
      {"empty.jsonl", ""},
      {"blank.csv", "\n\n  \n"},
      {"binary.bin", binary},
      {"gzip_garbage.xml.gz", std::string("\x1f\x8b\x08\x00garbage", 12)},
      {"truncated.xml", truncated},
      {"bad_utf8.jsonl",
       "{\"id\": \"x:1\", \"list\": \"x\", \"ref\": \"1\", \"schema\": \"Person\", "
       "\"names\": [{\"value\": \"Zayd \xC3\x28 Fulani\", \"kind\": \"primary\"}]}\n"},
      {"unknown.txt", "This is a letter, not a list.\nIt has two lines.\n"},
      {"unknown.xml", "<?xml version=\"1.0\"?>\n<recipes><recipe>bread</recipe></recipes>\n"},
  };
}

TEST_F(CliTest, BadListFilesFailCleanlyNamingTheFile) {
  std::string q = Write("q.jsonl", "{\"id\": \"q1\", \"name\": \"Abu Hamza\"}\n");
  for (const BadListFile& bad : BadListFiles()) {
    SCOPED_TRACE(bad.name);
    std::string path = Write(bad.name, bad.content);
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"lists", "show", path},
                                               {"lists", "export", "--jsonl", path},
                                               {"screen", "--list", path, "--input", q},
                                               {"match", "Abu Hamza", "--list", path}}) {
      SCOPED_TRACE(args[0] + " " + args[1]);
      RunResult r = Run(args);
      EXPECT_TRUE(FailedCleanly(r)) << r;
      EXPECT_NE(r.err.find(bad.name), std::string::npos) << "stderr does not name the file\n" << r;
      EXPECT_TRUE(r.out.empty()) << r;
    }
  }
}

TEST_F(CliTest, MissingListFileFailsCleanlyNamingTheFile) {
  std::string missing = dir_.path() + "/no_such_list.xml";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"lists", "show", missing},
           {"lists", "export", missing},
           {"screen", "--list", missing, "--input", Write("q.jsonl", "{\"name\": \"X Y\"}\n")}}) {
    RunResult r = Run(args);
    EXPECT_TRUE(FailedCleanly(r)) << r;
    EXPECT_NE(r.err.find("no_such_list.xml"), std::string::npos) << r;
  }
}

TEST_F(CliTest, OneBadFileAmongGoodOnesFailsTheLoad) {
  std::string bad = Write("binary.bin", std::string("\x00\x01\x02\x03\xff\xfe", 6));
  RunResult r = Run({"lists", "show", SampleList(), bad});
  EXPECT_TRUE(FailedCleanly(r)) << r;
  EXPECT_NE(r.err.find("binary.bin"), std::string::npos) << r;
}

TEST_F(CliTest, TruncatedXmlWithRecordsKeepsThemAndWarns) {
  std::string un = ReadFile(FixtureList("un_small.xml"));
  // Cut inside the third record: the first two are whole.
  size_t cut = un.find("<INDIVIDUAL>");
  cut = un.find("<INDIVIDUAL>", cut + 1);
  cut = un.find("<INDIVIDUAL>", cut + 1);
  ASSERT_NE(cut, std::string::npos);
  std::string path = Write("cut.xml", un.substr(0, cut + 30));
  RunResult r = Run({"lists", "show", "--json", path});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  json totals = ParseAll(r).back();
  EXPECT_GE(totals["entities"].get<int>(), 1);
  EXPECT_LT(totals["entities"].get<int>(), 5);
  EXPECT_GE(totals["issues"].get<int>(), 1);
  EXPECT_NE(r.err.find("cut.xml"), std::string::npos) << r;
}

// --- screen ------------------------------------------------------------------

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
