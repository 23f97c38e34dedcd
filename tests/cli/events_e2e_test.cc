// End-to-end tests of the events of `qantara read` (DESIGN.md "Reading news",
// `events`) and of its CAMEO rows (--events-cameo, --events-cameo-tsv), on an
// article written here (made-up names).
#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {
namespace {

constexpr char kArticle[] =
    "Le ministre Karim Tazlani a rencontré mardi à Rabat son homologue M. Pierre Valmont.\n\n"
    "Les deux ministres ont examiné la coopération portuaire et la sécurité des quais, "
    "a précisé le porte-parole du ministère dans la soirée.\n";

class EventsE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    article_ = dir_.Write(
        "meeting.jsonl",
        nlohmann::json({{"id", "m1"}, {"published", "2024-03-14"}, {"text", kArticle}}).dump() +
            "\n");
  }
  RunResult Run(const std::vector<std::string>& args) { return RunQantara(dir_, args); }
  TempDir dir_;
  std::string article_;
};

TEST_F(EventsE2e, DocumentLineHasTheEventInTheContractForm) {
  RunResult r = Run({"read", article_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r;
  ASSERT_EQ(r.lines().size(), 1u) << r;
  nlohmann::json doc = nlohmann::json::parse(r.lines()[0]);
  ASSERT_TRUE(doc.contains("events")) << r;
  const std::string text = doc["text"];
  bool found = false;
  for (const auto& e : doc["events"]) {
    for (const char* field :
         {"type", "text", "start", "end", "date", "place", "participants", "sentence"}) {
      ASSERT_TRUE(e.contains(field)) << field << " in " << e.dump();
    }
    const size_t start = e["start"], end = e["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(start, end - start), e["text"].get<std::string>());
    if (e["type"] == "meeting") {
      found = true;
      EXPECT_EQ(e["date"], "2024-03-12");
      EXPECT_EQ(e["place"], "l:rabat");
      EXPECT_EQ(e["participants"], nlohmann::json({"p:karim-tazlani", "p:pierre-valmont"}));
    }
  }
  EXPECT_TRUE(found) << r;
}

TEST_F(EventsE2e, CameoRowsAsJsonLinesAndTsv) {
  RunResult r = Run({"read", article_, "--events-cameo"});
  ASSERT_EQ(r.exit_code, 0) << r;
  ASSERT_EQ(r.lines().size(), 1u) << r;
  nlohmann::json row = nlohmann::json::parse(r.lines()[0]);
  EXPECT_EQ(row["doc"], "m1");
  EXPECT_EQ(row["code"], "040");
  EXPECT_EQ(row["root"], "04");
  EXPECT_EQ(row["type"], "meeting");
  EXPECT_EQ(row["actor1"], "p:karim-tazlani");
  EXPECT_EQ(row["actor2"], "p:pierre-valmont");
  EXPECT_EQ(row["date"], "2024-03-12");
  EXPECT_EQ(row["place"], "l:rabat");

  RunResult tsv = Run({"read", article_, "--events-cameo-tsv"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv;
  ASSERT_EQ(tsv.lines().size(), 2u) << tsv;
  EXPECT_EQ(tsv.lines()[0],
            "doc\tdate\tactor1\tactor1_name\tcode\troot\ttype\tactor2\tactor2_name\tplace\tevent");
  EXPECT_EQ(tsv.lines()[1].substr(0, tsv.lines()[1].find("\tKarim")),
            "m1\t2024-03-12\tp:karim-tazlani");
}

TEST_F(EventsE2e, CameoFormsExcludeEachOther) {
  RunResult r = Run({"read", article_, "--events-cameo", "--events-cameo-tsv"});
  EXPECT_EQ(r.exit_code, 2) << r;
}

}  // namespace
}  // namespace qantara::cli_test
