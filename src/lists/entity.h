// The entity model: one listed person, organisation, vessel or aircraft, in the
// form of DESIGN.md's "Entities" contract, whatever list it came from.
#ifndef QANTARA_LISTS_ENTITY_H_
#define QANTARA_LISTS_ENTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qantara::lists {

// Persisted as strings ("Person", ...): never rename.
enum class Schema : uint8_t { kPerson, kOrganization, kVessel, kAircraft };
std::string_view SchemaName(Schema s);
// Accepts "Person", "person", "Individual", "Organization", "Organisation",
// "Entity", "Vessel", "Ship", "Aircraft" (case-insensitive).
std::optional<Schema> ParseSchema(std::string_view s);

// Persisted as strings ("primary", ...): never rename.
enum class NameKind : uint8_t { kPrimary, kAlias, kWeakAlias, kOriginalScript };
std::string_view NameKindName(NameKind k);
std::optional<NameKind> ParseNameKind(std::string_view s);

struct EntityName {
  std::string value;  // as published (UTF-8), e.g. "Abu Bakr al-Baghdadi"
  NameKind kind = NameKind::kPrimary;
  bool operator==(const EntityName&) const = default;
};

// A date as lists give it: a full date, a year-month, a year, or a range of
// years ("circa 1975", "1960 to 1962"). Text form: "1971-07-28", "1971-07",
// "1971", "1960/1962" (ISO 8601 interval of years).
struct PartialDate {
  int year_from = 0;  // 0: unknown
  int year_to = 0;    // == year_from unless a range
  int month = 0;      // 1..12, 0: unknown (only when year_from == year_to)
  int day = 0;        // 1..31, 0: unknown
  std::string ToString() const;
  // Parses "1971-07-28", "1971-07", "1971", "1960/1962", "28/07/1971",
  // "28 Jul 1971", "circa 1975", "Between 1960 and 1962" and similar list forms.
  static std::optional<PartialDate> Parse(std::string_view s);
  bool operator==(const PartialDate&) const = default;
};

struct IdentityDocument {
  std::string type;     // "passport", "national_id", "other" or the list's own word
  std::string number;   // as published
  std::string country;  // ISO 3166-1 alpha-2, lower case; empty when unknown
  bool operator==(const IdentityDocument&) const = default;
};

struct Entity {
  std::string list;  // "un", "ofac", "eu", "uk" or an in-house list name
  std::string ref;   // the source's own identifier (UN REFERENCE_NUMBER, OFAC uid, ...)
  Schema schema = Schema::kPerson;
  std::string caption;  // the display name (usually the primary name)
  std::vector<EntityName> names;
  std::vector<PartialDate> birth_dates;
  std::vector<std::string> nationalities;  // ISO 3166-1 alpha-2, lower case
  std::string gender;                      // "male", "female" or empty
  std::vector<IdentityDocument> ids;
  std::vector<std::string> programs;
  std::string listed_on;  // ISO date or empty

  // "un:QDi.299"
  std::string id() const { return list + ":" + ref; }
  bool operator==(const Entity&) const = default;
};

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_ENTITY_H_
