// LoadLists on tiny fixtures in each official format (tests/fixtures/lists/, made-up names).
#include "lists/reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/lists/list_test_files.h"

namespace qantara::lists {
namespace {

using testing::Fixture;
using testing::ReadBytes;
using testing::ScratchDir;

LoadResult MustLoad(const std::vector<std::string>& paths, const LoadOptions& options = {}) {
  Result<LoadResult> r = LoadLists(paths, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : LoadResult{};
}

const Entity& Find(const LoadResult& r, const std::string& id) {
  auto it = std::find_if(r.entities.begin(), r.entities.end(),
                         [&](const Entity& e) { return e.id() == id; });
  if (it == r.entities.end()) {
    ADD_FAILURE() << "no entity " << id;
    static const Entity kNone;
    return kNone;
  }
  return *it;
}

std::vector<std::string> Values(const Entity& e, NameKind kind) {
  std::vector<std::string> out;
  for (const EntityName& n : e.names) {
    if (n.kind == kind) out.push_back(n.value);
  }
  return out;
}

std::vector<std::string> Dates(const Entity& e) {
  std::vector<std::string> out;
  for (const PartialDate& d : e.birth_dates) out.push_back(d.ToString());
  return out;
}

using Strings = std::vector<std::string>;

TEST(DetectFormat, ByContent) {
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("un_small.xml"))), Format::kUnXml);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("ofac_nonsdn.xml"))), Format::kOfacXml);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("eu_small.xml"))), Format::kEuXml);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("ofac_sdn.csv"))), Format::kOfacSdnCsv);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("ofac_alt.csv"))), Format::kOfacAltCsv);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("ofac_add.csv"))), Format::kOfacAddCsv);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("uk_conlist.csv"))), Format::kUkCsv);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("entities.jsonl"))), Format::kJsonl);
  EXPECT_EQ(DetectFormat(ReadBytes(Fixture("inhouse.csv"))), Format::kCsv);
  EXPECT_EQ(
      DetectFormat("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<x:sdnList xmlns:x=\"u\">"),
      Format::kOfacXml);
  EXPECT_EQ(DetectFormat("<html><body>hi</body></html>"), Format::kUnknown);
  EXPECT_EQ(DetectFormat("<export><other/></export>"), Format::kUnknown);
  EXPECT_EQ(DetectFormat("just some words\n"), Format::kUnknown);
  EXPECT_EQ(DetectFormat(""), Format::kUnknown);
  EXPECT_EQ(FormatName(Format::kUkCsv), "uk");
}

TEST(LoadLists, UnXml) {
  LoadResult r = MustLoad({Fixture("un_small.xml")});
  ASSERT_EQ(r.entities.size(), 5u);
  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].format, Format::kUnXml);
  EXPECT_EQ(r.sources[0].list, "un");
  EXPECT_EQ(r.sources[0].published, "2025-03-14");
  EXPECT_EQ(r.sources[0].records, 5u);
  EXPECT_TRUE(r.issues.empty()) << r.issues[0].ToString();

  const Entity& zayd = Find(r, "un:QDi.901");
  EXPECT_EQ(zayd.schema, Schema::kPerson);
  EXPECT_EQ(zayd.caption, "ZAYD QASIM AL-FULANI");
  EXPECT_EQ(Values(zayd, NameKind::kPrimary), Strings{"ZAYD QASIM AL-FULANI"});
  EXPECT_EQ(Values(zayd, NameKind::kAlias), Strings{"Zaid Qassem al-Foulani"});
  EXPECT_EQ(Values(zayd, NameKind::kWeakAlias),
            (Strings{"Abu Hamza", "Abu Hamza al-Fulani", "Abou Hamza"}));
  EXPECT_EQ(Values(zayd, NameKind::kOriginalScript),
            (Strings{"زيد قاسم الفلاني", "أبو حمزة الفلاني"}));
  EXPECT_EQ(Dates(zayd), (Strings{"1971-07-28", "1972"}));
  EXPECT_EQ(zayd.nationalities, (Strings{"iq", "sy"}));
  EXPECT_EQ(zayd.gender, "male");
  ASSERT_EQ(zayd.ids.size(), 2u);
  EXPECT_EQ(zayd.ids[0], (IdentityDocument{"passport", "A1234567", "iq"}));
  EXPECT_EQ(zayd.ids[1], (IdentityDocument{"national_id", "0099887", ""}));
  EXPECT_EQ(zayd.programs, Strings{"Al-Qaida"});
  EXPECT_EQ(zayd.listed_on, "2011-10-05");

  const Entity& mariam = Find(r, "un:LYi.902");
  EXPECT_EQ(mariam.caption, "MARIAM BINT YUSUF AL-QADIRI");
  EXPECT_EQ(mariam.gender, "female");
  EXPECT_EQ(Dates(mariam), (Strings{"1960-02-29", "1958/1961"}));  // alias DOB, then BETWEEN
  EXPECT_EQ(mariam.nationalities, Strings{"kp"});
  EXPECT_EQ(mariam.ids[0], (IdentityDocument{"passport", "P-55", "ir"}));

  EXPECT_TRUE(Find(r, "un:KPi.903").nationalities.empty());  // "na"

  const Entity& noor = Find(r, "un:QDe.904");
  EXPECT_EQ(noor.schema, Schema::kOrganization);
  EXPECT_EQ(Values(noor, NameKind::kAlias),
            (Strings{"Noor Trading Company", "Light Commerce Establishment"}));
  EXPECT_EQ(Values(noor, NameKind::kOriginalScript), Strings{"شركة النور"});
}

