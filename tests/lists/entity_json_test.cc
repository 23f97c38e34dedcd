#include "lists/entity_json.h"

#include <gtest/gtest.h>

#include "lists/reader.h"
#include "tests/lists/list_test_files.h"

namespace qantara::lists {
namespace {

Entity RichEntity() {
  Entity e;
  e.list = "un";
  e.ref = "QDi.901";
  e.schema = Schema::kPerson;
  e.caption = "ZAYD QASIM AL-FULANI";
  e.names = {{"ZAYD QASIM AL-FULANI", NameKind::kPrimary},
             {"زيد قاسم الفلاني", NameKind::kOriginalScript},
             {"Zayd \"the Quiet\" al-Fulani\\", NameKind::kAlias},
             {"Abu Hamza\t", NameKind::kWeakAlias}};
  e.birth_dates = {*PartialDate::Parse("1971-07-28"), *PartialDate::Parse("1960/1962"),
                   *PartialDate::Parse("1970-01")};
  e.nationalities = {"iq", "jo"};
  e.gender = "male";
  e.ids = {{"passport", "A1234567", "iq"}, {"national_id", "0099887", ""}};
  e.programs = {"Al-Qaida"};
  e.listed_on = "2011-10-05";
  return e;
}

TEST(EntityToJson, WritesTheContractForm) {
  Entity e;
  e.list = "ofac";
  e.ref = "7";
  e.schema = Schema::kVessel;
  e.caption = "SEA FALCON";
  e.names = {{"SEA FALCON", NameKind::kPrimary}};
  EXPECT_EQ(
      EntityToJson(e),
      "{\"id\":\"ofac:7\",\"list\":\"ofac\",\"ref\":\"7\",\"schema\":\"Vessel\","
      "\"caption\":\"SEA FALCON\",\"names\":[{\"value\":\"SEA FALCON\",\"kind\":\"primary\"}],"
      "\"birth_dates\":[],\"nationalities\":[],\"gender\":\"\",\"ids\":[],\"programs\":[],"
      "\"listed_on\":\"\"}");
}

TEST(EntityToJson, EscapesAndStaysOneLine) {
  std::string json = EntityToJson(RichEntity());
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_NE(json.find("\\\"the Quiet\\\""), std::string::npos);
  EXPECT_NE(json.find("al-Fulani\\\\"), std::string::npos);
  EXPECT_NE(json.find("Abu Hamza\\t"), std::string::npos);
  EXPECT_NE(json.find("زيد قاسم الفلاني"), std::string::npos);  // UTF-8 kept as is
}

TEST(EntityToJson, ScrubsInvalidUtf8) {
  Entity e = RichEntity();
  e.caption = "bad \xFF byte";
  std::string json = EntityToJson(e);
  EXPECT_NE(json.find("bad \xEF\xBF\xBD byte"), std::string::npos);
  EXPECT_TRUE(EntityFromJson(json).ok());
}

TEST(EntityJson, RoundTripsARichEntity) {
  Entity e = RichEntity();
  Result<Entity> back = EntityFromJson(EntityToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, e);
}

// Export every fixture entity, import it again: the same entities come back.
TEST(EntityJson, RoundTripsEveryFixtureEntity) {
  using testing::Fixture;
  Result<LoadResult> loaded =
      LoadLists({Fixture("un_small.xml"), Fixture("ofac_sdn.csv"), Fixture("ofac_alt.csv"),
                 Fixture("ofac_nonsdn.xml"), Fixture("eu_small.xml"), Fixture("uk_conlist.csv"),
                 Fixture("entities.jsonl"), Fixture("inhouse.csv")});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_GT(loaded->entities.size(), 20u);
  std::string jsonl;
  for (const Entity& e : loaded->entities) {
    Result<Entity> back = EntityFromJson(EntityToJson(e));
    ASSERT_TRUE(back.ok()) << e.id() << ": " << back.status().ToString();
    EXPECT_EQ(*back, e) << EntityToJson(e);
    jsonl += EntityToJson(e) + "\n";
  }
  // And through the JSONL reader: a file of exported entities loads back unchanged.
  testing::ScratchDir dir;
  Result<LoadResult> reloaded = LoadLists({dir.Write("export.jsonl", jsonl)});
  ASSERT_TRUE(reloaded.ok()) << reloaded.status().ToString();
  EXPECT_EQ(reloaded->entities, loaded->entities);
  EXPECT_TRUE(reloaded->issues.empty());
}

TEST(EntityFromJson, FillsDefaults) {
  Result<Entity> e = EntityFromJson(
      R"({"id": "watch:W-9", "names": [{"value": "Zayd"}, {"value": "Zaid"}], "nationalities": ["Iraq", "JO"]})");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->list, "watch");
  EXPECT_EQ(e->ref, "W-9");
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[1].kind, NameKind::kAlias);
  EXPECT_EQ(e->nationalities, (std::vector<std::string>{"iq", "jo"}));
}

