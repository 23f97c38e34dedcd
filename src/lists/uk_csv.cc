// HM Treasury OFSI Consolidated List, ConList.csv.
//
// Row 1 is "Last Updated,dd/mm/yyyy", row 2 the header (36 columns, found by
// name, so a reordered file still reads), then one row per name variation;
// rows sharing a "Group ID" are one listed party. One entity per Group ID:
//   ref = Group ID; Group Type Individual -> Person, Entity -> Organization,
//   Ship -> Vessel. Name = "Name 1".."Name 5" then "Name 6" (the family name, or
//   the whole name of an entity), joined by spaces.
//   Alias Type "Primary name" -> primary (the first is the caption), "Primary
//   name variation" -> alias, "AKA"/"FKA" -> alias, or weak_alias when Alias
//   Quality is "Low quality". "Name Non-Latin Script" -> original_script.
//   A group with no "Primary name" row gets its first name as primary.
//   DOB (dd/mm/yyyy, 00 for unknown parts) -> birth dates; Nationality ->
//   nationalities ("(1) Iraq (2) Jordan"); Passport Number / National
//   Identification Number (enumerated like nationalities) -> ids, the country
//   guessed from the start of the matching "... Details" text ("Tunisia
//   number"); Regime -> programs; Listed On -> listed_on; "(Gender):Male" in
//   Other Information -> gender. published = the "Last Updated" date.
// The file is UTF-8 (a Windows-1252 file is decoded); a row with invalid UTF-8
// is an issue and is skipped.
#include <string>
#include <unordered_map>

#include "base/ascii.h"
#include "io/csv.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"
#include "text/countries.h"
#include "text/legacy_encoding.h"
#include "text/utf8.h"

namespace qantara::lists {
namespace {

struct UkColumns {
  int name[6] = {-1, -1, -1, -1, -1, -1};  // Name 1 .. Name 6
  int non_latin = -1, dob = -1, nationality = -1, passport = -1, passport_details = -1;
  int national_id = -1, national_id_details = -1, other_info = -1, group_type = -1;
  int alias_type = -1, alias_quality = -1, regime = -1, listed_on = -1, group_id = -1;
};

struct UkGroup {
  Entity entity;
  size_t line = 0;
  std::vector<EntityName> primaries;
  std::vector<EntityName> others;
  std::vector<std::string> seen;  // field values already read for this group
};

std::string_view Field(const std::vector<std::string>& row, int column) {
  return column < 0 || static_cast<size_t>(column) >= row.size() ? std::string_view()
                                                                 : TrimSpaces(row[column]);
}

// Finds the columns by header name; returns the first required one missing, or "".
std::string MapColumns(const std::vector<std::string>& header, UkColumns* c) {
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < header.size(); ++i) index.emplace(AsciiLower(TrimSpaces(header[i])), i);
  auto col = [&index](const char* name) {
    auto it = index.find(name);
    return it == index.end() ? -1 : it->second;
  };
  for (int i = 0; i < 6; ++i) c->name[i] = col(("name " + std::to_string(i + 1)).c_str());
  c->non_latin = col("name non-latin script");
  c->dob = col("dob");
  c->nationality = col("nationality");
  c->passport = col("passport number");
  c->passport_details = col("passport details");
  c->national_id = col("national identification number");
  c->national_id_details = col("national identification details");
  c->other_info = col("other information");
  c->group_type = col("group type");
  c->alias_type = col("alias type");
  c->alias_quality = col("alias quality");
  c->regime = col("regime");
  c->listed_on = col("listed on");
  c->group_id = col("group id");
  if (c->name[5] < 0) return "Name 6";
  if (c->group_id < 0) return "Group ID";
  if (c->group_type < 0) return "Group Type";
  if (c->alias_type < 0) return "Alias Type";
  return "";
}

// True the first time `key` is seen for this group.
// Bounded: past kMaxSeenPerGroup values (hostile input), nothing more is read.
bool FirstTime(UkGroup* g, std::string key) {
  constexpr size_t kMaxSeenPerGroup = 1000;
  for (const std::string& s : g->seen) {
    if (s == key) return false;
  }
  if (g->seen.size() >= kMaxSeenPerGroup) return false;
  g->seen.push_back(std::move(key));
  return true;
}

// "Tunisia number. Issued on ..." -> "tn": the first one to three words as a country.
std::string CountryAtStart(std::string_view details) {
  std::vector<std::string> words = SplitTrimmed(details.substr(0, 80), ' ');
  for (size_t n = std::min<size_t>(3, words.size()); n > 0; --n) {
    std::string candidate;
    for (size_t i = 0; i < n; ++i) candidate += (i ? " " : "") + words[i];
    std::string code = text::CountryCode(candidate);
    if (!code.empty()) return code;
  }
  return "";
}

void AddUkIds(std::string_view numbers, std::string_view details, const char* type, Entity* e) {
  std::vector<std::string> nums = SplitNumberedItems(numbers);
  std::vector<std::string> dets = SplitNumberedItems(details);
  for (size_t i = 0; i < nums.size(); ++i) {
    std::string country;
    if (i < dets.size()) {
      country = CountryAtStart(dets[i]);
    } else if (dets.size() == 1) {
      country = CountryAtStart(dets[0]);
    }
    e->ids.push_back({type, nums[i], std::move(country)});
  }
}

void ReadUkRow(const std::vector<std::string>& row, const UkColumns& c, size_t line,
               const ReadContext& ctx, UkGroup* g) {
  Entity& e = g->entity;
  std::string name;
  for (int i : {0, 1, 2, 3, 4, 5}) {
    std::string_view part = Field(row, c.name[i]);
    if (part.empty()) continue;
    if (!name.empty()) name.push_back(' ');
    name.append(part);
  }
  std::string_view alias_type = Field(row, c.alias_type);
  if (!name.empty()) {
    if (EqualsIgnoreCase(alias_type, "Primary name")) {
      g->primaries.push_back({std::move(name), NameKind::kPrimary});
    } else {
      bool low = StartsWithIgnoreCase(Field(row, c.alias_quality), "low");
      NameKind kind = HasNonLatinLetters(name) ? NameKind::kOriginalScript
                      : low                    ? NameKind::kWeakAlias
                                               : NameKind::kAlias;
      g->others.push_back({std::move(name), kind});
    }
  }
  if (std::string_view s = Field(row, c.non_latin); !s.empty()) {
    g->others.push_back({std::string(s), NameKind::kOriginalScript});
  }
  if (std::string_view dob = Field(row, c.dob);
      !dob.empty() && FirstTime(g, "dob:" + std::string(dob))) {
    if (auto d = PartialDate::Parse(dob)) {
      e.birth_dates.push_back(*d);
    } else {
      ctx.Issue(line, e.ref + ": cannot read DOB \"" + std::string(dob) + "\"; left out");
    }
  }
  if (std::string_view nat = Field(row, c.nationality); FirstTime(g, "nat:" + std::string(nat))) {
    AddCountries(nat, &e.nationalities, ctx, line, e.ref + ": Nationality");
  }
  if (std::string_view pp = Field(row, c.passport);
      !pp.empty() && FirstTime(g, "pp:" + std::string(pp))) {
    AddUkIds(pp, Field(row, c.passport_details), "passport", &e);
  }
  if (std::string_view ni = Field(row, c.national_id);
      !ni.empty() && FirstTime(g, "ni:" + std::string(ni))) {
    AddUkIds(ni, Field(row, c.national_id_details), "national_id", &e);
  }
  if (std::string_view regime = Field(row, c.regime);
      FirstTime(g, "regime:" + std::string(regime))) {
    AddUnique(&e.programs, std::string(regime));
  }
  if (e.listed_on.empty()) {
    if (auto d = PartialDate::Parse(Field(row, c.listed_on))) e.listed_on = d->ToString();
  }
  if (e.gender.empty()) {
    std::string_view info = Field(row, c.other_info);
    if (size_t p = info.find("(Gender):"); p != std::string_view::npos) {
      std::string_view rest = info.substr(p + 9, 16);
      e.gender = NormalizeGender(rest.substr(0, rest.find_first_of(" .;,(")));
    }
  }
}

Schema UkSchema(std::string_view group_type, const ReadContext& ctx, size_t line) {
  if (EqualsIgnoreCase(group_type, "Entity")) return Schema::kOrganization;
  if (auto s = ParseSchema(group_type)) return *s;
  ctx.Issue(line, "unknown Group Type \"" + std::string(group_type) + "\"; read as Organization");
  return Schema::kOrganization;
}

}  // namespace

