#include "lists/entity.h"

#include "base/ascii.h"

namespace qantara::lists {

std::string_view SchemaName(Schema s) {
  switch (s) {
    case Schema::kPerson:
      return "Person";
    case Schema::kOrganization:
      return "Organization";
    case Schema::kVessel:
      return "Vessel";
    case Schema::kAircraft:
      return "Aircraft";
  }
  return "Person";
}

std::optional<Schema> ParseSchema(std::string_view s) {
  s = TrimSpaces(s);
  static constexpr struct {
    std::string_view word;
    Schema schema;
  } kWords[] = {
      {"person", Schema::kPerson},
      {"individual", Schema::kPerson},
      {"organization", Schema::kOrganization},
      {"organisation", Schema::kOrganization},
      {"entity", Schema::kOrganization},
      {"enterprise", Schema::kOrganization},
      {"company", Schema::kOrganization},
      {"vessel", Schema::kVessel},
      {"ship", Schema::kVessel},
      {"aircraft", Schema::kAircraft},
  };
  for (const auto& w : kWords) {
    if (EqualsIgnoreCase(s, w.word)) return w.schema;
  }
  return std::nullopt;
}

std::string_view NameKindName(NameKind k) {
  switch (k) {
    case NameKind::kPrimary:
      return "primary";
    case NameKind::kAlias:
      return "alias";
    case NameKind::kWeakAlias:
      return "weak_alias";
    case NameKind::kOriginalScript:
      return "original_script";
  }
  return "alias";
}

std::optional<NameKind> ParseNameKind(std::string_view s) {
  s = TrimSpaces(s);
  for (NameKind k :
       {NameKind::kPrimary, NameKind::kAlias, NameKind::kWeakAlias, NameKind::kOriginalScript}) {
    if (EqualsIgnoreCase(s, NameKindName(k))) return k;
  }
  return std::nullopt;
}

}  // namespace qantara::lists