TEST(LoadLists, OfacXml) {
  LoadResult r = MustLoad({Fixture("ofac_nonsdn.xml")});
  ASSERT_EQ(r.entities.size(), 3u);
  EXPECT_EQ(r.sources[0].format, Format::kOfacXml);
  EXPECT_EQ(r.sources[0].published, "2025-03-28");
  EXPECT_TRUE(r.issues.empty());

  const Entity& khalid = Find(r, "ofac:70001");
  EXPECT_EQ(khalid.caption, "AL-MADHI, Khalid Nabil");
  EXPECT_EQ(Values(khalid, NameKind::kPrimary), Strings{"Khalid Nabil AL-MADHI"});
  EXPECT_EQ(Values(khalid, NameKind::kAlias), Strings{"Khaled AL-MADHY"});
  EXPECT_EQ(Values(khalid, NameKind::kWeakAlias), Strings{"Khalid ABU NABIL"});
  EXPECT_EQ(Dates(khalid), (Strings{"1970-01-12", "1975"}));
  EXPECT_EQ(khalid.nationalities, (Strings{"ps", "tr"}));
  EXPECT_EQ(khalid.gender, "male");
  ASSERT_EQ(khalid.ids.size(), 1u);  // the website is not an identifier
  EXPECT_EQ(khalid.ids[0], (IdentityDocument{"passport", "X7654321", "sy"}));
  EXPECT_EQ(khalid.programs, (Strings{"NS-PLC", "SDGT"}));

  const Entity& exchange = Find(r, "ofac:70002");
  EXPECT_EQ(exchange.schema, Schema::kOrganization);
  EXPECT_EQ(Values(exchange, NameKind::kAlias), Strings{"GOLDEN CRESCENT MONEY TRANSFER"});
  ASSERT_EQ(exchange.ids.size(), 1u);
  EXPECT_EQ(exchange.ids[0], (IdentityDocument{"Tax ID No.", "7700112233", "ru"}));

  const Entity& ship = Find(r, "ofac:70003");
  EXPECT_EQ(ship.schema, Schema::kVessel);
  EXPECT_EQ(ship.ids[0], (IdentityDocument{"imo", "IMO 9000001", ""}));
}

