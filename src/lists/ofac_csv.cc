// OFAC legacy CSV set: sdn.csv, alt.csv, add.csv.
//
// Raw OFAC format: no header, "-0- " for an empty field, CRLF line ends, a
// trailing 0x1A (stripped by LoadLists), Windows-1252 text (decoded to UTF-8; a
// file that is already UTF-8 is read as such).
//   sdn.csv  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
//            Tonnage, GRT, Vess_flag, Vess_owner, Remarks          (12 columns)
//   alt.csv  ent_num, alt_num, alt_type, alt_name, alt_remarks      (5 columns)
//   add.csv  ent_num, add_num, address, city, country, add_remarks  (6 columns)
//
// sdn rows define the entities: ref = ent_num; SDN_Type individual -> Person,
// empty -> Organization, vessel, aircraft. The caption is SDN_Name as published
// ("AYDAR, Zubayir"); the primary name is its natural order ("Zubayir AYDAR") for
// people, the name itself otherwise. Program "SDGT] [IFSR" -> two programs.
// Remarks give birth dates, nationalities, gender, ids and weak aliases (see
// ofac_remarks.cc). alt rows (aka, fka, nka alike) become aliases of their entity,
// in natural order for people. add rows carry addresses, which the entity model
// does not hold: they are only checked against sdn. alt/add rows whose ent_num no
// sdn row defines are issues and are skipped; alt/add files given without any
// sdn.csv are one issue each and are skipped.
#include <string>

#include "base/ascii.h"
#include "io/csv.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"
#include "text/countries.h"
#include "text/legacy_encoding.h"

namespace qantara::lists {
namespace {

// A field with OFAC's "-0-" placeholder and padding removed.
std::string OfacField(const std::string& raw) {
  std::string_view f = TrimSpaces(raw);
  if (f == "-0-") return "";
  return CollapseSpaces(f);
}

bool IsEntNum(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Reads the rows of one file of the set, checking column count and ent_num;
// calls fn(fields, ent_num, line) for each good row; returns the number of rows seen.
template <typename Fn>
size_t ForEachOfacRow(std::string_view data, size_t columns, const ReadContext& ctx, Fn&& fn) {
  io::CsvReader csv(data);
  std::vector<std::string> fields;
  size_t rows = 0;
  while (csv.Next(&fields)) {
    ++rows;
    if (fields.size() != columns) {
      ctx.Issue(csv.line(), "expected " + std::to_string(columns) + " columns, found " +
                                std::to_string(fields.size()) + "; row skipped");
      continue;
    }
    std::string ent_num = OfacField(fields[0]);
    if (!IsEntNum(ent_num)) {
      ctx.Issue(csv.line(), "ent_num \"" + ent_num + "\" is not a number; row skipped");
      continue;
    }
    fn(fields, ent_num, csv.line());
  }
  return rows;
}

std::optional<Schema> OfacCsvSchema(std::string_view type) {
  if (type.empty()) return Schema::kOrganization;
  return ParseSchema(type);
}

void ApplyRemarks(const std::string& remarks, Entity* e, const ReadContext& ctx, size_t line) {
  OfacRemarks r = ParseOfacRemarks(remarks);
  e->birth_dates = std::move(r.birth_dates);
  for (const std::string& text : r.nationality_text) {
    AddCountries(text, &e->nationalities, ctx, line, e->ref + ": remarks nationality");
  }
  e->gender = r.gender;
  for (IdentityDocument& d : r.ids) {
    // The parentheses after a number hold a country or, for registries, often a
    // city ("(Bogota)"): a name that is not a country is no error, just no country.
    d.country = text::CountryCode(d.country);
    e->ids.push_back(std::move(d));
  }
  for (std::string& alias : r.weak_aliases) {
    std::string name = e->schema == Schema::kPerson ? NaturalOrderName(alias) : std::move(alias);
    e->names.push_back({std::move(name), NameKind::kWeakAlias});
  }
  for (const std::string& d : r.unread_dates) {
    ctx.Issue(line, e->ref + ": cannot read DOB \"" + d + "\"; left out");
  }
}

}  // namespace

Status ReadOfacSdnCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                      OfacCsvSet* set) {
  source->list = "ofac";
  std::string storage;
  data = text::LegacyTextAsUtf8(data, &storage);
  source->records = ForEachOfacRow(
      data, 12, ctx,
      [&](const std::vector<std::string>& f, const std::string& ent_num, size_t line) {
        if (set->by_ent_num.count(ent_num) != 0) {
          ctx.Issue(line, "ent_num " + ent_num + " already defined; row skipped");
          return;
        }
        Entity e;
        e.list = "ofac";
        e.ref = ent_num;
        std::string type = OfacField(f[2]);
        std::optional<Schema> schema = OfacCsvSchema(type);
        if (!schema)
          ctx.Issue(line, ent_num + ": unknown SDN_Type \"" + type + "\"; read as Organization");
        e.schema = schema.value_or(Schema::kOrganization);
        e.caption = OfacField(f[1]);
        std::string primary = e.schema == Schema::kPerson ? NaturalOrderName(e.caption) : e.caption;
        e.names.push_back({std::move(primary), NameKind::kPrimary});
        std::string programs = OfacField(f[3]);
        for (char& c : programs) {
          if (c == '[' || c == ']') c = ';';
        }
        for (std::string& p : SplitTrimmed(programs, ';')) AddValue(&e.programs, std::move(p));
        ApplyRemarks(OfacField(f[11]), &e, ctx, line);
        set->by_ent_num.emplace(ent_num, set->records.size());
        set->records.push_back({std::move(e), ctx.path, line});
      });
  return Status::Ok();
}

Status ReadOfacAltCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                      OfacCsvSet* set) {
  source->list = "ofac";
  std::string storage;
  data = text::LegacyTextAsUtf8(data, &storage);
  set->alt_add_paths.push_back(ctx.path);
  source->records = ForEachOfacRow(
      data, 5, ctx,
      [&](const std::vector<std::string>& f, const std::string& ent_num, size_t line) {
        std::string name = OfacField(f[3]);
        if (name.empty()) {
          ctx.Issue(line, "alt row for ent_num " + ent_num + " has no alt_name; skipped");
          return;
        }
        set->alts.push_back({ent_num, std::move(name), ctx.path, line});
      });
  return Status::Ok();
}

