#include "lists/internal/field_forms.h"

#include <gtest/gtest.h>

namespace qantara::lists {
namespace {

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

TEST(CountriesIn, SplitsEnumerationsButNotNames) {
  CountryList a = CountriesIn("(1) Iraq (2) Jordan");
  EXPECT_EQ(a.codes, (std::vector<std::string>{"iq", "jo"}));
  EXPECT_TRUE(a.unknown.empty());
  CountryList b = CountriesIn("Central African Republic. South Sudan");
  EXPECT_EQ(b.codes, (std::vector<std::string>{"cf", "ss"}));
  CountryList c = CountriesIn("Congo, Democratic Republic of the");
  EXPECT_EQ(c.codes, (std::vector<std::string>{"cd"}));
  CountryList d = CountriesIn("Estonia, Russia");
  EXPECT_EQ(d.codes, (std::vector<std::string>{"ee", "ru"}));
  CountryList e = CountriesIn("(1) Uganda (2) Uganda (3)Uganda");
  EXPECT_EQ(e.codes, (std::vector<std::string>{"ug"}));
  CountryList f = CountriesIn("Iraq; Narnia");
  EXPECT_EQ(f.codes, (std::vector<std::string>{"iq"}));
  EXPECT_EQ(f.unknown, (std::vector<std::string>{"Narnia"}));
}

}  // namespace
}  // namespace qantara::lists
