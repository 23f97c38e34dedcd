// Screening matches in the JSON form of DESIGN.md's screening contract.
#ifndef QANTARA_CLI_MATCH_JSON_H_
#define QANTARA_CLI_MATCH_JSON_H_

#include <nlohmann/json.hpp>

#include "screen/screener.h"

namespace qantara::cli {

// {"entity", "list", "ref", "schema", "caption", "name", "score", "explanation"}
nlohmann::ordered_json MatchToJson(const screen::CandidateIndex& index, const screen::Match& match);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_MATCH_JSON_H_
