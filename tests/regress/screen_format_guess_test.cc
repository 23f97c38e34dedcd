// Regression: `qantara screen` guessed the input format from the first
// non-blank character only, so a JSON Lines input whose first line was
// malformed ("oops", "[1]") was read as CSV and the whole run failed with
// 'CSV header has no "name" column' (exit 2) instead of reporting that line and
// going on (DESIGN.md "Screening"); an empty .jsonl input failed with "CSV
// input is empty" instead of giving no output.
#include <string>

#include "cli/queries.h"
#include "gtest/gtest.h"

namespace qantara::cli {
namespace {

TEST(ScreenFormatGuess, JsonlWithMalformedFirstLineStaysJsonl) {
  const std::string jsonl = "oops\n{\"id\": \"q2\", \"name\": \"Abu Hamza\"}\n";
  EXPECT_EQ(GuessQueryFormat("queries.jsonl", jsonl), "jsonl");
  EXPECT_EQ(GuessQueryFormat("queries.ndjson", jsonl), "jsonl");
  EXPECT_EQ(GuessQueryFormat("-", jsonl), "jsonl");
  EXPECT_EQ(GuessQueryFormat("queries.txt", "[1, 2]\n  {\"name\": \"Abu Hamza\"}\n"), "jsonl");
  EXPECT_EQ(ParseJsonlQueries(jsonl).size(), 2u);
}

TEST(ScreenFormatGuess, BlankInputIsJsonlWithNoRecords) {
  EXPECT_EQ(GuessQueryFormat("queries.jsonl", ""), "jsonl");
  EXPECT_EQ(GuessQueryFormat("-", "\n \r\n"), "jsonl");
  EXPECT_TRUE(ParseJsonlQueries("\n \r\n").empty());
}

TEST(ScreenFormatGuess, CsvIsStillCsv) {
  EXPECT_EQ(GuessQueryFormat("-", "id,name\nq1,Abu Hamza\n"), "csv");
  EXPECT_EQ(GuessQueryFormat("-", "\xEF\xBB\xBFname,birth_date\r\nAbu Hamza,1975\r\n"), "csv");
  EXPECT_EQ(GuessQueryFormat("batch.CSV", "surname\nFulani\n"), "csv");
  // No "name" column and no JSON line: CSV, so that the CSV error explains the problem.
  EXPECT_EQ(GuessQueryFormat("-", "id,surname\nq1,Fulani\n"), "csv");
  // Content that is plainly JSON Lines wins over the extension.
  EXPECT_EQ(GuessQueryFormat("batch.csv", "{\"name\": \"Abu Hamza\"}\n"), "jsonl");
}

}  // namespace
}  // namespace qantara::cli
