// Tests of news/events.h, the policies: flooding, speakers, dates, places,
// pronouns, blocked phrases, merging, limits, and random texts that must keep
// the invariants; on sentences we wrote, with mentions given by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "news/events.h"
#include "tests/news/given_mentions.h"

namespace qantara::news {
namespace {

using given_mentions::Doc;
using given_mentions::Find;
using given_mentions::Given;
using given_mentions::HasParticipant;
using given_mentions::OfType;
using given_mentions::PlaceOf;

TEST(Events, SayingDoesNotFlood) {
  Doc d = Find(
      "Minister Daniel Whitcombe said the port would reopen. "
      "Laura Finch said the ships were waiting. "
      "The captain Omar Haddani said the weather was fine. "
      "Daniel Whitcombe said the works had ended. "
      "Laura Finch said the cranes were ready. "
      "Omar Haddani said the crews were back.",
      {{"Daniel Whitcombe", MentionType::kPerson},
       {"Laura Finch", MentionType::kPerson},
       {"Omar Haddani", MentionType::kPerson},
       {"Daniel Whitcombe", MentionType::kPerson},
       {"Laura Finch", MentionType::kPerson},
       {"Omar Haddani", MentionType::kPerson}});
  std::vector<const LinkedEvent*> statements = OfType(d, EventType::kStatement);
  // Three lead sentences, three speakers; the three later "said" make nothing.
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0]->participants[0].entity, "p:daniel-whitcombe");
  EXPECT_EQ(statements[0]->date, "2024-03-14");  // the lead: the published date
  EXPECT_EQ(statements[0]->date_source, EventDateSource::kPublished);
  for (const LinkedEvent* s : statements) EXPECT_EQ(s->merged, 1u);
  EXPECT_EQ(d.events.size(), 3u);
}

TEST(Events, SayingNeedsASpeakerNearby) {
  Doc d =
      Find("The report said that ships from Lagos were late.", {{"Lagos", MentionType::kLocation}});
  EXPECT_TRUE(OfType(d, EventType::kStatement).empty());
}

TEST(Events, DatesFallBackOnlyForPresentAndPast) {
  Doc d = Find(
      "Le port a rouvert. Les navires attendent. Les quais sont pleins. "
      "M. Karim Tazlani a rencontré Pierre Valmont. "
      "Karim Tazlani se rendra à Tunis. "
      "La dernière réunion de Karim Tazlani remonte loin.",
      {{"Karim Tazlani", MentionType::kPerson},
       {"Pierre Valmont", MentionType::kPerson},
       {"Karim Tazlani", MentionType::kPerson},
       {"Tunis", MentionType::kLocation},
       {"Karim Tazlani", MentionType::kPerson}});
  ASSERT_EQ(d.events.size(), 3u);
  EXPECT_EQ(d.events[0].text, "a rencontré");
  EXPECT_EQ(d.events[0].date, "2024-03-14");  // a past verb: the published date
  EXPECT_EQ(d.events[0].date_source, EventDateSource::kPublished);
  EXPECT_EQ(d.events[1].text, "se rendra");
  EXPECT_EQ(d.events[1].date, "");  // future
  EXPECT_EQ(d.events[2].text, "réunion");
  EXPECT_EQ(d.events[2].date, "");  // a noun after the lead
}

