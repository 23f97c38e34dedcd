// Office holders named in a text, and the year they give to a date written
// without one (news/officeholders.h, FindPublished).
#include "news/officeholders.h"

#include <gtest/gtest.h>

#include "news/dates.h"
#include "news/internal/date_calendar.h"

namespace qantara::news {
namespace {

using dates_internal::DaysFromCivil;

Block Para(const std::string& text) {
  Block b;
  b.text = text;
  return b;
}

TEST(NamedHolders, NameWithTheOfficeNearby) {
  std::vector<NamedHolder> named = NamedHolders(
      {Para("Le secr\u00e9taire d'\u00c9tat am\u00e9ricain John Kerry est attendu au sommet."),
       Para("Ashton Carter, Secretary of Defense, will speak after him.")});
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[0].canonical, "John Kerry");
  EXPECT_EQ(named[0].office, "us_secretary_of_state");
  ASSERT_EQ(named[0].terms.size(), 1u);
  EXPECT_EQ(named[0].terms[0].first, DaysFromCivil(2013, 2, 1));
  EXPECT_EQ(named[0].terms[0].last, DaysFromCivil(2017, 1, 20));
  EXPECT_EQ(named[1].canonical, "Ashton Carter");
  EXPECT_EQ(named[1].office, "us_secretary_of_defense");
}

TEST(NamedHolders, ArabicNameAndOffice) {
  std::vector<NamedHolder> named =
      NamedHolders({Para("وصل وزير الخارجية الأمريكي جون كيري إلى الرباط مساء اليوم.")});
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].canonical, "John Kerry");
}

TEST(NamedHolders, NoOfficeOrAFormerOneIsNotEnough) {
  // The name alone: the person may be named for another role.
  EXPECT_TRUE(
      NamedHolders({Para("John Kerry a visit\u00e9 une \u00e9cole \u00e0 Boston.")}).empty());
  // Past titles.
  EXPECT_TRUE(NamedHolders({Para("L'ancien secr\u00e9taire d'\u00c9tat John Kerry a parl\u00e9.")})
                  .empty());
  EXPECT_TRUE(
      NamedHolders({Para("Former Secretary of State John Kerry spoke at the forum.")}).empty());
  EXPECT_TRUE(
      NamedHolders({Para("قال وزير الخارجية الأمريكي السابق جون كيري إن الحل ممكن.")}).empty());
  // Another office's words near the name.
  EXPECT_TRUE(
      NamedHolders({Para("Le pr\u00e9sident John Kerry du club de voile a parl\u00e9.")}).empty());
  // Furniture is not the article.
  Block nav = Para("Secretary of State John Kerry");
  nav.furniture = true;
  EXPECT_TRUE(NamedHolders({nav}).empty());
}

TEST(NamedHolders, TwoTermsOfOnePerson) {
  std::vector<NamedHolder> named = NamedHolders({Para("President Donald Trump signed the order.")});
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].terms.size(), 2u);
}

TEST(WritingDays, IntersectionOfTerms) {
  NamedHolder a{"A", "x", {{100, 200}, {400, 500}}};
  NamedHolder b{"B", "y", {{150, 450}}};
  std::vector<DayRange> days = WritingDays({a, b});
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].first, 150);
  EXPECT_EQ(days[0].last, 200);
  EXPECT_EQ(days[1].first, 400);
  EXPECT_EQ(days[1].last, 450);
  // Terms that never overlap say nothing.
  EXPECT_TRUE(WritingDays({a, NamedHolder{"C", "z", {{300, 350}}}}).empty());
  EXPECT_TRUE(WritingDays({}).empty());
}

TEST(FindPublished, YearOfAWeekdayDateFromTheOfficeHolders) {
  // Thursday 21 July: 2011, 2016 and 2022.
  const std::string meeting =
      "La r\u00e9union des ministres aura lieu ce jeudi 21 juillet \u00e0 Gen\u00e8ve";
  std::optional<PublishedGuess> plain = FindPublished({Para(meeting + ".")}, 2024);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(IsoValue(plain->date), "2022-07-21");  // the latest year the weekday allows

  std::optional<PublishedGuess> kerry = FindPublished(
      {Para(meeting + ", avec le secr\u00e9taire d'\u00c9tat am\u00e9ricain John Kerry.")}, 2024);
  ASSERT_TRUE(kerry.has_value());
  EXPECT_EQ(IsoValue(kerry->date), "2016-07-21");
  EXPECT_EQ(kerry->how, "inferred");

  // Holders who were never in office together are not trusted: the latest year again.
  std::optional<PublishedGuess> both =
      FindPublished({Para(meeting + ", avec le secr\u00e9taire d'\u00c9tat John Kerry."),
                     Para("Le pr\u00e9sident Emmanuel Macron y sera aussi.")},
                    2024);
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(IsoValue(both->date), "2022-07-21");
}

}  // namespace
}  // namespace qantara::news
