// qantara timeline and qantara alerts end to end: made-up articles read into
// a database, an entity's timeline by name in either script, the alerts of a
// list (data/sample_list.jsonl), and their errors.
#include <set>

#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {
namespace {

class NewsDbTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args) { return RunQantara(dir_, args); }
  // Two articles on a made-up minister, one of them naming a listed man
  // (D-002 of the sample list), read into a fresh database.
  std::string ReadArticles() {
    const std::string folder = dir_.path() + "/articles";
    std::filesystem::create_directories(folder);
    dir_.Write("articles/a.txt",
               "Le ministre Karim Benslimane en visite \u00e0 Oujda\n\n"
               "OUJDA, 4 mars 2021 (AGENCE) - Le ministre Karim Benslimane a rencontr\u00e9 hier "
               "\u00e0 Oujda le gouverneur de la r\u00e9gion pour parler du port sec.\n");
    dir_.Write("articles/b.txt",
               "Enqu\u00eate sur un r\u00e9seau\n\n"
               "TANGER, 9 mars 2021 (AGENCE) - Selon la police, Abd al-Rahman Yusuf Harbawi "
               "aurait transit\u00e9 par Tanger. Le ministre Karim Benslimane a demand\u00e9 une "
               "enqu\u00eate.\n");
    db_ = dir_.path() + "/news.db";
    RunResult r = Run({"read", "--db", db_, folder, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r;
    return db_;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(NewsDbTest, TimelineByNameOrKey) {
  ReadArticles();
  RunResult r = Run({"timeline", "--db", db_, "Benslimane", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r;
  std::vector<nlohmann::json> lines;
  for (const std::string& l : r.lines()) lines.push_back(nlohmann::json::parse(l));
  ASSERT_GE(lines.size(), 2u) << r;
  std::string previous;
  for (const nlohmann::json& j : lines) {
    EXPECT_EQ(j["entities"][0], "p:karim-benslimane") << j;
    const std::string date = j["date"].is_string() ? j["date"].get<std::string>() : "";
    EXPECT_LE(previous, date) << "by date";
    previous = date;
  }
  // The key works as well as the name.
  RunResult by_key = Run({"timeline", "--db", db_, "p:karim-benslimane", "--json"});
  ASSERT_EQ(by_key.exit_code, 0) << by_key;
  EXPECT_EQ(by_key.lines().size(), lines.size());
}

TEST_F(NewsDbTest, AlertsNameTheListedManWithEvidence) {
  ReadArticles();
  RunResult r = Run({"alerts", "--db", db_, "--list", SampleList(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r;
  ASSERT_EQ(r.lines().size(), 1u) << r;
  nlohmann::json j = nlohmann::json::parse(r.lines()[0]);
  EXPECT_EQ(j["listed"]["ref"], "D-002");
  EXPECT_NE(j["doc"].get<std::string>().find("b.txt"), std::string::npos);
  EXPECT_NE(j["evidence"].get<std::string>().find("Selon la police"), std::string::npos) << j;
  EXPECT_EQ(j["mention"]["text"], "Abd al-Rahman Yusuf Harbawi");
}

// A later run that adds to the database continues its stories: the English
// report of a press conference stored yesterday in French takes its key.
TEST_F(NewsDbTest, StoriesContinueAcrossRuns) {
  ReadArticles();
  std::filesystem::create_directories(dir_.path() + "/later");
  dir_.Write("later/en.txt",
             "Ministers meet the press in Oujda\n\n"
             "OUJDA, March 4, 2021 - Minister Karim Benslimane and the governor of the region held "
             "a joint press conference in Oujda on Thursday, March 4, on the dry port.\n");
  dir_.Write("later/fr.txt",
             "Conf\u00e9rence de presse \u00e0 Oujda\n\n"
             "OUJDA, 4 mars 2021 (AGENCE) - Le ministre Karim Benslimane a tenu jeudi 4 mars 2021 "
             "une conf\u00e9rence de presse \u00e0 Oujda avec le gouverneur de la r\u00e9gion.\n");
  RunResult first = Run({"read", "--db", db_, dir_.path() + "/later/fr.txt", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first;
  const std::string story = nlohmann::json::parse(first.lines().at(0))["story"];
  RunResult second = Run({"read", "--db", db_, dir_.path() + "/later/en.txt", "--json"});
  ASSERT_EQ(second.exit_code, 0) << second;
  EXPECT_EQ(nlohmann::json::parse(second.lines().at(0))["story"], story) << first << second;
}

// The seeds (../shared/seeds, skipped when absent): three reports of the
// Coalition's ministerial meetings are three stories, and the Coalition's
// timeline links them as one thread of distinct events.
TEST_F(NewsDbTest, SeedsCoalitionMeetingsAreAThreadOfDistinctStories) {
  const std::string seeds = SourcePath("../shared/seeds");
  if (!std::filesystem::exists(seeds + "/002_213c9fa733806da3.txt")) {
    GTEST_SKIP() << "no seeds in " << seeds;
  }
  db_ = dir_.path() + "/seeds.db";
  RunResult read = Run({"read", "--db", db_, seeds, "--json"});
  ASSERT_EQ(read.exit_code, 0) << read;
  std::set<std::string> stories;
  for (const std::string& l : read.lines()) stories.insert(nlohmann::json::parse(l)["story"]);
  EXPECT_EQ(stories.size(), 3u) << read;
  RunResult t = Run({"timeline", "--db", db_, "o:global-coalition", "--json"});
  ASSERT_EQ(t.exit_code, 0) << t;
  std::vector<std::string> meetings;
  for (const std::string& l : t.lines()) {
    nlohmann::json j = nlohmann::json::parse(l);
    if (j["kind"] == "meeting") {
      meetings.push_back(j["date"].get<std::string>() + " " + j["place"].get<std::string>());
    }
  }
  EXPECT_EQ(meetings,
            (std::vector<std::string>{"2016-07-21 l:washington", "2019-02-06 l:washington",
                                      "2022-05-11 l:marrakech"}))
      << t;
}

TEST_F(NewsDbTest, ClearErrors) {
  const std::string missing = dir_.path() + "/missing.db";
  RunResult no_db = Run({"timeline", "--db", missing, "Benslimane"});
  EXPECT_EQ(no_db.exit_code, 2) << no_db;
  EXPECT_NE(no_db.err.find("no such database"), std::string::npos) << no_db;
  EXPECT_FALSE(std::filesystem::exists(missing)) << "a typo must not create a database";
  RunResult no_alerts_db = Run({"alerts", "--db", missing, "--list", SampleList()});
  EXPECT_EQ(no_alerts_db.exit_code, 2) << no_alerts_db;

  // An empty database (read of an empty folder): alerts say there is nothing to screen.
  std::filesystem::create_directories(dir_.path() + "/empty");
  const std::string empty = dir_.path() + "/empty.db";
  ASSERT_EQ(Run({"read", "--db", empty, dir_.path() + "/empty", "--json"}).exit_code, 0);
  RunResult empty_alerts = Run({"alerts", "--db", empty, "--list", SampleList()});
  EXPECT_EQ(empty_alerts.exit_code, 2) << empty_alerts;
  EXPECT_NE(empty_alerts.err.find("no entities"), std::string::npos) << empty_alerts;

  // The service's database given by mistake is refused and left as it was.
  const std::string service = dir_.path() + "/service.db";
  ASSERT_EQ(Run({"keys", "add", "--db", service, "--role", "admin", "--name", "ops"}).exit_code, 0);
  const auto service_size = std::filesystem::file_size(service);
  for (const char* command : {"timeline", "read"}) {
    RunResult wrong = Run({command, "--db", service, std::string(command) == "read"
                                                        ? dir_.path() + "/empty"
                                                        : "Benslimane"});
    EXPECT_NE(wrong.exit_code, 0) << wrong;
    EXPECT_NE(wrong.err.find("not a news database"), std::string::npos) << wrong;
  }
  EXPECT_EQ(std::filesystem::file_size(service), service_size);

  ReadArticles();
  RunResult unknown = Run({"timeline", "--db", db_, "Personne Inconnue"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown;
  EXPECT_NE(unknown.err.find("no entity named 'Personne Inconnue'"), std::string::npos) << unknown;
  RunResult bad_list = Run({"alerts", "--db", db_, "--list", dir_.path() + "/nope.xml"});
  EXPECT_NE(bad_list.exit_code, 0) << bad_list;
  EXPECT_NE(bad_list.err.find("nope.xml"), std::string::npos) << bad_list;
}

}  // namespace
}  // namespace qantara::cli_test
