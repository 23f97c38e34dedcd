// UN Security Council Consolidated List XML (<CONSOLIDATED_LIST dateGenerated=...>).
//
// Mapping (docs/lists.md has the full table):
//   INDIVIDUAL -> Person, ENTITY -> Organization; ref = REFERENCE_NUMBER.
//   FIRST_NAME..FOURTH_NAME joined by spaces -> primary name and caption.
//   INDIVIDUAL_ALIAS QUALITY Good / a.k.a. (or none) -> alias, Low -> weak_alias;
//   ENTITY_ALIAS a.k.a. / f.k.a. -> alias; NAME_ORIGINAL_SCRIPT -> original_script.
//   An alias in non-Latin script is original_script; one published in both
//   scripts, "<Arabic> (Abu-Shaima; Abu- Shayma)", is split into its
//   original-script name and its Latin aliases (of the alias's quality).
//   INDIVIDUAL_DATE_OF_BIRTH: DATE, YEAR, or FROM_YEAR..TO_YEAR (TYPE_OF_DATE EXACT,
//   APPROXIMATELY, BETWEEN); an alias's own DATE_OF_BIRTH is kept as a birth date too.
//   NATIONALITY/VALUE country names -> alpha-2; GENDER -> male/female;
//   INDIVIDUAL_DOCUMENT: Passport (also the French and Spanish words) -> passport,
//   National Identification Number -> national_id, else other; country from
//   ISSUING_COUNTRY or COUNTRY_OF_ISSUE. UN_LIST_TYPE -> programs; LISTED_ON.
#include <string>

#include "base/ascii.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"
#include "lists/internal/xml_records.h"

namespace qantara::lists {
namespace {

std::string UnDocumentType(std::string_view published) {
  std::string lower = AsciiLower(published);
  if (lower.find("pass") != std::string::npos) return "passport";  // Passport, passeport, pasaporte
  if (lower.find("national identification") != std::string::npos) return "national_id";
  return "other";
}

void AddUnBirthDate(const xmlNode* dob, Entity* e, const ReadContext& ctx) {
  std::string type = AsciiLower(ChildText(dob, "TYPE_OF_DATE"));
  std::string date = ChildText(dob, "DATE");
  std::string year = ChildText(dob, "YEAR");
  std::string from = ChildText(dob, "FROM_YEAR");
  std::string to = ChildText(dob, "TO_YEAR");
  std::string text;
  if (!from.empty() && !to.empty()) {
    text = from + " to " + to;
  } else if (!date.empty()) {
    text = date;
  } else if (!year.empty()) {
    text = year;
  } else {
    return;  // an empty <INDIVIDUAL_DATE_OF_BIRTH/> placeholder
  }
  if (auto d = PartialDate::Parse(text)) {
    e->birth_dates.push_back(*d);
  } else {
    ctx.Issue(NodeLine(dob),
              e->ref + ": cannot read date of birth \"" + text + "\" (" + type + "); left out");
  }
}

void AddUnAlias(const xmlNode* alias, Entity* e, const ReadContext& ctx) {
  std::string name = ChildText(alias, "ALIAS_NAME");
  if (!name.empty()) {
    std::string quality = AsciiLower(ChildText(alias, "QUALITY"));
    NameKind kind = quality == "low" ? NameKind::kWeakAlias : NameKind::kAlias;
    std::string non_latin;
    std::vector<std::string> latin;
    if (SplitMixedScriptName(name, &non_latin, &latin)) {
      e->names.push_back({std::move(non_latin), NameKind::kOriginalScript});
      for (std::string& l : latin) e->names.push_back({std::move(l), kind});
    } else {
      if (HasNonLatinLetters(name)) kind = NameKind::kOriginalScript;
      e->names.push_back({std::move(name), kind});
    }
  }
  std::string dob = ChildText(alias, "DATE_OF_BIRTH");
  if (dob.empty()) return;
  if (auto d = PartialDate::Parse(dob)) {
    e->birth_dates.push_back(*d);
  } else {
    ctx.Issue(NodeLine(alias), e->ref + ": cannot read alias date of birth \"" + dob + "\"");
  }
}

void AddUnDocument(const xmlNode* doc, Entity* e, const ReadContext& ctx) {
  std::string number = ChildText(doc, "NUMBER");
  if (number.empty()) return;
  std::string country = ChildText(doc, "ISSUING_COUNTRY");
  if (country.empty()) country = ChildText(doc, "COUNTRY_OF_ISSUE");
  e->ids.push_back({UnDocumentType(ChildText(doc, "TYPE_OF_DOCUMENT")), std::move(number),
                    DocumentCountry(country, ctx, NodeLine(doc), e->ref + ": document country")});
}

Entity ReadUnRecord(const xmlNode* record, const ReadContext& ctx) {
  Entity e;
  e.list = "un";
  e.schema = LocalName(record) == "INDIVIDUAL" ? Schema::kPerson : Schema::kOrganization;
  e.ref = ChildText(record, "REFERENCE_NUMBER");
  std::string primary;
  for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    std::string p = ChildText(record, part);
    if (p.empty()) continue;
    if (!primary.empty()) primary.push_back(' ');
    primary += p;
  }
  e.caption = primary;
  e.names.push_back({std::move(primary), NameKind::kPrimary});
  e.gender = NormalizeGender(ChildText(record, "GENDER"));
  std::string listed_on = ChildText(record, "LISTED_ON");
  if (auto d = PartialDate::Parse(listed_on)) {
    e.listed_on = d->ToString();
  } else if (!listed_on.empty()) {
    ctx.Issue(NodeLine(record), e.ref + ": cannot read LISTED_ON \"" + listed_on + "\"; left out");
  }
  AddValue(&e.programs, ChildText(record, "UN_LIST_TYPE"));
  ForEachChildElement(record, [&](const xmlNode* child) {
    std::string_view name = LocalName(child);
    if (name == "INDIVIDUAL_ALIAS" || name == "ENTITY_ALIAS") {
      AddUnAlias(child, &e, ctx);
    } else if (name == "NAME_ORIGINAL_SCRIPT") {
      e.names.push_back({NodeText(child), NameKind::kOriginalScript});
    } else if (name == "INDIVIDUAL_DATE_OF_BIRTH") {
      AddUnBirthDate(child, &e, ctx);
    } else if (name == "NATIONALITY") {
      ForEachChildElement(child, [&](const xmlNode* value) {
        AddCountries(NodeText(value), &e.nationalities, ctx, NodeLine(value),
                     e.ref + ": NATIONALITY");
      });
    } else if (name == "INDIVIDUAL_DOCUMENT") {
      AddUnDocument(child, &e, ctx);
    }
  });
  return e;
}

}  // namespace

Status ReadUnXml(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out) {
  source->list = "un";
  XmlRecordStream stream(data, ctx.path);
  size_t line = 0;
  size_t usable = 0;
  while (const xmlNode* record = stream.Next({"INDIVIDUAL", "ENTITY"}, &line)) {
    if (source->records == 0) {
      std::string generated = stream.RootAttribute("dateGenerated");
      if (auto d = PartialDate::Parse(generated.substr(0, 10))) source->published = d->ToString();
    }
    ++source->records;
    Entity e = ReadUnRecord(record, ctx);
    if (FinishEntity(&e, ctx, line)) {
      out->push_back(std::move(e));
      ++usable;
    }
  }
  return EndOfXml(stream, ctx, usable);
}

}  // namespace qantara::lists
