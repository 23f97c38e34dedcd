// A TimeML reader for the evaluation sets: the markup is flat and regular
// (XML written by annotation tools), so one pass over the <TEXT> element
// copies character data, decodes the five XML entities and notes where each
// TIMEX3 opens and closes.
#include "eval/timeml.h"

#include <algorithm>
#include <filesystem>

namespace qantara::eval {
namespace {

// The value of attribute `name` in the tag `tag` ("" when absent).
std::string Attribute(const std::string& tag, const std::string& name) {
  for (size_t at = tag.find(name + "=\""); at != std::string::npos;
       at = tag.find(name + "=\"", at + 1)) {
    if (at > 0 && tag[at - 1] != ' ' && tag[at - 1] != '\n' && tag[at - 1] != '\t') continue;
    const size_t from = at + name.size() + 2;
    const size_t to = tag.find('"', from);
    if (to == std::string::npos) return "";
    return tag.substr(from, to - from);
  }
  return "";
}

}  // namespace

std::optional<TimeMlDoc> ParseTimeMl(const std::string& xml) {
  const size_t open = xml.find("<TEXT>"), close = xml.find("</TEXT>");
  if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
  TimeMlDoc doc;
  std::vector<size_t> open_timex;  // indexes into doc.timexes (TIMEX3 may nest in TempEval)
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (size_t i = open + 6; i < close;) {
    if (xml[i] == '<') {
      const size_t end = xml.find('>', i);
      if (end == std::string::npos || end > close) break;
      const std::string tag = xml.substr(i, end + 1 - i);
      if (tag.rfind("<TIMEX3", 0) == 0) {
        TimeMlTimex t{Attribute(tag, "tid"), Attribute(tag, "type"), Attribute(tag, "value"),
                      doc.text.size(), doc.text.size()};
        doc.timexes.push_back(std::move(t));
        if (tag[tag.size() - 2] != '/') open_timex.push_back(doc.timexes.size() - 1);
      } else if (tag == "</TIMEX3>" && !open_timex.empty()) {
        doc.timexes[open_timex.back()].end = doc.text.size();
        open_timex.pop_back();
      }
      i = end + 1;
      continue;
    }
    if (xml[i] == '&') {
      bool decoded = false;
      for (const auto& [entity, c] : kEntities) {
        if (xml.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
          doc.text.push_back(c);
          i += std::char_traits<char>::length(entity);
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    doc.text.push_back(xml[i++]);
  }
  return doc;
}

std::vector<std::string> TimeMlFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace qantara::eval
