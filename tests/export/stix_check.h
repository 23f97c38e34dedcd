// A structural STIX 2.1 checker for the tests of `qantara export --format
// stix`, written from the specification (OASIS STIX Version 2.1, 2021):
// no machine-readable STIX schema is packaged by Debian or npm (docs/export.md).
// Checks the bundle, every object's common properties (id = type--UUID with a
// lower-case RFC 4122 UUID, spec_version "2.1", created <= modified, RFC 3339
// UTC timestamps), property names, external references, and per type what
// this exporter emits: identity (name, identity_class in identity-class-ov),
// location (region, country or coordinates), indicator (pattern, pattern_type
// in pattern-type-ov, valid_from; a pcre pattern must compile as a regular
// expression), relationship (relationship_type, refs resolving inside the
// bundle, located-at from an identity to a location), report (name,
// published, non-empty object_refs all resolving). Returns the problems found.
#ifndef QANTARA_TESTS_EXPORT_STIX_CHECK_H_
#define QANTARA_TESTS_EXPORT_STIX_CHECK_H_

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace qantara::stix_check {

inline bool IsTimestamp(const nlohmann::json& v) {
  static const std::regex kTime(
      R"(^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$)");
  return v.is_string() && std::regex_match(v.get<std::string>(), kTime);
}

// "type--uuid" with the given type and a lower-case RFC 4122 UUID of version 1-5.
inline bool IsId(const nlohmann::json& v, const std::string& type) {
  static const std::regex kUuid(
      R"(^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$)");
  if (!v.is_string()) return false;
  const std::string s = v;
  return s.rfind(type + "--", 0) == 0 && std::regex_match(s.substr(type.size() + 2), kUuid);
}

inline std::string TypeOfId(const std::string& id) { return id.substr(0, id.find("--")); }

inline void CheckPattern(const std::string& where, const nlohmann::json& o,
                         std::vector<std::string>* errors) {
  static const std::set<std::string> kPatternTypes = {"stix",  "pcre",     "sigma",
                                                      "snort", "suricata", "yara"};
  if (!o.contains("pattern") || !o["pattern"].is_string() ||
      o["pattern"].get<std::string>().empty()) {
    errors->push_back(where + ": no pattern");
    return;
  }
  if (!o.contains("pattern_type") || !kPatternTypes.count(o["pattern_type"].get<std::string>())) {
    errors->push_back(where + ": pattern_type not in pattern-type-ov");
    return;
  }
  if (o["pattern_type"] != "pcre") return;
  std::string p = o["pattern"];
  if (p.rfind("(?i)", 0) == 0) p = p.substr(4);  // PCRE's inline flag; ECMAScript lacks it
  try {
    std::regex re(p, std::regex::ECMAScript | std::regex::icase);
  } catch (const std::regex_error& e) {
    errors->push_back(where + ": pcre pattern does not compile: " + e.what());
  }
}

inline std::vector<std::string> Check(const nlohmann::json& bundle) {
  std::vector<std::string> errors;
  auto err = [&](const std::string& s) { errors.push_back(s); };
  if (bundle.value("type", "") != "bundle") err("not a bundle");
  if (!IsId(bundle.value("id", nlohmann::json()), "bundle")) err("bad bundle id");
  if (!bundle.contains("objects") || !bundle["objects"].is_array() || bundle["objects"].empty()) {
    err("bundle without objects");
    return errors;
  }
  std::map<std::string, std::string> types;  // id -> type
  for (const auto& o : bundle["objects"]) {
    const std::string id = o.value("id", "");
    if (!types.emplace(id, o.value("type", "")).second) err(id + ": id twice");
  }
  static const std::regex kPropertyName("^[a-z0-9_]{2,250}$");
  static const std::set<std::string> kIdentityClasses = {"individual",   "group", "system",
                                                         "organization", "class", "unknown"};
  for (const auto& o : bundle["objects"]) {
    const std::string type = o.value("type", ""), id = o.value("id", "");
    const std::string where = type + " " + id;
    if (!IsId(o.value("id", nlohmann::json()), type)) err(where + ": id is not " + type + "--UUID");
    if (o.value("spec_version", "") != "2.1") err(where + ": spec_version is not 2.1");
    if (!IsTimestamp(o.value("created", nlohmann::json())) ||
        !IsTimestamp(o.value("modified", nlohmann::json()))) {
      err(where + ": created/modified not RFC 3339 UTC timestamps");
    } else if (o["modified"].get<std::string>() < o["created"].get<std::string>()) {
      err(where + ": modified before created");
    }
    for (const auto& [key, value] : o.items()) {
      if (!std::regex_match(key, kPropertyName)) err(where + ": bad property name " + key);
      if (value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
          (value.is_array() && value.empty())) {
        err(where + ": " + key + " is empty (STIX forbids empty values)");
      }
    }
    for (const auto& ref : o.value("external_references", nlohmann::json::array())) {
      if (!ref.contains("source_name") ||
          !(ref.contains("description") || ref.contains("url") || ref.contains("external_id"))) {
        err(where + ": external reference needs source_name and description, url or external_id");
      }
    }
    auto resolves = [&](const nlohmann::json& ref) {
      return ref.is_string() && types.count(ref.get<std::string>()) > 0;
    };
    if (type == "identity") {
      if (!o.contains("name")) err(where + ": no name");
      if (!kIdentityClasses.count(o.value("identity_class", "")))
        err(where + ": identity_class not in identity-class-ov");
    } else if (type == "location") {
      const bool coordinates = o.contains("latitude") && o.contains("longitude");
      if (!o.contains("region") && !o.contains("country") && !coordinates) {
        err(where + ": needs region, country or latitude and longitude");
      }
      if (o.contains("country") &&
          !std::regex_match(o["country"].get<std::string>(), std::regex("^[A-Za-z]{2}$"))) {
        err(where + ": country is not an ISO 3166-1 alpha-2 code");
      }
    } else if (type == "indicator") {
      CheckPattern(where, o, &errors);
      if (!IsTimestamp(o.value("valid_from", nlohmann::json())))
        err(where + ": valid_from missing or bad");
    } else if (type == "relationship") {
      const std::string rel = o.value("relationship_type", "");
      if (!std::regex_match(rel, std::regex("^[a-z0-9-]+$")))
        err(where + ": bad relationship_type");
      if (!resolves(o.value("source_ref", nlohmann::json())) ||
          !resolves(o.value("target_ref", nlohmann::json()))) {
        err(where + ": source_ref or target_ref not in the bundle");
      } else if (rel == "located-at" && TypeOfId(o["target_ref"]) != "location") {
        err(where + ": located-at must point to a location");
      } else if (rel != "related-to" && rel != "located-at") {
        err(where + ": relationship_type " + rel + " not expected here");
      }
      if (o.contains("start_time") && !IsTimestamp(o["start_time"]))
        err(where + ": bad start_time");
    } else if (type == "report") {
      if (!o.contains("name")) err(where + ": no name");
      if (!IsTimestamp(o.value("published", nlohmann::json())))
        err(where + ": published missing or bad");
      if (!o.contains("object_refs") || !o["object_refs"].is_array() || o["object_refs"].empty()) {
        err(where + ": object_refs missing or empty");
      } else {
        for (const auto& r : o["object_refs"]) {
          if (!resolves(r)) err(where + ": object_ref " + r.dump() + " not in the bundle");
        }
      }
    } else {
      err(where + ": unexpected object type");
    }
  }
  return errors;
}

}  // namespace qantara::stix_check

#endif  // QANTARA_TESTS_EXPORT_STIX_CHECK_H_
