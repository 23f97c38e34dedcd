#include "cli/queries.h"

#include <algorithm>

#include "io/csv.h"
#include "screen/screen_json.h"
#include "text/utf8.h"

namespace qantara::cli {
namespace {

Status CheckName(const screen::Query& q) {
  if (q.name.find_first_not_of(" \t") == std::string::npos) {
    return Status::InvalidArgument("field \"name\" is missing or empty");
  }
  return Status::Ok();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(),
                    [](char a, char b) { return a == ::tolower(static_cast<unsigned char>(b)); });
}

// Whether `line`, read as a CSV header, has a "name" column.
bool HasNameColumn(std::string_view line) {
  std::vector<std::string> header;
  io::CsvReader reader(line);
  if (!reader.Next(&header)) return false;
  for (std::string& h : header) {
    h.erase(0, h.find_first_not_of(' '));
    h.erase(h.find_last_not_of(" \r") + 1);
    if (h == "name") return true;
  }
  return false;
}

// The record's "id" when it can be echoed: a string or a number. Arrays and
// objects are not copied: nesting is unbounded and copying or printing a deeply
// nested value recurses (a line of 200,000 '[' overflowed the stack).
const nlohmann::json* EchoableId(const nlohmann::json& j) {
  if (!j.is_object()) return nullptr;
  auto it = j.find("id");
  if (it == j.end() || !(it->is_string() || it->is_number())) return nullptr;
  return &*it;
}

}  // namespace

std::string_view GuessQueryFormat(std::string_view path, std::string_view data) {
  size_t first = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || data[first] == '{') return "jsonl";
  for (std::string_view ext : {".jsonl", ".ndjson", ".json"}) {
    if (EndsWith(path, ext)) return "jsonl";
  }
  if (EndsWith(path, ".csv")) return "csv";
  size_t eol = data.find('\n', first);
  std::string_view first_line =
      data.substr(first, eol == std::string_view::npos ? eol : eol - first);
  if (HasNameColumn(first_line)) return "csv";
  for (size_t pos = eol; pos != std::string_view::npos; pos = data.find('\n', pos + 1)) {
    size_t next = data.find_first_not_of(" \t\r", pos + 1);
    if (next != std::string_view::npos && data[next] == '{') return "jsonl";
  }
  return "csv";
}

std::vector<QueryRecord> ParseJsonlQueries(std::string_view data) {
  std::vector<QueryRecord> records;
  size_t start = 0, line = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    std::string_view text = data.substr(start, end - start);
    start = end + 1;
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    QueryRecord r;
    r.line = line;
    if (Status u = text::ValidateUtf8(text); !u.ok()) {
      r.error = u.message();
      // The id still tells the user which record to fix (bad bytes shown as U+FFFD).
      nlohmann::json j = nlohmann::json::parse(text::ScrubUtf8(text), nullptr, false);
      if (const nlohmann::json* id = EchoableId(j)) r.id = *id;
      records.push_back(std::move(r));
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      r.error = "not valid JSON";
    } else {
      if (const nlohmann::json* id = EchoableId(j)) r.id = *id;
      if (Status s = screen::QueryFromJson(j, &r.query); !s.ok()) r.error = s.message();
    }
    records.push_back(std::move(r));
  }
  return records;
}

Result<std::vector<QueryRecord>> ParseCsvQueries(std::string_view data) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);  // UTF-8 byte order mark
  io::CsvReader reader(data);
  std::vector<std::string> header, fields;
  if (!reader.Next(&header)) return Status::InvalidArgument("CSV input is empty (expected a header row)");
  for (std::string& h : header) {
    h.erase(0, h.find_first_not_of(' '));
    h.erase(h.find_last_not_of(" \r") + 1);
  }
  if (std::find(header.begin(), header.end(), "name") == header.end()) {
    return Status::InvalidArgument("CSV header has no \"name\" column (line 1)");
  }
  std::vector<QueryRecord> records;
  while (reader.Next(&fields)) {
    QueryRecord r;
    r.line = reader.line();
    if (Status u = text::ValidateUtf8(reader.raw()); !u.ok()) {
      r.error = u.message();
    } else if (reader.unterminated_quote()) {
      r.error = "a quoted field is not closed before the end of the input";
    } else if (fields.size() != header.size()) {
      r.error = "expected " + std::to_string(header.size()) + " fields, got " +
                std::to_string(fields.size());
    } else {
      Status s;
      for (size_t i = 0; i < header.size() && s.ok(); ++i) {
        if (header[i] == "id") {
          r.id = fields[i];
          r.query.id = fields[i];
        } else {
          s = screen::SetQueryField(header[i], fields[i], &r.query);
        }
      }
      if (s.ok()) s = CheckName(r.query);
      if (!s.ok()) r.error = s.message();
    }
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace qantara::cli
