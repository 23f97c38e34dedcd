// Stories across documents and languages (news/stories.h).
#include "news/stories.h"

#include <gtest/gtest.h>

namespace qantara::news {
namespace {

const char kReport[] =
    "Le ministre des Affaires \u00e9trang\u00e8res Karim Benslimane a re\u00e7u mardi \u00e0 "
    "Rabat son homologue Paolo Ferrante pour des entretiens sur la coop\u00e9ration "
    "portuaire, la p\u00eache et la s\u00e9curit\u00e9 en M\u00e9diterran\u00e9e. Les deux "
    "ministres ont sign\u00e9 un accord sur la formation des marins et annonc\u00e9 une "
    "commission mixte qui se r\u00e9unira au printemps \u00e0 Naples.";

StoryEvidence Doc(std::string doc, std::string text, std::string published = "") {
  StoryEvidence e;
  e.doc = std::move(doc);
  e.text = std::move(text);
  e.published = std::move(published);
  return e;
}

TEST(MinHash, SimilarityOfCopies) {
  std::string copy = kReport;
  copy.replace(copy.find("mardi"), 5, "lundi");  // one word of 60 changed: 3 shingles of 58
  std::string shouted = kReport;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const MinHashSignature a = MinHash(kReport);
  EXPECT_GE(Similarity(a, MinHash(copy)), 0.75);
  EXPECT_EQ(Similarity(a, MinHash(shouted)), 1.0);  // matching forms: case does not count
  EXPECT_LE(Similarity(a, MinHash("Un texte tout autre sur la m\u00e9t\u00e9o de demain "
                                  "matin dans les Alpes du nord.")),
            0.1);
  // No shingle: every value is the maximum.
  EXPECT_EQ(MinHash("deux mots")[0], UINT32_MAX);
}

TEST(StoryClusterer, NearDuplicatesShareAStory) {
  StoryClusterer c;
  const std::string a = c.Add(Doc("a.txt", kReport));
  EXPECT_EQ(a.rfind("s:", 0), 0u);
  EXPECT_EQ(a.size(), 14u);
  EXPECT_EQ(c.Add(Doc("b.txt", std::string(kReport) + " (AGENCE)")), a);
  EXPECT_NE(c.Add(Doc("c.txt",
                      "La m\u00e9t\u00e9o annonce de la pluie sur les Alpes du nord "
                      "demain, avec des orages en soir\u00e9e et des vents forts sur "
                      "les cr\u00eates, selon le service national de pr\u00e9vision "
                      "qui appelle \u00e0 la prudence sur les routes de montagne.")),
            a);
  // A short text is never taken for a copy.
  StoryClusterer d;
  EXPECT_NE(d.Add(Doc("x", "Le port ouvre.")), d.Add(Doc("y", "Le port ouvre.")));
}

TEST(StoryClusterer, OneEventAcrossLanguages) {
  StoryClusterer c;
  StoryEvidence fr = Doc("fr.txt", kReport, "2022-05-10");
  fr.events = {EventSignature("press_conference", "2022-05-10", "l:rabat")};
  StoryEvidence ar = Doc("ar.txt",
                         "\u0639\u0642\u062f \u0627\u0644\u0648\u0632\u064a\u0631\u0627\u0646 "
                         "\u0645\u0624\u062a\u0645\u0631\u0627 \u0635\u062d\u0641\u064a\u0627 "
                         "\u0641\u064a \u0627\u0644\u0631\u0628\u0627\u0637.",
                         "2022-05-10");
  ar.events = {EventSignature("press_conference", "2022-05-10", "l:rabat")};
  const std::string story = c.Add(fr);
  EXPECT_EQ(c.Add(ar), story);
  StoryEvidence other = ar;
  other.doc = "other.txt";
  other.events = {EventSignature("press_conference", "2022-05-12", "l:rabat")};
  EXPECT_NE(c.Add(other), story);
}

TEST(StoryClusterer, SamePeopleSamePlaceSameDays) {
  StoryClusterer c;
  auto doc = [](std::string id, std::string published, std::string text) {
    StoryEvidence e = Doc(std::move(id), std::move(text), std::move(published));
    e.actors = {"p:karim-benslimane", "p:paolo-ferrante", "o:global-coalition"};
    e.places = {"l:rabat"};
    return e;
  };
  const std::string first = c.Add(doc("1", "2019-02-06", "Premier r\u00e9cit de la visite."));
  EXPECT_EQ(c.Add(doc("2", "2019-02-07", "A second report of the visit.")), first);
  // Three years later: the same people and place make another story.
  EXPECT_NE(c.Add(doc("3", "2022-05-11", "Une autre r\u00e9union, trois ans apr\u00e8s.")), first);
  // One actor in common is not enough.
  StoryEvidence lone = doc("4", "2019-02-06", "Un autre sujet.");
  lone.actors = {"p:karim-benslimane"};
  EXPECT_NE(c.Add(lone), first);
  // Without a place in common either.
  StoryEvidence elsewhere = doc("5", "2019-02-06", "Ailleurs.");
  elsewhere.places = {"l:tunis"};
  EXPECT_NE(c.Add(elsewhere), first);
}

TEST(StoryClusterer, KeysDependOnTheFirstDocumentOnly) {
  StoryClusterer a, b;
  EXPECT_EQ(a.Add(Doc("same-id", kReport)), b.Add(Doc("same-id", "Autre texte ici.")));
  EXPECT_NE(a.Add(Doc("id-1", "Un texte.")), a.Add(Doc("id-2", "Un autre.")));
}

TEST(StoryClusterer, OneEventDayWithAPersonAndAPlaceInCommon) {
  StoryClusterer c;
  auto doc = [](std::string id, std::string day) {
    StoryEvidence e = Doc(std::move(id), "Un r\u00e9cit court.", day);
    e.actors = {"p:faris-lemrani"};
    e.places = {"l:tunis", "l:tunisia"};
    e.event_days = {"arrest|" + day};
    return e;
  };
  const std::string first = c.Add(doc("en", "2025-01-15"));
  EXPECT_EQ(c.Add(doc("fr", "2025-01-15")), first);
  // Another day's arrest by the same spokesman is another story.
  EXPECT_NE(c.Add(doc("later", "2025-01-17")), first);
  // So is the same day's arrest elsewhere, or announced by someone else.
  StoryEvidence elsewhere = doc("elsewhere", "2025-01-15");
  elsewhere.places = {"l:sousse"};
  EXPECT_NE(c.Add(elsewhere), first);
  StoryEvidence other = doc("other", "2025-01-15");
  other.actors = {"p:amel-ben-salah"};
  EXPECT_NE(c.Add(other), first);
}

TEST(StoryClusterer, SeededDocumentsKeepTheirStories) {
  StoryClusterer earlier;
  StoryEvidence fr = Doc("fr.txt", kReport, "2022-05-10");
  fr.events = {EventSignature("press_conference", "2022-05-10", "l:rabat")};
  const std::string story = earlier.Add(fr);

  // A later run, seeded with what was stored: a report of the same press
  // conference joins the stored story; an unrelated text starts its own.
  StoryClusterer later;
  later.Seed(fr, story);
  StoryEvidence ar = Doc("ar.txt", "\u0645\u0624\u062a\u0645\u0631 \u0635\u062d\u0641\u064a.",
                         "2022-05-10");
  ar.events = fr.events;
  EXPECT_EQ(later.Add(ar), story);
  EXPECT_EQ(later.Add(Doc("copy.txt", std::string(kReport) + " (AGENCE)")), story);
  EXPECT_NE(later.Add(Doc("new.txt", "Un autre sujet.")), story);
  // The stored document read again keeps its key, even when too short to compare.
  StoryClusterer again;
  StoryEvidence short_doc = Doc("short.txt", "Le port ouvre.");
  const std::string short_story = again.Add(short_doc);
  StoryClusterer seeded;
  seeded.Seed(short_doc, short_story);
  EXPECT_EQ(seeded.Add(short_doc), short_story);
}

}  // namespace
}  // namespace qantara::news
