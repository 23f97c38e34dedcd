// LoadLists on hostile and broken input: every failure names the file (and the
// line where there is one), bad records are skipped, good ones kept, work bounded.
#include <gtest/gtest.h>

#include <algorithm>

#include "lists/reader.h"
#include "tests/lists/list_test_files.h"

namespace qantara::lists {
namespace {

using testing::Fixture;
using testing::ReadBytes;
using testing::ScratchDir;

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

bool AnyIssue(const LoadResult& r, std::string_view part) {
  return std::any_of(r.issues.begin(), r.issues.end(),
                     [&](const LoadIssue& i) { return Contains(i.message, part); });
}

std::string Jsonl(const std::string& ref, const std::string& name) {
  return "{\"ref\": \"" + ref + "\", \"names\": [{\"value\": \"" + name + "\"}]}\n";
}

TEST(BadInput, MissingFile) {
  Result<LoadResult> r = LoadLists({"/nonexistent/dir/un.xml"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message().rfind("/nonexistent/dir/un.xml:", 0), 0u) << r.status().message();
}

TEST(BadInput, EmptyFile) {
  ScratchDir dir;
  for (const char* bytes : {"", "  \r\n\n\t"}) {
    std::string path = dir.Write("empty.xml", bytes);
    Result<LoadResult> r = LoadLists({path});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(r.status().message(), path + ": empty file");
  }
}

TEST(BadInput, BinaryFile) {
  ScratchDir dir;
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  std::string png(kPng, sizeof kPng - 1);
  std::string path = dir.Write("list.csv", png);
  Result<LoadResult> r = LoadLists({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), path + ": not a list file (binary data)");
  // Control characters without NUL are binary too.
  std::string noise;
  for (int i = 0; i < 1000; ++i) noise.push_back(static_cast<char>(1 + i % 7));
  EXPECT_EQ(LoadLists({dir.Write("noise.csv", noise)}).status().message(),
            dir.Write("noise.csv", noise) + ": not a list file (binary data)");
}

TEST(BadInput, Utf16File) {
  ScratchDir dir;
  std::string path = dir.Write("list.csv", std::string("\xFF\xFEn\0a\0m\0e\0", 10));
  Result<LoadResult> r = LoadLists({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_TRUE(Contains(r.status().message(), "UTF-16"));
}

TEST(BadInput, UnknownFormatListsTheFormatsWeRead) {
  ScratchDir dir;
  for (const char* bytes : {"Dear customer,\nplease find attached...\n",
                            "<html><body>x</body></html>", "a,b,c\n1,2,3\n"}) {
    std::string path = dir.Write("mystery.txt", bytes);
    Result<LoadResult> r = LoadLists({path});
    ASSERT_FALSE(r.ok()) << bytes;
    EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
    const std::string& m = r.status().message();
    EXPECT_EQ(m.rfind(path + ": unknown list format", 0), 0u) << m;
    for (const char* format : {"UN", "OFAC sdnList XML", "OFAC legacy CSV", "EU FSF XML", "UK OFSI",
                               "JSONL", "CSV with a \"name\" column"}) {
      EXPECT_TRUE(Contains(m, format)) << format << " missing from: " << m;
    }
  }
}

TEST(BadInput, OneBadFileFailsTheLoad) {
  ScratchDir dir;
  Result<LoadResult> r = LoadLists({Fixture("un_small.xml"), dir.Write("empty.csv", "")});
  EXPECT_FALSE(r.ok());
}

TEST(BadInput, TruncatedXmlKeepsRecordsBeforeTheBreak) {
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("un_small.xml"));
  size_t cut = xml.find("<DATAID>900003</DATAID>");  // inside the third record
  ASSERT_NE(cut, std::string::npos);
  std::string path = dir.Write("un_cut.xml", xml.substr(0, cut + 10));
  Result<LoadResult> r = LoadLists({path});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 2u);
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].file, path);
  EXPECT_GT(r->issues[0].line, 90u);  // the line of the break, near the end of what is left
  EXPECT_TRUE(Contains(r->issues[0].message, "2 records before it were kept"));
}

TEST(BadInput, TruncatedXmlWithNoRecordIsAnError) {
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("ofac_nonsdn.xml"));
  std::string path = dir.Write("ofac_cut.xml", xml.substr(0, xml.find("<lastName>AL-MADHI")));
  Result<LoadResult> r = LoadLists({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message().rfind(path + ":", 0), 0u);
  EXPECT_TRUE(Contains(r.status().message(), "XML ends or breaks"));
  // A line number follows the path.
  std::string after = r.status().message().substr(path.size() + 1);
  EXPECT_TRUE(after[0] >= '1' && after[0] <= '9') << r.status().message();
}

TEST(BadInput, MalformedXmlInTheMiddle) {
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("eu_small.xml"));
  size_t at = xml.find("<sanctionEntity designationDetails=\"\" unitedNationId=\"\"");
  xml.insert(at, "<broken attr=\"x\"></mismatch>\n");
  Result<LoadResult> r = LoadLists({dir.Write("eu_bad.xml", xml)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->issues.size(), 1u);
}

TEST(BadInput, TruncatedGzip) {
  ScratchDir dir;
  std::string gz = testing::Gzip(ReadBytes(Fixture("un_small.xml")));
  std::string path = dir.Write("un.xml.gz", gz.substr(0, gz.size() / 2));
  Result<LoadResult> r = LoadLists({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), path + ": gzip data is truncated");
}

TEST(BadInput, GzipBombIsBounded) {
  ScratchDir dir;
  std::string big(8 << 20, ' ');
  LoadOptions options;
  options.max_file_bytes = 1 << 20;
  Result<LoadResult> r = LoadLists({dir.Write("bomb.gz", testing::Gzip(big))}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
}

TEST(BadInput, InvalidUtf8LineIsSkipped) {
  ScratchDir dir;
  std::string path = dir.Write(
      "list.jsonl", Jsonl("1", "Zayd") + Jsonl("2", "Bad \xC3\x28 name") + Jsonl("3", "Omar"));
  Result<LoadResult> r = LoadLists({path});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 2u);
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].line, 2u);
  EXPECT_TRUE(Contains(r->issues[0].ToString(), path + ":2: line is not valid UTF-8"));
}

