// Format detection by content (DESIGN.md: "The reader is chosen by content, not
// by file name").
//
// XML files are told apart by their root element's local name (namespaces and
// prefixes ignored): CONSOLIDATED_LIST (UN), sdnList (OFAC), export with the FSF
// namespace or a sanctionEntity (EU). Text files by their first record: a JSON
// object (our JSONL), "Last Updated" or a header with "Group ID" and "Name 6"
// (UK), a numeric ent_num in a 12/5/6-column row (OFAC sdn/alt/add), a header
// with a "name" column (our CSV).
#include <string>

#include "base/ascii.h"
#include "io/csv.h"
#include "lists/reader.h"

namespace qantara::lists {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The local name of the first element, skipping the XML declaration, comments,
// processing instructions and a DOCTYPE; "" when none is found in `s`.
std::string_view XmlRootName(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && IsXmlSpace(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] != '<') return "";
    std::string_view rest = s.substr(pos);
    std::string_view close;
    if (rest.substr(0, 4) == "<!--") {
      close = "-->";
    } else if (rest.substr(0, 2) == "<?") {
      close = "?>";
    } else if (rest.substr(0, 2) == "<!") {
      // A DOCTYPE with an internal subset ends at "]>", others at ">".
      size_t bracket = rest.find('[');
      close = bracket != std::string_view::npos && bracket < rest.find('>') ? "]>" : ">";
    } else {
      size_t end = 1;
      while (end < rest.size() && !IsXmlSpace(rest[end]) && rest[end] != '>' && rest[end] != '/') {
        ++end;
      }
      std::string_view name = rest.substr(1, end - 1);
      size_t colon = name.find(':');
      return colon == std::string_view::npos ? name : name.substr(colon + 1);
    }
    size_t end = s.find(close, pos);
    if (end == std::string_view::npos) return "";
    pos = end + close.size();
  }
  return "";
}

Format DetectXml(std::string_view s) {
  std::string_view root = XmlRootName(s);
  if (root == "CONSOLIDATED_LIST") return Format::kUnXml;
  if (root == "sdnList") return Format::kOfacXml;
  std::string_view start = s.substr(0, 4096);
  if (root == "export" && (start.find("fsd/export") != std::string_view::npos ||
                           start.find("sanctionEntity") != std::string_view::npos)) {
    return Format::kEuXml;
  }
  return Format::kUnknown;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Format DetectCsv(std::string_view s) {
  io::CsvReader csv(s.substr(0, 1 << 16));
  std::vector<std::string> fields;
  if (!csv.Next(&fields)) return Format::kUnknown;
  if (EqualsIgnoreCase(TrimSpaces(fields[0]), "Last Updated")) return Format::kUkCsv;
  bool group_id = false, name6 = false, name = false;
  for (const std::string& f : fields) {
    std::string_view t = TrimSpaces(f);
    group_id |= EqualsIgnoreCase(t, "Group ID");
    name6 |= EqualsIgnoreCase(t, "Name 6");
    name |= EqualsIgnoreCase(t, "name");
  }
  if (group_id && name6) return Format::kUkCsv;
  if (AllDigits(TrimSpaces(fields[0]))) {
    // OFAC rows: the column count of the first few rows tells sdn/alt/add apart
    // (a single malformed first row does not hide the format).
    size_t width = fields.size();
    for (int i = 0; i < 4 && width != 12 && width != 5 && width != 6 && csv.Next(&fields); ++i) {
      if (AllDigits(TrimSpaces(fields[0]))) width = fields.size();
    }
    if (width == 12) return Format::kOfacSdnCsv;
    if (width == 5) return Format::kOfacAltCsv;
    if (width == 6) return Format::kOfacAddCsv;
    return Format::kUnknown;
  }
  if (name) return Format::kCsv;
  // A tab-separated in-house list.
  if (fields.size() == 1 && fields[0].find('\t') != std::string::npos) {
    for (const std::string& f : SplitTrimmed(fields[0], '\t')) {
      if (EqualsIgnoreCase(f, "name")) return Format::kCsv;
    }
  }
  return Format::kUnknown;
}

}  // namespace

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kUnknown:
      return "unknown";
    case Format::kUnXml:
      return "un";
    case Format::kOfacXml:
      return "ofac_xml";
    case Format::kOfacSdnCsv:
      return "ofac_sdn_csv";
    case Format::kOfacAltCsv:
      return "ofac_alt_csv";
    case Format::kOfacAddCsv:
      return "ofac_add_csv";
    case Format::kEuXml:
      return "eu";
    case Format::kUkCsv:
      return "uk";
    case Format::kJsonl:
      return "jsonl";
    case Format::kCsv:
      return "csv";
  }
  return "unknown";
}

Format DetectFormat(std::string_view head) {
  std::string_view s = StripBom(head);
  while (!s.empty() && IsXmlSpace(s.front())) s.remove_prefix(1);
  if (s.empty()) return Format::kUnknown;
  if (s.front() == '<') return DetectXml(s);
  if (s.front() == '{') return Format::kJsonl;
  return DetectCsv(s);
}

}  // namespace qantara::lists
