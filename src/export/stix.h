// A news database as one STIX 2.1 bundle, for threat-intelligence platforms
// (OpenCTI, MISP's STIX import). The mapping (docs/export.md has the why):
//   person / organisation    -> identity (identity_class "individual" /
//                               "organization"; other written forms in
//                               description; the entity key as an external reference)
//   place with a country     -> location (name, country); STIX requires a
//                               region, a country or coordinates, so places
//                               whose country is unknown (cities) are left out
//   listed entity            -> indicator, pattern_type "pcre" over the names
//                               (STIX patterns match cyber-observables and there
//                               is none for a person's name), valid_from the
//                               listing date when known, the list reference as an
//                               external reference; + relationship related-to the identity
//   event                    -> relationship related-to from the first participant
//                               to each other one, located-at from each participant
//                               to the place (start_time = the event's date)
//   document                 -> report (name, published, object_refs: what it
//                               mentions and its events' relationships); a document
//                               that refers to nothing exported has no report
// Ids are type--UUIDv5 of what the object stands for, in Qantara's namespace
// (kStixNamespace); created/modified are the database's last write, so the
// same database exports the same bundle.
#ifndef QANTARA_EXPORT_STIX_H_
#define QANTARA_EXPORT_STIX_H_

#include <string>
#include <vector>

#include "export/timestamps.h"
#include "news/model.h"

namespace qantara::export_ {

// UUIDv5(NAMESPACE_URL, "https://github.com/qantara/stix").
inline constexpr char kStixNamespace[] = "748ca20b-0550-5f9f-b7ab-b554a2931782";

// The bundle's objects, one JSON object (no newline) each: per entity its
// identity or location (a listed one followed by its indicator and their
// relationship), then per document its events' relationships and its report.
std::vector<std::string> StixObjects(const news::NewsExport& data);

// {"type": "bundle", "id": "bundle--...", "objects": [...]} around `objects`
// (as StixObjects gives them), its id derived from theirs.
std::string StixBundle(const std::vector<std::string>& objects);

// The pcre pattern of an indicator for these names: case-insensitive, any
// run of spaces between words, regex characters escaped.
std::string NamesPattern(const std::vector<std::string>& names);

}  // namespace qantara::export_

#endif  // QANTARA_EXPORT_STIX_H_
