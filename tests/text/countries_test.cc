#include "text/countries.h"

#include <gtest/gtest.h>

namespace qantara::text {
namespace {

struct CountryCase {
  const char* name;
  const char* code;  // "" = unknown
};

// Names as the four lists write them, plus case, accent and punctuation variants.
constexpr CountryCase kCountryCases[] = {
    {"Iraq", "iq"},
    {"IRAQ", "iq"},
    {"Iraqi", "iq"},
    {"Afghan", "af"},
    {"Syrian Arab Republic", "sy"},
    {"Syria", "sy"},
    {"Iran (Islamic Republic of)", "ir"},
    {"Iran, Islamic Republic of", "ir"},
    {"Russian Federation", "ru"},
    {"Russia", "ru"},
    {"Democratic Republic of the Congo", "cd"},
    {"Congo, Democratic Republic of the", "cd"},
    {"Congo (Democratic Republic)", "cd"},
    {"Congo", "cg"},
    {"United Kingdom of Great Britain and Northern Ireland", "gb"},
    {"United Kingdom", "gb"},
    {"UK", "gb"},
    {"Türkiye", "tr"},
    {"TÜRKIYE", "tr"},
    {"Turkiye", "tr"},
    {"Turkey", "tr"},
    {"Viet Nam", "vn"},
    {"Vietnam", "vn"},
    {"Korea, North", "kp"},
    {"Democratic People's Republic of Korea", "kp"},
    {"Democratic People’s Republic of Korea", "kp"},  // typographic apostrophe
    {"Korea, South", "kr"},
    {"Côte d'Ivoire", "ci"},
    {"Cote d'Ivoire", "ci"},
    {"Palestinian", "ps"},
    {"State of Palestine", "ps"},
    {"Burma", "mm"},
    {"The Gambia", "gm"},
    {"the Gambia.", "gm"},
    {"  Germany  ", "de"},
    {"United States of America", "us"},
    {"Tanzania", "tz"},
    {"Kosovo", "xk"},
    {"Narnia", ""},
    {"na", ""},  // UN's "not available", not Namibia
    {"IQ", ""},  // codes are not names (see IsCountryCode)
    {"", ""},
};

TEST(CountryCode, KnowsListVariants) {
  for (const CountryCase& c : kCountryCases) {
    EXPECT_EQ(CountryCode(c.name), c.code) << "name \"" << c.name << "\"";
  }
}

TEST(CountryCode, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(FoldCountryName("TÜRKIYE"), "turkiye");
  EXPECT_EQ(FoldCountryName("Côte d'Ivoire"), "cote divoire");
  EXPECT_EQ(FoldCountryName("the Gambia."), "gambia");
  EXPECT_EQ(FoldCountryName("Guinea-Bissau"), "guinea bissau");
  EXPECT_EQ(FoldCountryName("Curaçao"), "curacao");
}

TEST(IsCountryCode, AcceptsKnownCodesInAnyCase) {
  EXPECT_TRUE(IsCountryCode("IQ"));
  EXPECT_TRUE(IsCountryCode("iq"));
  EXPECT_TRUE(IsCountryCode("xk"));
  EXPECT_FALSE(IsCountryCode("00"));
  EXPECT_FALSE(IsCountryCode("zz"));
  EXPECT_FALSE(IsCountryCode("irq"));
}

}  // namespace
}  // namespace qantara::text
