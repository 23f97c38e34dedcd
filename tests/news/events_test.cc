// Tests of news/events.h, the event types: each rule on sentences we wrote
// (made-up names), with mentions given by hand so that each rule is tested on
// its own. The policies are in events_policies_test.cc, the trigger lexicon in
// events_lexicon_test.cc, the CAMEO rows in events_cameo_test.cc, the whole
// reader and the seeds in events_read_test.cc.
#include "news/events.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/news/given_mentions.h"

namespace qantara::news {
namespace {

using given_mentions::Doc;
using given_mentions::Find;
using given_mentions::HasParticipant;
using given_mentions::OfType;
using given_mentions::PlaceOf;

TEST(Events, FrenchMeetingWithParticipantsPlaceAndDate) {
  Doc d = Find("Le ministre Karim Tazlani a rencontré mardi à Rabat son homologue Pierre Valmont.",
               {{"Karim Tazlani", MentionType::kPerson},
                {"Rabat", MentionType::kLocation},
                {"Pierre Valmont", MentionType::kPerson}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  const LinkedEvent& e = d.linked_events[0];
  EXPECT_EQ(e.type, EventType::kMeeting);
  EXPECT_EQ(e.text, "a rencontré");
  EXPECT_EQ(d.text.substr(e.start, e.end - e.start), e.text);
  EXPECT_EQ(e.date, "2024-03-12");  // the Tuesday before Thursday 14 March
  EXPECT_EQ(e.date_source, EventDateSource::kText);
  EXPECT_EQ(PlaceOf(e), "l:rabat");
  EXPECT_TRUE(HasParticipant(e, "p:karim-tazlani"));
  EXPECT_TRUE(HasParticipant(e, "p:pierre-valmont"));
  EXPECT_EQ(e.sentence, d.text);
}

TEST(Events, EnglishVisitDatedByTheText) {
  Doc d = Find("Foreign Minister Daniel Whitcombe visited Cairo on 3 March 2024 to open a school.",
               {{"Daniel Whitcombe", MentionType::kPerson}, {"Cairo", MentionType::kLocation}});
  std::vector<const LinkedEvent*> visits = OfType(d, EventType::kVisit);
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0]->text, "visited");
  EXPECT_EQ(visits[0]->date, "2024-03-03");
  EXPECT_EQ(PlaceOf(*visits[0]), "l:cairo");  // a visit verb's object is its destination
  EXPECT_TRUE(HasParticipant(*visits[0], "p:daniel-whitcombe"));
}

TEST(Events, ArabicCallWithClitic) {
  // "Minister Samir al-Fallahi made a phone call with his counterpart Karim al-Attar on
  // 5 March 2024."
  Doc d = Find("أجرى الوزير سمير الفلاحي اتصالا هاتفيا مع نظيره كريم العطار يوم 5 مارس 2024.",
               {{"سمير الفلاحي", MentionType::kPerson}, {"كريم العطار", MentionType::kPerson}});
  std::vector<const LinkedEvent*> calls = OfType(d, EventType::kCall);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0]->text, "اتصالا هاتفيا");
  EXPECT_EQ(calls[0]->date, "2024-03-05");
  EXPECT_EQ(calls[0]->participants.size(), 2u);
}

TEST(Events, ArabicMeetingWithProcliticsAndPlaceByBi) {
  // "And Minister Samir al-Fallahi met in Rabat yesterday ..." with wa- on the verb and
  // bi- on the place.
  Doc d = Find("والتقى الوزير سمير الفلاحي أمس بالرباط رئيس الحكومة هشام الودغيري.",
               {{"سمير الفلاحي", MentionType::kPerson},
                {"الرباط", MentionType::kLocation},
                {"هشام الودغيري", MentionType::kPerson}});
  std::vector<const LinkedEvent*> meetings = OfType(d, EventType::kMeeting);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->text, "والتقى");
  EXPECT_EQ(PlaceOf(*meetings[0]), "l:" + Slug("الرباط"));
  EXPECT_EQ(meetings[0]->date, "2024-03-13");  // amsi: the day before the published date
  EXPECT_EQ(meetings[0]->participants.size(), 2u);
}

