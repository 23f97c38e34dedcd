// Mention spotting on sentences written for these tests (made-up people).
// These test the rules (MentionOptions::tagger = nullptr): each case pins one
// cue. The rules with the tagger, SpotMentions' default, are tested in
// tagger_test.cc and measured by eval/mention_eval.
#include "news/mentions.h"

#include <gtest/gtest.h>

#include "news/words.h"

namespace qantara::news {
namespace {

struct Expected {
  std::string text;
  MentionType type;
};

std::vector<Expected> Spot(std::string_view text) {
  std::vector<Expected> out;
  MentionOptions rules;
  rules.tagger = nullptr;
  for (const Mention& m : SpotMentions(text, Gazetteer::BuiltIn(), rules)) {
    EXPECT_EQ(text.substr(m.start, m.end - m.start), m.text) << "offsets select the text";
    out.push_back({m.text, m.type});
  }
  return out;
}

bool Has(const std::vector<Expected>& found, std::string_view text, MentionType type) {
  for (const auto& e : found) {
    if (e.text == text && e.type == type) return true;
  }
  return false;
}

TEST(Words, SplitsWithOffsetsAndGlue) {
  std::vector<Word> w = SplitWords("Les Etats-Unis, l\u2019\u00c9tat.");
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[1].norm, "etats");
  EXPECT_TRUE(w[2].glued);
  EXPECT_EQ(w[3].norm, "l");
  EXPECT_EQ(w[4].norm, "etat");
  EXPECT_TRUE(w[4].glued);
  EXPECT_TRUE(w[3].breaks_before);
  EXPECT_EQ(MatchingForm("Etats-Unis"), "etats unis");
}

TEST(Mentions, FrenchPersonsPlacesAndOrganisations) {
  auto found = Spot(
      "Le ministre Karim Benslimane a rencontré M. Odalric Fernmoor \u00e0 Rabat. "
      "Selon Fernmoor, la menace de Daech persiste au Maroc et en Syrie.");
  EXPECT_TRUE(Has(found, "Karim Benslimane", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "Odalric Fernmoor", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "Fernmoor", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "Rabat", MentionType::kLocation));
  EXPECT_TRUE(Has(found, "Daech", MentionType::kOrganization));
  EXPECT_TRUE(Has(found, "Maroc", MentionType::kLocation));
  EXPECT_TRUE(Has(found, "Syrie", MentionType::kLocation));
  EXPECT_FALSE(Has(found, "Selon Fernmoor", MentionType::kPerson));
}

TEST(Mentions, InstitutionalCapitalsAreNotPersons) {
  auto found = Spot("Le ministre des Affaires Etrang\u00e8res et de la D\u00e9fense nationale.");
  for (const auto& e : found) EXPECT_NE(e.type, MentionType::kPerson) << e.text;
}

TEST(Mentions, EnglishTitlesAndSayingVerbs) {
  auto found = Spot(
      "Secretary Thornwell met Ambassador Quillan in Washington. "
      "\"We are ready,\" Larkspur Odell said.");
  EXPECT_TRUE(Has(found, "Thornwell", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "Quillan", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "Washington", MentionType::kLocation));
  EXPECT_TRUE(Has(found, "Larkspur Odell", MentionType::kPerson));
}

TEST(Mentions, AcronymsNeedCapitals) {
  EXPECT_TRUE(Has(Spot("The UN and ISIS."), "UN", MentionType::kOrganization));
  EXPECT_TRUE(Has(Spot("The UN and ISIS."), "ISIS", MentionType::kOrganization));
  EXPECT_TRUE(Spot("un homme est venu").empty());
}

TEST(Mentions, ArabicTitlesCliticsAndOrganisations) {
  // "The minister Khalid Bennani said in Rabat that Daesh..." (made-up name).
  auto found = Spot(
      "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u062e\u0627\u0644\u062f "
      "\u0628\u0646\u0627\u0646\u064a \u0628\u0627\u0644\u0631\u0628\u0627\u0637 "
      "\u0625\u0646 \u062f\u0627\u0639\u0634 \u0636\u0639\u064a\u0641.");
  EXPECT_TRUE(
      Has(found, "\u062e\u0627\u0644\u062f \u0628\u0646\u0627\u0646\u064a", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "\u0627\u0644\u0631\u0628\u0627\u0637", MentionType::kLocation))
      << "bi- is left out of the mention";
  EXPECT_TRUE(Has(found, "\u062f\u0627\u0639\u0634", MentionType::kOrganization));
}

TEST(Mentions, ArabicSpellingOfALatinNameInTheSameText) {
  // "Nasser Bourita" in Latin, then his name in Arabic without any cue.
  auto found = Spot(
      "Nasser Bourita est arriv\u00e9.\n"
      "\u0648\u0635\u0644 \u0646\u0627\u0635\u0631 \u0628\u0648\u0631\u064a\u0637\u0629 "
      "\u0627\u0644\u064a\u0648\u0645.");
  EXPECT_TRUE(Has(found, "Nasser Bourita", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "\u0646\u0627\u0635\u0631 \u0628\u0648\u0631\u064a\u0637\u0629",
                  MentionType::kPerson));
}

TEST(Mentions, ParticlesStayInNames) {
  auto found = Spot("Les troupes d\u2019El Baghdadi et d'Abou Bakr al-Zaydani reculent.");
  EXPECT_TRUE(Has(found, "El Baghdadi", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "Abou Bakr al-Zaydani", MentionType::kPerson));
}

bool HasType(const std::vector<Expected>& found, MentionType type) {
  for (const auto& e : found) {
    if (e.type == type) return true;
  }
  return false;
}

TEST(Mentions, HyphenatedPlacesAreNotPersons) {
  auto found = Spot("Il est parti de Saint-Quillac vers Sainte-Orvane, puis en Loire-Atlantique.");
  EXPECT_TRUE(Has(found, "Saint-Quillac", MentionType::kLocation));
  EXPECT_TRUE(Has(found, "Sainte-Orvane", MentionType::kLocation));
  EXPECT_FALSE(HasType(found, MentionType::kPerson));
  EXPECT_TRUE(Has(Spot("Un voyage vers San Teodoro."), "San Teodoro", MentionType::kLocation));
}

TEST(Mentions, TitleCueNeedsCapitalAndNoBreak) {
  EXPECT_TRUE(Has(Spot("Hier, M. Zorbeck est venu."), "Zorbeck", MentionType::kPerson));
  EXPECT_FALSE(HasType(Spot("Le mur fait trois m. Zorbeck est venu."), MentionType::kPerson));
  EXPECT_FALSE(HasType(Spot("Le ministre. Zorbeck est venu."), MentionType::kPerson));
}

TEST(Mentions, OrganisationNamesRunThroughAdjectivesAndDe) {
  auto found = Spot("La Ligue fluviale de curling a exclu le club. La Ligue a tranch\u00e9.");
  EXPECT_TRUE(Has(found, "Ligue fluviale de curling", MentionType::kOrganization));
  EXPECT_FALSE(Has(found, "Ligue", MentionType::kOrganization)) << "a bare head names nothing";
  EXPECT_TRUE(Has(Spot("Le Parti travaillomiste a gagn\u00e9."), "Parti travaillomiste",
                  MentionType::kOrganization));
}

TEST(Mentions, PluralThenDePlaceIsATeam) {
  auto found =
      Spot("Il a sign\u00e9 avec les Grizzlors de Vancouver et les Mouettes de la Floride.");
  EXPECT_TRUE(Has(found, "Grizzlors de Vancouver", MentionType::kOrganization));
  EXPECT_TRUE(Has(found, "Mouettes de la Floride", MentionType::kOrganization));
  EXPECT_FALSE(Has(found, "Vancouver", MentionType::kLocation));
}

TEST(Mentions, AcronymsInACapitalisedHeadline) {
  EXPECT_FALSE(HasType(Spot("UN HOMME TUE A BREST"), MentionType::kOrganization));
}

TEST(Mentions, GazetteerPrefersTheLongestForm) {
  auto found = Spot("وصل الوفد الى قطاع غزة امس.");
  EXPECT_TRUE(Has(found, "قطاع غزة", MentionType::kLocation));
  EXPECT_TRUE(Has(Spot("Les élus de la Cisjordanie."), "Cisjordanie", MentionType::kLocation));
}

TEST(Mentions, ArabicTitlePhrasesAndNationalities) {
  // "The Israeli prime minister Ehud Zalmanov", "the defence minister Sumayrat" (made up).
  auto found = Spot("التقى رئيس الوزراء الاسرائيلي ايهود زلمانوف وزير الدفاع سميرات.");
  EXPECT_TRUE(Has(found, "ايهود زلمانوف", MentionType::kPerson));
  EXPECT_TRUE(Has(found, "سميرات", MentionType::kPerson));
  for (const auto& e : found) {
    EXPECT_EQ(e.text.find("الوزراء"), std::string::npos) << e.text;
    EXPECT_EQ(e.text.find("الدفاع"), std::string::npos) << e.text;
  }
}

TEST(Mentions, ArabicConnectorsExtendNames) {
  auto found = Spot("استقبل الشيخ حمد بن راكان بن سهيل ال نجمان الوفد.");
  EXPECT_TRUE(Has(found, "حمد بن راكان بن سهيل ال نجمان", MentionType::kPerson));
  EXPECT_FALSE(Has(Spot("قال بن ان الامر"), "بن", MentionType::kPerson));
}

TEST(Mentions, ArabicSayingVerbWithoutGivenName) {
  EXPECT_TRUE(Has(Spot("وقال فيلدمور ان الاتفاق قريب."), "فيلدمور", MentionType::kPerson));
  EXPECT_FALSE(HasType(Spot("وقال مصدر ان الاتفاق قريب."), MentionType::kPerson));
  EXPECT_FALSE(HasType(Spot("وقال المتحدث ان الاتفاق قريب."), MentionType::kPerson));
}

TEST(Mentions, ArabicOrganisationHeadsTakeDefiniteWords) {
  EXPECT_TRUE(
      Has(Spot("اعلنت الحكومة الكندية امس"), "الحكومة الكندية", MentionType::kOrganization));
  EXPECT_FALSE(HasType(Spot("رفضت الحكومة فيلدمور"), MentionType::kOrganization));
  EXPECT_TRUE(Has(Spot("اجتمع حزب الوسط الجديد"), "حزب الوسط الجديد", MentionType::kOrganization));
}

TEST(Mentions, ArabicNameFoundOnceIsFoundAgain) {
  auto found = Spot("قال الرئيس زلمانوف ان الوضع صعب. واضاف ان زلمانوف سيزور الرباط.");
  size_t n = 0;
  for (const auto& e : found) n += e.text == "زلمانوف" && e.type == MentionType::kPerson;
  EXPECT_EQ(n, 2u);
}

TEST(Mentions, HostileInputDoesNotBlowUp) {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Abc Def ghi. ";
  EXPECT_FALSE(Spot(big).empty());
  // With the tagger, "Abc Def" is no name (it was one by capitals alone).
  EXPECT_LE(SpotMentions(big, Gazetteer::BuiltIn()).size(), 40000u);
  EXPECT_TRUE(SpotMentions("", Gazetteer::BuiltIn()).empty());
  EXPECT_TRUE(SpotMentions("---- '' \u2019\u2019 ...", Gazetteer::BuiltIn()).empty());
}

}  // namespace
}  // namespace qantara::news

