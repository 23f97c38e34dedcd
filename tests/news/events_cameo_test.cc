// Tests of news/events.h's CAMEO rows: one row per pair of actors, with the
// CAMEO codes of the event types.
#include <gtest/gtest.h>

#include <vector>

#include "news/events.h"
#include "tests/news/given_mentions.h"

namespace qantara::news {
namespace {

using given_mentions::Doc;
using given_mentions::Find;

TEST(EventCameo, RowsPerParticipantWithCodes) {
  Doc d = Find(
      "Le ministre Karim Tazlani a rencontré à Rabat Pierre Valmont et Laura Finch. "
      "Police arrested Omar Haddani in Marseille on Friday. "
      "Pierre Valmont s'est entretenu par téléphone avec Laura Finch.",
      {{"Karim Tazlani", MentionType::kPerson},
       {"Rabat", MentionType::kLocation},
       {"Pierre Valmont", MentionType::kPerson},
       {"Laura Finch", MentionType::kPerson},
       {"Police", MentionType::kOrganization},
       {"Omar Haddani", MentionType::kPerson},
       {"Marseille", MentionType::kLocation},
       {"Pierre Valmont", MentionType::kPerson},
       {"Laura Finch", MentionType::kPerson}});
  std::vector<CameoRow> rows = CameoRows(d.linked_events);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].code, "040");
  EXPECT_EQ(rows[0].root, "04");
  EXPECT_EQ(rows[0].actor1.entity, "p:karim-tazlani");
  EXPECT_EQ(rows[0].actor2.entity, "p:pierre-valmont");
  EXPECT_EQ(rows[0].place, "l:rabat");
  EXPECT_EQ(rows[1].actor2.entity, "p:laura-finch");
  // The arrest: the police acts on the person, whatever the word order.
  EXPECT_EQ(rows[2].code, "173");
  EXPECT_EQ(rows[2].root, "17");
  EXPECT_EQ(rows[2].actor1.entity, "o:police");
  EXPECT_EQ(rows[2].actor2.entity, "p:omar-haddani");
  EXPECT_EQ(rows[3].code, "041");
  EXPECT_EQ(rows[3].event, 2u);
  EXPECT_EQ(CameoCode(EventType::kVisit), "042");
  EXPECT_EQ(CameoCode(EventType::kAgreement), "057");
  EXPECT_EQ(CameoCode(EventType::kAttack), "180");
  EXPECT_EQ(CameoCode(EventType::kStatement), "010");
}

TEST(EventCameo, OneParticipantOneRowNoneNoRow) {
  LinkedEvent alone;
  alone.type = EventType::kVisit;
  alone.participants.push_back({"p:a", "A", MentionType::kPerson});
  LinkedEvent nobody;
  nobody.type = EventType::kAttack;
  LinkedEvent arrest_without_police;
  arrest_without_police.type = EventType::kArrest;
  arrest_without_police.participants.push_back({"p:b", "B", MentionType::kPerson});
  std::vector<CameoRow> rows = CameoRows({alone, nobody, arrest_without_police});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].actor1.entity, "p:a");
  EXPECT_EQ(rows[0].actor2.entity, "");
  EXPECT_EQ(rows[1].actor1.entity, "");  // who arrested is not said
  EXPECT_EQ(rows[1].actor2.entity, "p:b");
  EXPECT_EQ(rows[1].event, 2u);
  EXPECT_TRUE(CameoRows({alone}, 0).empty());
}

}  // namespace
}  // namespace qantara::news
