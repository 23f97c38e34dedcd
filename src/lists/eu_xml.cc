// EU Financial Sanctions File (FSF) XML: <export generationDate=...> of
// <sanctionEntity>, namespace http://eu.europa.ec/fpi/fsd/export (ignored).
// Nearly everything is in attributes.
//
// Mapping: ref = sanctionEntity@logicalId; subjectType@code person -> Person,
// enterprise (and anything else) -> Organization. nameAlias: wholeName (or
// firstName middleName lastName); strong="false" -> weak_alias; a name in a
// non-Latin script, or with nameLanguage of an Arabic-script language (AR, FA,
// PS, UR), -> original_script; the first other strong name -> primary and
// caption; gender="M"/"F" -> gender. birthdate: yearRangeFrom..yearRangeTo,
// else @birthdate, else year[-monthOfYear[-dayOfMonth]] (circa keeps the stated
// value). citizenship@countryIso2Code -> nationalities ("00" = unknown).
// identification: identificationTypeCode passport -> passport, id ->
// national_id, others kept (regnumber, imo, ...); number (or latinNumber);
// countryIso2Code. regulation@programme -> programs; listed_on =
// @designationDate, else the earliest regulation@publicationDate.
// published = export@generationDate.
#include <string>

#include "base/ascii.h"
#include "lists/internal/field_forms.h"
#include "lists/internal/format_readers.h"
#include "lists/internal/xml_records.h"
#include "text/countries.h"

namespace qantara::lists {
namespace {

std::string EuCountry(const xmlNode* node) {
  std::string code = AsciiLower(Attribute(node, "countryIso2Code"));
  return text::IsCountryCode(code) ? code : "";
}

bool IsArabicScriptLanguage(std::string_view lang) {
  for (std::string_view l : {"ar", "fa", "ps", "ur"}) {
    if (EqualsIgnoreCase(lang, l)) return true;
  }
  return false;
}

void AddEuName(const xmlNode* alias, bool* have_primary, Entity* e) {
  std::string name = Attribute(alias, "wholeName");
  if (name.empty()) {
    for (const char* part : {"firstName", "middleName", "lastName"}) {
      std::string p = Attribute(alias, part);
      if (p.empty()) continue;
      if (!name.empty()) name.push_back(' ');
      name += p;
    }
  }
  if (e->gender.empty()) e->gender = NormalizeGender(Attribute(alias, "gender"));
  if (name.empty()) return;
  NameKind kind = NameKind::kAlias;
  if (HasNonLatinLetters(name) || IsArabicScriptLanguage(Attribute(alias, "nameLanguage"))) {
    kind = NameKind::kOriginalScript;
  } else if (EqualsIgnoreCase(Attribute(alias, "strong"), "false")) {
    kind = NameKind::kWeakAlias;
  } else if (!*have_primary) {
    kind = NameKind::kPrimary;
    *have_primary = true;
    e->caption = name;
  }
  e->names.push_back({std::move(name), kind});
}

void AddEuBirthDate(const xmlNode* node, Entity* e, const ReadContext& ctx) {
  std::string from = Attribute(node, "yearRangeFrom");
  std::string to = Attribute(node, "yearRangeTo");
  std::string text;
  if (!from.empty() && !to.empty()) {
    text = from + " to " + to;
  } else if (std::string full = Attribute(node, "birthdate"); !full.empty()) {
    text = full;
  } else if (std::string year = Attribute(node, "year"); !year.empty()) {
    text = year;
    std::string month = Attribute(node, "monthOfYear");
    if (!month.empty() && month != "0") {
      text += "-" + month;
      std::string day = Attribute(node, "dayOfMonth");
      if (!day.empty() && day != "0") text += "-" + day;
    }
  } else {
    return;
  }
  if (auto d = PartialDate::Parse(text)) {
    e->birth_dates.push_back(*d);
  } else {
    ctx.Issue(NodeLine(node), e->ref + ": cannot read birthdate \"" + text + "\"; left out");
  }
}

void AddEuIdentification(const xmlNode* node, Entity* e) {
  std::string number = Attribute(node, "number");
  if (number.empty()) number = Attribute(node, "latinNumber");
  if (number.empty()) return;
  std::string code = AsciiLower(Attribute(node, "identificationTypeCode"));
  std::string type = code == "passport" ? "passport" : code == "id" ? "national_id" : code;
  if (type.empty()) type = "other";
  e->ids.push_back({std::move(type), std::move(number), EuCountry(node)});
}

Entity ReadEuEntity(const xmlNode* record, const ReadContext& ctx) {
  Entity e;
  e.list = "eu";
  e.ref = Attribute(record, "logicalId");
  e.schema = Schema::kOrganization;
  e.listed_on = Attribute(record, "designationDate");
  std::string earliest_regulation;
  bool have_primary = false;
  ForEachChildElement(record, [&](const xmlNode* child) {
    std::string_view name = LocalName(child);
    if (name == "subjectType") {
      if (EqualsIgnoreCase(Attribute(child, "code"), "person")) e.schema = Schema::kPerson;
    } else if (name == "nameAlias") {
      AddEuName(child, &have_primary, &e);
    } else if (name == "birthdate") {
      AddEuBirthDate(child, &e, ctx);
    } else if (name == "citizenship") {
      AddValue(&e.nationalities, EuCountry(child));
    } else if (name == "identification") {
      AddEuIdentification(child, &e);
    } else if (name == "regulation") {
      AddValue(&e.programs, Attribute(child, "programme"));
      std::string published = Attribute(child, "publicationDate");
      if (!published.empty() && (earliest_regulation.empty() || published < earliest_regulation)) {
        earliest_regulation = published;
      }
    }
  });
  if (e.listed_on.empty()) e.listed_on = earliest_regulation;
  if (auto d = PartialDate::Parse(e.listed_on)) {
    e.listed_on = d->ToString();
  } else {
    e.listed_on.clear();
  }
  return e;
}

}  // namespace

Status ReadEuXml(std::string_view data, const ReadContext& ctx, ListSource* source,
                 std::vector<Entity>* out) {
  source->list = "eu";
  XmlRecordStream stream(data, ctx.path);
  size_t line = 0;
  size_t usable = 0;
  while (const xmlNode* record = stream.Next({"sanctionEntity"}, &line)) {
    if (source->records == 0) {
      std::string generated = stream.RootAttribute("generationDate");
      if (auto d = PartialDate::Parse(generated.substr(0, 10))) source->published = d->ToString();
    }
    ++source->records;
    Entity e = ReadEuEntity(record, ctx);
    if (FinishEntity(&e, ctx, line)) {
      out->push_back(std::move(e));
      ++usable;
    }
  }
  return EndOfXml(stream, ctx, usable);
}

}  // namespace qantara::lists