namespace qantara::news {
namespace {

TEST(Mentions, LiBeforeTheArticleKeepsTheWholeWord) {
  // li + al-tahaluf is written lil-tahaluf: no alef to start the mention at.
  const std::string text =
      "\u0634\u0643\u0631\u0627 \u0644\u0644\u062a\u062d\u0627\u0644\u0641 "
      "\u0627\u0644\u062f\u0648\u0644\u064a.";
  std::vector<Mention> found = SpotMentions(text, Gazetteer::BuiltIn());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text,
            "\u0644\u0644\u062a\u062d\u0627\u0644\u0641 \u0627\u0644\u062f\u0648\u0644\u064a");
  EXPECT_EQ(found[0].type, MentionType::kOrganization);
}

TEST(Mentions, TitleThenAnUnknownGivenNameAndAFamilyName) {
  // "said the minister Warda Tafnout that..." (made-up name, not in the given-name table).
  const std::string text =
      "\u0642\u0627\u0644\u062a \u0627\u0644\u0648\u0632\u064a\u0631\u0629 "
      "\u0648\u0631\u062f\u0627\u0646 \u062a\u0627\u0641\u0646\u0648\u062a "
      "\u0625\u0646 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0646\u062c\u062d.";
  std::vector<Mention> found = SpotMentions(text, Gazetteer::BuiltIn());
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].text, "\u0648\u0631\u062f\u0627\u0646 \u062a\u0627\u0641\u0646\u0648\u062a");
  EXPECT_EQ(found[0].type, MentionType::kPerson);
}

}  // namespace
}  // namespace qantara::news

