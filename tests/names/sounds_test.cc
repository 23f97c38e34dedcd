#include "names/sounds.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

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
  // Ta marbuta: "-a", and the free T of "-at" before a genitive.
  EXPECT_EQ(Token(ParseName("فاطمة")).sounds, "FATMat");
}

// "Jabhat al-..." and "Jabha": a final ta marbuta reads both ways, and the T
// it may have weighs nothing.
TEST(SoundSimilarity, TaMarbutaReadsWithAndWithoutT) {
  EXPECT_GT(Sim("جبهة", "Jabhat"), 0.95);
  EXPECT_GT(Sim("جبهة", "Jabha"), 0.95);
  EXPECT_GT(Sim("سلسلة", "Silsilat"), 0.9);
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
      // Dad reads d in Arabic and z in Persian, Urdu and Pashto names.
      {"رمضان", "Ramadan"},  {"رمضان", "Ramzan"},  {"فيض", "Faiz"},
  };
  for (const auto& [a, b] : kSame) EXPECT_GT(Sim(a, b), 0.9) << a << " / " << b;
}

TEST(SoundSimilarity, BoundsAndSymmetry) {
  EXPECT_DOUBLE_EQ(SoundSimilarity("", "", true), 1.0);
  EXPECT_DOUBLE_EQ(SoundSimilarity("BaRT", "BaRT", false), 1.0);
  EXPECT_DOUBLE_EQ(SoundSimilarity("BaRT", "KoLM", false), SoundSimilarity("KoLM", "BaRT", false));
  EXPECT_GE(SoundSimilarity("BRT", "LMNSKZ", true), 0.0);
}

// The shortcuts (common ends stripped, early stop under the floor) never
// change a similarity at or above the floor.
TEST(SoundSimilarity, ShortcutsAgreeWithTheWholeTable) {
  const std::string symbols = "BDFHJKLMNRSTZWYQXAIUVaeiou";
  std::mt19937 rng(11);
  auto random_sounds = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += symbols[rng() % symbols.size()];
    return s;
  };
  for (int round = 0; round < 20000; ++round) {
    // Shared ends make the shortcut matter: a common prefix and suffix
    // around two random middles.
    std::string prefix = random_sounds(rng() % 3), suffix = random_sounds(rng() % 3);
    std::string a = prefix + random_sounds(rng() % 5) + suffix;
    std::string b = prefix + random_sounds(rng() % 5) + suffix;
    for (bool cross : {false, true}) {
      double reference = SoundSimilarityReference(a, b, cross);
      EXPECT_NEAR(SoundSimilarity(a, b, cross), reference, 1e-6) << a << " / " << b << " " << cross;
      double floored = SoundSimilarity(a, b, cross, 0.7);
      if (reference >= 0.7) {
        EXPECT_NEAR(floored, reference, 1e-6) << a << " / " << b;
      }
    }
  }
}

}  // namespace
}  // namespace qantara::names
