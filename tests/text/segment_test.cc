#include "text/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace qantara::text {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : Sentences(text)) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

using V = std::vector<std::string>;

TEST(Sentences, SplitsPlainSentences) {
  EXPECT_EQ(Texts("Il pleut. Le vent souffle! Pourquoi? Parce que."),
            (V{"Il pleut.", "Le vent souffle!", "Pourquoi?", "Parce que."}));
  EXPECT_EQ(Texts("One sentence without a stop"), (V{"One sentence without a stop"}));
}

TEST(Sentences, EmptyAndBlankInput) {
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences("   \n\n \t ").empty());
}

TEST(Sentences, NoBreakAfterTitles) {
  EXPECT_EQ(Texts("M. Bourita a rencontré Mme. Dupont. Ils ont parlé."),
            (V{"M. Bourita a rencontré Mme. Dupont.", "Ils ont parlé."}));
  EXPECT_EQ(Texts("Dr. Jhung spoke to St. Louis officials. They agreed."),
            (V{"Dr. Jhung spoke to St. Louis officials.", "They agreed."}));
  EXPECT_EQ(Texts("Le Gén. Haftar a parlé. Mr. Smith too."),
            (V{"Le Gén. Haftar a parlé.", "Mr. Smith too."}));
}

TEST(Sentences, NoBreakAfterInitialsAndAcronyms) {
  EXPECT_EQ(Texts("John F. Kennedy visited the U.S. Senate. It rained."),
            (V{"John F. Kennedy visited the U.S. Senate.", "It rained."}));
  EXPECT_EQ(Texts("Né en 50 av. J.-C. Il meurt jeune."), (V{"Né en 50 av. J.-C. Il meurt jeune."}));
}

TEST(Sentences, BreaksAfterOrdinaryWordsWithPeriod) {
  EXPECT_EQ(Texts("Il est arrivé à Rabat. Il repart demain."),
            (V{"Il est arrivé à Rabat.", "Il repart demain."}));
  EXPECT_EQ(Texts("He saw it. A moment later it was gone."),
            (V{"He saw it.", "A moment later it was gone."}));
}

TEST(Sentences, ArabicFullStopAndQuestionMark) {
  EXPECT_EQ(Texts("هل سيأتي الوزير؟ قال إنه سيأتي غدا. وصل الوفد"),
            (V{"هل سيأتي الوزير؟", "قال إنه سيأتي غدا.", "وصل الوفد"}));
  EXPECT_EQ(Texts("وصل الوزير۔ بدأ الاجتماع"), (V{"وصل الوزير۔", "بدأ الاجتماع"}));
  EXPECT_EQ(Texts("هل وصل؟بدأ الاجتماع"), (V{"هل وصل؟", "بدأ الاجتماع"}));
}

TEST(Sentences, LineBreaksEndSentences) {
  EXPECT_EQ(Texts("Un titre sans point\nLe texte suit. Et continue"),
            (V{"Un titre sans point", "Le texte suit.", "Et continue"}));
  EXPECT_EQ(Texts("Rencontre avec M.\nBlinken"), (V{"Rencontre avec M.", "Blinken"}));
  EXPECT_EQ(Texts("a\r\nb\u2028c"), (V{"a", "b", "c"}));
}

TEST(Sentences, OffsetsAreBytesAndExcludeWhitespace) {
  const std::string text = "  Été chaud.\u00a0 Fin.  ";
  const std::vector<Span> spans = Sentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 2u);
  EXPECT_EQ(text.substr(spans[0].start, spans[0].end - spans[0].start), "Été chaud.");
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start), "Fin.");
  EXPECT_EQ(spans[1].end, text.size() - 2);
}

TEST(Sentences, SpansAreOrderedAndInside) {
  const std::string text = "A. B. c. D? E! F.\n\nG . H";
  size_t prev = 0;
  for (const Span& s : Sentences(text)) {
    EXPECT_LE(prev, s.start);
    EXPECT_LT(s.start, s.end);
    EXPECT_LE(s.end, text.size());
    prev = s.end;
  }
}

TEST(Sentences, ThreadSafe) {
  const std::string text = "M. Bourita est arrivé. Il a parlé. وصل الوزير؟ نعم.";
  const std::vector<Span> expected = Sentences(text);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 500; ++i) {
        const std::vector<Span> got = Sentences(text);
        same = same && got.size() == expected.size() && got[2].start == expected[2].start;
      }
      ok[t] = same;
    });
  }
  for (std::thread& th : threads) th.join();
  for (int v : ok) EXPECT_TRUE(v);
}

}  // namespace
}  // namespace qantara::text
