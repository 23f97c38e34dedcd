#include "screen/allow_list.h"

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace qantara::screen {

std::string AllowList::Identity(std::string_view name, std::string_view birth_date) {
  std::string id = text::NormalizeForMatching(text::ScrubUtf8(name));
  id += '|';
  id += birth_date;
  return id;
}

void AllowList::Add(const std::string& identity, const std::string& entity_id, std::string reason) {
  entries_[identity + '\n' + entity_id] = std::move(reason);
}

const std::string* AllowList::Find(const std::string& identity, std::string_view entity_id) const {
  std::string key = identity;
  key += '\n';
  key += entity_id;
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

Result<AllowList> AllowList::Load(const std::string& path) {
  Result<std::string> data = ReadWholeFile(path, size_t{64} << 20);
  if (!data.ok()) return data.status();
  AllowList list;
  size_t line_no = 0, start = 0;
  const std::string& s = *data;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string_view line(s.data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string where = path + ":" + std::to_string(line_no);
    if (Status u = text::ValidateUtf8(line); !u.ok()) return u.WithPrefix(where);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Status::Corruption(where + ": not a JSON object");
    auto text_field = [&](const char* field) -> std::string {
      auto it = j.find(field);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string name = text_field("name"), entity = text_field("entity");
    if (name.empty()) return Status::Corruption(where + ": field \"name\" is missing or not a string");
    if (entity.empty()) {
      return Status::Corruption(where + ": field \"entity\" is missing (e.g. \"un:QDi.299\")");
    }
    list.Add(Identity(name, text_field("birth_date")), entity, text_field("reason"));
  }
  return list;
}

}  // namespace qantara::screen
