#include "cli/match_json.h"

#include <cmath>
#include <string>

namespace qantara::cli {
namespace {

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

}  // namespace

nlohmann::ordered_json MatchToJson(const screen::CandidateIndex& index, const screen::Match& match) {
  const lists::Entity& entity = index.entities()[match.entity];
  const screen::IndexedName& name = index.names()[match.name];
  const screen::Explanation& e = match.explanation;
  nlohmann::ordered_json tokens = nlohmann::ordered_json::array();
  for (const auto& [query, listed] : e.tokens) tokens.push_back({query, listed});
  nlohmann::ordered_json explanation = {
      {"name", Round4(e.name)},
      {"birth_date", Round4(e.birth_date)},
      {"nationality", Round4(e.nationality)},
      {"gender", Round4(e.gender)},
      {"schema", Round4(e.schema)},
      {"id_number", Round4(e.id_number)},
      {"tokens", tokens},
      {"model", std::string(screen::kScoreModel) + "/" + std::to_string(screen::kScoreModelVersion)},
  };
  if (!e.notes.empty()) explanation["notes"] = e.notes;
  return nlohmann::ordered_json{
      {"entity", entity.id()},
      {"list", entity.list},
      {"ref", entity.ref},
      {"schema", std::string(lists::SchemaName(entity.schema))},
      {"caption", entity.caption},
      {"name", entity.names[name.name_index].value},
      {"score", Round4(match.score)},
      {"explanation", explanation},
  };
}

}  // namespace qantara::cli
