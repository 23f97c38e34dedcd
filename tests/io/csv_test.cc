#include "io/csv.h"

#include <gtest/gtest.h>

namespace qantara::io {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvReader, ReadsQuotedFieldsAndLineNumbers) {
  CsvReader csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n1,\"two\nlines\",3\n-0- ,x,\n");
  Fields f;
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_EQ(csv.line(), 1u);
  EXPECT_EQ(f, (Fields{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(csv.raw(), "a,\"b, c\",\"say \"\"hi\"\"\"");
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_EQ(csv.line(), 3u);
  EXPECT_EQ(f, (Fields{"1", "two\nlines", "3"}));
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_EQ(csv.line(), 5u);
  EXPECT_EQ(f, (Fields{"-0- ", "x", ""}));
  EXPECT_FALSE(csv.Next(&f));
}

TEST(CsvReader, ReportsUnterminatedQuote) {
  CsvReader csv("a,\"never closed\nstill going");
  Fields f;
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_TRUE(csv.unterminated_quote());
  EXPECT_EQ(f, (Fields{"a", "never closed\nstill going"}));
  EXPECT_FALSE(csv.Next(&f));
}

TEST(CsvReader, ReusesFieldVector) {
  CsvReader csv("a,b,c,d\ne\n");
  Fields f;
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_EQ(f.size(), 4u);
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_EQ(f, (Fields{"e"}));
}

TEST(CsvReader, ReadsTabSeparated) {
  CsvReader csv("name\tid\nZayd\tZ-1\n", '\t');
  Fields f;
  ASSERT_TRUE(csv.Next(&f));
  ASSERT_TRUE(csv.Next(&f));
  EXPECT_EQ(f, (Fields{"Zayd", "Z-1"}));
}

}  // namespace
}  // namespace qantara::io