TEST(LoadLists, OfacCsvSetMerged) {
  LoadResult r =
      MustLoad({Fixture("ofac_add.csv"), Fixture("ofac_sdn.csv"), Fixture("ofac_alt.csv")});
  ASSERT_EQ(r.entities.size(), 5u);
  ASSERT_EQ(r.sources.size(), 3u);
  EXPECT_EQ(r.sources[0].format, Format::kOfacAddCsv);
  EXPECT_EQ(r.sources[1].format, Format::kOfacSdnCsv);
  EXPECT_EQ(r.sources[2].format, Format::kOfacAltCsv);
  EXPECT_EQ(r.sources[1].records, 5u);
  EXPECT_EQ(r.sources[2].records, 4u);

  const Entity& zayd = Find(r, "ofac:90001");
  EXPECT_EQ(zayd.schema, Schema::kPerson);
  EXPECT_EQ(zayd.caption, "AL-FULANI, Zayd Qasim");
  EXPECT_EQ(Values(zayd, NameKind::kPrimary), Strings{"Zayd Qasim AL-FULANI"});
  EXPECT_EQ(Values(zayd, NameKind::kAlias), (Strings{"Zaid Qassem AL-FOULANI", "Zayd QASIM"}));
  EXPECT_EQ(Values(zayd, NameKind::kWeakAlias), (Strings{"ABU HAMZA", "Abu Sa'id AL-FULANI"}));
  EXPECT_EQ(Dates(zayd), (Strings{"1971-07-28", "1972"}));
  EXPECT_EQ(zayd.nationalities, (Strings{"iq", "jo"}));
  EXPECT_EQ(zayd.gender, "male");
  EXPECT_EQ(zayd.ids, (std::vector<IdentityDocument>{{"passport", "A1234567", "iq"},
                                                     {"national_id", "0099887", "iq"}}));
  EXPECT_EQ(zayd.programs, (Strings{"SDGT", "IRAQ2"}));

  const Entity& cafe = Find(r, "ofac:90002");  // Windows-1252 decoded
  EXPECT_EQ(cafe.schema, Schema::kOrganization);
  EXPECT_EQ(cafe.caption, "CAFÉ DEL NORTE, S.A.");
  EXPECT_EQ(Values(cafe, NameKind::kAlias), Strings{"CAFÉ NORTEÑO"});
  EXPECT_EQ(Values(cafe, NameKind::kWeakAlias), Strings{"CAFETERIA NORTE"});
  EXPECT_EQ(cafe.ids[0], (IdentityDocument{"Registration Number", "12345", ""}));  // "(Bogota)"

  EXPECT_EQ(Find(r, "ofac:90003").schema, Schema::kVessel);
  EXPECT_EQ(Find(r, "ofac:90004").schema, Schema::kAircraft);
  const Entity& maria = Find(r, "ofac:90005");
  EXPECT_EQ(Values(maria, NameKind::kPrimary), Strings{"Maria Elena DELOS SANTOS Jr."});
  EXPECT_EQ(Dates(maria), Strings{"1960/1962"});
  EXPECT_EQ(maria.nationalities, Strings{"kp"});

  // Orphan alt and add rows: one issue each, naming file and line.
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(
      r.issues[0].ToString(),
      Fixture("ofac_alt.csv") + ":4: alt row for ent_num 99999: no such entry in sdn.csv; skipped");
  EXPECT_EQ(
      r.issues[1].ToString(),
      Fixture("ofac_add.csv") + ":3: add row for ent_num 99998: no such entry in sdn.csv; skipped");
}

TEST(LoadLists, OfacAltWithoutSdnIsAnIssue) {
  LoadResult r = MustLoad({Fixture("ofac_alt.csv"), Fixture("ofac_add.csv")});
  EXPECT_TRUE(r.entities.empty());
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].file, Fixture("ofac_alt.csv"));
  EXPECT_NE(r.issues[0].message.find("no sdn.csv"), std::string::npos);
  EXPECT_EQ(r.issues[1].file, Fixture("ofac_add.csv"));
}

TEST(LoadLists, OfacSdnAloneKeepsRemarkAliases) {
  LoadResult r = MustLoad({Fixture("ofac_sdn.csv")});
  ASSERT_EQ(r.entities.size(), 5u);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(Values(Find(r, "ofac:90001"), NameKind::kWeakAlias),
            (Strings{"ABU HAMZA", "Abu Sa'id AL-FULANI"}));
  EXPECT_TRUE(Values(Find(r, "ofac:90001"), NameKind::kAlias).empty());
}