TEST(EntityFromJson, CaptionAloneIsAName) {
  Result<Entity> e = EntityFromJson(
      R"({"ref": "1", "caption": "Blue Harbour Shipping", "schema": "Organisation"})");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_EQ(e->names.size(), 1u);
  EXPECT_EQ(e->names[0].value, "Blue Harbour Shipping");
  EXPECT_EQ(e->schema, Schema::kOrganization);
}

struct BadJsonCase {
  const char* line;
  const char* field;  // must appear in the error message
};

TEST(EntityFromJson, ErrorsNameTheField) {
  const BadJsonCase cases[] = {
      {R"({"ref": "1", "names": [{"value": "Z"}], "schema": "Dragon"})", "\"schema\""},
      {R"({"ref": "1", "names": "Zayd"})", "\"names\""},
      {R"({"ref": "1", "names": [{"value": 7}]})", "\"names[0].value\""},
      {R"({"ref": "1", "names": [{"value": "Z", "kind": "nickname"}]})", "\"names[0].kind\""},
      {R"({"ref": "1", "names": [{"value": "Z"}], "birth_dates": ["1971", "31/02/1970"]})",
       "\"birth_dates[1]\""},
      {R"({"ref": "1", "names": [{"value": "Z"}], "nationalities": ["Narnia"]})",
       "\"nationalities[0]\""},
      {R"({"ref": "1", "names": [{"value": "Z"}], "gender": "robot"})", "\"gender\""},
      {R"({"ref": "1", "names": [{"value": "Z"}], "ids": [{"type": "passport"}]})",
       "\"ids[0].number\""},
      {R"({"ref": "1", "names": [{"value": "Z"}], "listed_on": "yesterday"})", "\"listed_on\""},
      {R"({"ref": "1", "names": [{"value": "Z"}], "programs": [1]})", "\"programs[0]\""},
      {R"({"ref": 12, "names": [{"value": "Z"}]})", "\"ref\""},
      {R"({"id": "a:1", "list": "b", "names": [{"value": "Z"}]})", "\"id\""},
      {R"({"ref": "1"})", "\"names\""},
  };
  for (const BadJsonCase& c : cases) {
    Result<Entity> e = EntityFromJson(c.line);
    ASSERT_FALSE(e.ok()) << c.line;
    EXPECT_EQ(e.status().code(), StatusCode::kCorruption);
    EXPECT_NE(e.status().message().find(c.field), std::string::npos)
        << c.line << " -> " << e.status().message();
  }
}

TEST(EntityFromJson, RejectsNonObjects) {
  EXPECT_FALSE(EntityFromJson("[1, 2]").ok());
  EXPECT_FALSE(EntityFromJson("{\"ref\": ").ok());
  EXPECT_FALSE(EntityFromJson("").ok());
  EXPECT_NE(EntityFromJson("{oops}").status().message().find("invalid JSON"), std::string::npos);
}

}  // namespace
}  // namespace qantara::lists