TEST(Events, PressConferenceAgreementAttackArrest) {
  Doc d = Find(
      "Lors d'une conférence de presse à Tunis, Mme Leila Brahmi a présenté le bilan. "
      "Les ministres Karim Tazlani et Aminata Sow ont signé un accord de pêche à Dakar le 4 mars "
      "2024. "
      "An attack claimed by the Northern Front killed two guards in Kirkuk on Monday. "
      "Police arrested Omar Haddani in Marseille on Friday.",
      {{"Tunis", MentionType::kLocation},
       {"Leila Brahmi", MentionType::kPerson},
       {"Karim Tazlani", MentionType::kPerson},
       {"Aminata Sow", MentionType::kPerson},
       {"Dakar", MentionType::kLocation},
       {"Northern Front", MentionType::kOrganization},
       {"Kirkuk", MentionType::kLocation},
       {"Police", MentionType::kOrganization},
       {"Omar Haddani", MentionType::kPerson},
       {"Marseille", MentionType::kLocation}});
  std::vector<const LinkedEvent*> press = OfType(d, EventType::kPressConference);
  ASSERT_EQ(press.size(), 1u);
  EXPECT_EQ(press[0]->text, "conférence de presse");
  EXPECT_EQ(PlaceOf(*press[0]), "l:tunis");
  EXPECT_TRUE(HasParticipant(*press[0], "p:leila-brahmi"));

  // "ont signé" and "accord": two triggers, one event.
  std::vector<const LinkedEvent*> agreements = OfType(d, EventType::kAgreement);
  ASSERT_EQ(agreements.size(), 1u);
  EXPECT_EQ(agreements[0]->text, "ont signé");
  EXPECT_EQ(agreements[0]->date, "2024-03-04");
  EXPECT_EQ(PlaceOf(*agreements[0]), "l:dakar");
  EXPECT_EQ(agreements[0]->participants.size(), 2u);

  std::vector<const LinkedEvent*> attacks = OfType(d, EventType::kAttack);
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_EQ(attacks[0]->participants[0].entity, "o:northern-front");  // "claimed by"
  EXPECT_EQ(attacks[0]->date, "2024-03-11");
  EXPECT_EQ(PlaceOf(*attacks[0]), "l:kirkuk");
  EXPECT_TRUE(HasParticipant(*attacks[0], "o:northern-front"));

  std::vector<const LinkedEvent*> arrests = OfType(d, EventType::kArrest);
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_EQ(arrests[0]->text, "arrested");
  EXPECT_EQ(arrests[0]->date, "2024-03-08");
  EXPECT_EQ(PlaceOf(*arrests[0]), "l:marseille");
}

TEST(Events, AttackAuthorComesFirst) {
  Doc d = Find("Le Port autonome a subi les bombardements de la Ligue du Nord près de Sfax.",
               {{"Port autonome", MentionType::kOrganization},
                {"Ligue du Nord", MentionType::kOrganization},
                {"Sfax", MentionType::kLocation}});
  std::vector<const LinkedEvent*> attacks = OfType(d, EventType::kAttack);
  ASSERT_EQ(attacks.size(), 1u);
  ASSERT_EQ(attacks[0]->participants.size(), 2u);
  EXPECT_EQ(attacks[0]->participants[0].entity, "o:ligue-du-nord");
  std::vector<CameoRow> rows = CameoRows(d.linked_events);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor1.entity, "o:ligue-du-nord");
  EXPECT_EQ(rows[0].actor2.entity, "o:port-autonome");
}

TEST(Events, AdverbInsideAVerbPhrase) {
  Doc d = Find("La gendarmerie a ensuite arrêté M. Omar Haddani près de Sfax.",
               {{"gendarmerie", MentionType::kOrganization},
                {"Omar Haddani", MentionType::kPerson},
                {"Sfax", MentionType::kLocation}});
  std::vector<const LinkedEvent*> arrests = OfType(d, EventType::kArrest);
  ASSERT_EQ(arrests.size(), 1u);
  EXPECT_EQ(arrests[0]->text, "a ensuite arrêté");
  EXPECT_EQ(PlaceOf(*arrests[0]), "l:sfax");  // "près de": a weak locative
}

TEST(Events, FuturePlanWithNobodyAndNowhereIsDropped) {
  Doc d = Find(
      "Le port a rouvert. Les navires attendent. Les quais sont pleins. "
      "The union will meet again next week.",
      {});
  EXPECT_TRUE(d.events.empty());
}

TEST(Events, OpponentIsNoParticipantOfAMeeting) {
  Doc d = Find("Le Forum des ports se réunit à Tunis pour la lutte contre le Réseau noir.",
               {{"Forum des ports", MentionType::kOrganization},
                {"Tunis", MentionType::kLocation},
                {"Réseau noir", MentionType::kOrganization}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  ASSERT_EQ(d.linked_events[0].participants.size(), 1u);
  EXPECT_EQ(d.linked_events[0].participants[0].entity, "o:forum-des-ports");
}

TEST(Events, StatementNounAnywhere) {
  Doc d = Find(
      "Le port a rouvert. Les navires attendent. Les quais sont pleins. Les grues tournent. "
      "Dans un communiqué, le Conseil maritime a salué la reprise.",
      {{"Conseil maritime", MentionType::kOrganization}});
  std::vector<const LinkedEvent*> statements = OfType(d, EventType::kStatement);
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0]->text, "communiqué");
  EXPECT_TRUE(HasParticipant(*statements[0], "o:conseil-maritime"));
  EXPECT_EQ(statements[0]->date, "");  // a noun outside the lead: not dated by publication
}

}  // namespace
}  // namespace qantara::news
