// End-to-end tests of `qantara export` (docs/export.md): a database written
// by `qantara read --list --db` from articles and a list written here
// (made-up names), exported as jsonl, ftm and stix; ids stable from run to
// run; the STIX bundle checked against the specification's rules
// (tests/export/stix_check.h); --max-objects, --out and the bad-input cases.
#include "tests/cli/cli_runner.h"
#include "tests/export/stix_check.h"

namespace qantara::cli_test {
namespace {

constexpr char kArticles[] =
    R"({"id": "fr-1", "url": "https://news.example.org/fr/1", "published": "2024-03-14", "title": "Rencontre", "text": "Le ministre Karim Tazlani a rencontré mardi à Rabat son homologue M. Pierre Valmont.\n\nLes deux ministres ont examiné la coopération portuaire au Maroc, a précisé le porte-parole.\n"})"
    "\n"
    R"({"id": "en-1", "published": "2024-03-20", "title": "Port talks", "text": "Foreign Minister Karim Tazlani met Pierre Valmont in Paris on Monday to discuss port security in France.\n"})"
    "\n";
constexpr char kList[] =
    R"({"id": "inhouse:T-1", "list": "inhouse", "ref": "T-1", "schema": "Person", "caption": "Karim Tazlani", "names": [{"value": "Karim Tazlani", "kind": "primary"}], "programs": ["TEST-PORTS"], "listed_on": "2020-05-01"})"
    "\n";

class ExportE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    articles_ = dir_.Write("articles.jsonl", kArticles);
    list_ = dir_.Write("list.jsonl", kList);
    db_ = dir_.path() + "/news.db";
    RunResult r = Run({"read", articles_, "--list", list_, "--db", db_, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r;
  }
  RunResult Run(const std::vector<std::string>& args) { return RunQantara(dir_, args); }
  TempDir dir_;
  std::string articles_, list_, db_;
};

TEST_F(ExportE2e, JsonlIsReadsDocumentLineFromTheStore) {
  RunResult r = Run({"export", "--db", db_, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r;
  ASSERT_EQ(r.lines().size(), 2u) << r;
  nlohmann::json doc = nlohmann::json::parse(r.lines()[0]);
  EXPECT_EQ(doc["doc"], "fr-1");
  EXPECT_EQ(doc["url"], "https://news.example.org/fr/1");
  EXPECT_EQ(doc["published"], "2024-03-14");
  const std::string text = doc["text"];
  bool listed = false;
  for (const auto& m : doc["mentions"]) {
    const size_t start = m["start"], end = m["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(start, end - start), m["text"].get<std::string>());
    if (m["entity"] == "p:karim-tazlani") {
      listed = !m["listed"].is_null() && m["listed"]["ref"] == "T-1";
    }
  }
  EXPECT_TRUE(listed) << doc.dump();
  ASSERT_FALSE(doc["events"].empty()) << doc.dump();
  EXPECT_EQ(doc["events"][0]["participants"],
            nlohmann::json({"p:karim-tazlani", "p:pierre-valmont"}));
  EXPECT_FALSE(doc.contains("removed"));  // not stored
}

TEST_F(ExportE2e, FtmIdsAreStable) {
  RunResult a = Run({"export", "--db", db_, "--format", "ftm", "--list", list_});
  ASSERT_EQ(a.exit_code, 0) << a;
  RunResult b = Run({"export", "--db", db_, "--format", "ftm", "--list", list_});
  EXPECT_EQ(a.out, b.out);
  bool sanction = false;
  for (const std::string& line : a.lines()) {
    nlohmann::json e = nlohmann::json::parse(line);
    ASSERT_TRUE(e.contains("id") && e.contains("schema") && e["properties"].is_object()) << line;
    if (e["schema"] == "Sanction") {
      sanction = true;
      EXPECT_EQ(e["properties"]["program"], nlohmann::json({"TEST-PORTS"}));
    }
  }
  EXPECT_TRUE(sanction) << a;
}

TEST_F(ExportE2e, StixBundleFollowsTheSpecificationAndIsStable) {
  RunResult a = Run({"export", "--db", db_, "--format", "stix", "--list", list_});
  ASSERT_EQ(a.exit_code, 0) << a;
  ASSERT_EQ(a.lines().size(), 1u) << a;
  nlohmann::json bundle = nlohmann::json::parse(a.out);
  const std::vector<std::string> errors = stix_check::Check(bundle);
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
  std::map<std::string, int> types;
  for (const auto& o : bundle["objects"]) ++types[o["type"]];
  EXPECT_GE(types["identity"], 2);
  EXPECT_EQ(types["indicator"], 1);
  EXPECT_EQ(types["report"], 2);
  EXPECT_GE(types["location"], 1);  // Morocco or France; Rabat and Paris have no country
  EXPECT_GE(types["relationship"], 2);
  RunResult b = Run({"export", "--db", db_, "--format", "stix", "--list", list_});
  EXPECT_EQ(a.out, b.out);
}

TEST_F(ExportE2e, OutFileMatchesStdout) {
  const std::string out = dir_.path() + "/export.ftm.jsonl";
  RunResult a = Run({"export", "--db", db_, "--format", "ftm", "--out", out});
  ASSERT_EQ(a.exit_code, 0) << a;
  EXPECT_TRUE(a.out.empty());
  RunResult b = Run({"export", "--db", db_, "--format", "ftm"});
  EXPECT_EQ(ReadFile(out), b.out);
  EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
}

TEST_F(ExportE2e, MaxObjectsRefusesAndWritesNothing) {
  const std::string out = dir_.path() + "/bounded.json";
  RunResult r =
      Run({"export", "--db", db_, "--format", "stix", "--max-objects", "3", "--out", out});
  EXPECT_EQ(r.exit_code, 1) << r;
  EXPECT_NE(r.err.find("more than --max-objects 3"), std::string::npos) << r;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r;
  EXPECT_FALSE(std::filesystem::exists(out));
  RunResult s = Run({"export", "--db", db_, "--format", "ftm", "--max-objects", "2"});
  EXPECT_EQ(s.exit_code, 1) << s;
  EXPECT_TRUE(s.out.empty()) << s;
  RunResult ok = Run({"export", "--db", db_, "--format", "jsonl", "--max-objects", "2"});
  EXPECT_EQ(ok.exit_code, 0) << ok;  // two documents: within the bound
}

TEST_F(ExportE2e, BadInputGetsClearErrors) {
  RunResult missing = Run({"export", "--db", dir_.path() + "/nope.db", "--format", "ftm"});
  EXPECT_EQ(missing.exit_code, 2) << missing;
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing;
  EXPECT_FALSE(std::filesystem::exists(dir_.path() + "/nope.db"));

  const std::string empty = dir_.Write("empty.db", "");
  RunResult no_docs = Run({"export", "--db", empty, "--format", "stix"});
  EXPECT_EQ(no_docs.exit_code, 2) << no_docs;
  EXPECT_NE(no_docs.err.find("no documents"), std::string::npos) << no_docs;

  RunResult format = Run({"export", "--db", db_, "--format", "xml"});
  EXPECT_EQ(format.exit_code, 2) << format;
  EXPECT_NE(format.err.find("xml"), std::string::npos) << format;

  RunResult no_format = Run({"export", "--db", db_});
  EXPECT_EQ(no_format.exit_code, 2) << no_format;

  const std::string garbage = dir_.Write("garbage.db", std::string(4096, 'x'));
  RunResult not_db = Run({"export", "--db", garbage, "--format", "ftm"});
  EXPECT_NE(not_db.exit_code, 0) << not_db;
  EXPECT_NE(not_db.err.find("garbage.db"), std::string::npos) << not_db;

  RunResult bad_list =
      Run({"export", "--db", db_, "--format", "ftm", "--list", dir_.path() + "/nolist.jsonl"});
  EXPECT_EQ(bad_list.exit_code, 2) << bad_list;
  EXPECT_NE(bad_list.err.find("nolist.jsonl"), std::string::npos) << bad_list;

  RunResult help = Run({"export", "--help"});
  EXPECT_EQ(help.exit_code, 0) << help;
  EXPECT_NE(help.out.find("--max-objects"), std::string::npos) << help;
}

}  // namespace
}  // namespace qantara::cli_test
