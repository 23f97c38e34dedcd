// Latin forms of names for `canonical` when no Latin spelling is known.
#include "news/romanize.h"

#include <gtest/gtest.h>

namespace qantara::news {
namespace {

TEST(RomanizeName, ArabicLettersArticleAndTaMarbuta) {
  // nasir burita: long vowels written, short ones not; ta marbuta as a.
  EXPECT_EQ(RomanizeName("\u0646\u0627\u0635\u0631 \u0628\u0648\u0631\u064a\u0637\u0629"), "Nasr Burita");
  // khalid al-umrani: the article, and ain starting the word.
  EXPECT_EQ(RomanizeName("\u062e\u0627\u0644\u062f \u0627\u0644\u0639\u0645\u0631\u0627\u0646\u064a"),
            "Khald al-Amrani");
  // abd allah: final heh after lam lam is "ah".
  EXPECT_EQ(RomanizeName("\u0639\u0628\u062f \u0627\u0644\u0644\u0647"), "Abd al-Lah");
  // Digraphs: sheen, thal, ghain.
  EXPECT_EQ(RomanizeName("\u0634\u0630\u063a"), "Shdhgh");
}

TEST(RomanizeName, OtherScriptsAndLatin) {
  EXPECT_EQ(RomanizeName("odalric fernmoor"), "Odalric Fernmoor");
  EXPECT_EQ(RomanizeName("\u041f\u0443\u0442\u0438\u043d"), "Putin");
  EXPECT_EQ(RomanizeName(""), "");
}

}  // namespace
}  // namespace qantara::news
