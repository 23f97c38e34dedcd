// Tests of the trigger lexicon of news/events.h (news/internal/events_lexicon.h): word
// folding, Arabic proclitics, and every form of the table found again.
#include "news/internal/events_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "news/events.h"

namespace qantara::news {
namespace {

TEST(EventLexicon, FoldsCaseAccentsAndArabicLetters) {
  using events_internal::SplitEventWords;
  std::vector<events_internal::EventWord> w = SplitEventWords("RÉUNION s'est Œuvre, إلى مدرسة");
  ASSERT_EQ(w.size(), 6u);
  EXPECT_EQ(w[0].norm, "reunion");
  EXPECT_EQ(w[1].norm, "s");
  EXPECT_FALSE(w[2].punct_before);  // an apostrophe is no punctuation
  EXPECT_EQ(w[3].norm, "oeuvre");
  EXPECT_TRUE(w[4].punct_before);
  EXPECT_EQ(w[4].norm, "الي");  // alef maqsura folds to yeh
  EXPECT_EQ(w[5].norm, "مدرسه");
}

TEST(EventLexicon, ArabicProcliticReadings) {
  using events_internal::SplitEventWords;
  std::vector<events_internal::EventWord> w = SplitEventWords("وللاجتماع وقع");
  ASSERT_EQ(w.size(), 2u);
  std::vector<std::string> stems;
  for (size_t k = 0; k < w[0].stems; ++k) stems.emplace_back(w[0].Stem(k));
  EXPECT_NE(std::find(stems.begin(), stems.end(), "اجتماع"), stems.end());
  EXPECT_EQ(w[1].stems, 1u);  // too short to lose its waw
}

TEST(EventLexicon, EveryFormMatchesItself) {
  // Each form of the table is found again by MatchTrigger on its own text.
  const events_internal::TriggerLexicon& lex = events_internal::Triggers();
  int per_type[kEventTypes] = {};
  for (const events_internal::TriggerForm& f : lex.forms) {
    std::string text;
    for (const std::string& word : f.words) text += word + " ";
    std::vector<events_internal::EventWord> words = events_internal::SplitEventWords(text);
    events_internal::TriggerHit hit = events_internal::MatchTrigger(words, 0);
    ASSERT_NE(hit.form, nullptr) << text;
    EXPECT_EQ(hit.end, f.words.size()) << text;
    if (f.event) ++per_type[static_cast<int>(f.type)];
  }
  for (int t = 0; t < kEventTypes; ++t) {
    EXPECT_GE(per_type[t], 3) << EventTypeName(static_cast<EventType>(t));
    EXPECT_EQ(EventTypeFromName(EventTypeName(static_cast<EventType>(t))),
              static_cast<EventType>(t));
  }
  EXPECT_FALSE(EventTypeFromName("picnic").has_value());
}

}  // namespace
}  // namespace qantara::news
