// ReadPage, the pipeline for one document (news/read.h): where `published`
// comes from, and that every offset points into the clean text.
#include "news/read.h"

#include <gtest/gtest.h>

namespace qantara::news {
namespace {

ReadDocument Read(SourceDocument source) {
  Result<Page> page = PageOf(source);
  EXPECT_TRUE(page.ok());
  return ReadPage(source, *page, nullptr, Gazetteer::BuiltIn());
}

SourceDocument Text(const std::string& body) {
  SourceDocument s;
  s.doc = "made-up.txt";
  s.body = body;
  return s;
}

TEST(ReadPage, PublishedFromTheSourceThenMetadataThenText) {
  SourceDocument given = Text("RABAT, 5 f\u00e9vrier 2019 (AGENCE) - Le ministre a re\u00e7u hier.");
  given.published = "2019-03-01T10:00:00Z";
  ReadDocument a = Read(given);
  EXPECT_EQ(a.published, "2019-03-01");
  EXPECT_EQ(a.published_how, "source");

  SourceDocument html;
  html.doc = "made-up.html";
  html.format = SourceDocument::Format::kHtml;
  html.body =
      "<html><head><meta property=\"article:published_time\" content=\"2020-06-02T08:00:00Z\">"
      "<title>Port</title></head><body><p>RABAT, 5 f\u00e9vrier 2019 (AGENCE) - Le ministre a "
      "inaugur\u00e9 le nouveau port de la ville en pr\u00e9sence des \u00e9lus.</p></body></html>";
  ReadDocument b = Read(html);
  EXPECT_EQ(b.published, "2020-06-02");
  EXPECT_EQ(b.published_how, "metadata");

  ReadDocument c = Read(Text("RABAT, 5 f\u00e9vrier 2019 (AGENCE) - Le ministre a re\u00e7u hier."));
  EXPECT_EQ(c.published, "2019-02-05");
  EXPECT_EQ(c.published_how, "dateline");
  // "hier" resolves against the article's own date.
  bool yesterday = false;
  for (const DateMention& d : c.dates) yesterday |= d.text == "hier" && d.value == "2019-02-04";
  EXPECT_TRUE(yesterday);
}

TEST(ReadPage, OffsetsPointIntoTheCleanText) {
  ReadDocument r = Read(
      Text("Le ministre Karim Benslimane a rencontr\u00e9 \u00e0 Tunis le 3 mars 2021 son "
           "homologue.\n\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u0625\u0646 "
           "\u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0643\u0627\u0646 "
           "\u0645\u0641\u064a\u062f\u0627 \u062c\u062f\u0627."));
  ASSERT_FALSE(r.mentions.empty());
  for (const Mention& m : r.mentions) {
    ASSERT_LE(m.end, r.text.size());
    EXPECT_EQ(r.text.substr(m.start, m.end - m.start), m.text);
  }
  ASSERT_FALSE(r.dates.empty());
  for (const DateMention& d : r.dates) {
    ASSERT_LE(d.end, r.text.size());
    EXPECT_EQ(r.text.substr(d.start, d.end - d.start), d.text);
  }
  bool person = false, place = false;
  for (const Mention& m : r.mentions) {
    person |= m.text == "Karim Benslimane" && m.type == MentionType::kPerson;
    place |= m.text == "Tunis" && m.type == MentionType::kLocation;
  }
  EXPECT_TRUE(person);
  EXPECT_TRUE(place);
  // Two languages, French first.
  ASSERT_EQ(r.languages.shares.size(), 2u);
  EXPECT_EQ(r.languages.shares[0].lang, "fr");
  EXPECT_EQ(r.languages.shares[1].lang, "ar");
}

}  // namespace
}  // namespace qantara::news