TEST(LoadLists, EuXml) {
  LoadResult r = MustLoad({Fixture("eu_small.xml")});
  ASSERT_EQ(r.entities.size(), 2u);
  EXPECT_EQ(r.sources[0].published, "2025-05-06");
  EXPECT_TRUE(r.issues.empty());
  const Entity& zayd = Find(r, "eu:880001");
  EXPECT_EQ(zayd.schema, Schema::kPerson);
  EXPECT_EQ(zayd.caption, "Zayd Qasim al-Fulani");
  EXPECT_EQ(Values(zayd, NameKind::kPrimary), Strings{"Zayd Qasim al-Fulani"});
  EXPECT_EQ(Values(zayd, NameKind::kAlias), Strings{"Zaid Al Foulani"});
  EXPECT_EQ(Values(zayd, NameKind::kWeakAlias), Strings{"Abu Hamza"});
  EXPECT_EQ(Values(zayd, NameKind::kOriginalScript), (Strings{"زيد قاسم الفلاني", "Зайд Касим"}));
  EXPECT_EQ(Dates(zayd), (Strings{"1971-07-28", "1969/1970"}));
  EXPECT_EQ(zayd.nationalities, Strings{"iq"});  // "00" is unknown
  EXPECT_EQ(zayd.gender, "male");
  EXPECT_EQ(zayd.ids, (std::vector<IdentityDocument>{{"passport", "A1234567", "iq"},
                                                     {"national_id", "0099887", ""}}));
  EXPECT_EQ(zayd.programs, Strings{"EU.AQD"});
  EXPECT_EQ(zayd.listed_on, "2011-10-07");
  const Entity& northern = Find(r, "eu:880002");
  EXPECT_EQ(northern.schema, Schema::kOrganization);
  EXPECT_EQ(northern.programs, Strings{"RUS"});
  EXPECT_EQ(northern.listed_on, "2022-03-15");  // earliest regulation: no designationDate
  EXPECT_EQ(northern.ids[0], (IdentityDocument{"regnumber", "1027700000001", "ru"}));
}

TEST(LoadLists, UkCsvOneEntityPerGroup) {
  LoadResult r = MustLoad({Fixture("uk_conlist.csv")});
  ASSERT_EQ(r.entities.size(), 4u);
  EXPECT_EQ(r.sources[0].records, 4u);
  EXPECT_EQ(r.sources[0].published, "2024-02-01");
  EXPECT_TRUE(r.issues.empty());
  const Entity& zayd = Find(r, "uk:7001");
  EXPECT_EQ(zayd.caption, "Zayd Qasim AL-FULANI");
  EXPECT_EQ(Values(zayd, NameKind::kPrimary), Strings{"Zayd Qasim AL-FULANI"});
  EXPECT_EQ(Values(zayd, NameKind::kAlias), (Strings{"Zaid AL-FOULANI", "Zayd QASIM"}));
  EXPECT_EQ(Values(zayd, NameKind::kWeakAlias), Strings{"ABU HAMZA"});
  EXPECT_EQ(Values(zayd, NameKind::kOriginalScript), Strings{"زيد قاسم الفلاني"});
  EXPECT_EQ(Dates(zayd), (Strings{"1971-07-28", "1972"}));
  EXPECT_EQ(zayd.nationalities, (Strings{"iq", "jo"}));
  EXPECT_EQ(zayd.gender, "male");
  EXPECT_EQ(zayd.ids, (std::vector<IdentityDocument>{{"passport", "A1234567", "iq"},
                                                     {"passport", "J555", "jo"}}));
  EXPECT_EQ(zayd.programs, Strings{"ISIL (Da'esh) and Al-Qaida"});
  EXPECT_EQ(zayd.listed_on, "2001-10-12");
  EXPECT_EQ(Find(r, "uk:7002").schema, Schema::kOrganization);
  EXPECT_EQ(Values(Find(r, "uk:7002"), NameKind::kOriginalScript),
            Strings{"Северное Сияние Логистика"});
  const Entity& ship = Find(r, "uk:7003");  // only a "Primary name variation" row
  EXPECT_EQ(ship.schema, Schema::kVessel);
  EXPECT_EQ(Values(ship, NameKind::kPrimary), Strings{"SEA FALCON"});
  const Entity& omar = Find(r, "uk:7004");  // primary row after the alias row
  EXPECT_EQ(omar.caption, "Omar TESTOV");
  EXPECT_EQ(omar.names[0].value, "Omar TESTOV");
  EXPECT_EQ(omar.gender, "female");
  EXPECT_EQ(Dates(omar), (Strings{"1980", "1980-01"}));
}