TEST(BadInput, InvalidUtf8EverywhereRejectsTheFile) {
  ScratchDir dir;
  std::string path = dir.Write("list.jsonl", Jsonl("1", "\xFF\xFE") + Jsonl("2", "\xC0\xAF"));
  Result<LoadResult> r = LoadLists({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message().rfind(path + ":1: no usable record", 0), 0u)
      << r.status().message();
}

TEST(BadInput, InvalidUtf8RowInCsvFormats) {
  ScratchDir dir;
  Result<LoadResult> csv =
      LoadLists({dir.Write("in.csv", "name,id\nZayd,1\nBad \xFF,2\nOmar,3\n")});
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->entities.size(), 2u);
  ASSERT_EQ(csv->issues.size(), 1u);
  EXPECT_EQ(csv->issues[0].line, 3u);
  // UK: a UTF-8 file (it has Arabic) with one broken row.
  std::string uk = ReadBytes(Fixture("uk_conlist.csv"));
  size_t row = uk.find("NLL JSC");
  uk.replace(row, 3, "N\xFFL");
  Result<LoadResult> r = LoadLists({dir.Write("uk.csv", uk)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 4u);
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_TRUE(Contains(r->issues[0].message, "not valid UTF-8"));
}

TEST(BadInput, InvalidUtf8InXml) {
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("un_small.xml"));
  size_t at = xml.find("OMAR");
  xml.replace(at, 4, "OM\xFFR");
  std::string path = dir.Write("un.xml", xml);
  Result<LoadResult> r = LoadLists({path});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 2u);  // the parser stops at the bad byte
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_GT(r->issues[0].line, 0u);
}

TEST(BadInput, MegabyteNameIsDropped) {
  ScratchDir dir;
  std::string huge(1 << 20, 'A');
  std::string line = "{\"ref\": \"1\", \"names\": [{\"value\": \"Zayd\"}, {\"value\": \"" + huge +
                     "\", \"kind\": \"alias\"}]}\n";
  Result<LoadResult> r = LoadLists({dir.Write("huge.jsonl", line + Jsonl("2", huge))});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].names.size(), 1u);
  EXPECT_EQ(r->entities[0].names[0].value, "Zayd");
  ASSERT_EQ(r->issues.size(), 3u);  // name dropped (1), name dropped (2), no name left (2)
  EXPECT_TRUE(Contains(r->issues[0].message, "longer than max_name_bytes (1024)"));
  EXPECT_EQ(r->issues[2].line, 2u);
  EXPECT_TRUE(Contains(r->issues[2].message, "no usable name"));
}

