#include "text/legacy_encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "text/utf8.h"

namespace qantara::text {
namespace {

TEST(Cp1252ToUtf8, DecodesTheHighHalf) {
  EXPECT_EQ(Cp1252ToUtf8("CAF\xC9"), "CAFÉ");
  EXPECT_EQ(Cp1252ToUtf8("\x93quoted\x94 \x80"), "“quoted” €");
  EXPECT_EQ(Cp1252ToUtf8("\x81"), "\xEF\xBF\xBD");  // undefined in cp1252 -> U+FFFD
}

TEST(LegacyTextAsUtf8, DecodesOnlySingleByteFiles) {
  std::string storage;
  EXPECT_EQ(LegacyTextAsUtf8("CAF\xC9", &storage), "CAFÉ");
  EXPECT_EQ(LegacyTextAsUtf8("CAFÉ", &storage), "CAFÉ");  // already UTF-8
  // Mixed: real UTF-8 plus a stray byte is left for the reader to report.
  EXPECT_EQ(LegacyTextAsUtf8("CAFÉ \xFF", &storage), "CAFÉ \xFF");
}

TEST(Cp1252Byte, InvertsTheDecoding) {
  EXPECT_EQ(Cp1252Byte(0x20AC), 0x80);  // EURO SIGN
  EXPECT_EQ(Cp1252Byte(0x0178), 0x9F);  // LATIN CAPITAL LETTER Y WITH DIAERESIS
  EXPECT_EQ(Cp1252Byte(0x00E9), 0xE9);  // LATIN SMALL LETTER E WITH ACUTE
  EXPECT_EQ(Cp1252Byte('a'), -1);       // ASCII ends a run
  EXPECT_EQ(Cp1252Byte(0x0081), 0x81);  // C1 controls as latin-1 reads them
  EXPECT_EQ(Cp1252Byte(0x0627), -1);    // ARABIC LETTER ALEF
  for (int b = 0x80; b <= 0xFF; ++b) {  // every defined byte round-trips
    std::string utf8 = Cp1252ToUtf8(std::string(1, static_cast<char>(b)));
    if (utf8 == "\xEF\xBF\xBD") continue;
    size_t pos = 0;
    EXPECT_EQ(Cp1252Byte(DecodeUtf8(utf8, &pos)), b);
  }
}

TEST(LooksLikeSingleByteText, NeedsNoUtf8Sequence) {
  EXPECT_TRUE(LooksLikeSingleByteText("CAF\xC9"));
  EXPECT_FALSE(LooksLikeSingleByteText("CAF\xC3\x89"));       // valid UTF-8
  EXPECT_FALSE(LooksLikeSingleByteText("CAF\xC3\x89 \xFF"));  // one real sequence
}

}  // namespace
}  // namespace qantara::text
