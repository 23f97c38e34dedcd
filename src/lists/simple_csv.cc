// Our own simple CSV list, for in-house lists kept in a spreadsheet.
//
// A header row names the columns (any order, any case; unknown columns ignored):
//   name (required), id, schema, aliases, birth_date, nationality, gender, list.
// Comma-separated (tab-separated when the header has tabs and no comma), UTF-8.
// "aliases", "birth_date" and "nationality" may hold several values separated by
// ';'. ref = id, or the data row's number (1, 2, ...) when there is no id column
// value; list = the list column, else LoadOptions::default_list; schema defaults
// to Person. A row with invalid UTF-8, no name or an unknown schema is an issue
// and is skipped; an unreadable date, country or gender is an issue and is left out.
#include <string>
#include <unordered_map>

#include "base/ascii.h"
#include "io/csv.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"
#include "text/countries.h"
#include "text/utf8.h"

namespace qantara::lists {
namespace {

struct SimpleColumns {
  int name = -1, id = -1, schema = -1, aliases = -1, birth_date = -1, nationality = -1, gender = -1,
      list = -1;
};

std::string_view Cell(const std::vector<std::string>& row, int column) {
  return column < 0 || static_cast<size_t>(column) >= row.size() ? std::string_view()
                                                                 : TrimSpaces(row[column]);
}

SimpleColumns MapSimpleColumns(const std::vector<std::string>& header) {
  SimpleColumns c;
  std::unordered_map<std::string, int*> slots = {{"name", &c.name},
                                                 {"id", &c.id},
                                                 {"schema", &c.schema},
                                                 {"aliases", &c.aliases},
                                                 {"birth_date", &c.birth_date},
                                                 {"nationality", &c.nationality},
                                                 {"gender", &c.gender},
                                                 {"list", &c.list}};
  for (size_t i = 0; i < header.size(); ++i) {
    auto it = slots.find(AsciiLower(TrimSpaces(header[i])));
    if (it != slots.end() && *it->second < 0) *it->second = static_cast<int>(i);
  }
  return c;
}

// Fills e from one row; returns false (after an issue) when the row is unusable.
bool ReadSimpleRow(const std::vector<std::string>& row, const SimpleColumns& c, size_t number,
                   size_t line, const ReadContext& ctx, Entity* e) {
  std::string_view name = Cell(row, c.name);
  if (name.empty()) {
    ctx.Issue(line, "field \"name\" is empty; row skipped");
    return false;
  }
  std::string_view schema = Cell(row, c.schema);
  if (!schema.empty()) {
    std::optional<Schema> s = ParseSchema(schema);
    if (!s) {
      ctx.Issue(line, "field \"schema\": \"" + std::string(schema) +
                          "\" is not Person, Organization, Vessel or Aircraft; row skipped");
      return false;
    }
    e->schema = *s;
  }
  e->list = std::string(Cell(row, c.list));
  if (e->list.empty()) e->list = ctx.options->default_list;
  e->ref = std::string(Cell(row, c.id));
  if (e->ref.empty()) e->ref = std::to_string(number);
  e->caption = std::string(name);
  e->names.push_back({std::string(name), NameKind::kPrimary});
  for (std::string& alias : SplitTrimmed(Cell(row, c.aliases), ';')) {
    NameKind kind = HasNonLatinLetters(alias) ? NameKind::kOriginalScript : NameKind::kAlias;
    e->names.push_back({std::move(alias), kind});
  }
  for (const std::string& date : SplitTrimmed(Cell(row, c.birth_date), ';')) {
    if (auto d = PartialDate::Parse(date)) {
      e->birth_dates.push_back(*d);
    } else {
      ctx.Issue(line, "field \"birth_date\": cannot read date \"" + date + "\"; left out");
    }
  }
  for (const std::string& nat : SplitTrimmed(Cell(row, c.nationality), ';')) {
    if (text::IsCountryCode(nat)) {
      AddUnique(&e->nationalities, AsciiLower(nat));
    } else {
      AddCountries(nat, &e->nationalities, ctx, line, "field \"nationality\"");
    }
  }
  std::string_view gender = Cell(row, c.gender);
  e->gender = NormalizeGender(gender);
  if (e->gender.empty() && !gender.empty()) {
    ctx.Issue(line,
              "field \"gender\": \"" + std::string(gender) + "\" is not male or female; left out");
  }
  return true;
}

}  // namespace

Status ReadSimpleCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                     std::vector<Entity>* out) {
  data = StripBom(data);
  std::string_view first_line = data.substr(0, data.find('\n'));
  char delimiter = first_line.find(',') == std::string_view::npos &&
                           first_line.find('\t') != std::string_view::npos
                       ? '\t'
                       : ',';
  io::CsvReader csv(data, delimiter);
  std::vector<std::string> row;
  if (!csv.Next(&row)) return ctx.Error(StatusCode::kCorruption, 0, "no header row");
  SimpleColumns cols = MapSimpleColumns(row);
  if (cols.name < 0) {
    return ctx.Error(StatusCode::kCorruption, csv.line(), "header has no \"name\" column");
  }
  size_t number = 0;
  while (csv.Next(&row)) {
    ++number;
    ++source->records;
    if (Status s = text::ValidateUtf8(csv.raw()); !s.ok()) {
      ctx.Issue(csv.line(), "row is not valid UTF-8 (" + s.message() + "); skipped");
      continue;
    }
    Entity e;
    if (!ReadSimpleRow(row, cols, number, csv.line(), ctx, &e)) continue;
    if (FinishEntity(&e, ctx, csv.line())) {
      if (source->list.empty()) source->list = e.list;
      out->push_back(std::move(e));
    }
  }
  if (source->list.empty()) source->list = ctx.options->default_list;
  return Status::Ok();
}

}  // namespace qantara::lists
