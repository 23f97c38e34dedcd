// Bug (found by fuzz/fuzz_query_jsonl, fixed in io/csv.cc): io::CsvReader ends a
// record at a bare CR (old Mac line ends, "CSV (Macintosh)" exports) but counts
// lines only at LF, so every record of such a file reports line 1, and the
// error objects of `qantara screen` (and the issues of the CSV list readers)
// name the wrong line.
#include <string>
#include <vector>

#include "cli/queries.h"
#include "gtest/gtest.h"
#include "io/csv.h"

namespace qantara {
namespace {

TEST(CsvBareCrLineNumbers, EachCrEndedRecordHasItsOwnLine) {
  io::CsvReader reader("id,name\rq1,Abu Hamza\rq2,Zayd\r");
  std::vector<std::string> fields;
  std::vector<size_t> lines;
  while (reader.Next(&fields)) lines.push_back(reader.line());
  EXPECT_EQ(lines, (std::vector<size_t>{1, 2, 3}));
}

TEST(CsvBareCrLineNumbers, ScreenErrorsNameTheirLine) {
  auto records = cli::ParseCsvQueries("id,name\rq1,Abu Hamza\rq2\r");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[1].line, 3u);
  EXPECT_FALSE((*records)[1].error.empty());
}

}  // namespace
}  // namespace qantara
