#include "lists/field_text.h"

#include <gtest/gtest.h>

namespace qantara::lists {
namespace {

TEST(CollapseSpaces, TrimsAndJoinsRuns) {
  EXPECT_EQ(CollapseSpaces("  National Identification\n      Number \t"),
            "National Identification Number");
  EXPECT_EQ(CollapseSpaces(""), "");
  EXPECT_EQ(CollapseSpaces(" \r\n "), "");
}

TEST(NaturalOrderName, TurnsLastCommaFirst) {
  EXPECT_EQ(NaturalOrderName("AYDAR, Zubayir"), "Zubayir AYDAR");
  EXPECT_EQ(NaturalOrderName("AL-BADRI, Ibrahim Awwad Ibrahim Ali"),
            "Ibrahim Awwad Ibrahim Ali AL-BADRI");
  EXPECT_EQ(NaturalOrderName("DELOS REYES, Feliciano Semborio, Jr."),
            "Feliciano Semborio DELOS REYES Jr.");
  // Not "LAST, First": left as published.
  EXPECT_EQ(NaturalOrderName("HANIYA"), "HANIYA");
  EXPECT_EQ(NaturalOrderName("A, B, C"), "A, B, C");
  EXPECT_EQ(NaturalOrderName(", Zayd"), ", Zayd");
  EXPECT_EQ(NaturalOrderName("ZAYD,QASIM"), "ZAYD,QASIM");
}

TEST(SplitNumberedItems, ReadsUkEnumerations) {
  EXPECT_EQ(SplitNumberedItems("(1) 223611 (2) C00146605"),
            (std::vector<std::string>{"223611", "C00146605"}));
  EXPECT_EQ(SplitNumberedItems("(1) Iraq. (2) Jordan."),
            (std::vector<std::string>{"Iraq", "Jordan"}));
  EXPECT_EQ(SplitNumberedItems("Iraq"), (std::vector<std::string>{"Iraq"}));
  EXPECT_EQ(SplitNumberedItems("Congo (Democratic Republic)"),
            (std::vector<std::string>{"Congo (Democratic Republic)"}));
  EXPECT_TRUE(SplitNumberedItems("").empty());
}

TEST(NormalizeGender, AcceptsListSpellings) {
  EXPECT_EQ(NormalizeGender("Male"), "male");
  EXPECT_EQ(NormalizeGender("FEMALE"), "female");
  EXPECT_EQ(NormalizeGender("M"), "male");
  EXPECT_EQ(NormalizeGender("f."), "female");
  EXPECT_EQ(NormalizeGender("unknown"), "");
  EXPECT_EQ(NormalizeGender(""), "");
}

TEST(HasNonLatinLetters, TellsScriptsApart) {
  EXPECT_FALSE(HasNonLatinLetters("Zayd Qasim al-Fulani"));
  EXPECT_FALSE(HasNonLatinLetters("Dr. Ibrahim ‘Awwad ’Ali"));  // curly quotes are punctuation
  EXPECT_FALSE(HasNonLatinLetters("Café Norteño Şahin"));
  EXPECT_TRUE(HasNonLatinLetters("زيد قاسم"));
  EXPECT_TRUE(HasNonLatinLetters("Зайд"));
  EXPECT_TRUE(HasNonLatinLetters("Abu 张"));
}

TEST(SplitMixedScriptName, SplitsBothDirections) {
  std::string non_latin;
  std::vector<std::string> latin;
  ASSERT_TRUE(SplitMixedScriptName("أبو حمزة (Abu Hamza; Abou Hamza)", &non_latin, &latin));
  EXPECT_EQ(non_latin, "أبو حمزة");
  EXPECT_EQ(latin, (std::vector<std::string>{"Abu Hamza", "Abou Hamza"}));
  non_latin.clear();
  latin.clear();
  ASSERT_TRUE(SplitMixedScriptName("Zayd al-Fulani (زيد الفلاني ),", &non_latin, &latin));
  EXPECT_EQ(non_latin, "زيد الفلاني");
  EXPECT_EQ(latin, (std::vector<std::string>{"Zayd al-Fulani"}));
  EXPECT_FALSE(SplitMixedScriptName("Zayd (junior)", &non_latin, &latin));
  EXPECT_FALSE(SplitMixedScriptName("زيد", &non_latin, &latin));
}

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

TEST(StripBom, RemovesUtf8Bom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFname"), "name");
  EXPECT_EQ(StripBom("name"), "name");
}

}  // namespace
}  // namespace qantara::lists
