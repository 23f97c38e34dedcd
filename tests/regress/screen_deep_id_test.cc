// Regression: `qantara screen` copied a record's "id" whatever its type and
// printed it back, so a line whose "id" was an array nested 200,000 deep
// ({"id": [[[[...]]]], "name": ...}) overflowed the stack (SIGSEGV) in
// nlohmann::json's recursive copy and dump. An "id" must now be a string or a
// number (DESIGN.md "Screening"); anything else is an error for that line.
#include <string>

#include "cli/queries.h"
#include "gtest/gtest.h"

namespace qantara::cli {
namespace {

std::string Nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(ScreenDeepId, DeeplyNestedIdIsALineErrorNotACrash) {
  std::vector<QueryRecord> records =
      ParseJsonlQueries("{\"id\": " + Nested(200000) +
                        ", \"name\": \"Abu Hamza\"}\n"
                        "{\"id\": \"q2\", \"name\": \"Abu Hamza\"}\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].id.is_null());
  EXPECT_NE(records[0].error.find("\"id\""), std::string::npos) << records[0].error;
  EXPECT_EQ(records[1].id, "q2");
  EXPECT_TRUE(records[1].error.empty());
}

TEST(ScreenDeepId, InvalidUtf8LineWithDeepIdDoesNotCrash) {
  std::vector<QueryRecord> records =
      ParseJsonlQueries("{\"id\": " + Nested(200000) + ", \"name\": \"Ab\xFF\"}\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].id.is_null());
  EXPECT_FALSE(records[0].error.empty());
}

TEST(ScreenDeepId, OnlyStringsAndNumbersAreIds) {
  std::vector<QueryRecord> records = ParseJsonlQueries(
      "{\"id\": \"a\", \"name\": \"X Y\"}\n"
      "{\"id\": 7, \"name\": \"X Y\"}\n"
      "{\"id\": null, \"name\": \"X Y\"}\n"
      "{\"id\": {\"k\": 1}, \"name\": \"X Y\"}\n"
      "{\"id\": true, \"name\": \"X Y\"}\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].id, "a");
  EXPECT_EQ(records[0].query.id, "a");
  EXPECT_EQ(records[1].id, 7);
  EXPECT_EQ(records[1].query.id, "7");
  EXPECT_TRUE(records[2].error.empty());
  EXPECT_TRUE(records[2].id.is_null());
  for (size_t i : {3, 4}) {
    EXPECT_TRUE(records[i].id.is_null());
    EXPECT_NE(records[i].error.find("\"id\" must be a string or a number"), std::string::npos);
  }
}

}  // namespace
}  // namespace qantara::cli
