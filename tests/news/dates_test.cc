#include "news/dates.h"

#include <gtest/gtest.h>

#include <string>

namespace qantara::news {
namespace {

constexpr CivilDate kAnchor{2019, 2, 5};  // a Tuesday

TEST(IsoValue, Granularities) {
  EXPECT_EQ(IsoValue({2019, 2, 6}), "2019-02-06");
  EXPECT_EQ(IsoValue({2019, 2, 0}), "2019-02");
  EXPECT_EQ(IsoValue({2019, 0, 0}), "2019");
  EXPECT_EQ(IsoValue({0, 2, 6}), "--02-06");
  EXPECT_EQ(IsoValue({0, 2, 0}), "");
  EXPECT_EQ(IsoValue({}), "");
}

struct ValueCase {
  const char* input;
  const char* expected;  // IsoValue; nullptr: not a date
};

constexpr ValueCase kValueCases[] = {
    {"2019-02-05T10:30:00+01:00", "2019-02-05"},
    {"2019-02-05", "2019-02-05"},
    {"2019-02", "2019-02"},
    {"2019", "2019"},
    {"Tue, 05 Feb 2019 10:30:00 +0000", "2019-02-05"},
    {"05/02/2019", "2019-02-05"},  // day first
    {"13/02/2019", "2019-02-13"},
    {"02/13/2019", "2019-02-13"},  // month first only when the day cannot be a month
    {"5.2.2019 14h30", "2019-02-05"},
    {"05/02/19", "2019-02-05"},
    {"5 février 2019", "2019-02-05"},
    {"Mardi 5 Février 2019 à 10:12", "2019-02-05"},
    {"vendredi, novembre 22, 2024", "2024-11-22"},
    {"Feb 5, 2019", "2019-02-05"},
    {"February 5th, 2019 at 9:15 a.m. EST", "2019-02-05"},
    {"Tues 5th Feb, 2019", "2019-02-05"},
    {"5 فبراير 2019", "2019-02-05"},
    {"الثلاثاء 5 شباط 2019", "2019-02-05"},
    {"٥ فبراير ٢٠١٩", "2019-02-05"},
    {"5 شباط/فبراير 2019", "2019-02-05"},
    {"Publié le 5 février 2019", "2019-02-05"},
    {"6 février", "--02-06"},
    {"", nullptr},
    {"bonjour", nullptr},
    {"Friday", nullptr},
    {"30/02/2019", nullptr},
    {"5 février 2019 et 6 mars 2019", nullptr},
    {"1300 syriens", nullptr},
};

TEST(ParseDateValue, MetadataAndBylineForms) {
  for (const ValueCase& c : kValueCases) {
    std::optional<CivilDate> d = ParseDateValue(c.input);
    if (c.expected == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.input << " -> " << (d ? IsoValue(*d) : "");
    } else {
      ASSERT_TRUE(d.has_value()) << c.input;
      EXPECT_EQ(IsoValue(*d), c.expected) << c.input;
    }
  }
}

struct FindCase {
  const char* text;
  const char* mention;  // the text of the one mention expected; nullptr: none
  const char* value;    // its value against kAnchor
  bool relative;
};

constexpr FindCase kFindCases[] = {
    // French
    {"Le sommet s'est tenu mardi 21 juillet 2016 à Rabat.", "mardi 21 juillet 2016", "2016-07-21",
     false},
    {"Signé le 21 juillet 2016 à Rabat.", "21 juillet 2016", "2016-07-21", false},
    {"La visite aura lieu le 6 février.", "6 février", "2019-02-06", true},
    {"Il arrive ce mercredi 6 février à Alger.", "ce mercredi 6 février", "2019-02-06", true},
    {"Le rapport du 06/02/2019 le dit.", "06/02/2019", "2019-02-06", false},
    {"Les chiffres de février 2019 sont sortis.", "février 2019", "2019-02", false},
    {"Le port a ouvert en 2016 au nord.", "2016", "2016", false},
    {"Le ministre est arrivé hier soir.", "hier", "2019-02-04", true},
    {"Il partira demain matin.", "demain", "2019-02-06", true},
    {"Le vote a eu lieu avant-hier.", "avant-hier", "2019-02-03", true},
    {"Il l'a dit il y a 3 jours.", "il y a 3 jours", "2019-02-02", true},
    {"Il l'a dit la semaine dernière.", "la semaine dernière", "2019-W05", true},
    {"Les ventes ont baissé le mois dernier.", "le mois dernier", "2019-01", true},
    {"Ils se sont vus l'an dernier.", "l'an dernier", "2018", true},
    {"La réunion de vendredi dernier.", "vendredi dernier", "2019-02-01", true},
    {"Le 1er mars prochain.", "1er mars prochain", "2019-03-01", true},
    {"Le traité du 20 décembre dernier.", "20 décembre dernier", "2018-12-20", true},
    {"Il est venu en septembre dernier.", "septembre dernier", "2018-09", true},
    // English
    {"The talks opened on July 21, 2016 in Geneva.", "July 21, 2016", "2016-07-21", false},
    {"Signed on the 21st of July 2016.", "21st of July 2016", "2016-07-21", false},
    {"The file dated 2016-07-21 was leaked.", "2016-07-21", "2016-07-21", false},
    {"They met in 2016 again.", "2016", "2016", false},
    {"He spoke yesterday.", "yesterday", "2019-02-04", true},
    {"She will fly tomorrow.", "tomorrow", "2019-02-06", true},
    {"It happened 3 days ago.", "3 days ago", "2019-02-02", true},
    {"It happened two weeks ago.", "two weeks ago", "2019-01-22", true},
    {"Prices rose last week.", "last week", "2019-W05", true},
    {"Prices rose last year.", "last year", "2018", true},
    {"He met them on Friday.", "Friday", "2019-02-01", true},
    {"He will meet them this Friday.", "this Friday", "2019-02-08", true},
    {"The vote is set for April 7.", "April 7", "2019-04-07", true},
    {"Sales grew in June.", "June", "2018-06", true},
    // Arabic
    {"وصل الوزير في 21 يوليو 2016 إلى الرباط.", "21 يوليو 2016", "2016-07-21", false},
    {"انعقد الاجتماع ٢١ تموز ٢٠١٦ في دمشق.", "٢١ تموز ٢٠١٦", "2016-07-21", false},
    {"يصل الوفد الخميس 21 يوليوز إلى فاس.", "الخميس 21 يوليوز", "2019-07-21", true},
    {"تأسست الشركة عام 2016 في تونس.", "2016", "2016", false},
    {"قال الوزير أمس إن المفاوضات مستمرة.", "أمس", "2019-02-04", true},
    {"يسافر الرئيس غدا إلى القاهرة.", "غدا", "2019-02-06", true},
    {"تراجعت الأسعار الأسبوع الماضي.", "الأسبوع الماضي", "2019-W05", true},
    {"وقع الحادث منذ 3 أيام.", "منذ 3 أيام", "2019-02-02", true},
    {"ارتفعت الصادرات العام الماضي.", "العام الماضي", "2018", true},
    {"وأعلن الوزير ذلك الأربعاء الماضي.", "الأربعاء الماضي", "2019-01-30", true},
    {"التقى الوفدان في 5 شباط/فبراير 2019.", "5 شباط/فبراير 2019", "2019-02-05", false},
    // Numbers that are not dates
    {"Environ 1300 syriens ont fui.", nullptr, nullptr, false},
    {"Des délégués de 80 pays sont venus.", nullptr, nullptr, false},
    {"Un budget de 2016 millions d'euros.", nullptr, nullptr, false},
    {"Il a marqué 21 points en 12 matchs.", nullptr, nullptr, false},
    {"The score was 3-1 in 2 halves.", nullptr, nullptr, false},
    {"Version 1.2.2019.4 is out.", nullptr, nullptr, false},
    {"You may march on.", nullptr, nullptr, false},
    {"قتل 2000 شخص في المعارك.", nullptr, nullptr, false},
};

TEST(FindDates, FormsInThreeLanguages) {
  for (const FindCase& c : kFindCases) {
    std::vector<DateMention> found = FindDates(c.text, kAnchor);
    if (c.mention == nullptr) {
      EXPECT_TRUE(found.empty()) << c.text << " -> " << (found.empty() ? "" : found[0].text);
      continue;
    }
    ASSERT_EQ(found.size(), 1u) << c.text;
    const DateMention& m = found[0];
    EXPECT_EQ(m.text, c.mention) << c.text;
    EXPECT_EQ(std::string(c.text).substr(m.start, m.end - m.start), m.text) << c.text;
    EXPECT_EQ(m.value, c.value) << c.text;
    EXPECT_EQ(m.relative, c.relative) << c.text;
  }
}

TEST(FindDates, WithoutAnchor) {
  std::vector<DateMention> m =
      FindDates("Il arrive ce mercredi 6 février, pas hier.", std::nullopt);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].value, "--02-06");  // the weekday is not used to guess a year
  EXPECT_FALSE(m[0].relative);
  EXPECT_EQ(m[1].text, "hier");
  EXPECT_EQ(m[1].value, "");
  EXPECT_TRUE(m[1].relative);
}