TEST(BadInput, MegabyteNameInXml) {
  ScratchDir dir;
  std::string xml = ReadBytes(Fixture("un_small.xml"));
  size_t at = xml.find("Zaid Qassem al-Foulani");
  xml.replace(at, 22, std::string(1 << 20, 'Z'));
  Result<LoadResult> r = LoadLists({dir.Write("un_huge.xml", xml)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 5u);
  EXPECT_TRUE(AnyIssue(*r, "longer than max_name_bytes"));
}

TEST(BadInput, HundredThousandAliasesAreCapped) {
  ScratchDir dir;
  std::string line = "{\"ref\": \"many\", \"names\": [{\"value\": \"Zayd Qasim\"}";
  for (int i = 0; i < 100000; ++i) line += ",{\"value\": \"Alias " + std::to_string(i) + "\"}";
  line += "]}\n";
  Result<LoadResult> r = LoadLists({dir.Write("many.jsonl", line)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].names.size(), 1000u);
  EXPECT_EQ(r->entities[0].names[0].value, "Zayd Qasim");
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_TRUE(Contains(r->issues[0].message, "more than max_names_per_entity (1000)"));
  EXPECT_TRUE(Contains(r->issues[0].message, "99001 dropped"));
}

TEST(BadInput, HundredThousandProgramsAndDatesAreBounded) {
  ScratchDir dir;
  std::string line = "{\"ref\": \"p\", \"names\": [{\"value\": \"Zayd\"}], \"programs\": [";
  for (int i = 0; i < 100000; ++i) line += (i ? ",\"P" : "\"P") + std::to_string(i) + "\"";
  line += "], \"birth_dates\": [";
  for (int i = 0; i < 100000; ++i) line += i ? ",\"1971\"" : "\"1971\"";
  line += "]}\n";
  Result<LoadResult> r = LoadLists({dir.Write("programs.jsonl", line)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].programs.size(), 1000u);
  EXPECT_EQ(r->entities[0].birth_dates.size(), 1u);
  EXPECT_TRUE(AnyIssue(*r, "more than 1000 programs; 99000 dropped"));
}

TEST(BadInput, HundredThousandOfacAltRowsAreCapped) {
  ScratchDir dir;
  std::string alt;
  for (int i = 0; i < 100000; ++i)
    alt += "90002," + std::to_string(i) + ",\"aka\",\"ALIAS " + std::to_string(i) + "\",-0- \r\n";
  LoadOptions options;
  options.max_names_per_entity = 50;
  Result<LoadResult> r = LoadLists({Fixture("ofac_sdn.csv"), dir.Write("alt.csv", alt)}, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto it = std::find_if(r->entities.begin(), r->entities.end(),
                         [](const Entity& e) { return e.ref == "90002"; });
  ASSERT_NE(it, r->entities.end());
  EXPECT_EQ(it->names.size(), 50u);
  EXPECT_TRUE(AnyIssue(*r, "more than max_names_per_entity (50)"));
}

TEST(BadInput, BadJsonLinesNameLineAndField) {
  ScratchDir dir;
  std::string path = dir.Write(
      "list.jsonl",
      Jsonl("1", "Zayd") + "{not json}\n" +
          "{\"ref\": \"3\", \"names\": [{\"value\": \"Omar\"}], \"gender\": \"robot\"}\n");
  Result<LoadResult> r = LoadLists({path});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->entities.size(), 1u);
  ASSERT_EQ(r->issues.size(), 2u);
  EXPECT_EQ(r->issues[0].line, 2u);
  EXPECT_TRUE(Contains(r->issues[0].message, "invalid JSON"));
  EXPECT_EQ(r->issues[1].line, 3u);
  EXPECT_TRUE(Contains(r->issues[1].message, "field \"gender\""));
}

TEST(BadInput, OfacRowWithWrongColumnCount) {
  ScratchDir dir;
  std::string sdn = ReadBytes(Fixture("ofac_sdn.csv"));
  sdn.insert(0, "90009,\"SHORT ROW\",individual\r\n");
  std::string path = dir.Write("sdn.csv", sdn);
  Result<LoadResult> r = LoadLists({path});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->entities.size(), 5u);
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].ToString(), path + ":1: expected 12 columns, found 3; row skipped");
}

TEST(BadInput, UkHeaderWithoutGroupId) {
  ScratchDir dir;
  std::string path =
      dir.Write("uk.csv", "Last Updated,01/02/2024\nName 6,Name 1,Alias Type\nX,Y,Primary name\n");
  Result<LoadResult> r = LoadLists({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            path + ":2: header has no \"Group ID\" column (expected OFSI ConList.csv)");
}

TEST(BadInput, XmlEntitiesAreNotExpanded) {
  ScratchDir dir;
  // An external entity (XXE) and an exponential one (billion laughs).
  std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE CONSOLIDATED_LIST [\n"
      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "  <!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
      "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d "
      "\"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
      "  <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f "
      "\"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
      "  <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h "
      "\"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
      "]>\n"
      "<CONSOLIDATED_LIST><INDIVIDUALS>\n"
      "<INDIVIDUAL><FIRST_NAME>ZAYD "
      "&xxe;</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL>\n"
      "<INDIVIDUAL><FIRST_NAME>OMAR "
      "&h;</FIRST_NAME><REFERENCE_NUMBER>QDi.2</REFERENCE_NUMBER></INDIVIDUAL>\n"
      "</INDIVIDUALS></CONSOLIDATED_LIST>\n";
  Result<LoadResult> r = LoadLists({dir.Write("un_entities.xml", xml)});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_GE(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].caption, "ZAYD");  // the external entity stays unread
  // libxml2 stops at the exponential entity: an issue naming the line.
  ASSERT_EQ(r->issues.size(), 1u);
  EXPECT_EQ(r->issues[0].line, 11u);
  for (const Entity& e : r->entities) {
    for (const EntityName& n : e.names) {
      EXPECT_FALSE(Contains(n.value, "root:")) << "external entity was read";
      EXPECT_LT(n.value.size(), 1024u);
    }
  }
}

}  // namespace
}  // namespace qantara::lists
