// The news database: round trips, stable entity keys across runs, search
// across scripts, and bad database files (made-up documents and people).
#include "store/news_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "news/entities.h"

namespace qantara::store {
namespace {

news::Mention PersonMention(std::string text, size_t start) {
  news::Mention m;
  m.text = std::move(text);
  m.start = start;
  m.end = start + m.text.size();
  m.type = news::MentionType::kPerson;
  return m;
}

news::ReadDocument Doc(std::string id, std::string text) {
  news::ReadDocument d;
  d.doc = std::move(id);
  d.title = "Titre";
  d.published = "2019-02-05";
  d.text = std::move(text);
  return d;
}

std::string TempPath(const char* name) {
  auto p = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove(p);
  std::filesystem::remove(p.string() + "-wal");
  std::filesystem::remove(p.string() + "-shm");
  return p.string();
}

TEST(SearchForm, FoldsAccentsCaseAndArabicClitics) {
  EXPECT_EQ(SearchForm("\u00c9tat"), "etat");
  // bi + al-rabat is also indexed as al-rabat and rabat.
  EXPECT_EQ(SearchForm("\u0628\u0627\u0644\u0631\u0628\u0627\u0637"),
            "\u0628\u0627\u0644\u0631\u0628\u0627\u0637 \u0627\u0644\u0631\u0628\u0627\u0637 "
            "\u0631\u0628\u0627\u0637");
}

TEST(NewsStore, EntityKeysStayTheSameAcrossRuns) {
  const std::string path = TempPath("qantara_store_keys.db");
  std::string first_key;
  {
    auto store = NewsStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    news::EntityLinker linker(nullptr);
    news::ReadDocument d = Doc("a.txt", "Odalric Bennaceur est venu.");
    auto mentions = linker.LinkDocument({PersonMention("Odalric Bennaceur", 0)});
    first_key = mentions[0].entity;
    ASSERT_TRUE((*store)->SaveDocument(d, mentions).ok());
    ASSERT_TRUE((*store)->SaveEntities(linker.TakeChanged()).ok());
  }
  auto store = NewsStore::Open(path);
  ASSERT_TRUE(store.ok());
  auto entities = (*store)->LoadEntities();
  ASSERT_TRUE(entities.ok());
  ASSERT_EQ(entities->size(), 1u);
  news::EntityLinker linker(nullptr);
  linker.Seed(*entities);
  // The next run's "M. Bennaceur", and his name in Arabic script, are the same entity.
  auto mentions = linker.LinkDocument(
      {PersonMention("Bennaceur", 3),
       PersonMention(
           "\u0623\u0648\u062f\u0627\u0644\u0631\u064a\u0643 \u0628\u0646\u0627\u0635\u0631", 20)});
  EXPECT_EQ(mentions[0].entity, first_key);
  EXPECT_EQ(mentions[1].entity, first_key);
  EXPECT_EQ(mentions[1].canonical, "Odalric Bennaceur");
}

TEST(NewsStore, SearchFindsEntitiesAcrossScriptsAndWords) {
  auto store = NewsStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  news::EntityLinker linker(nullptr);
  news::ReadDocument a = Doc("a", "Odalric Bennaceur arrive \u00e0 Rabat.");
  auto ma = linker.LinkDocument({PersonMention("Odalric Bennaceur", 0)});
  news::ReadDocument b =
      Doc("b",
          "\u0648\u0635\u0644 \u0623\u0648\u062f\u0627\u0644\u0631\u064a\u0643 "
          "\u0628\u0646\u0627\u0635\u0631 \u0628\u0627\u0644\u0631\u0628\u0627\u0637");
  auto mb = linker.LinkDocument({PersonMention(
      "\u0623\u0648\u062f\u0627\u0644\u0631\u064a\u0643 \u0628\u0646\u0627\u0635\u0631", 7)});
  ASSERT_TRUE((*store)->SaveDocument(a, ma).ok());
  ASSERT_TRUE((*store)->SaveDocument(b, mb).ok());
  ASSERT_TRUE((*store)->SaveEntities(linker.TakeChanged()).ok());

  auto hits = (*store)->Search("Bennaceur", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u) << "both scripts, by entity";
  EXPECT_EQ((*hits)[0].matched, "entity");
  auto arabic_place = (*store)->Search("\u0627\u0644\u0631\u0628\u0627\u0637", 10);
  ASSERT_TRUE(arabic_place.ok());
  ASSERT_EQ(arabic_place->size(), 1u) << "bi-al-rabat is found by al-rabat";
  EXPECT_EQ((*arabic_place)[0].doc, "b");
  auto accents = (*store)->Search("a RABAT", 10);
  ASSERT_TRUE(accents.ok());
  ASSERT_EQ(accents->size(), 1u);
  EXPECT_EQ((*accents)[0].doc, "a");
  auto none = (*store)->Search("\"; DROP TABLE documents; --", 10);
  EXPECT_TRUE(none.ok()) << "query syntax is quoted away";
}

TEST(NewsStore, ReadingADocumentAgainReplacesIt) {
  auto store = NewsStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  news::EntityLinker linker(nullptr);
  ASSERT_TRUE((*store)->SaveDocument(Doc("a", "ancien texte"), {}).ok());
  ASSERT_TRUE((*store)->SaveDocument(Doc("a", "nouveau texte"), {}).ok());
  auto old_hits = (*store)->Search("ancien", 10);
  auto new_hits = (*store)->Search("nouveau", 10);
  ASSERT_TRUE(old_hits.ok() && new_hits.ok());
  EXPECT_TRUE(old_hits->empty());
  EXPECT_EQ(new_hits->size(), 1u);
}

news::LinkedEvent Meeting(std::string date, std::string place, std::vector<std::string> who) {
  news::LinkedEvent e;
  e.type = news::EventType::kMeeting;
  e.text = "a rencontr\u00e9";
  e.date = std::move(date);
  e.place = news::EventActor{std::move(place), "Rabat", news::MentionType::kLocation};
  for (std::string& k : who)
    e.participants.push_back({std::move(k), "", news::MentionType::kPerson});
  e.sentence = "Une phrase.";
  return e;
}

TEST(NewsStore, TimelineOfAnEntityByDate) {
  auto store = NewsStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  news::EntityLinker linker(nullptr);
  auto ma = linker.LinkDocument({PersonMention("Odalric Bennaceur", 0)});
  const std::string key = ma[0].entity;
  // Two documents with a meeting each (saved out of date order), one that only mentions him.
  news::ReadDocument later = Doc("later", "Odalric Bennaceur a rencontr\u00e9 un ministre.");
  later.published = "2022-05-11";
  ASSERT_TRUE(
      (*store)->SaveDocument(later, ma, {Meeting("2022-05-11", "l:rabat", {key})}, "s:1").ok());
  news::ReadDocument earlier = Doc("earlier", "Odalric Bennaceur a rencontr\u00e9 un ministre.");
  earlier.published = "2019-02-06";
  ASSERT_TRUE(
      (*store)->SaveDocument(earlier, ma, {Meeting("2019-02-06", "l:rabat", {key})}, "s:2").ok());
  ASSERT_TRUE((*store)->SaveDocument(Doc("mention", "Odalric Bennaceur est cit\u00e9."), ma).ok());
  ASSERT_TRUE((*store)->SaveEntities(linker.TakeChanged()).ok());

  auto keys = (*store)->ResolveEntities("Bennaceur");
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(*keys, std::vector<std::string>{key});
  auto exact = (*store)->ResolveEntities(key);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(*exact, std::vector<std::string>{key});
  auto unknown = (*store)->ResolveEntities("Personne Inconnue");
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(unknown->empty());

  auto t = (*store)->Timeline(*keys, 10);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[0].date, "2019-02-05");  // the mention's document (published)
  EXPECT_EQ((*t)[0].kind, "mention");
  EXPECT_EQ((*t)[1].date, "2019-02-06");
  EXPECT_EQ((*t)[1].kind, "meeting");
  EXPECT_EQ((*t)[1].place, "l:rabat");
  EXPECT_EQ((*t)[1].participants, std::vector<std::string>{key});
  EXPECT_EQ((*t)[2].date, "2022-05-11");
  // The place's timeline has both meetings.
  auto place = (*store)->Timeline({"l:rabat"}, 10);
  ASSERT_TRUE(place.ok());
  EXPECT_EQ(place->size(), 2u);
  // Reading a document again replaces its events.
  ASSERT_TRUE((*store)->SaveDocument(later, ma, {}, "s:1").ok());
  auto again = (*store)->Timeline(*keys, 10);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), 3u);  // its meeting gone, its mention kept
  EXPECT_EQ(again->back().kind, "mention");
}