TEST(FindDates, SeveralMentionsInOrder) {
  const std::string text = "Hier, le ministre a annoncé pour le 12 mars 2019 et 2020.";
  std::vector<DateMention> m = FindDates(text, kAnchor);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].text, "Hier");
  EXPECT_EQ(m[1].value, "2019-03-12");
  EXPECT_EQ(m[2].value, "2020");
  for (const DateMention& d : m) EXPECT_EQ(text.substr(d.start, d.end - d.start), d.text);
}

TEST(FindDates, YearOfDayMonthIsNearestAnchor) {
  CivilDate january{2019, 1, 3};
  EXPECT_EQ(FindDates("le 28 décembre", january)[0].value, "2018-12-28");
  EXPECT_EQ(FindDates("le 28 décembre", CivilDate{2019, 11, 20})[0].value, "2019-12-28");
}

// The sentence's tense moves bare expressions to its side of the anchor
// (kAnchor is Tuesday 5 February 2019).
TEST(FindDates, TenseDecidesBareExpressions) {
  auto value = [](const char* text) {
    std::vector<DateMention> m = FindDates(text, kAnchor);
    return m.empty() ? std::string("none") : m[0].value;
  };
  // Weekdays: the last one unless the sentence speaks of the future.
  EXPECT_EQ(value("Le ministre a rencontré samedi son homologue."), "2019-02-02");
  EXPECT_EQ(value("Le ministre rencontrera samedi son homologue."), "2019-02-09");
  EXPECT_EQ(value("La réunion se tiendra samedi à Oujda."), "2019-02-09");
  EXPECT_EQ(value("Le ministre a annoncé que la réunion aura lieu samedi."), "2019-02-09");
  EXPECT_EQ(value("The minister will meet his counterpart on Saturday."), "2019-02-09");
  EXPECT_EQ(value("The minister met his counterpart on Saturday."), "2019-02-02");
  EXPECT_EQ(value("سيعقد الاجتماع السبت في الرباط."), "2019-02-09");
  // Another sentence's tense does not count.
  EXPECT_EQ(value("Il viendra. Samedi, le port ferme."), "2019-02-02");
  // "à" is not the auxiliary "a": no tense, the default.
  EXPECT_EQ(value("Rendez-vous samedi à Rabat."), "2019-02-02");
  // Day and month without year: nearest by default, the next one in the future
  // tense. A past verb does not move it: it often sets a deadline ("a donne
  // jusqu'au 30 juin").
  EXPECT_EQ(value("Le sommet du 20 décembre est annoncé."), "2018-12-20");
  EXPECT_EQ(value("Le sommet aura lieu le 20 janvier."), "2020-01-20");
  EXPECT_EQ(value("Le ministre a donné jusqu'au 21 mars aux partis."), "2019-03-21");
  // The tense word must be near (eight words): a far one is another clause's.
  EXPECT_EQ(value("Les modifications annoncées mercredi par Karim Benali, le président de la "
                  "fédération, vont changer la course."),
            "2019-01-30");
  // Months keep their own rule (past unless within two months).
  EXPECT_EQ(value("The plant will open in June."), "2018-06");
  // A headline in capitals.
  EXPECT_EQ(value("LE VILLAGE FETERA SON SAINT DIMANCHE"), "2019-02-10");
  // Words of their own (dernier, prochain, this) win over the tense.
  EXPECT_EQ(value("Il viendra comme vendredi dernier."), "2019-02-01");
}

