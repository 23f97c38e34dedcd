#include "base/ascii.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qantara {
namespace {

TEST(CollapseSpaces, TrimsAndJoinsRuns) {
  EXPECT_EQ(CollapseSpaces("  National Identification\n      Number \t"),
            "National Identification Number");
  EXPECT_EQ(CollapseSpaces(""), "");
  EXPECT_EQ(CollapseSpaces(" \r\n "), "");
}

TEST(StripBom, RemovesUtf8Bom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFname"), "name");
  EXPECT_EQ(StripBom("name"), "name");
}

TEST(AsciiLower, LowersAsciiOnly) {
  EXPECT_EQ(AsciiLower("Content-Type \xC3\x89T\xC9"), "content-type \xC3\x89t\xC9");
  EXPECT_EQ(AsciiLower('Q'), 'q');
  EXPECT_EQ(AsciiLower('\xC9'), '\xC9');
}

TEST(EqualsIgnoreCase, ComparesAsciiCaseInsensitively) {
  EXPECT_TRUE(EqualsIgnoreCase("WARC-Type", "warc-type"));
  EXPECT_FALSE(EqualsIgnoreCase("WARC-Type", "warc-typ"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC9", "\xE9"));  // bytes >= 0x80 are not letters
  EXPECT_TRUE(StartsWithIgnoreCase("Bearer abc", "bearer "));
  EXPECT_FALSE(StartsWithIgnoreCase("Bear", "bearer "));
  EXPECT_TRUE(StartsWithIgnoreCase("x", ""));
}

TEST(TrimSpaces, TrimsAsciiWhitespaceOnly) {
  EXPECT_EQ(TrimSpaces(" \t a b \r\n"), "a b");
  EXPECT_EQ(TrimSpaces("\v\f"), "");
  EXPECT_EQ(TrimSpaces("\xC2\xA0" "a"), "\xC2\xA0" "a");  // NO-BREAK SPACE is not ASCII
}

TEST(SplitTrimmed, DropsEmptyPieces) {
  EXPECT_EQ(SplitTrimmed(" a ; ;b;", ';'), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(SplitTrimmed("", ',').empty());
}

}  // namespace
}  // namespace qantara