namespace qantara::news {
namespace {

TEST(Mentions, AnOrganisationHeadWinsOverAPlaceStarter) {
  MentionOptions rules_only;
  rules_only.tagger = nullptr;
  std::vector<Mention> found =
      SpotMentions("Officials named the New Harbour Movement on Monday.", Gazetteer::BuiltIn(),
                   rules_only);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "New Harbour Movement");
  EXPECT_EQ(found[0].type, MentionType::kOrganization);
}

}  // namespace
}  // namespace qantara::news

namespace qantara::news {
namespace {

// A particle before a nisba family name is a person even where the tagger
// would read a place ("les troupes d'El X" like "les troupes de France").
TEST(SpotMentions, ParticleAndNisbaNameIsAPerson) {
  std::vector<Mention> m = SpotMentions(
      "L'arm\u00e9e avance en Irak contre ce qui reste des troupes d\u2019El Zarqawani. Les "
      "combats ont repris pr\u00e8s d'Al-Anbar.",
      Gazetteer::BuiltIn(), MentionOptions{});
  bool person = false, place = false;
  for (const Mention& x : m) {
    person |= x.text == "El Zarqawani" && x.type == MentionType::kPerson;
    place |= x.text.find("Anbar") != std::string::npos && x.type == MentionType::kLocation;
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(place) << "a name not of the nisba form keeps the tagger's type";
}

}  // namespace
}  // namespace qantara::news
