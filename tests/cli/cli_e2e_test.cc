// End-to-end tests of build/qantara (DESIGN.md "Contracts"): the binary is run
// as a child process on inputs written at test time (made-up names), and its
// stdout, stderr and exit code are checked. Lists: data/sample_list.jsonl and
// the tiny official-format fixtures of tests/fixtures/lists/. Screening: screen_e2e_test.cc.
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


}  // namespace
}  // namespace qantara::cli_test