TEST(LoadLists, JsonlAndSimpleCsv) {
  LoadOptions options;
  options.default_list = "house";
  LoadResult r = MustLoad({Fixture("entities.jsonl"), Fixture("inhouse.csv")}, options);
  ASSERT_EQ(r.entities.size(), 5u);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.sources[0].format, Format::kJsonl);
  EXPECT_EQ(r.sources[0].list, "watch");
  EXPECT_EQ(r.sources[1].format, Format::kCsv);
  const Entity& w1 = Find(r, "watch:W-1");
  EXPECT_EQ(w1.nationalities, (Strings{"iq", "jo"}));
  EXPECT_EQ(Dates(w1), (Strings{"1971-07-28", "1960/1962"}));
  EXPECT_EQ(Find(r, "house:W-2").schema, Schema::kOrganization);
  const Entity& c1 = Find(r, "inhouse:C-1");
  EXPECT_EQ(Values(c1, NameKind::kAlias), Strings{"Zaid al-Foulani"});
  EXPECT_EQ(Values(c1, NameKind::kOriginalScript), Strings{"زيد الفلاني"});
  EXPECT_EQ(Dates(c1), Strings{"1971-07-28"});
  EXPECT_EQ(c1.nationalities, (Strings{"iq", "jo"}));
  EXPECT_EQ(c1.gender, "male");
  EXPECT_EQ(Find(r, "house:C-2").caption, "Blue Harbour Shipping, Ltd.");
  const Entity& third = Find(r, "house:3");  // no id: the data row's number
  EXPECT_EQ(third.gender, "female");
  EXPECT_EQ(third.nationalities, Strings{"sy"});
}

TEST(LoadLists, ReadsGzipByMagicBytesNotName) {
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("un_small.xml"));
  std::string path = dir.Write("un_list.xml", testing::Gzip(xml));  // no .gz suffix
  LoadResult gz = MustLoad({path});
  LoadResult plain = MustLoad({Fixture("un_small.xml")});
  EXPECT_EQ(gz.entities, plain.entities);
  EXPECT_EQ(gz.sources[0].sha256, plain.sources[0].sha256);  // hash of the bytes after gunzip
  EXPECT_EQ(gz.sources[0].format, Format::kUnXml);
}

TEST(LoadLists, HashesTheFileBytes) {
  ScratchDir dir;
  LoadResult r = MustLoad({dir.Write("tiny.csv", "name\nabc\n")});
  ASSERT_EQ(r.sources.size(), 1u);
  // printf 'name\nabc\n' | sha256sum
  EXPECT_EQ(r.sources[0].sha256,
            "024fcda813a63186f2b384c5231d24d64c78f36bf534f4ab1f58f22151f08f99");
}

TEST(LoadLists, SameIdFromTwoFilesIsMerged) {
  LoadResult once = MustLoad({Fixture("un_small.xml")});
  LoadResult twice = MustLoad({Fixture("un_small.xml"), Fixture("un_small.xml")});
  EXPECT_EQ(twice.entities, once.entities);
  EXPECT_TRUE(twice.issues.empty());
  // The same OFAC uid in the XML and in sdn.csv: one entity, names and programs united.
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("ofac_nonsdn.xml"));
  xml.replace(xml.find("<uid>70002</uid>"), 16, "<uid>90002</uid>");
  LoadResult both = MustLoad({Fixture("ofac_sdn.csv"), dir.Write("nonsdn.xml", xml)});
  EXPECT_EQ(both.entities.size(), 5u + 2u);
  EXPECT_TRUE(both.issues.empty());
  // OFAC's CSV set is merged after every other file, so the XML record comes first.
  const Entity& merged = Find(both, "ofac:90002");
  EXPECT_EQ(merged.caption, "GOLDEN CRESCENT EXCHANGE LLC");
  EXPECT_EQ(merged.programs, (Strings{"RUSSIA-EO14024", "SDNTK"}));
  EXPECT_EQ(Values(merged, NameKind::kPrimary), Strings{"GOLDEN CRESCENT EXCHANGE LLC"});
  EXPECT_EQ(Values(merged, NameKind::kAlias),
            (Strings{"GOLDEN CRESCENT MONEY TRANSFER", "CAFÉ DEL NORTE, S.A."}));
  EXPECT_EQ(Values(merged, NameKind::kWeakAlias), Strings{"CAFETERIA NORTE"});
}

TEST(LoadLists, SameIdTwiceInOneFileIsAnIssue) {
  ScratchDir dir;
  std::string path = dir.Write("dup.jsonl",
                               "{\"ref\": \"1\", \"names\": [{\"value\": \"Zayd\"}]}\n"
                               "{\"ref\": \"1\", \"names\": [{\"value\": \"Zaid\"}]}\n");
  LoadResult r = MustLoad({path});
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].names.size(), 2u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].ToString(), path + ": entity local:1 appears twice; records merged");
}

}  // namespace
}  // namespace qantara::lists