// Years without a cue word are read from their neighbours: a range of two
// years, or an English determiner before a noun.
TEST(FindDates, YearsOfRangesAndEnglishDeterminers) {
  auto values = [](const char* text) {
    std::string out;
    for (const DateMention& m : FindDates(text, kAnchor)) out += (out.empty() ? "" : " ") + m.value;
    return out;
  };
  EXPECT_EQ(values("Entre 1990 et 1999 la ville a grandi."), "1990 1999");
  EXPECT_EQ(values("La période 1982-1990 fut calme."), "1982 1990");
  EXPECT_EQ(values("La saison 2002/2003 commence."), "2002 2003");
  EXPECT_EQ(values("The expedition of 1957-58 crossed the ice."), "1957");
  EXPECT_EQ(values("He apologised for a 2010 raid on the ship."), "2010");
  EXPECT_EQ(values("Funds for his 2007 campaign were found."), "2007");
  // Quantities stay quantities.
  EXPECT_EQ(values("Le refuge est \u00e0 1950 m\u00e8tres d'altitude."), "");
  EXPECT_EQ(values("Entre 1500 et 2000 manifestants ont d\u00e9fil\u00e9."), "");
  EXPECT_EQ(values("Il a vendu 2000 billets et 1990 affiches."), "");
}