TEST(Events, NearestLocativePlaceWins) {
  Doc d = Find("La réunion des pays du Sahel en Afrique se tient mercredi 11 mai 2022, à Niamey.",
               {{"Sahel", MentionType::kLocation},
                {"Afrique", MentionType::kLocation},
                {"Niamey", MentionType::kLocation}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  EXPECT_EQ(PlaceOf(d.linked_events[0]), "l:niamey");  // "à" before "en"
  EXPECT_EQ(d.linked_events[0].date, "2022-05-11");
}

TEST(Events, HostVerbGivesThePlace) {
  Doc d =
      Find("Tunis accueillera le 6 avril 2024 une réunion du Forum des ports.",
           {{"Tunis", MentionType::kLocation}, {"Forum des ports", MentionType::kOrganization}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  EXPECT_EQ(PlaceOf(d.linked_events[0]), "l:tunis");
  EXPECT_EQ(d.linked_events[0].date, "2024-04-06");
}

TEST(Events, DatelinePlace) {
  Doc d = Find("TUNIS, 12 mars - Mme Leila Brahmi a reçu en audience M. Pierre Valmont.",
               {{"TUNIS", MentionType::kLocation},
                {"Leila Brahmi", MentionType::kPerson},
                {"Pierre Valmont", MentionType::kPerson}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  EXPECT_EQ(PlaceOf(d.linked_events[0]), "l:tunis");
}

TEST(Events, PronounTakesThePreviousPerson) {
  Doc d = Find(
      "M. Pierre Valmont est arrivé hier. Il a tenu une réunion avec les élus. "
      "Il s'est entretenu avec Mme Leila Brahmi.",
      {{"Pierre Valmont", MentionType::kPerson}, {"Leila Brahmi", MentionType::kPerson}});
  ASSERT_EQ(d.events.size(), 2u);
  ASSERT_EQ(d.events[0].participants.size(), 1u);
  EXPECT_EQ(d.events[0].participants[0], 0u);  // Valmont
  // The sentence before names nobody: the pronoun's person is not carried further.
  ASSERT_EQ(d.events[1].participants.size(), 1u);
  EXPECT_EQ(d.events[1].participants[0], 1u);
}

TEST(Events, PronounSubjectJoinsThoseNamed) {
  Doc d = Find("M. Samir Haddou est arrivé à Tunis. Il s'est entretenu avec M. Georges Khalil.",
               {{"Samir Haddou", MentionType::kPerson},
                {"Tunis", MentionType::kLocation},
                {"Georges Khalil", MentionType::kPerson}});
  std::vector<const LinkedEvent*> meetings = OfType(d, EventType::kMeeting);
  ASSERT_EQ(meetings.size(), 1u);
  ASSERT_EQ(meetings[0]->participants.size(), 2u);
  EXPECT_EQ(meetings[0]->participants[0].entity, "p:samir-haddou");
  EXPECT_EQ(meetings[0]->participants[1].entity, "p:georges-khalil");
}

TEST(Events, BlockedPhrasesMakeNoEvent) {
  Doc d = Find(
      "Karim Tazlani est d'accord avec Pierre Valmont. Daniel Whitcombe had a heart attack in "
      "Leeds.",
      {{"Karim Tazlani", MentionType::kPerson},
       {"Pierre Valmont", MentionType::kPerson},
       {"Daniel Whitcombe", MentionType::kPerson},
       {"Leeds", MentionType::kLocation}});
  EXPECT_TRUE(d.events.empty());
}

TEST(Events, ReceivingSomeoneIsAMeetingReceivingAThingIsNot) {
  Doc d = Find(
      "Le ministre Omar Fennich a re\u00e7u mardi \u00e0 Fès son homologue Pierre Valmont. "
      "La chanteuse Nadia Ouazzani a re\u00e7u un prix \u00e0 Meknès. "
      "Omar Fennich received a letter from Pierre Valmont.",
      {{"Omar Fennich", MentionType::kPerson},
       {"Fès", MentionType::kLocation},
       {"Pierre Valmont", MentionType::kPerson},
       {"Nadia Ouazzani", MentionType::kPerson},
       {"Meknès", MentionType::kLocation},
       {"Omar Fennich", MentionType::kPerson},
       {"Pierre Valmont", MentionType::kPerson}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  EXPECT_EQ(d.linked_events[0].type, EventType::kMeeting);
  EXPECT_EQ(d.linked_events[0].text, "a re\u00e7u");
  ASSERT_EQ(d.linked_events[0].participants.size(), 2u);
  EXPECT_EQ(d.linked_events[0].participants[1].entity, "p:pierre-valmont");
  // The host may be a title that is no mention; the guest is enough.
  Doc king = Find("The King of Jordan received the Italian minister Paolo Renzi in Amman.",
                  {{"Paolo Renzi", MentionType::kPerson}, {"Amman", MentionType::kLocation}});
  ASSERT_EQ(king.linked_events.size(), 1u);
  EXPECT_EQ(king.linked_events[0].place->entity, "l:amman");
}

TEST(Events, ACityAndItsCountryAreOnePlace) {
  EXPECT_EQ(CountryOf("l:marrakech"), "l:morocco");
  EXPECT_EQ(CountryOf("l:morocco"), "");
  EXPECT_EQ(CountryOf("l:nowhere"), "");
  Doc d = Find(
      "The Ports Forum met on Thursday, March 7 in Morocco. "
      "The Ports Forum meeting was held in Marrakech on March 7.",
      {{"Ports Forum", MentionType::kOrganization},
       {"Morocco", MentionType::kLocation},
       {"Ports Forum", MentionType::kOrganization},
       {"Marrakech", MentionType::kLocation}});
  ASSERT_EQ(d.linked_events.size(), 1u);
  EXPECT_EQ(d.linked_events[0].place->entity, "l:marrakech");  // the city, not its country
}

TEST(Events, BareTriggerWithNothingAroundIsDropped) {
  Doc d = Find(
      "Le port a rouvert. Les navires attendent. Les quais sont pleins. Cette réunion fut longue.",
      {});
  EXPECT_TRUE(d.events.empty());
}

TEST(Events, MergesOneEventToldThreeTimes) {
  Doc d = Find(
      "Réunion du Forum des ports à Tunis\n"
      "Le Forum des ports se réunit jeudi 7 mars à Tunis.\n"
      "Le Port autonome de Sfax a rappelé l'ordre du jour. "
      "La réunion accueillera M. Pierre Valmont et le Forum des ports.",
      {{"Forum des ports", MentionType::kOrganization},
       {"Tunis", MentionType::kLocation},
       {"Forum des ports", MentionType::kOrganization},
       {"Tunis", MentionType::kLocation},
       {"Port autonome de Sfax", MentionType::kOrganization},
       {"Pierre Valmont", MentionType::kPerson},
       {"Forum des ports", MentionType::kOrganization}});
  std::vector<const LinkedEvent*> meetings = OfType(d, EventType::kMeeting);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->merged, 3u);
  EXPECT_EQ(meetings[0]->text, "Réunion");  // the first trigger
  EXPECT_EQ(meetings[0]->date, "2024-03-07");
  EXPECT_EQ(meetings[0]->date_source, EventDateSource::kText);
  EXPECT_EQ(PlaceOf(*meetings[0]), "l:tunis");
  EXPECT_TRUE(HasParticipant(*meetings[0], "o:forum-des-ports"));
  EXPECT_TRUE(HasParticipant(*meetings[0], "p:pierre-valmont"));
}

TEST(Events, NamelessEventJoinsOnlyThroughPlaceOrDay) {
  Doc d = Find(
      "Le port a rouvert. Les navires attendent. Les quais sont pleins. "
      "Un communiqué annonce la réunion avec M. Pierre Valmont. "
      "Cette réunion des ministres se tient en Tunisie. "
      "La réunion en Tunisie a duré deux heures.",
      {{"Pierre Valmont", MentionType::kPerson},
       {"Tunisie", MentionType::kLocation},
       {"Tunisie", MentionType::kLocation}});
  std::vector<const LinkedEvent*> meetings = OfType(d, EventType::kMeeting);
  ASSERT_EQ(meetings.size(), 2u);  // Valmont's, and the one in Tunisia (told twice)
  EXPECT_EQ(PlaceOf(*meetings[0]), "");
  EXPECT_EQ(PlaceOf(*meetings[1]), "l:tunisie");
  EXPECT_EQ(meetings[1]->merged, 2u);
  EXPECT_TRUE(meetings[1]->participants.empty());
}

TEST(Events, DifferentDatesStayApart) {
  Doc d = Find(
      "Karim Tazlani a rencontré Pierre Valmont le 3 mars 2024 à Rabat. "
      "Karim Tazlani a rencontré Pierre Valmont le 9 mars 2024 à Rabat.",
      {{"Karim Tazlani", MentionType::kPerson},
       {"Pierre Valmont", MentionType::kPerson},
       {"Rabat", MentionType::kLocation},
       {"Karim Tazlani", MentionType::kPerson},
       {"Pierre Valmont", MentionType::kPerson},
       {"Rabat", MentionType::kLocation}});
  EXPECT_EQ(OfType(d, EventType::kMeeting).size(), 2u);
}

TEST(Events, VisitorJoinsTheMeetingOfThatPlaceAndDay) {
  Doc d = Find(
      "Karim Tazlani se rend demain à Tunis. "
      "La réunion de demain à Tunis réunira le Forum des ports.",
      {{"Karim Tazlani", MentionType::kPerson},
       {"Tunis", MentionType::kLocation},
       {"Tunis", MentionType::kLocation},
       {"Forum des ports", MentionType::kOrganization}});
  std::vector<const LinkedEvent*> meetings = OfType(d, EventType::kMeeting);
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->date, "2024-03-15");
  EXPECT_TRUE(HasParticipant(*meetings[0], "p:karim-tazlani"));
  EXPECT_TRUE(HasParticipant(*meetings[0], "o:forum-des-ports"));
}

TEST(Events, OffsetsSelectTheTriggerInEveryLanguage) {
  Doc d = Find(
      "Le ministre Karim Tazlani a rencontré Pierre Valmont. "
      "Senator Laura Finch met Daniel Whitcombe. "
      "التقى الوزير سمير الفلاحي نظيره كريم العطار.",
      {{"Karim Tazlani", MentionType::kPerson},
       {"Pierre Valmont", MentionType::kPerson},
       {"Laura Finch", MentionType::kPerson},
       {"Daniel Whitcombe", MentionType::kPerson},
       {"سمير الفلاحي", MentionType::kPerson},
       {"كريم العطار", MentionType::kPerson}});
  ASSERT_EQ(d.events.size(), 3u);
  for (const Event& e : d.events) {
    EXPECT_EQ(e.type, EventType::kMeeting);
    EXPECT_EQ(d.text.substr(e.start, e.end - e.start), e.text);
    EXPECT_EQ(e.participants.size(), 2u);
  }
}

TEST(Events, MaxParticipantsKeepsTheNearest) {
  EventOptions options;
  options.max_participants = 2;
  Doc d = Find("Karim Tazlani, Laura Finch et Pierre Valmont ont rencontré Omar Haddani.",
               {{"Karim Tazlani", MentionType::kPerson},
                {"Laura Finch", MentionType::kPerson},
                {"Pierre Valmont", MentionType::kPerson},
                {"Omar Haddani", MentionType::kPerson}},
               "2024-03-14", options);
  ASSERT_EQ(d.events.size(), 1u);
  ASSERT_EQ(d.events[0].participants.size(), 2u);
  EXPECT_EQ(d.events[0].participants[0], 2u);  // Valmont, then Haddani, in text order
  EXPECT_EQ(d.events[0].participants[1], 3u);
}

// Random texts made of trigger words, names, places, dates and punctuation,
// with every name and place given as a mention: every event's offsets select
// its trigger, its indices point at mentions of the right types.
TEST(Events, RandomTextsKeepTheInvariants) {
  const std::vector<std::string> pieces = {"réunion",
                                           "a rencontré",
                                           "se rend",
                                           "à",
                                           "in",
                                           "Tunis",
                                           "Karim Tazlani",
                                           "said",
                                           "the",
                                           "communiqué",
                                           "d'accord",
                                           "heart attack",
                                           "والتقى",
                                           "بالرباط",
                                           "سمير الفلاحي",
                                           "اتصالا هاتفيا",
                                           "le 3 mars 2024",
                                           "demain",
                                           ".",
                                           ",",
                                           "\n",
                                           "Il",
                                           "s'est",
                                           "entretenu",
                                           "par",
                                           "téléphone",
                                           "contre",
                                           "de",
                                           "attack",
                                           "by"};
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    std::vector<Given> given;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
      const std::string& p = pieces[rng() % pieces.size()];
      if (!text.empty() && p != "." && p != ",") text += ' ';
      text += p;
    }
    // Mentions: each name or place at each of its occurrences, in order.
    std::vector<Mention> mentions;
    for (const auto& [name, type] :
         std::vector<std::pair<std::string, MentionType>>{{"Karim Tazlani", MentionType::kPerson},
                                                          {"Tunis", MentionType::kLocation},
                                                          {"سمير الفلاحي", MentionType::kPerson},
                                                          {"الرباط", MentionType::kLocation}}) {
      for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        Mention m;
        m.start = at, m.end = at + name.size(), m.text = name, m.type = type;
        mentions.push_back(m);
      }
    }
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.start < b.start; });
    std::vector<DateMention> dates = FindDates(text, CivilDate{2024, 3, 14});
    std::vector<Event> events =
        FindEvents(text, DetectLanguages(text).sentences, mentions, dates, "2024-03-14");
    for (const Event& e : events) {
      ASSERT_LT(e.start, e.end);
      ASSERT_LE(e.end, text.size());
      EXPECT_EQ(text.substr(e.start, e.end - e.start), e.text);
      EXPECT_LE(e.sentence_start, e.start);
      EXPECT_GE(e.sentence_end, e.end);
      if (e.place) {
        ASSERT_LT(*e.place, mentions.size());
        EXPECT_EQ(mentions[*e.place].type, MentionType::kLocation);
      }
      for (size_t p : e.participants) {
        ASSERT_LT(p, mentions.size());
        EXPECT_NE(mentions[p].type, MentionType::kLocation);
      }
    }
  }
}

TEST(Events, NoSentencesNoEvents) {
  EXPECT_TRUE(FindEvents("", {}, {}, {}, "").empty());
  EXPECT_TRUE(LinkEvents("", {}, {}).empty());
}

}  // namespace
}  // namespace qantara::news
