// Our own JSON Lines list: one entity per line in the contract's form
// (entity_json.h). Blank lines are skipped; a bad line (invalid UTF-8, bad JSON,
// a bad field) is an issue naming the line and the field, and is skipped.
// Entities that name no list get LoadOptions::default_list.
#include <string>

#include "base/ascii.h"
#include "lists/entity_json.h"
#include "lists/internal/format_readers.h"
#include "text/utf8.h"

namespace qantara::lists {

Status ReadJsonl(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out) {
  data = StripBom(data);
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (TrimSpaces(line).empty()) continue;
    ++source->records;
    if (Status s = text::ValidateUtf8(line); !s.ok()) {
      ctx.Issue(line_no, "line is not valid UTF-8 (" + s.message() + "); skipped");
      continue;
    }
    Result<Entity> e = EntityFromJson(line);
    if (!e.ok()) {
      ctx.Issue(line_no, e.status().message() + "; line skipped");
      continue;
    }
    if (e->list.empty()) e->list = ctx.options->default_list;
    if (FinishEntity(&e.value(), ctx, line_no)) {
      if (source->list.empty()) source->list = e->list;
      out->push_back(std::move(e).value());
    }
  }
  if (source->list.empty()) source->list = ctx.options->default_list;
  return Status::Ok();
}

}  // namespace qantara::lists
