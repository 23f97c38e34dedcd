// OFAC classic XML (<sdnList> of <sdnEntry>): the SDN list and the consolidated
// non-SDN list share it, with or without the default namespace.
//
// Mapping: ref = uid; sdnType Individual/Entity/Vessel/Aircraft -> schema.
// The caption is written as OFAC's other formats print it, "lastName, firstName"
// (so XML and CSV captions agree), and the primary name is the natural order
// "firstName lastName". akaList: category strong -> alias, weak -> weak_alias
// (a.k.a., f.k.a. and n.k.a. alike); for people, an aka given as "LAST, First"
// in lastName is put in natural order too. programList -> programs;
// dateOfBirthList -> birth dates; nationalityList and citizenshipList ->
// nationalities; idList -> ids (Passport -> passport, National ID No. and
// similar -> national_id, other identifiers keep OFAC's type, non-identifiers
// such as websites or sanctions notes are left out; an idType "Gender" sets the
// gender). published = publshInformation/Publish_Date (MM/DD/YYYY).
#include <string>

#include "base/ascii.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"
#include "lists/internal/xml_records.h"

namespace qantara::lists {
namespace {

Schema OfacSchema(std::string_view sdn_type) {
  if (auto s = ParseSchema(sdn_type)) return *s;
  return Schema::kOrganization;
}

// "First LAST" for people (from the split fields, or from "LAST, First" in one field).
std::string NaturalName(const std::string& first, const std::string& last, Schema schema) {
  if (first.empty()) return schema == Schema::kPerson ? NaturalOrderName(last) : last;
  if (last.empty()) return first;
  return first + " " + last;
}

void AddOfacAka(const xmlNode* aka, Entity* e) {
  std::string first = ChildText(aka, "firstName");
  std::string last = ChildText(aka, "lastName");
  std::string name = NaturalName(first, last, e->schema);
  if (name.empty()) return;
  NameKind kind = EqualsIgnoreCase(ChildText(aka, "category"), "weak") ? NameKind::kWeakAlias
                                                                       : NameKind::kAlias;
  if (HasNonLatinLetters(name)) kind = NameKind::kOriginalScript;
  e->names.push_back({std::move(name), kind});
}

void AddOfacId(const xmlNode* id, Entity* e, const ReadContext& ctx) {
  std::string published_type = ChildText(id, "idType");
  std::string number = ChildText(id, "idNumber");
  if (EqualsIgnoreCase(published_type, "Gender")) {
    if (e->gender.empty()) e->gender = NormalizeGender(number);
    return;
  }
  std::string type = OfacIdType(published_type);
  if (type.empty() || number.empty()) return;
  if (StartsWithIgnoreCase(number, "IMO ")) type = "imo";
  std::string country =
      DocumentCountry(ChildText(id, "idCountry"), ctx, NodeLine(id), e->ref + ": idCountry");
  e->ids.push_back({std::move(type), std::move(number), std::move(country)});
}

void AddOfacListItem(const xmlNode* list, Entity* e, const ReadContext& ctx) {
  std::string_view name = LocalName(list);
  ForEachChildElement(list, [&](const xmlNode* item) {
    if (name == "programList") {
      AddValue(&e->programs, NodeText(item));
    } else if (name == "akaList") {
      AddOfacAka(item, e);
    } else if (name == "idList") {
      AddOfacId(item, e, ctx);
    } else if (name == "dateOfBirthList") {
      std::string text = ChildText(item, "dateOfBirth");
      if (auto d = PartialDate::Parse(text)) {
        e->birth_dates.push_back(*d);
      } else if (!text.empty()) {
        ctx.Issue(NodeLine(item), e->ref + ": cannot read dateOfBirth \"" + text + "\"; left out");
      }
    } else if (name == "nationalityList" || name == "citizenshipList") {
      AddCountries(ChildText(item, "country"), &e->nationalities, ctx, NodeLine(item),
                   e->ref + ": " + std::string(name));
    }
  });
}

Entity ReadOfacEntry(const xmlNode* entry, const ReadContext& ctx) {
  Entity e;
  e.list = "ofac";
  e.ref = ChildText(entry, "uid");
  e.schema = OfacSchema(ChildText(entry, "sdnType"));
  std::string first = ChildText(entry, "firstName");
  std::string last = ChildText(entry, "lastName");
  e.caption = first.empty() ? last : last + ", " + first;
  e.names.push_back({NaturalName(first, last, e.schema), NameKind::kPrimary});
  ForEachChildElement(entry, [&](const xmlNode* child) {
    std::string_view name = LocalName(child);
    if (name.size() > 4 && name.substr(name.size() - 4) == "List") AddOfacListItem(child, &e, ctx);
  });
  return e;
}

}  // namespace

std::string UsDateToIso(std::string_view s) {
  s = TrimSpaces(s);
  if (s.size() != 10 || s[2] != '/' || s[5] != '/') return "";
  std::string iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(0, 2)) + "-" +
                    std::string(s.substr(3, 2));
  auto d = PartialDate::Parse(iso);
  return d && d->day != 0 ? d->ToString() : "";
}

Status ReadOfacXml(std::string_view data, const ReadContext& ctx, ListSource* source,
                   std::vector<Entity>* out) {
  source->list = "ofac";
  XmlRecordStream stream(data, ctx.path);
  size_t line = 0;
  size_t usable = 0;
  while (const xmlNode* node = stream.Next({"sdnEntry", "publshInformation"}, &line)) {
    if (LocalName(node) == "publshInformation") {
      source->published = UsDateToIso(ChildText(node, "Publish_Date"));
      continue;
    }
    ++source->records;
    Entity e = ReadOfacEntry(node, ctx);
    if (FinishEntity(&e, ctx, line)) {
      out->push_back(std::move(e));
      ++usable;
    }
  }
  return EndOfXml(stream, ctx, usable);
}

}  // namespace qantara::lists
