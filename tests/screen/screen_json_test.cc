// The screening contract's JSON forms (screen/screen_json.h), shared by the
// CLI and the service.
#include "screen/screen_json.h"

#include <gtest/gtest.h>

#include "tests/screen/test_lists.h"

namespace qantara::screen {
namespace {

Status Read(const char* json, Query* q) { return QueryFromJson(nlohmann::json::parse(json), q); }

TEST(QueryFromJson, ReadsEveryField) {
  Query q;
  ASSERT_TRUE(Read(R"({"id": 7, "name": "Zayd al-Fulani", "schema": "Person", "birth_date": 1975,
                       "nationality": "iq", "gender": "M", "id_number": "Z1", "extra": true})",
                   &q)
                  .ok());
  EXPECT_EQ(q.id, "7");
  EXPECT_EQ(q.name, "Zayd al-Fulani");
  EXPECT_EQ(q.schema, lists::Schema::kPerson);
  EXPECT_EQ(q.birth_date, "1975");
  EXPECT_EQ(q.nationality, "iq");
  EXPECT_EQ(q.gender, "male");
  EXPECT_EQ(q.id_number, "Z1");
  Query any;
  ASSERT_TRUE(Read(R"({"name": "X", "schema": "Any"})", &any).ok());
  EXPECT_FALSE(any.schema.has_value());
}

TEST(QueryFromJson, ErrorsNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"name": "X", "schema": "Boat"})", "schema"},
      {R"({"name": "X", "birth_date": "31/31/31"})", "birth_date"},
      {R"({"name": " "})", "name"},
      {R"({"name": 5})", "name"},
      {R"({"name": "X", "id": [1]})", "id"},
      {R"({"name": "X", "gender": "other"})", "gender"},
  };
  for (const auto& [json, field] : cases) {
    Query q;
    Status s = Read(json, &q);
    ASSERT_FALSE(s.ok()) << json;
    EXPECT_NE(s.message().find(field), std::string::npos) << json << ": " << s.message();
  }
  Query q;
  EXPECT_FALSE(QueryFromJson(nlohmann::json::parse("[1, 2]"), &q).ok());
}

TEST(MatchToJson, ContractFieldsAndExplanation) {
  auto index = CandidateIndex::Build(testing::CuratedEntities());
  Screener screener(std::move(index), ScreenOptions());
  ScreenScratch scratch;
  Query q;
  q.name = "Zayd Qasim al-Fulani";
  auto r = screener.Screen(q, &scratch);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->matches.empty());
  nlohmann::ordered_json j = MatchToJson(screener.index(), r->matches[0]);
  for (const char* field : {"entity", "list", "ref", "schema", "caption", "name", "score", "explanation"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  EXPECT_EQ(j["entity"], "test:P1");
  EXPECT_GE(j["score"].get<double>(), 0.9);
  EXPECT_TRUE(j["explanation"]["tokens"].is_array());
  EXPECT_NE(j["explanation"]["model"].get<std::string>().find("qantara-name-qualifiers"), std::string::npos);
}

}  // namespace
}  // namespace qantara::screen
