// Known words (names/internal/lexicon.h through ParseName): legal forms,
// organisation words, numbers, initials; and the initials alignment.
#include <gtest/gtest.h>

#include <string>

#include "names/compare.h"
#include "names/name.h"

namespace qantara::names {
namespace {

constexpr CompareOptions kOptions{0.7, 0.85, 0.95};

// "role:canonical" of the tokens that are not ordinary words, in order.
std::string Known(const std::string& raw) {
  std::string out;
  for (const NameToken& t : ParseName(raw).tokens) {
    if (t.role == TokenRole::kWord) continue;
    out += (out.empty() ? "" : " ") + std::string(TokenRoleName(t.role)) + ":" + t.particle;
  }
  return out;
}

TEST(Lexicon, LegalFormsOfOneClassInEveryLanguage) {
  const std::string gmbh = Known("Nordwind GmbH");
  EXPECT_EQ(gmbh, "legal_form:limited_liability");
  EXPECT_EQ(Known("Nordwind Gesellschaft mit beschr\u00e4nkter Haftung"), gmbh);
  EXPECT_EQ(Known("Sud Import S.A.R.L."), Known("Sud Import SARL"));
  EXPECT_EQ(Known("Atlas Trading Ltd"), Known("Atlas Trading Limited"));
  // An ambiguous form ("AS") only where legal forms stand.
  EXPECT_EQ(ParseName("Atlas AS Trading").tokens.at(1).role, TokenRole::kWord);
  EXPECT_EQ(ParseName("Atlas Trading AS").tokens.at(2).role, TokenRole::kLegalForm);
}

TEST(Lexicon, NumbersInDigitsWordsAndNumerals) {
  EXPECT_EQ(Known("Battalion 17"), Known("Battalion Seventeen"));
  EXPECT_EQ(Known("Ocean Star III"), Known("Ocean Star 3"));
  EXPECT_EQ(Known("Brigade twenty one"), Known("Brigade 21"));
  EXPECT_EQ(Known("The 2nd Fund"), Known("The Second Fund"));
  EXPECT_NE(Known("Trust 12"), Known("Trust 21"));
}

TEST(Lexicon, ConceptsAcrossLanguagesAndScripts) {
  const std::string movement = Known("Harakat al-Fajr");
  EXPECT_NE(movement.find("concept:movement"), std::string::npos) << movement;
  EXPECT_NE(Known("Mouvement de l'aube").find("concept:movement"), std::string::npos);
  // The Arabic word, with the article glued: ARABIC LETTER HAH, REH, KAF, TEH MARBUTA.
  EXPECT_NE(Known("\u0627\u0644\u062d\u0631\u0643\u0629").find("concept:movement"),
            std::string::npos);
  // A known word before al-Din is a given name: Nasr al-Din stays one word.
  EXPECT_EQ(ParseName("Nasr al-Din").tokens.size(), 1u);
}

// Countries and their peoples are concepts in English, French and Arabic
// script ("... Fighting Group" named after a made-up nationality would not be).
TEST(Lexicon, CountriesAndTheirPeoples) {
  EXPECT_EQ(Known("Libyan Fighting Group"), "concept:libya concept:fighters generic_word:group");
  EXPECT_NE(Known("Groupe combattant libyen").find("concept:libya"), std::string::npos);
  // The Arabic feminine nisba with the article: ALEF LAM LAM YEH BEH YEH TEH MARBUTA.
  EXPECT_EQ(Known("\u0627\u0644\u0644\u064a\u0628\u064a\u0629"), "concept:libya");
  // Moroccan and the Maghreb are one word in Arabic, and one concept.
  EXPECT_EQ(Known("Moroccan"), Known("Maghreb"));
}

// What Arabic script glues to a known word: the article, and li-/bi-/wa-
// with or without it. The token's matching form is the word without them.
TEST(Lexicon, GluedArticleAndPrepositions) {
  // LAM LAM SAD REH ALEF FEH TEH MARBUTA: li-l-sirafa, "for money exchange".
  EXPECT_EQ(Known("\u0644\u0644\u0635\u0631\u0627\u0641\u0629"), "concept:money_exchange");
  // BEH BEH LAM ALEF DAL: bi-bilad, "in the land of".
  EXPECT_EQ(Known("\u0628\u0628\u0644\u0627\u062f"), "concept:land");
  // ALEF LAM ALEF TEH HAH ALEF DAL: al-ittihad, "the union", compares as ittihad.
  const NameToken union_word = ParseName("\u0627\u0644\u0627\u062a\u062d\u0627\u062f").tokens.at(0);
  EXPECT_EQ(union_word.text, "\u0627\u062a\u062d\u0627\u062f");
  EXPECT_GT(TokenSimilarity(union_word, ParseName("Itihaad").tokens.at(0), kOptions).similarity, 0.9);
}

// French l' and d' before a vowel are words of their own, and go.
TEST(Lexicon, FrenchElisionsAreDropped) {
  EXPECT_EQ(Known("Mouvement pour l'Unit\u00e9 de l\u2019Ouest"),
            "concept:movement stopword:for concept:unity stopword:of concept:west");
  EXPECT_EQ(ParseName("Anil D'Souza").tokens.back().text, "dsouza");  // before a consonant: kept
  EXPECT_EQ(Acronym(ParseName("Mouvement pour l'Unit\u00e9 et le Jihad en Afrique")), "muja");
}

// A number in letters is also a name (Khamis is "fifth" and a given name): it
// compares with words by spelling and sound, with numbers only by value.
TEST(Lexicon, SpelledNumbersAreNamesToo) {
  const NameToken khamis = ParseName("Khamis Dervali").tokens.at(0);
  ASSERT_EQ(khamis.role, TokenRole::kNumber);
  // ARABIC LETTER KHAH, MEEM, YEH, SEEN: the name (the ordinal is spelled with alef).
  const NameToken arabic = ParseName("\u062e\u0645\u064a\u0633 Dervali").tokens.at(0);
  EXPECT_GT(TokenSimilarity(khamis, arabic, kOptions).similarity, 0.9);
  EXPECT_EQ(TokenSimilarity(khamis, ParseName("Fund 5").tokens.at(1), kOptions).similarity, 1.0f);
  EXPECT_EQ(TokenSimilarity(ParseName("Fund Sixth").tokens.at(1), ParseName("Fund Sixty").tokens.at(1),
                            kOptions).similarity, 0.0f);
}

TEST(Lexicon, DottedInitialsAreOneWord) {
  EXPECT_EQ(ParseName("A.T.C.").tokens.at(0).text, "atc");
  EXPECT_EQ(ParseName("I.M.T.K. S.A.").tokens.size(), 2u);  // two abbreviations, not one
  EXPECT_TRUE(ParseName("A T C").tokens.at(0).initials);
  EXPECT_TRUE(ParseName("K. Adenauer").tokens.at(0).initials);
  EXPECT_FALSE(ParseName("Konrad Adenauer").tokens.at(0).initials);
}

// Whether every token of `a` aligns with some token of `b`.
bool AllAligned(const std::string& a, const std::string& b) {
  const ParsedName pa = ParseName(a), pb = ParseName(b);
  size_t covered = 0;
  for (const AlignedPair& p : CompareNames(pa, pb, kOptions).pairs) covered += p.query_end - p.query_begin;
  return covered == pa.tokens.size();
}

TEST(Lexicon, InitialsAndAcronymsAlign) {
  EXPECT_TRUE(AllAligned("K. Adenauer", "Konrad Adenauer"));
  EXPECT_TRUE(AllAligned("HJ Brockmann", "Hans-Juergen Brockmann"));
  EXPECT_TRUE(AllAligned("NDM", "New Dawn Movement"));
  EXPECT_FALSE(AllAligned("L. Adenauer", "Konrad Adenauer"));
  // Persons are not abbreviated: three initials need an organisation word.
  EXPECT_FALSE(AllAligned("SMZ", "Sufian Metin Zoran"));
  // Two letters are initials with a vowel too, undotted or dotted, on either side.
  EXPECT_TRUE(AllAligned("KA Brennholt", "Karl Anton Brennholt"));
  EXPECT_TRUE(AllAligned("Brennholt, Karl Anton", "Brennholt K.A."));
  EXPECT_FALSE(AllAligned("KE Brennholt", "Karl Anton Brennholt"));
  // Three letters or more with a vowel are a word (Omar), never initials.
  EXPECT_FALSE(AllAligned("OMA Brennholt", "Otto Max Anton Brennholt"));
}

}  // namespace
}  // namespace qantara::names