TEST(FindDates, MonthFirstNumericOnlyWithEvidence) {
  // Day first by default, even in English.
  EXPECT_EQ(FindDates("Filed 02/06/2019.", kAnchor)[0].value, "2019-06-02");
  // Another date of the text can only be month first: the text writes month first.
  std::vector<DateMention> m = FindDates("Filed 02/06/2019, amended 12/25/2019.", kAnchor);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].value, "2019-02-06");
  EXPECT_EQ(m[1].value, "2019-12-25");
}

TEST(FindDates, ArabicProcliticIsLeftOutOfTheSpan) {
  std::vector<DateMention> m = FindDates("وأمس قال الوزير", kAnchor);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "أمس");
}

TEST(FindDates, HostileInput) {
  std::string big;
  while (big.size() < (1u << 20)) big += "le 5 février 2019, 1300 syriens, hier ١٢/٠٣/٢٠١٩ ";
  std::vector<DateMention> m = FindDates(big, kAnchor);
  EXPECT_GT(m.size(), 10000u);
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += "12/12/12/12/ - , il y a il y a منذ 2019م ";
  EXPECT_NO_FATAL_FAILURE(FindDates(junk, kAnchor));
  EXPECT_NO_FATAL_FAILURE(FindDates("\xEF\xBF\xBD 5 \xCC\x81", std::nullopt));
}

Block Para(const std::string& text, bool furniture = false) {
  Block b;
  b.text = text;
  b.furniture = furniture;
  return b;
}

