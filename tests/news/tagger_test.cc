// The mention tagger (news/tagger.h) on sentences written for these tests
// (made-up people), its model file and its decoder.
#include "news/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>

#include "news/mentions.h"

namespace qantara::news {
namespace {

std::vector<int> TagText(std::string_view text) {
  return Tagger::BuiltIn().Tag(SplitWords(text), Gazetteer::BuiltIn(), {});
}

bool HasMention(std::string_view text, std::string_view mention, MentionType type) {
  for (const Mention& m : SpotMentions(text, Gazetteer::BuiltIn())) {
    if (m.text == mention && m.type == type) return true;
  }
  return false;
}

TEST(Tagger, BuiltInModelLoads) {
  const Tagger& t = Tagger::BuiltIn();
  ASSERT_TRUE(t.loaded()) << "resources/tagger/tagger.bin was not embedded";
  EXPECT_NE(t.model().note.find("command: build/eval/train_tagger"), std::string::npos);
  EXPECT_EQ(t.model().weights.size(), (size_t{1} << t.model().bucket_bits) * kTagLabels);
}

TEST(Tagger, ModelFileRoundTripsAndRejectsDamage) {
  TaggerModel m;
  m.bucket_bits = 8;
  m.scale = 2;
  m.weights.assign(256 * kTagLabels, 0);
  m.weights[7] = -3;
  m.transitions.assign((kTagLabels + 1) * kTagLabels, 0.5f);
  m.note = "training: none\n";
  const std::string bytes = EncodeTaggerModel(m);
  Result<TaggerModel> back = DecodeTaggerModel(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().weights, m.weights);
  EXPECT_EQ(back.value().transitions, m.transitions);
  EXPECT_EQ(back.value().note, m.note);
  EXPECT_FALSE(DecodeTaggerModel(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(DecodeTaggerModel("QTAGGER\nversion: 99\n\n").ok());
  EXPECT_FALSE(DecodeTaggerModel("").ok());
}

TEST(Tagger, FrenchPersonAndPlace) {
  const std::string text = "Le ministre Odalric Fernmoor a visit\u00e9 Toulouse mardi.";
  EXPECT_TRUE(HasMention(text, "Odalric Fernmoor", MentionType::kPerson));
  EXPECT_TRUE(HasMention(text, "Toulouse", MentionType::kLocation));
  const std::vector<int> labels = TagText(text);
  ASSERT_EQ(labels.size(), 8u);
  EXPECT_EQ(labels[0], kTagO);
  EXPECT_EQ(labels[2], kTagBPer);
  EXPECT_EQ(labels[3], kTagIPer);
}

TEST(Tagger, ArabicTitleThenUnknownNameIsAPerson) {
  // "The minister Karim Zalmanov met the journalists in Rabat" (made-up name).
  const std::string text =
      "\u0627\u0644\u062a\u0642\u0649 \u0627\u0644\u0648\u0632\u064a\u0631 "
      "\u0643\u0631\u064a\u0645 \u0632\u0644\u0645\u0627\u0646\u0648\u0641 "
      "\u0628\u0627\u0644\u0635\u062d\u0641\u064a\u064a\u0646 \u0641\u064a "
      "\u0627\u0644\u0631\u0628\u0627\u0637.";
  EXPECT_TRUE(HasMention(text,
                         "\u0643\u0631\u064a\u0645 \u0632\u0644\u0645\u0627\u0646\u0648\u0641",
                         MentionType::kPerson));
  EXPECT_TRUE(HasMention(text, "\u0627\u0644\u0631\u0628\u0627\u0637", MentionType::kLocation));
  const std::vector<int> labels = TagText(text);
  ASSERT_EQ(labels.size(), 7u);
  EXPECT_EQ(labels[2], kTagBPer);
  EXPECT_EQ(labels[3], kTagIPer);
}

TEST(Tagger, GazetteerMentionsStayInEnglish) {
  // The tagger trained on Arabic and French; a known organisation stays found.
  EXPECT_TRUE(HasMention("The UN and ISIS.", "UN", MentionType::kOrganization));
  EXPECT_TRUE(HasMention("The UN and ISIS.", "ISIS", MentionType::kOrganization));
}

TEST(Tagger, CliticStaysOutOfTheMention) {
  // "and Zalmanov said" after a verb: wa- + a made-up name, then "in Rabat" (bi-).
  for (const Mention& m : SpotMentions(
           "\u0648\u0635\u0644 \u0627\u0644\u0648\u0641\u062f \u0628\u0627\u0644\u0631\u0628"
           "\u0627\u0637 \u0627\u0645\u0633.",
           Gazetteer::BuiltIn())) {
    EXPECT_NE(m.text.substr(0, 2), "\u0628") << m.text;
  }
}

TEST(Tagger, DeterministicAndThreadSafe) {
  const std::string text =
      "Selon Odalric Fernmoor, la Ligue fluviale de curling si\u00e8ge \u00e0 Brest. "
      "\u0642\u0627\u0644 \u0641\u064a\u0644\u062f\u0645\u0648\u0631 \u0627\u0646 "
      "\u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0642\u0631\u064a\u0628.";
  const std::vector<int> once = TagText(text);
  std::vector<int> a, b;
  std::thread ta([&] { a = TagText(text); }), tb([&] { b = TagText(text); });
  ta.join();
  tb.join();
  EXPECT_EQ(once, a);
  EXPECT_EQ(once, b);
}

TEST(Tagger, EmptyAndLongInput) {
  EXPECT_TRUE(TagText("").empty());
  EXPECT_TRUE(TagText(" ... --- ").empty());
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Abc Def ghi. ";
  const std::vector<int> labels = TagText(big);
  EXPECT_EQ(labels.size(), 60000u);
  EXPECT_EQ(std::count(labels.begin(), labels.end(), kTagBPer), 0) << "no cue, no name";
}

TEST(Tagger, DecoderKeepsToBioTransitions) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> score(-5, 5);
  const std::vector<Word> words = SplitWords("a b c d e f g h i j k l");
  std::vector<float> transitions((kTagLabels + 1) * kTagLabels, 0);
  for (int round = 0; round < 200; ++round) {
    std::vector<float> emissions(words.size() * kTagLabels);
    for (float& e : emissions) e = score(rng);
    const std::vector<int> labels = DecodeLabels(words, emissions, transitions.data());
    for (size_t i = 0; i < labels.size(); ++i) {
      EXPECT_TRUE(TransitionAllowed(i ? labels[i - 1] : -1, labels[i])) << round << " " << i;
      EXPECT_LT(labels[i], kTagCPer) << "no clitic label on a Latin word";
    }
  }
}

TEST(Tagger, LabelsAndTypes) {
  for (MentionType t : {MentionType::kPerson, MentionType::kOrganization, MentionType::kLocation}) {
    EXPECT_EQ(LabelType(BeginLabel(t)), t);
    EXPECT_EQ(LabelType(InsideLabel(t)), t);
    EXPECT_EQ(LabelType(CliticLabel(t)), t);
  }
  EXPECT_EQ(TagLabelName(kTagCLoc), "C-LOC");
  EXPECT_EQ(TagLabelName(99), "?");
}

}  // namespace
}  // namespace qantara::news
