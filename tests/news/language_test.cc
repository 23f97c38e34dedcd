#include "news/language.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace qantara::news {
namespace {

// The language of a text that is one sentence.
std::string LangOf(std::string_view sentence) {
  const Languages l = DetectLanguages(sentence);
  if (l.sentences.size() != 1) return "sentences:" + std::to_string(l.sentences.size());
  return l.sentences[0].lang;
}

TEST(DetectLanguages, LongSentencesInEachLanguage) {
  EXPECT_EQ(LangOf("Le ministre des Affaires étrangères a reçu hier son homologue espagnol pour "
                   "parler de la coopération entre les deux pays."),
            "fr");
  EXPECT_EQ(LangOf("The foreign minister received his Spanish counterpart yesterday to discuss "
                   "cooperation between the two countries."),
            "en");
  EXPECT_EQ(LangOf("استقبل وزير الخارجية أمس نظيره الإسباني لبحث التعاون بين البلدين في مجال "
                   "الهجرة."),
            "ar");
}

TEST(DetectLanguages, ShortSentences) {
  EXPECT_EQ(LangOf("Il est parti."), "fr");
  EXPECT_EQ(LangOf("Elle a dit non."), "fr");
  EXPECT_EQ(LangOf("He left."), "en");
  EXPECT_EQ(LangOf("They said no."), "en");
  EXPECT_EQ(LangOf("وصل الوفد."), "ar");
  EXPECT_EQ(LangOf("قال الوزير"), "ar");
  EXPECT_EQ(LangOf("بدأ الاجتماع اليوم في الرباط"), "ar");
}

TEST(DetectLanguages, ShortSentenceFollowsTheDocument) {
  const Languages l = DetectLanguages(
      "Le ministre a rencontré son homologue à Washington mardi dernier. Les deux hommes ont "
      "parlé de la sécurité dans la région. Bourita, Blinken.");
  ASSERT_EQ(l.sentences.size(), 3u);
  EXPECT_EQ(l.sentences[2].lang, "fr");
}

TEST(DetectLanguages, FrenchSentenceQuotingAnArabicNameStaysFrench) {
  EXPECT_EQ(LangOf("Le ministre Nasser Bourita (ناصر بوريطة) a parlé aux journalistes mardi."),
            "fr");
}

TEST(DetectLanguages, ArabicSentenceWithLatinAcronymStaysArabic) {
  EXPECT_EQ(LangOf("قالت وكالة AFP إن الاجتماع سيعقد في الرباط يوم الخميس المقبل."), "ar");
}

TEST(DetectLanguages, PersianIsNotForcedToArabic) {
  EXPECT_EQ(LangOf("وزیر امور خارجه ایران روز یکشنبه با همتای خود در تهران دیدار و گفتگو کرد و "
                   "درباره همکاری" "\u200c" "های دو کشور صحبت کردند."),
            "fa");
}

TEST(DetectLanguages, SentenceWithoutLettersTakesItsNeighbour) {
  const Languages l = DetectLanguages("Le bilan est lourd.\n12 - 45\nIl pleut sur la ville.");
  ASSERT_EQ(l.sentences.size(), 3u);
  EXPECT_EQ(l.sentences[1].lang, "fr");
  const Languages alone = DetectLanguages("2019 - 45 %");
  ASSERT_EQ(alone.sentences.size(), 1u);
  EXPECT_EQ(alone.sentences[0].lang, "und");
  EXPECT_TRUE(alone.shares.empty());
}

TEST(DetectLanguages, SharesByLetters) {
  const std::string fr = "Le ministre a reçu son homologue au siège du ministère à Rabat.";
  const std::string ar = "استقبل الوزير نظيره في مقر الوزارة بالرباط.";
  const Languages l = DetectLanguages(fr + "\n" + ar + "\n2019");
  ASSERT_EQ(l.sentences.size(), 3u);
  EXPECT_EQ(l.sentences[0].lang, "fr");
  EXPECT_EQ(l.sentences[1].lang, "ar");
  ASSERT_EQ(l.shares.size(), 2u);
  EXPECT_EQ(l.shares[0].lang, "fr");  // 51 Latin letters against 36 Arabic ones
  EXPECT_NEAR(l.shares[0].share + l.shares[1].share, 1.0, 1e-9);
  EXPECT_NEAR(l.shares[0].share, 51.0 / 87.0, 1e-9);
}

TEST(DetectLanguages, OffsetsPointIntoTheText) {
  const std::string text = "  Il pleut. It rains.  ";
  const Languages l = DetectLanguages(text);
  ASSERT_EQ(l.sentences.size(), 2u);
  EXPECT_EQ(text.substr(l.sentences[0].start, l.sentences[0].end - l.sentences[0].start),
            "Il pleut.");
  EXPECT_EQ(text.substr(l.sentences[1].start, l.sentences[1].end - l.sentences[1].start),
            "It rains.");
}

TEST(DetectLanguages, EmptyText) {
  const Languages l = DetectLanguages("");
  EXPECT_TRUE(l.sentences.empty());
  EXPECT_TRUE(l.shares.empty());
}

// Prints the cost on a 3 KB article of French with Arabic quotes (never asserted).
TEST(DetectLanguages, SpeedOnA3KbArticle) {
  std::string article;
  while (article.size() < 3000) {
    article +=
        "Le ministre des Affaires étrangères a reçu mardi son homologue américain à Rabat. "
        "Les deux hommes ont évoqué la coopération sécuritaire et la lutte contre le terrorisme. "
        "قال الوزير إن العلاقات بين البلدين متينة.\n";
  }
  const auto t0 = std::chrono::steady_clock::now();
  constexpr int kRuns = 300;
  size_t n = 0;
  for (int i = 0; i < kRuns; ++i) n += DetectLanguages(article).sentences.size();
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
      kRuns;
  std::printf("DetectLanguages: %.1f us per %zu-byte article (%zu sentences)\n", us, article.size(),
              n / kRuns);
  EXPECT_GT(n, 0u);
}

}  // namespace
}  // namespace qantara::news
