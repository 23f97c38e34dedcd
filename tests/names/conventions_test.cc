// Spelling conventions (names/internal/conventions.h through ParseName): a
// name written in German, Polish, French, Latvian, Czech or Turkish spelling,
// or in Wade-Giles or pinyin, gives the words of its English (or Wade-Giles)
// spelling; names in no such convention keep theirs. The names are made up.
#include <gtest/gtest.h>

#include <string>

#include "names/compare.h"
#include "names/internal/conventions.h"
#include "names/name.h"

namespace qantara::names {
namespace {

// The matching forms of a name's tokens, space-separated.
std::string Words(const std::string& raw) {
  std::string out;
  for (const NameToken& t : ParseName(raw).tokens) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

TEST(Conventions, SlavicNamesInGermanPolishFrenchLatvianAndCzechSpelling) {
  const std::string english = Words("Yuriy Petrovich Kravchuk");
  EXPECT_EQ(english, "yuriy petrovich kravchuk");
  EXPECT_EQ(Words("Jurij Petrowitsch Krawtschuk"), english);          // German
  EXPECT_EQ(Words("Jurij Petrowicz Krawczuk"), english);              // Polish
  EXPECT_EQ(Words("Jurijs Petrovi\u010ds Krav\u010duks"), english);   // Latvian, carons
  EXPECT_EQ(Words("Jurij Petrovi\u010d Krav\u010duk"), english);      // Czech
  EXPECT_EQ(Words("Svetlana Orlova"), Words("Swetlana Orlowa"));
  EXPECT_EQ(Words("Mikhail Gorbunov"), Words("Mikhail Gorbounoff"));  // French
  EXPECT_EQ(Words("Khlebtsov"), Words("Chlebzow Nikolajewitsch").substr(0, 9));
}

TEST(Conventions, ArabicNamesKeepTheirSpelling) {
  // A j at a word's start, rz, and German-looking letters in Arabic names
  // are not a convention's marks.
  EXPECT_EQ(Words("Jamal Juburi"), "jamal juburi");
  EXPECT_EQ(Words("Mirza Noorzai"), "mirza noorzai");
  EXPECT_EQ(Words("Salih Ali Darwiche"), "salih ali darwiche");
  // Turkish spelling is read: c is j (Recep, Cemal).
  EXPECT_EQ(Words("Cemal Tay\u015f\u0131"), Words("Jemal Tayshi"));
}

TEST(Conventions, KnownWordsKeepTheirSpelling) {
  // German "sch" marks the name, not the legal form.
  const ParsedName name = ParseName("Wolkow Aktiengesellschaft");
  ASSERT_EQ(name.tokens.size(), 2u);
  EXPECT_EQ(name.tokens[0].text, "volkov");
  EXPECT_EQ(name.tokens[1].role, TokenRole::kLegalForm);
}

TEST(Conventions, WadeGilesIsReadInPinyin) {
  EXPECT_EQ(Words("Teng Chih-chiang"), "deng zhi jiang");
  EXPECT_EQ(Words("HSIEH Kuo-ping"), "xie guo bing");
  EXPECT_EQ(Words("Chu Jung"), "zhu rong");
  // Pinyin, and what text/ writes for Han, keep their spelling.
  EXPECT_EQ(Words("Xie Guoping"), "xie guoping");
  EXPECT_EQ(Words("\u8c22\u56fd\u5e73"), "xie guo ping");
  // Words that are also syllables, in names that are not Chinese.
  EXPECT_EQ(Words("Anna Lee"), "anna lee");
  EXPECT_EQ(Words("Dan Ben Ali"), "dan ben ali");
  EXPECT_EQ(Words("Wali Jan"), "wali jan");
}

TEST(Conventions, DetectNamesTheConvention) {
  auto detect = [](const std::string& written, std::vector<std::string> words) {
    const int c = conventions::Detect(written, words);
    return c < 0 ? std::string("none") : std::string(conventions::Name(c));
  };
  EXPECT_EQ(detect("Tschernow", {"tschernow"}), "de");
  EXPECT_EQ(detect("Szewczyk", {"szewczyk"}), "pl");
  EXPECT_EQ(detect("Kovalovs", {"kovalovs"}), "lv");
  EXPECT_EQ(detect("Tchernov", {"tchernov"}), "fr");
  EXPECT_EQ(detect("Grigorij", {"grigorij"}), "slavic");
  EXPECT_EQ(detect("Grigoriy", {"grigoriy"}), "none");
  EXPECT_EQ(conventions::Rewrite(conventions::Detect("Tschernow", {"tschernow"}), "tschernow"),
            "chernov");
}

TEST(Conventions, SpellingsCompareAsOne) {
  constexpr CompareOptions kOptions{0.7, 0.85, 0.95};
  const ParsedName a = ParseName("Wladimir Krawtschuk");
  const ParsedName b = ParseName("Vladimir Kravchuk");
  const NameEvidence e = CompareNames(a, b, kOptions);
  ASSERT_EQ(e.pairs.size(), 2u);
  for (const AlignedPair& p : e.pairs) EXPECT_EQ(p.measure, Measure::kExact);
}

}  // namespace
}  // namespace qantara::names