TEST(ParseDateValue, TwoYearsAreNotOneDate) {
  EXPECT_FALSE(ParseDateValue("2019 2020").has_value());
  EXPECT_FALSE(ParseDateValue("2019-2020").has_value());
  EXPECT_FALSE(ParseDateValue("5 f\u00e9vrier 2019 2020").has_value());
  ASSERT_TRUE(ParseDateValue("f\u00e9vrier 5, 2019").has_value());
}

TEST(FindPublished, BylineWinsAndPublishedBeatsUpdated) {
  std::vector<Block> blocks = {
      Para("vendredi, novembre 22, 2024", true), Para("Un titre sur le port"),
      Para("Mis à jour le 7 février 2019 à 10h"), Para("Publié le 5 février 2019 à 08h12"),
      Para("Le ministre a visité le port.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2019-02-05");
  EXPECT_EQ(g->how, "byline");
  EXPECT_EQ(g->block, 3u);
}

TEST(FindPublished, Dateline) {
  std::vector<Block> blocks = {Para("Un titre"),
                               Para("RABAT, 5 février 2019 (AGENCE) - Le ministre a reçu hier.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2019-02-05");
  EXPECT_EQ(g->how, "dateline");
  EXPECT_EQ(g->block, 1u);
}

TEST(FindPublished, DatelineWithoutAComma) {
  std::vector<Block> blocks = {Para("عنوان"),
                               Para("تونس 6 سبتمبر 2016 (أ ف ب) - قال الوزير إن الاجتماع انتهى.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2016-09-06");
  EXPECT_EQ(g->how, "dateline");
  // A sentence that merely starts with a date is not a dateline.
  EXPECT_FALSE(FindPublished({Para("Le 5 f\u00e9vrier 2019, le port a ouvert.")}, 2024) &&
               FindPublished({Para("Le 5 f\u00e9vrier 2019, le port a ouvert.")}, 2024)->how ==
                   "dateline");
}

TEST(FindPublished, DisplayDateRejectedWhenTheTextSaysOtherwise) {
  std::vector<Block> blocks = {
      Para("vendredi, novembre 22, 2024", true), Para("Forum de l'eau : ouverture demain"),
      Para("Le forum se tient ce mercredi 11 mai à Rabat, a indiqué le comité.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->how, "inferred");
  EXPECT_EQ(IsoValue(g->date), "2022-05-10");  // 11 May is a Wednesday in 2022
  EXPECT_EQ(g->block, 2u);
}

TEST(FindPublished, DisplayDateKeptWhenConsistent) {
  std::vector<Block> blocks = {Para("mardi 5 février 2019"), Para("Un titre"),
                               Para("La conférence du 4 février 2019 a réuni 80 pays.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2019-02-05");
  EXPECT_EQ(g->how, "page_date");
  EXPECT_EQ(g->block, 0u);
}

TEST(FindPublished, InferredFromDeicticNextToADate) {
  std::vector<Block> blocks = {Para("Un titre"),
                               Para("Le ministre est arrivé hier, lundi 4 février 2019, à Alger.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2019-02-05");
  EXPECT_EQ(g->how, "inferred");
}

TEST(FindPublished, ArabicByline) {
  std::vector<Block> blocks = {Para("عنوان الخبر"), Para("نشر في 5 فبراير 2019 - 10:30"),
                               Para("قال الوزير أمس إن المفاوضات مستمرة.")};
  std::optional<PublishedGuess> g = FindPublished(blocks, 2024);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2019-02-05");
  EXPECT_EQ(g->how, "byline");
}

TEST(FindPublished, NothingToSay) {
  EXPECT_FALSE(FindPublished({Para("Un titre"), Para("Le port a ouvert en 2016.")}, 2024));
  EXPECT_FALSE(FindPublished({}, 2024));
}

}  // namespace
}  // namespace qantara::news
