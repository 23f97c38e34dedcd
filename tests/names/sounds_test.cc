#include "names/sounds.h"

#include <gtest/gtest.h>

#include "names/name.h"

namespace qantara::names {
namespace {

const NameToken& Token(const ParsedName& p) { return p.tokens.at(0); }

double Sim(const char* a, const char* b) {
  ParsedName pa = ParseName(a), pb = ParseName(b);
  return SoundSimilarity(Token(pa).sounds, Token(pb).sounds,
                         Token(pa).script != Token(pb).script);
}

TEST(PhoneticSounds, GoldenValues) {
  const std::pair<const char*, const char*> kGolden[] = {
      {"Mahmoud", "MaHMUD"}, {"Hussein", "HuSeIN"}, {"Husayn", "HuSaIN"}, {"Ayyub", "aYuB"},
      {"Ouali", "WaLi"},     {"Nail", "NaIL"},       {"Fatima", "FaTiMa"},
  };
  for (const auto& [word, sounds] : kGolden) EXPECT_EQ(Token(ParseName(word)).sounds, sounds) << word;
  EXPECT_EQ(Token(ParseName("محمود")).sounds, "MHMUD");
  EXPECT_EQ(Token(ParseName("فاطمة")).sounds, "FATMa");
}

// The reason sounds exist: one long vowel tells these pairs apart in Arabic script.
TEST(SoundSimilarity, LongVowelsSeparateCommonNames) {
  EXPECT_GT(Sim("محمد", "Mohamed"), Sim("محمد", "Mahmoud"));
  EXPECT_GT(Sim("محمود", "Mahmoud"), Sim("محمود", "Mohamed"));
  EXPECT_GT(Sim("حسين", "Hussein"), Sim("حسين", "Hassan"));
  EXPECT_GT(Sim("حسن", "Hassan"), Sim("حسن", "Hussein"));
  EXPECT_GT(Sim("Hussein", "Husayn"), Sim("Hussein", "Hassan"));
}

TEST(SoundSimilarity, SpellingsOfOneNameScoreHigh) {
  const std::pair<const char*, const char*> kSame[] = {
      {"بوريطة", "Bourita"}, {"يوسف", "Youssef"}, {"يوسف", "Yusuf"}, {"Youssef", "Yusuf"},
      {"أيوب", "Ayyub"},     {"خالد", "Khaled"},  {"Mohamed", "Muhammad"},
  };
  for (const auto& [a, b] : kSame) EXPECT_GT(Sim(a, b), 0.9) << a << " / " << b;
}

TEST(SoundSimilarity, BoundsAndSymmetry) {
  EXPECT_DOUBLE_EQ(SoundSimilarity("", "", true), 1.0);
  EXPECT_DOUBLE_EQ(SoundSimilarity("BaRT", "BaRT", false), 1.0);
  EXPECT_DOUBLE_EQ(SoundSimilarity("BaRT", "KoLM", false), SoundSimilarity("KoLM", "BaRT", false));
  EXPECT_GE(SoundSimilarity("BRT", "LMNSKZ", true), 0.0);
}

}  // namespace
}  // namespace qantara::names