TEST(NewsStore, AlertsForListedEntitiesWithEvidence) {
  auto store = NewsStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  news::EntityLinker linker(nullptr);
  const std::string text = "Selon la police, Odalric Bennaceur aurait quitt\u00e9 le pays hier.";
  auto m = linker.LinkDocument({PersonMention("Odalric Bennaceur", 17)});
  ASSERT_TRUE((*store)->SaveDocument(Doc("a", text), m).ok());
  ASSERT_TRUE((*store)->SaveDocument(Doc("b", "Rien \u00e0 signaler."), {}).ok());
  ASSERT_TRUE((*store)->SaveEntities(linker.TakeChanged()).ok());
  news::Listed entry{"un", "QDi.999", "BENNACEUR, Odalric", 0.97};
  auto alerts = (*store)->Alerts({{m[0].entity, entry}}, 10);
  ASSERT_TRUE(alerts.ok()) << alerts.status().ToString();
  ASSERT_EQ(alerts->size(), 1u);
  const Alert& a = (*alerts)[0];
  EXPECT_EQ(a.doc, "a");
  EXPECT_EQ(a.listed.ref, "QDi.999");
  EXPECT_EQ(a.mention, "Odalric Bennaceur");
  EXPECT_EQ(text.substr(a.start, a.end - a.start), "Odalric Bennaceur");
  EXPECT_NE(a.evidence.find("Selon la police"), std::string::npos);
  EXPECT_EQ(a.canonical, "Odalric Bennaceur");
  // Nothing listed, nothing raised.
  auto none = (*store)->Alerts({}, 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(NewsStore, BadDatabaseFilesGiveClearErrors) {
  const std::string junk = TempPath("qantara_store_junk.db");
  {
    std::ofstream out(junk, std::ios::binary);
    out << std::string(4096, 'x');
  }
  auto opened = NewsStore::Open(junk);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find(junk), std::string::npos);

  const std::string newer = TempPath("qantara_store_newer.db");
  {
    auto db = Database::Open(newer);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 99").ok());
  }
  auto too_new = NewsStore::Open(newer);
  ASSERT_FALSE(too_new.ok());
  EXPECT_NE(too_new.status().message().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace qantara::store
