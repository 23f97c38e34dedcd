// The JSON forms of DESIGN.md's screening contract, shared by every front
// door (cli/ batch and match, server/ API): a query object in, a match object
// out.
#ifndef QANTARA_SCREEN_SCREEN_JSON_H_
#define QANTARA_SCREEN_SCREEN_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"
#include "screen/screener.h"

namespace qantara::screen {

// Sets one query field from its text form (CSV cells, JSON strings): name,
// schema (Person|Organization|Vessel|Aircraft|Any), birth_date (1971,
// 1971-07, 1971-07-28), nationality, gender (male|female|m|f), id_number;
// other fields are ignored. Fails with kInvalidArgument naming the field.
Status SetQueryField(std::string_view field, std::string value, Query* query);

// Reads the query fields of a JSON object: those of SetQueryField, and id (a
// string or a number). Unknown fields are ignored. Fails with
// kInvalidArgument naming the field; a missing or blank name is an error.
Status QueryFromJson(const nlohmann::json& object, Query* query);

// {"entity", "list", "ref", "schema", "caption", "name", "score", "explanation"}
nlohmann::ordered_json MatchToJson(const CandidateIndex& index, const Match& match);

}  // namespace qantara::screen

#endif  // QANTARA_SCREEN_SCREEN_JSON_H_
