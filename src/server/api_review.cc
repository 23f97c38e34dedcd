// The review routes of the service (see api.h): one case in full for the
// review page (web/), and the audit rows that name it.
//
// A hit row stores the entity id, the score and the explanation, not the
// listed name that matched, so the case view finds it again: the listed name
// whose parsed tokens (names::ParseName, the parse the index compares) hold
// every listed-side token of the explanation's alignment. The entity itself
// comes from the lists being served; an entity no longer listed shows as null
// and its hit is still decided on its stored evidence.
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lists/entity_json.h"
#include "names/name.h"
#include "server/api.h"

namespace qantara::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kScreeningsPrefix = "/v1/screenings/";
// Audit rows listed for one case at most (a case has one screen row and one
// decide row per hit, so this is never reached in practice).
constexpr size_t kMaxAuditRows = 1000;

ApiResponse JsonAnswer(const Json& body) {
  ApiResponse r;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

// The screening id of "/v1/screenings/{id}" + suffix: decimal digits only;
// nullopt otherwise. REQUIRES: path starts with kScreeningsPrefix and ends
// with suffix (the route matched).
std::optional<int64_t> ScreeningIdOf(const std::string& path, std::string_view suffix = "") {
  const size_t begin = kScreeningsPrefix.size();
  const size_t end = path.size() - suffix.size();
  if (end <= begin || end - begin > 18) return std::nullopt;
  int64_t id = 0;
  for (size_t i = begin; i < end; ++i) {
    if (path[i] < '0' || path[i] > '9') return std::nullopt;
    id = id * 10 + (path[i] - '0');
  }
  return id;
}

// The name of `entity` that the alignment `tokens` ([query, listed] pairs)
// was made on: the one whose tokens hold the most listed-side tokens, the
// first such on a tie; "" when none holds any.
std::string MatchedName(const lists::Entity& entity, const nlohmann::json& tokens) {
  if (!tokens.is_array()) return "";
  std::string best;
  size_t best_found = 0;
  for (const lists::EntityName& name : entity.names) {
    const names::ParsedName parsed = names::ParseName(name.value);
    std::string joined = " ";
    for (const names::NameToken& t : parsed.tokens) joined += t.surface + " ";
    size_t found = 0;
    for (const auto& pair : tokens) {
      if (!pair.is_array() || pair.size() != 2 || !pair[1].is_string()) continue;
      if (joined.find(" " + pair[1].get<std::string>() + " ") != std::string::npos) ++found;
    }
    if (found > best_found) {
      best_found = found;
      best = name.value;
    }
  }
  return best;
}

Json DecisionToJson(const store::DecisionRecord& d) {
  return Json{
      {"decision", d.decision}, {"comment", d.comment}, {"reviewer", d.reviewer}, {"at", d.at}};
}

Json HitToJson(const store::Hit& hit, const service::ListSnapshot* lists,
               const std::vector<store::DecisionRecord>& decisions) {
  Json explanation = Json::parse(hit.explanation_json, nullptr, false);
  Json listed = nullptr;
  std::string name;
  if (lists) {
    auto it = lists->by_id.find(hit.entity);
    if (it != lists->by_id.end()) {
      const lists::Entity& entity = lists->screener->index().entities()[it->second];
      listed = Json::parse(lists::EntityToJson(entity), nullptr, false);
      if (explanation.is_object() && explanation.contains("tokens")) {
        name = MatchedName(entity, explanation["tokens"]);
      }
    }
  }
  Json decision = nullptr;
  for (const store::DecisionRecord& d : decisions) {
    if (d.entity == hit.entity) decision = DecisionToJson(d);
  }
  return Json{{"entity", hit.entity},
              {"score", std::strtod(hit.score.c_str(), nullptr)},
              {"status", hit.status},
              {"rescreen", hit.rescreen == 0 ? Json(nullptr) : Json(hit.rescreen)},
              {"name", name.empty() ? Json(nullptr) : Json(name)},
              {"explanation", std::move(explanation)},
              {"listed", std::move(listed)},
              {"decision", std::move(decision)}};
}

// The screening that `path` ("/v1/screenings/{id}" + suffix) names, into
// *out; a response of status 200 means found, anything else is the error to
// answer (404 for an id that is no number or no screening).
ApiResponse FindScreening(store::ServiceStore& store, const std::string& path,
                          std::string_view suffix, store::Screening* out) {
  const std::optional<int64_t> id = ScreeningIdOf(path, suffix);
  if (!id) return ErrorResponse(ApiError::kNotFound, "no route " + path);
  auto found = store.GetScreening(*id);
  if (!found.ok()) {
    return ErrorResponse(ErrorForStatus(found.status().code()), found.status().message());
  }
  if (!found->has_value()) {
    return ErrorResponse(ApiError::kNotFound, "no screening " + std::to_string(*id));
  }
  *out = std::move(**found);
  return ApiResponse();
}

}  // namespace

ApiResponse Api::ScreeningCase(const ApiRequest& r, const store::ApiKey&) const {
  store::Screening s;
  if (ApiResponse error = FindScreening(*store_, r.path, "", &s); error.status != 200) {
    return error;
  }
  auto decisions = store_->ListDecisions(s.id);
  if (!decisions.ok()) {
    return ErrorResponse(ErrorForStatus(decisions.status().code()), decisions.status().message());
  }
  std::shared_ptr<const service::ListSnapshot> lists = this->lists();
  Json hits = Json::array();
  for (const store::Hit& h : s.hits) hits.push_back(HitToJson(h, lists.get(), *decisions));
  Json all_decisions = Json::array();
  for (const store::DecisionRecord& d : *decisions) {
    Json j = DecisionToJson(d);
    j["entity"] = d.entity;
    all_decisions.push_back(std::move(j));
  }
  return JsonAnswer(Json{{"screening", s.id},
                         {"key", s.key_name},
                         {"created_at", s.created_at},
                         {"query", Json::parse(s.query_json, nullptr, false)},
                         {"list_versions", s.list_versions},
                         {"hits", std::move(hits)},
                         {"decisions", std::move(all_decisions)}});
}

ApiResponse Api::ScreeningAudit(const ApiRequest& r, const store::ApiKey&) const {
  store::Screening s;
  if (ApiResponse error = FindScreening(*store_, r.path, "/audit", &s); error.status != 200) {
    return error;
  }
  auto rows = store_->AuditForScreening(s.id, kMaxAuditRows);
  if (!rows.ok())
    return ErrorResponse(ErrorForStatus(rows.status().code()), rows.status().message());
  Json audit = Json::array();
  for (const store::AuditRow& row : *rows) {
    audit.push_back({{"seq", row.seq},
                     {"at", row.at},
                     {"actor", row.actor},
                     {"action", row.action},
                     {"payload", Json::parse(row.payload, nullptr, false)},
                     {"hash", row.hash}});
  }
  return JsonAnswer(Json{{"screening", s.id}, {"audit", std::move(audit)}});
}

}  // namespace qantara::server
