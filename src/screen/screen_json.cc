#include "screen/screen_json.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "base/ascii.h"
#include "lists/entity.h"

namespace qantara::screen {
namespace {

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

Status SetSchema(const std::string& value, Query* q) {
  if (value.empty() || value == "Any" || value == "any") {
    q->schema.reset();
  } else if (auto s = lists::ParseSchema(value)) {
    q->schema = *s;
  } else {
    return Status::InvalidArgument("field \"schema\": \"" + value +
                                   "\" is not Person, Organization, Vessel, Aircraft or Any");
  }
  return Status::Ok();
}

Status SetGender(std::string value, Query* q) {
  value = AsciiLower(value);
  if (value == "m") value = "male";
  if (value == "f") value = "female";
  if (!value.empty() && value != "male" && value != "female") {
    return Status::InvalidArgument("field \"gender\": expected male or female");
  }
  q->gender = std::move(value);
  return Status::Ok();
}

}  // namespace

Status SetQueryField(std::string_view field, std::string value, Query* q) {
  if (field == "name") {
    q->name = std::move(value);
  } else if (field == "schema") {
    return SetSchema(value, q);
  } else if (field == "birth_date") {
    if (!value.empty() && !lists::PartialDate::Parse(value)) {
      return Status::InvalidArgument("field \"birth_date\": \"" + value +
                                     "\" is not a date (1971, 1971-07, 1971-07-28)");
    }
    q->birth_date = std::move(value);
  } else if (field == "nationality") {
    q->nationality = std::move(value);
  } else if (field == "gender") {
    return SetGender(std::move(value), q);
  } else if (field == "id_number") {
    q->id_number = std::move(value);
  }
  return Status::Ok();
}

Status QueryFromJson(const nlohmann::json& j, Query* q) {
  if (!j.is_object()) return Status::InvalidArgument("expected a JSON object");
  for (const char* field : {"name", "schema", "birth_date", "nationality", "gender", "id_number"}) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) continue;
    std::string value;
    if (it->is_string()) {
      value = it->get<std::string>();
    } else if (it->is_number_integer() && std::string_view(field) == "birth_date") {
      value = std::to_string(it->get<long long>());
    } else {
      return Status::InvalidArgument(std::string("field \"") + field + "\" must be a string");
    }
    QANTARA_RETURN_IF_ERROR(SetQueryField(field, std::move(value), q));
  }
  if (auto it = j.find("id"); it != j.end() && !it->is_null()) {
    if (!it->is_string() && !it->is_number()) {
      return Status::InvalidArgument("field \"id\" must be a string or a number");
    }
    q->id = it->is_string() ? it->get<std::string>() : it->dump();
  }
  if (q->name.find_first_not_of(" \t") == std::string::npos) {
    return Status::InvalidArgument("field \"name\" is missing or empty");
  }
  return Status::Ok();
}

nlohmann::ordered_json MatchToJson(const CandidateIndex& index,
                                   const Match& match) {
  const lists::Entity& entity = index.entities()[match.entity];
  const IndexedName& name = index.names()[match.name];
  const Explanation& e = match.explanation;
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
      {"model",
       std::string(kScoreModel) + "/" + std::to_string(kScoreModelVersion)},
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

}  // namespace qantara::screen
