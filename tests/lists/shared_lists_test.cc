// The real official files in ../shared/data/lists (see SOURCES.md "lists"):
// every record becomes one entity. Labelled `large`; skipped when the data is absent.
//
// How the expected counts were taken from the files themselves:
//   UN   un_consolidated.xml           grep -c '<INDIVIDUAL>' (727) + grep -c '<ENTITY>' (273)
//   OFAC ofac_sdn.csv                  rows with 12 columns (python csv, cp1252): 14,965
//   OFAC ofac_consolidated_nonsdn.xml  grep -c '<sdnEntry>': 443 (= its Record_Count)
//   UK   uk_conlist.csv                distinct "Group ID" values: 4,688
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>

#include "lists/entity_json.h"
#include "lists/reader.h"

namespace qantara::lists {
namespace {

const std::string kDir = std::string(QANTARA_SHARED_DIR) + "/data/lists/";

class SharedLists : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kDir + "un_consolidated.xml")) {
      GTEST_SKIP() << "no shared list data at " << kDir;
    }
  }

  static std::map<Schema, size_t> CountBySchema(const LoadResult& r, const std::string& list) {
    std::map<Schema, size_t> out;
    for (const Entity& e : r.entities) {
      if (e.list == list) ++out[e.schema];
    }
    return out;
  }
};

TEST_F(SharedLists, UnEveryRecordIsAnEntity) {
  Result<LoadResult> r = LoadLists({kDir + "un_consolidated.xml"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 1000u);
  EXPECT_EQ(r->sources[0].records, 1000u);
  EXPECT_EQ(r->sources[0].published, "2025-11-20");
  auto by_schema = CountBySchema(*r, "un");
  EXPECT_EQ(by_schema[Schema::kPerson], 727u);
  EXPECT_EQ(by_schema[Schema::kOrganization], 273u);
}

TEST_F(SharedLists, OfacCsvSetEverySdnRowIsAnEntity) {
  Result<LoadResult> r =
      LoadLists({kDir + "ofac_sdn.csv", kDir + "ofac_alt.csv", kDir + "ofac_add.csv"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 14965u);
  auto by_schema = CountBySchema(*r, "ofac");
  EXPECT_EQ(by_schema[Schema::kPerson], 6854u);
  EXPECT_EQ(by_schema[Schema::kOrganization], 6884u);
  EXPECT_EQ(by_schema[Schema::kVessel], 851u);
  EXPECT_EQ(by_schema[Schema::kAircraft], 376u);
  EXPECT_EQ(r->sources[1].records, 19486u);  // alt rows
  EXPECT_EQ(r->sources[2].records, 22641u);  // add rows
  // alt/add are ~8 months newer than sdn: their orphan rows are issues, not errors.
  size_t orphans = 0;
  for (const LoadIssue& i : r->issues)
    orphans += i.message.find("no such entry in sdn.csv") != std::string::npos;
  EXPECT_GT(orphans, 945u);
}

TEST_F(SharedLists, OfacNonSdnXmlEveryEntryIsAnEntity) {
  Result<LoadResult> r = LoadLists({kDir + "ofac_consolidated_nonsdn.xml"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 443u);
  EXPECT_EQ(r->sources[0].published, "2025-03-28");
  auto by_schema = CountBySchema(*r, "ofac");
  EXPECT_EQ(by_schema[Schema::kPerson], 80u);
  EXPECT_EQ(by_schema[Schema::kOrganization], 363u);
}

TEST_F(SharedLists, UkOneEntityPerGroupId) {
  Result<LoadResult> r = LoadLists({kDir + "uk_conlist.csv"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 4688u);
  EXPECT_EQ(r->sources[0].published, "2025-04-14");
  auto by_schema = CountBySchema(*r, "uk");
  EXPECT_EQ(by_schema[Schema::kPerson], 3663u);
  EXPECT_EQ(by_schema[Schema::kOrganization], 1010u);
  EXPECT_EQ(by_schema[Schema::kVessel], 15u);
}

TEST_F(SharedLists, AllTogether) {
  auto start = std::chrono::steady_clock::now();
  Result<LoadResult> r = LoadLists(
      {kDir + "un_consolidated.xml", kDir + "ofac_sdn.csv", kDir + "ofac_alt.csv",
       kDir + "ofac_add.csv", kDir + "ofac_consolidated_nonsdn.xml", kDir + "uk_conlist.csv"});
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // 61 OFAC parties are on both the SDN list (sdn.csv) and the non-SDN list under
  // the same uid (checked with python: set(sdn ent_num) & set(non-SDN uid));
  // they are merged into one entity each.
  size_t records = 0;
  for (const ListSource& s : r->sources) {
    if (s.format != Format::kOfacAltCsv && s.format != Format::kOfacAddCsv) records += s.records;
  }
  EXPECT_EQ(records, 1000u + 14965u + 443u + 4688u);
  EXPECT_EQ(r->entities.size(), records - 61);
  for (const Entity& e : r->entities) {
    ASSERT_FALSE(e.names.empty()) << e.id();
    ASSERT_EQ(e.names[0].kind == NameKind::kPrimary ||
                  std::any_of(e.names.begin(), e.names.end(),
                              [](const EntityName& n) { return n.kind == NameKind::kPrimary; }),
              true)
        << e.id();
    ASSERT_FALSE(e.caption.empty()) << e.id();
  }
  // Every real entity survives export -> import unchanged.
  size_t round_trip_failures = 0;
  for (const Entity& e : r->entities) {
    Result<Entity> back = EntityFromJson(EntityToJson(e));
    if (!back.ok() || !(*back == e)) {
      if (++round_trip_failures <= 3) ADD_FAILURE() << "round trip changed " << EntityToJson(e);
    }
  }
  EXPECT_EQ(round_trip_failures, 0u);
  // Informational (timings are never asserted: STYLE.md).
  RecordProperty("load_ms", std::to_string(ms));
  std::printf("loaded %zu entities from 6 files in %.0f ms (%zu issues)\n", r->entities.size(), ms,
              r->issues.size());
}

}  // namespace
}  // namespace qantara::lists