Status ReadUkCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out) {
  source->list = "uk";
  std::string storage;
  data = StripBom(text::LegacyTextAsUtf8(data, &storage));
  io::CsvReader csv(data);
  std::vector<std::string> row;
  if (!csv.Next(&row)) return ctx.Error(StatusCode::kCorruption, 0, "no header row");
  if (EqualsIgnoreCase(TrimSpaces(row[0]), "Last Updated")) {
    if (row.size() > 1) {
      if (auto d = PartialDate::Parse(row[1])) source->published = d->ToString();
    }
    if (!csv.Next(&row)) return ctx.Error(StatusCode::kCorruption, csv.line(), "no header row");
  }
  UkColumns cols;
  if (std::string missing = MapColumns(row, &cols); !missing.empty()) {
    return ctx.Error(StatusCode::kCorruption, csv.line(),
                     "header has no \"" + missing + "\" column (expected OFSI ConList.csv)");
  }
  const size_t width = row.size();
  std::vector<UkGroup> groups;
  std::unordered_map<std::string, size_t> by_id;
  while (csv.Next(&row)) {
    size_t line = csv.line();
    if (Status s = text::ValidateUtf8(csv.raw()); !s.ok()) {
      ctx.Issue(line, "row is not valid UTF-8 (" + s.message() + "); skipped");
      continue;
    }
    if (row.size() != width) {
      ctx.Issue(line, "expected " + std::to_string(width) + " columns, found " +
                          std::to_string(row.size()) + "; row skipped");
      continue;
    }
    std::string group_id(Field(row, cols.group_id));
    if (group_id.empty()) {
      ctx.Issue(line, "row has no Group ID; skipped");
      continue;
    }
    auto [it, added] = by_id.emplace(group_id, groups.size());
    if (added) {
      groups.emplace_back();
      UkGroup& g = groups.back();
      g.line = line;
      g.entity.list = "uk";
      g.entity.ref = group_id;
      g.entity.schema = UkSchema(Field(row, cols.group_type), ctx, line);
    }
    ReadUkRow(row, cols, line, ctx, &groups[it->second]);
  }
  source->records = groups.size();
  for (UkGroup& g : groups) {
    Entity& e = g.entity;
    e.names = std::move(g.primaries);
    if (!e.names.empty()) e.caption = e.names.front().value;
    for (EntityName& n : g.others) e.names.push_back(std::move(n));
    if (FinishEntity(&e, ctx, g.line)) out->push_back(std::move(e));
  }
  return Status::Ok();
}

}  // namespace qantara::lists
