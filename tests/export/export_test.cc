// Tests of export/*.cc: ids (SHA-1, UUIDv5 against Python's uuid.uuid5),
// timestamps, and the FollowTheMoney and STIX 2.1 mappings on a NewsExport
// written here (made-up names and sentences). The STIX objects are checked
// structurally against the specification (tests/export/stix_check.h).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export/ftm.h"
#include "export/timestamps.h"
#include "export/stix.h"
#include "io/digest.h"
#include "tests/export/stix_check.h"

namespace qantara::export_ {

using news::EntityRecord;
using news::EventActor;
using news::EventType;
using news::ExportedDocument;
using news::LinkedEvent;
using news::LinkedMention;
using news::Listed;
using news::Mention;
using news::MentionType;
using news::NewsExport;

namespace {

using nlohmann::json;

LinkedMention Mentioned(const std::string& text, size_t start, MentionType type,
                        const std::string& key, const std::string& canonical) {
  LinkedMention m;
  m.mention.text = text;
  m.mention.start = start;
  m.mention.end = start + text.size();
  m.mention.type = type;
  m.entity = key;
  m.canonical = canonical;
  return m;
}

NewsExport Fixture() {
  NewsExport data;
  data.written_at = "2024-03-22 10:11:12";
  EntityRecord karim{
      "p:karim-tazlani",
      MentionType::kPerson,
      "Karim Tazlani",
      {"Karim Tazlani",
       "\xd9\x83\xd8\xb1\xd9\x8a\xd9\x85 \xd8\xaa\xd8\xa7\xd8\xb2\xd9\x84\xd8\xa7\xd9\x86\xd9\x8a"},
      Listed{"inhouse", "T-1", "Karim Tazlani", 0.97}};
  EntityRecord pierre{
      "p:pierre-valmont", MentionType::kPerson, "Pierre Valmont", {"Pierre Valmont"}, {}};
  EntityRecord office{
      "o:port-office", MentionType::kOrganization, "Port Office", {"Port Office"}, {}};
  EntityRecord rabat{"l:rabat", MentionType::kLocation, "Rabat", {"Rabat"}, {}};
  EntityRecord morocco{"l:morocco", MentionType::kLocation, "Morocco", {"Morocco", "Maroc"}, {}};
  data.entities = {karim, pierre, office, rabat, morocco};
  lists::Entity entry;
  entry.list = "inhouse";
  entry.ref = "T-1";
  entry.caption = "Karim Tazlani";
  entry.programs = {"TEST-PORTS"};
  entry.listed_on = "2020-05-01";
  data.list_entries["inhouse:T-1"] = entry;

  ExportedDocument d;
  d.read.doc = "fr-1";
  d.read.url = "https://news.example.org/fr/1";
  d.read.title = "Rencontre au Maroc";
  d.read.published = "2024-03-14";
  d.read.text = "Karim Tazlani a rencontre Pierre Valmont a Rabat, au Maroc, avec le Port Office.";
  d.read.languages.shares = {{"fr", 1.0}};
  d.mentions = {
      Mentioned("Karim Tazlani", 0, MentionType::kPerson, "p:karim-tazlani", "Karim Tazlani"),
      Mentioned("Pierre Valmont", 26, MentionType::kPerson, "p:pierre-valmont", "Pierre Valmont"),
      Mentioned("Rabat", 43, MentionType::kLocation, "l:rabat", "Rabat"),
      Mentioned("Maroc", 53, MentionType::kLocation, "l:morocco", "Morocco"),
      Mentioned("Port Office", 68, MentionType::kOrganization, "o:port-office", "Port Office")};
  d.mentions[0].listed = karim.listed;
  LinkedEvent e;
  e.type = EventType::kMeeting;
  e.text = "a rencontre";
  e.date = "2024-03-12";
  e.sentence = d.read.text;
  e.place = EventActor{"l:morocco", "Morocco", MentionType::kLocation};
  e.participants = {{"p:karim-tazlani", "Karim Tazlani", MentionType::kPerson},
                    {"p:pierre-valmont", "Pierre Valmont", MentionType::kPerson}};
  d.events = {e};
  data.documents.push_back(d);
  ExportedDocument empty;  // mentions nothing: no STIX report
  empty.read.doc = "en-2";
  empty.read.text = "Nothing happened.";
  data.documents.push_back(empty);
  return data;
}

std::vector<json> Parsed(const std::vector<std::string>& lines) {
  std::vector<json> out;
  for (const std::string& l : lines) out.push_back(json::parse(l));
  return out;
}

TEST(ExportIds, Sha1AndUuidV5MatchReferenceValues) {
  EXPECT_EQ(io::Sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  EXPECT_EQ(io::UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  // Python: uuid.uuid5(uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7"),
  // "identity:p:karim-tazlani")
  EXPECT_EQ(io::UuidV5("00abedb4-aa42-466c-9c01-fed23315a9b7", "identity:p:karim-tazlani"),
            "1275587f-2346-57aa-84a5-8a36a15c4c4c");
}

TEST(ExportIds, Rfc3339WithMilliseconds) {
  EXPECT_EQ(Rfc3339("2024-03-22 10:11:12"), "2024-03-22T10:11:12.000Z");
  EXPECT_EQ(Rfc3339("2019-02-05"), "2019-02-05T00:00:00.000Z");
  EXPECT_EQ(Rfc3339("2019-02"), "2019-02-01T00:00:00.000Z");
  EXPECT_EQ(Rfc3339("2019"), "2019-01-01T00:00:00.000Z");
  EXPECT_EQ(Rfc3339(""), "");
  EXPECT_EQ(Rfc3339("2019-13-01"), "");
  EXPECT_EQ(Rfc3339("soon"), "");
}

TEST(ExportFtm, EntitiesDocumentsMentionsEventsAndSanctions) {
  const std::vector<json> out = Parsed(FtmEntities(Fixture()));
  std::map<std::string, json> by_id;
  std::map<std::string, int> schemata;
  for (const json& e : out) {
    EXPECT_TRUE(by_id.emplace(e["id"], e).second) << "id twice: " << e.dump();
    ++schemata[e["schema"]];
  }
  EXPECT_EQ(schemata["Person"], 2);
  EXPECT_EQ(schemata["Organization"], 1);
  EXPECT_EQ(schemata["Address"], 2);
  EXPECT_EQ(schemata["Sanction"], 1);
  EXPECT_EQ(schemata["Article"], 2);
  EXPECT_EQ(schemata["Mention"], 3);        // two persons and the organisation of fr-1
  EXPECT_EQ(schemata["Documentation"], 2);  // its two places
  EXPECT_EQ(schemata["Event"], 1);
  const json& karim = by_id.at(FtmEntityId("p:karim-tazlani"));
  EXPECT_EQ(karim["properties"]["name"], json({"Karim Tazlani"}));
  EXPECT_EQ(karim["properties"]["alias"].size(), 1u);  // the Arabic form
  EXPECT_EQ(karim["properties"]["topics"], json({"sanction"}));
  EXPECT_EQ(by_id.at(FtmEntityId("l:morocco"))["properties"]["country"], json({"ma"}));
  EXPECT_FALSE(by_id.at(FtmEntityId("l:rabat"))["properties"].contains("country"));
  for (const json& e : out) {
    for (const auto& [prop, values] : e["properties"].items()) {
      ASSERT_TRUE(values.is_array() && !values.empty()) << e.dump();
    }
    if (e["schema"] == "Sanction") {
      EXPECT_EQ(e["properties"]["entity"], json({FtmEntityId("p:karim-tazlani")}));
      EXPECT_EQ(e["properties"]["authority"], json({"inhouse"}));
      EXPECT_EQ(e["properties"]["authorityId"], json({"T-1"}));
      EXPECT_EQ(e["properties"]["program"], json({"TEST-PORTS"}));
      EXPECT_EQ(e["properties"]["listingDate"], json({"2020-05-01"}));
    }
    if (e["schema"] == "Event") {
      EXPECT_EQ(e["properties"]["date"], json({"2024-03-12"}));
      EXPECT_EQ(e["properties"]["involved"],
                json({FtmEntityId("p:karim-tazlani"), FtmEntityId("p:pierre-valmont")}));
      EXPECT_EQ(e["properties"]["addressEntity"], json({FtmEntityId("l:morocco")}));
    }
    if (e["schema"] == "Article" && e["properties"]["fileName"] == json({"fr-1"})) {
      EXPECT_EQ(e["properties"]["publishedAt"], json({"2024-03-14"}));
      EXPECT_EQ(e["properties"]["language"], json({"fra"}));
      EXPECT_EQ(e["properties"]["peopleMentioned"], json({"Karim Tazlani", "Pierre Valmont"}));
    }
    // Every entity-typed reference points inside the export.
    for (const char* ref :
         {"entity", "document", "resolved", "involved", "addressEntity", "proof"}) {
      if (!e["properties"].contains(ref)) continue;
      for (const json& id : e["properties"][ref])
        EXPECT_TRUE(by_id.count(id)) << ref << " " << e.dump();
    }
  }
}

TEST(ExportFtm, IdsAreStableAndDependOnlyOnKeys) {
  const std::vector<std::string> a = FtmEntities(Fixture());
  NewsExport other = Fixture();
  other.written_at = "2030-01-01 00:00:00";  // FtM carries no export time
  EXPECT_EQ(FtmEntities(other), a);
  EXPECT_EQ(FtmEntityId("p:karim-tazlani"), "qantara-" + io::Sha1Hex("entity\np:karim-tazlani"));
}

TEST(ExportStix, BundleFollowsTheSpecification) {
  const NewsExport data = Fixture();
  const std::vector<std::string> objects = StixObjects(data);
  const json bundle = json::parse(StixBundle(objects));
  const std::vector<std::string> errors = stix_check::Check(bundle);
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
  std::map<std::string, int> types;
  for (const json& o : bundle["objects"]) ++types[o["type"]];
  EXPECT_EQ(types["identity"], 3);
  EXPECT_EQ(types["location"], 2);   // Morocco, and Rabat with its country
  EXPECT_EQ(types["indicator"], 1);  // the listed person
  EXPECT_EQ(types["report"], 1);     // en-2 mentions nothing
  // indicator related-to its identity, related-to between the participants,
  // located-at from each participant to Morocco
  EXPECT_EQ(types["relationship"], 4);
  for (const json& o : bundle["objects"]) {
    EXPECT_EQ(o["created"], "2024-03-22T10:11:12.000Z");
    if (o["type"] == "indicator") {
      EXPECT_EQ(o["pattern_type"], "pcre");
      EXPECT_EQ(o["valid_from"], "2020-05-01T00:00:00.000Z");
      EXPECT_EQ(o["external_references"][0]["external_id"], "T-1");
    }
    if (o["type"] == "location" && o["name"] == "Rabat") EXPECT_EQ(o["country"], "MA");
    if (o["type"] == "report") {
      EXPECT_EQ(o["published"], "2024-03-14T00:00:00.000Z");
      // 3 identities, Morocco, Rabat, the indicator, 3 event relationships
      EXPECT_EQ(o["object_refs"].size(), 9u);
    }
    if (o["type"] == "relationship" && o["relationship_type"] == "located-at") {
      EXPECT_EQ(o["start_time"], "2024-03-12T00:00:00.000Z");
    }
  }
}

TEST(ExportStix, SameDataSameBundle) {
  EXPECT_EQ(StixBundle(StixObjects(Fixture())), StixBundle(StixObjects(Fixture())));
  NewsExport changed = Fixture();
  changed.documents.pop_back();  // en-2 had no report: nothing changes
  EXPECT_EQ(StixBundle(StixObjects(changed)), StixBundle(StixObjects(Fixture())));
}

TEST(ExportStix, CheckerCatchesBrokenBundles) {
  json bundle = json::parse(StixBundle(StixObjects(Fixture())));
  json broken = bundle;
  broken["objects"][0]["identity_class"] = "person";
  EXPECT_FALSE(stix_check::Check(broken).empty());
  broken = bundle;
  broken["objects"][0]["id"] = "identity--not-a-uuid";
  EXPECT_FALSE(stix_check::Check(broken).empty());
  broken = bundle;
  for (json& o : broken["objects"]) {
    if (o["type"] == "report")
      o["object_refs"].push_back("identity--1275587f-2346-57aa-84a5-8a36a15c4c4c");
  }
  EXPECT_FALSE(stix_check::Check(broken).empty());
  broken = bundle;
  broken["objects"][0]["created"] = "2024-03-22 10:11:12";
  EXPECT_FALSE(stix_check::Check(broken).empty());
}

TEST(ExportStix, NamesPatternEscapesAndCompiles) {
  EXPECT_EQ(NamesPattern({"Abu  Bakr (al-Test)", "Abu Bakr (al-Test)", "A.B"}),
            "(?i)(?:Abu\\s+Bakr\\s+\\(al-Test\\)|A\\.B)");
}

}  // namespace
}  // namespace qantara::export_
