// Entity linking across mentions, documents and scripts (made-up people and a
// made-up list).
#include "news/entities.h"

#include <gtest/gtest.h>

#include "screen/index.h"

namespace qantara::news {
namespace {

Mention Person(std::string text) {
  Mention m;
  m.text = std::move(text);
  m.end = m.text.size();
  m.type = MentionType::kPerson;
  return m;
}

Mention Named(std::string text, MentionType type, const GazetteerEntry* entry = nullptr) {
  Mention m = Person(std::move(text));
  m.type = type;
  m.entry = entry;
  return m;
}

TEST(Slug, LatinAndOtherScripts) {
  EXPECT_EQ(Slug("Nasser Bourita"), "nasser-bourita");
  EXPECT_EQ(Slug("  \u00c9lodie  d'Arvor "), "elodie-d-arvor");
  EXPECT_FALSE(Slug("\u0646\u0627\u0635\u0631").empty());
  EXPECT_EQ(Slug("!!!"), "x");
}

TEST(EntityLinker, OnePersonAcrossScriptsAndShortForms) {
  EntityLinker linker(nullptr);
  auto doc1 = linker.LinkDocument(
      {Person("Odalric Bennaceur"), Person("Bennaceur"),
       Person("\u0623\u0648\u062f\u0627\u0644\u0631\u064a\u0643 \u0628\u0646\u0627\u0635\u0631")});
  ASSERT_EQ(doc1.size(), 3u);
  EXPECT_EQ(doc1[0].entity, "p:odalric-bennaceur");
  EXPECT_EQ(doc1[1].entity, doc1[0].entity);
  EXPECT_EQ(doc1[2].entity, doc1[0].entity) << "the Arabic spelling is the same person";
  EXPECT_EQ(doc1[2].canonical, "Odalric Bennaceur");
  // A later document that only says "M. Bennaceur" still means him.
  auto doc2 = linker.LinkDocument({Person("Bennaceur")});
  EXPECT_EQ(doc2[0].entity, doc1[0].entity);
}

TEST(EntityLinker, TwoPeopleSharingAGivenNameStayApart) {
  EntityLinker linker(nullptr);
  auto d = linker.LinkDocument({Person("Karim Benslimane"), Person("Karim Oudghiri")});
  EXPECT_NE(d[0].entity, d[1].entity);
}

TEST(EntityLinker, CanonicalGrowsKeyStays) {
  EntityLinker linker(nullptr);
  auto d = linker.LinkDocument({Person("Fernmoor"), Person("Odalric Fernmoor")});
  EXPECT_EQ(d[0].entity, d[1].entity);
  EXPECT_EQ(d[0].canonical, "Odalric Fernmoor");
  EXPECT_EQ(d[0].entity, "p:fernmoor");
}

TEST(EntityLinker, GazetteerEntriesLinkById) {
  GazetteerEntry rabat{"l:rabat", MentionType::kLocation, "Rabat", ""};
  EntityLinker linker(nullptr);
  auto d = linker.LinkDocument({Named("Rabat", MentionType::kLocation, &rabat),
                                Named("\u0627\u0644\u0631\u0628\u0627\u0637", MentionType::kLocation, &rabat)});
  EXPECT_EQ(d[0].entity, "l:rabat");
  EXPECT_EQ(d[1].entity, "l:rabat");
  EXPECT_EQ(d[1].canonical, "Rabat");
}

TEST(EntityLinker, ListedAgainstTheLoadedLists) {
  lists::Entity group;
  group.list = "test";
  group.ref = "G1";
  group.schema = lists::Schema::kOrganization;
  group.caption = "Brotherhood of the Grey Dunes";
  group.names.push_back({"Brotherhood of the Grey Dunes", lists::NameKind::kPrimary});
  lists::Entity person;
  person.list = "test";
  person.ref = "P1";
  person.schema = lists::Schema::kPerson;
  person.caption = "Zayd Qasim al-Fulani";
  person.names.push_back({"Zayd Qasim al-Fulani", lists::NameKind::kPrimary});
  auto index = screen::CandidateIndex::Build({group, person});
  auto screener = std::make_shared<const screen::Screener>(std::move(index), screen::ScreenOptions());
  GazetteerEntry dunes{"o:dunes", MentionType::kOrganization, "Grey Dunes",
                       "Brotherhood of the Grey Dunes"};
  EntityLinker linker(screener);
  auto d = linker.LinkDocument({Named("les Dunes grises", MentionType::kOrganization, &dunes),
                                Person("Zayd Qasim al-Fulani"), Person("Zayd Qasim"),
                                Person("Odalric Fernmoor")});
  ASSERT_TRUE(d[0].listed.has_value());
  EXPECT_EQ(d[0].listed->ref, "G1");
  ASSERT_TRUE(d[1].listed.has_value());
  EXPECT_EQ(d[1].listed->ref, "P1");
  EXPECT_EQ(d[2].entity, d[1].entity);
  EXPECT_FALSE(d[3].listed.has_value());
}

}  // namespace
}  // namespace qantara::news