Status ReadOfacAddCsv(std::string_view data, const ReadContext& ctx, ListSource* source,
                      OfacCsvSet* set) {
  source->list = "ofac";
  set->alt_add_paths.push_back(ctx.path);
  // Only ent_num is used, so the text needs no decoding.
  source->records = ForEachOfacRow(
      data, 6, ctx, [&](const std::vector<std::string>&, const std::string& ent_num, size_t line) {
        set->adds.push_back({ent_num, ctx.path, line});
      });
  return Status::Ok();
}

void MergeOfacCsvSet(OfacCsvSet* set, const ReadContext& ctx, std::vector<Entity>* out) {
  ReadContext row_ctx = ctx;
  if (set->records.empty()) {
    for (const std::string& path : set->alt_add_paths) {
      row_ctx.path = path;
      row_ctx.Issue(0,
                    "OFAC alt.csv/add.csv rows refer to sdn.csv entries, and no sdn.csv was "
                    "given; file skipped");
    }
    return;
  }
  for (OfacCsvSet::AltRow& alt : set->alts) {
    auto it = set->by_ent_num.find(alt.ent_num);
    if (it == set->by_ent_num.end()) {
      row_ctx.path = alt.path;
      row_ctx.Issue(alt.line,
                    "alt row for ent_num " + alt.ent_num + ": no such entry in sdn.csv; skipped");
      continue;
    }
    Entity& e = set->records[it->second].entity;
    std::string name =
        e.schema == Schema::kPerson ? NaturalOrderName(alt.name) : std::move(alt.name);
    e.names.push_back({std::move(name), NameKind::kAlias});
  }
  for (const OfacCsvSet::AddRow& add : set->adds) {
    if (set->by_ent_num.count(add.ent_num) != 0) continue;
    row_ctx.path = add.path;
    row_ctx.Issue(add.line,
                  "add row for ent_num " + add.ent_num + ": no such entry in sdn.csv; skipped");
  }
  for (OfacCsvSet::Record& r : set->records) {
    row_ctx.path = r.path;
    if (FinishEntity(&r.entity, row_ctx, r.line)) out->push_back(std::move(r.entity));
  }
  *set = OfacCsvSet();
}

}  // namespace qantara::lists
