// Routing, authentication, request checks and the route handlers of the
// service (see api.h). Checks run in a fixed order so that a client learns
// the most basic thing wrong first: route, method, key, role, content type,
// JSON, fields.
#include "server/api.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "lists/entity_json.h"
#include "screen/screen_json.h"
#include "service/recorded_hit.h"
#include "service/reload.h"

namespace qantara::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kEntitiesPrefix = "/v1/entities/";

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ApiResponse JsonResponse(int status, const Json& body) {
  ApiResponse r;
  r.status = status;
  r.body = Dump(body);
  return r;
}

// Parses a request body; a parse error names the byte where it went wrong.
Result<nlohmann::json> ParseBody(const std::string& body) {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::InvalidArgument("malformed JSON at byte " + std::to_string(e.byte) + ": " +
                                   e.what());
  }
}

// The record's "id" as given when it can be echoed (a string or a number).
nlohmann::json EchoId(const nlohmann::json& j) {
  if (!j.is_object()) return nullptr;
  auto it = j.find("id");
  if (it == j.end() || !(it->is_string() || it->is_number())) return nullptr;
  return *it;
}

// The query as recorded: only the fields screening read, so the stored text is
// bounded whatever else the client sent (a deeply nested extra field would
// make dump() recurse).
std::string QueryJson(const screen::Query& q) {
  Json j = {{"id", q.id},
            {"name", q.name},
            {"schema", q.schema ? std::string(lists::SchemaName(*q.schema)) : "Any"},
            {"birth_date", q.birth_date},
            {"nationality", q.nationality},
            {"gender", q.gender},
            {"id_number", q.id_number}};
  return Dump(j);
}

std::string Param(const ApiRequest& r, const std::string& name) {
  auto it = r.params.find(name);
  return it == r.params.end() ? std::string() : it->second;
}

}  // namespace

ApiResponse ErrorResponse(ApiError error, std::string_view message) {
  ApiResponse r;
  r.status = Describe(error).http_status;
  r.body = ErrorBody(error, message);
  return r;
}

nlohmann::ordered_json ListVersionToJson(const store::ListVersion& v) {
  return {{"version", v.id},       {"list", v.list},         {"source", v.source},
          {"format", v.format},    {"published", v.published}, {"sha256", v.sha256},
          {"entities", v.entities}, {"loaded_at", v.loaded_at}};
}

Api::Api(store::ServiceStore* store, Metrics* metrics, ApiLimits limits)
    : store_(store), metrics_(metrics), limits_(limits) {}

void Api::SetLists(std::shared_ptr<const service::ListSnapshot> lists) {
  MutexLock lock(&lists_mu_);
  lists_.swap(lists);  // the old snapshot is released outside the lock, below
}

std::shared_ptr<const service::ListSnapshot> Api::lists() const {
  MutexLock lock(&lists_mu_);
  return lists_;
}

namespace {

using store::Role;

// A pattern's "{id}" matches one or more characters; an id at the end of
// the pattern may hold '/' (entity ids are the lists' own), one before a
// suffix may not.
bool PathMatches(std::string_view pattern, const std::string& path) {
  const size_t hole = pattern.find("{id}");
  if (hole == std::string_view::npos) return pattern == path;
  const std::string_view prefix = pattern.substr(0, hole);
  const std::string_view suffix = pattern.substr(hole + 4);
  const std::string_view p = path;
  if (p.size() <= prefix.size() + suffix.size()) return false;
  if (p.substr(0, prefix.size()) != prefix || p.substr(p.size() - suffix.size()) != suffix) {
    return false;
  }
  return suffix.empty() ||
         p.substr(prefix.size(), p.size() - prefix.size() - suffix.size()).find('/') ==
             std::string_view::npos;
}

}  // namespace

ApiResponse Api::Handle(const ApiRequest& r) const {
  struct Route {
    std::string_view pattern;  // the path; "{id}" matches an id (PathMatches)
    std::string_view method;
    std::optional<Role> role;  // nullopt: no key needed
    Handler handler;
  };
  static const Route kRoutes[] = {
      {"/v1/screen", "POST", Role::kScreener, &Api::Screen},
      {"/v1/match", "GET", Role::kScreener, &Api::MatchName},
      {"/v1/entities/{id}", "GET", Role::kScreener, &Api::Entity},
      {"/v1/lists", "GET", Role::kScreener, &Api::Lists},
      {"/v1/decisions", "POST", Role::kReviewer, &Api::Decide},
      {"/v1/screenings", "GET", Role::kReviewer, &Api::Screenings},
      {"/v1/screenings/{id}/audit", "GET", Role::kReviewer, &Api::ScreeningAudit},
      {"/v1/screenings/{id}", "GET", Role::kReviewer, &Api::ScreeningCase},
      {"/metrics", "GET", Role::kAdmin, &Api::MetricsText},
      {"/v1/admin/reload", "POST", Role::kAdmin, &Api::ReloadLists},
      {"/v1/timeline/{id}", "GET", Role::kScreener, &Api::NewsTimeline},
      {"/v1/alerts", "GET", Role::kScreener, &Api::NewsAlerts},
      {"/healthz", "GET", std::nullopt, nullptr},
  };
  for (const Route& route : kRoutes) {
    if (!PathMatches(route.pattern, r.path)) continue;
    ApiResponse out;
    if (route.method != r.method) {
      out = ErrorResponse(ApiError::kMethodNotAllowed, r.method + " is not allowed on " +
                                                           std::string(route.pattern) + " (use " +
                                                           std::string(route.method) + ")");
    } else if (!route.role) {
      out = JsonResponse(200, Json{{"status", "ok"}});
    } else {
      store::ApiKey key;
      out = Authorize(r, *route.role, route.pattern, &key);
      if (out.status == 200) out = (this->*route.handler)(r, key);
    }
    out.route = route.pattern;
    return out;
  }
  return ErrorResponse(ApiError::kNotFound, "no route " + r.path);
}

// Key, role and, for a POST, the content type. Status 200 means go on.
ApiResponse Api::Authorize(const ApiRequest& r, store::Role needed, std::string_view route,
                           store::ApiKey* key) const {
  const std::string_view kBearer = "bearer ";
  if (!StartsWithIgnoreCase(r.authorization, kBearer)) {
    return ErrorResponse(ApiError::kUnauthorized, "send the header Authorization: Bearer KEY");
  }
  auto found = store_->FindKey(std::string_view(r.authorization).substr(kBearer.size()));
  if (!found.ok())
    return ErrorResponse(ErrorForStatus(found.status().code()), found.status().message());
  if (!found->has_value()) return ErrorResponse(ApiError::kUnauthorized, "unknown or revoked key");
  *key = **found;
  if (key->role < needed) {
    return ErrorResponse(ApiError::kForbidden,
                         "key \"" + key->name + "\" (" + std::string(store::RoleName(key->role)) +
                             ") may not use " + std::string(route) + ": it needs " +
                             std::string(store::RoleName(needed)));
  }
  // An empty body (POST /v1/admin/reload) has no media type to check.
  if (r.method == "POST" && !r.body.empty() &&
      !StartsWithIgnoreCase(r.content_type, "application/json")) {
    return ErrorResponse(
        ApiError::kUnsupportedMediaType,
        "the body must be Content-Type: application/json, not \"" + r.content_type + "\"");
  }
  return ApiResponse();
}

ApiResponse Api::Screen(const ApiRequest& r, const store::ApiKey& key) const {
  auto body = ParseBody(r.body);
  if (!body.ok()) return ErrorResponse(ApiError::kMalformedJson, body.status().message());
  const bool batch = body->is_object() && body->contains("queries");
  std::vector<const nlohmann::json*> items;
  if (batch) {
    const nlohmann::json& queries = (*body)["queries"];
    if (!queries.is_array())
      return ErrorResponse(ApiError::kBadRequest, "field \"queries\" must be an array");
    if (queries.size() > limits_.max_batch) {
      return ErrorResponse(ApiError::kPayloadTooLarge,
                           "a batch holds at most " + std::to_string(limits_.max_batch) +
                               " queries, got " + std::to_string(queries.size()));
    }
    for (const auto& q : queries) items.push_back(&q);
  } else {
    items.push_back(&*body);
  }
  std::vector<screen::Query> queries(items.size());
  std::vector<nlohmann::json> ids(items.size());
  std::vector<std::string> errors(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    Status s = screen::QueryFromJson(*items[i], &queries[i]);
    if (!s.ok() && !batch) return ErrorResponse(ErrorForStatus(s.code()), s.message());
    if (!s.ok()) errors[i] = s.message();
    ids[i] = EchoId(*items[i]);
  }
  return ScreenAndRecord(queries, ids, errors, key, batch);
}

namespace {

// Screens one query on `lists`: its matches into answer["matches"], its hits
// into `record`.
Status ScreenOne(const service::ListSnapshot& lists, const screen::Query& query, Json* answer,
                 store::Screening* record) {
  // Per worker thread. It remembers which index it was last used with and
  // starts afresh on another one, so it stays valid across SetLists.
  thread_local screen::ScreenScratch scratch;
  Result<screen::ScreenResult> result = lists.screener->Screen(query, &scratch);
  if (!result.ok()) return result.status();
  Json matches = Json::array();
  record->query_json = QueryJson(query);
  for (const store::ListVersion& v : lists.versions) record->list_versions.push_back(v.id);
  for (const screen::Match& m : result->matches) {
    Json match = screen::MatchToJson(lists.screener->index(), m);
    record->hits.push_back(service::HitForMatch(match));
    matches.push_back(std::move(match));
  }
  (*answer)["matches"] = std::move(matches);
  return Status::Ok();
}

}  // namespace

ApiResponse Api::ScreenAndRecord(const std::vector<screen::Query>& queries,
                                 const std::vector<nlohmann::json>& ids,
                                 const std::vector<std::string>& errors, const store::ApiKey& key,
                                 bool batch) const {
  std::shared_ptr<const service::ListSnapshot> lists = this->lists();
  if (!lists) return ErrorResponse(ApiError::kUnavailable, "no lists loaded");
  std::vector<Json> answers(queries.size());
  std::vector<store::Screening> records;
  std::vector<size_t> record_of;  // answers index of each record
  for (size_t i = 0; i < queries.size(); ++i) {
    answers[i]["id"] = ids[i];
    Status s = errors[i].empty() ? Status::Ok() : Status::InvalidArgument(errors[i]);
    store::Screening record;
    if (s.ok()) s = ScreenOne(*lists, queries[i], &answers[i], &record);
    if (!s.ok() && !batch) return ErrorResponse(ErrorForStatus(s.code()), s.message());
    if (!s.ok()) {
      answers[i]["line"] = i + 1;
      answers[i]["error"] = s.message();
      continue;
    }
    records.push_back(std::move(record));
    record_of.push_back(i);
  }
  if (Status s = store_->RecordScreenings(key.name, &records); !s.ok()) {
    return ErrorResponse(ErrorForStatus(s.code()), s.message());
  }
  for (size_t k = 0; k < records.size(); ++k) answers[record_of[k]]["screening"] = records[k].id;
  if (!batch) return JsonResponse(200, answers[0]);
  Json results = Json::array();
  for (Json& a : answers) results.push_back(std::move(a));
  return JsonResponse(200, Json{{"results", std::move(results)}});
}

ApiResponse Api::MatchName(const ApiRequest& r, const store::ApiKey& key) const {
  nlohmann::json object = nlohmann::json::object();
  for (const char* field : {"name", "schema", "birth_date", "nationality", "gender", "id_number"}) {
    if (r.params.count(field)) object[field] = Param(r, field);
  }
  if (r.params.count("dob")) object["birth_date"] = Param(r, "dob");
  std::vector<screen::Query> queries(1);
  if (Status s = screen::QueryFromJson(object, &queries[0]); !s.ok()) {
    std::string m = s.message();
    if (m.rfind("field ", 0) == 0) m.replace(0, 5, "parameter");
    return ErrorResponse(ErrorForStatus(s.code()), m);
  }
  return ScreenAndRecord(queries, {EchoId(object)}, {std::string()}, key, false);
}

ApiResponse Api::Entity(const ApiRequest& r, const store::ApiKey&) const {
  std::shared_ptr<const service::ListSnapshot> lists = this->lists();
  if (!lists) return ErrorResponse(ApiError::kUnavailable, "no lists loaded");
  const std::string id = r.path.substr(kEntitiesPrefix.size());
  auto it = lists->by_id.find(id);
  if (it == lists->by_id.end())
    return ErrorResponse(ApiError::kNotFound, "no entity \"" + id + "\"");
  ApiResponse out;
  out.body = lists::EntityToJson(lists->screener->index().entities()[it->second]);
  return out;
}

ApiResponse Api::Lists(const ApiRequest&, const store::ApiKey&) const {
  std::shared_ptr<const service::ListSnapshot> lists = this->lists();
  Json out = Json::array();
  if (lists) {
    for (const store::ListVersion& v : lists->versions) out.push_back(ListVersionToJson(v));
  }
  return JsonResponse(200, Json{{"lists", std::move(out)}});
}

namespace {

struct DecisionRequest {
  int64_t screening = 0;
  std::string entity;
  store::Decision decision = store::Decision::kEscalate;
  std::string comment;
};

// Reads {"screening", "entity", "decision", "comment"}; the error names the field.
Status ReadDecision(const nlohmann::json& body, DecisionRequest* out) {
  if (!body.is_object()) return Status::InvalidArgument("expected a JSON object");
  auto screening = body.find("screening");
  if (screening == body.end() || !screening->is_number_integer()) {
    return Status::InvalidArgument("field \"screening\" must be a screening id (an integer)");
  }
  out->screening = screening->get<int64_t>();
  auto entity = body.find("entity");
  if (entity == body.end() || !entity->is_string()) {
    return Status::InvalidArgument("field \"entity\" must be an entity id (a string)");
  }
  out->entity = entity->get<std::string>();
  auto decision = body.find("decision");
  std::optional<store::Decision> d;
  if (decision != body.end() && decision->is_string()) {
    d = store::ParseDecision(decision->get<std::string>());
  }
  if (!d) return Status::InvalidArgument("field \"decision\" must be match, no_match or escalate");
  out->decision = *d;
  auto comment = body.find("comment");
  if (comment != body.end() && !comment->is_null()) {
    if (!comment->is_string()) return Status::InvalidArgument("field \"comment\" must be a string");
    out->comment = comment->get<std::string>();
  }
  return Status::Ok();
}

}  // namespace

ApiResponse Api::Decide(const ApiRequest& r, const store::ApiKey& key) const {
  auto body = ParseBody(r.body);
  if (!body.ok()) return ErrorResponse(ApiError::kMalformedJson, body.status().message());
  DecisionRequest d;
  if (Status s = ReadDecision(*body, &d); !s.ok()) {
    return ErrorResponse(ApiError::kBadRequest, s.message());
  }
  auto outcome = store_->Decide(d.screening, d.entity, d.decision, d.comment, key.name);
  if (!outcome.ok()) {
    return ErrorResponse(ErrorForStatus(outcome.status().code()), outcome.status().message());
  }
  if (*outcome == store::DecideOutcome::kAlreadyDecided) {
    return ErrorResponse(ApiError::kConflict, "screening " + std::to_string(d.screening) +
                                                  ", entity \"" + d.entity +
                                                  "\" was decided already; nothing changed");
  }
  return JsonResponse(201, Json{{"screening", d.screening},
                                {"entity", d.entity},
                                {"decision", store::DecisionName(d.decision)},
                                {"reviewer", key.name}});
}

ApiResponse Api::Screenings(const ApiRequest& r, const store::ApiKey&) const {
  const std::string status = r.params.count("status") ? Param(r, "status") : "open";
  if (status != "open" && status != "all") {
    return ErrorResponse(ApiError::kBadRequest, "parameter \"status\" must be open or all");
  }
  size_t limit = 100;
  if (r.params.count("limit")) {
    const std::string text = Param(r, "limit");
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || n < 1 || static_cast<size_t>(n) > limits_.max_listed) {
      return ErrorResponse(ApiError::kBadRequest,
                           "parameter \"limit\" must be 1.." + std::to_string(limits_.max_listed));
    }
    limit = static_cast<size_t>(n);
  }
  auto listed = store_->ListScreenings(status == "open", limit);
  if (!listed.ok())
    return ErrorResponse(ErrorForStatus(listed.status().code()), listed.status().message());
  Json out = Json::array();
  for (const store::Screening& s : *listed) {
    Json hits = Json::array();
    for (const store::Hit& h : s.hits) {
      hits.push_back({{"entity", h.entity},
                      {"score", std::strtod(h.score.c_str(), nullptr)},
                      {"status", h.status},
                      {"explanation", Json::parse(h.explanation_json, nullptr, false)}});
    }
    out.push_back({{"screening", s.id},
                   {"key", s.key_name},
                   {"created_at", s.created_at},
                   {"query", Json::parse(s.query_json, nullptr, false)},
                   {"list_versions", s.list_versions},
                   {"hits", std::move(hits)}});
  }
  return JsonResponse(200, Json{{"screenings", std::move(out)}});
}

ApiResponse Api::MetricsText(const ApiRequest&, const store::ApiKey&) const {
  std::shared_ptr<const service::ListSnapshot> lists = this->lists();
  ApiResponse out;
  out.content_type = "text/plain; version=0.0.4";
  out.body = metrics_->Render(lists ? lists->versions : std::vector<store::ListVersion>{});
  return out;
}

namespace {

// The answer of a successful reload: the versions now served and what loading found.
Json ReloadAnswer(const service::ReloadReport& report) {
  Json lists = Json::array();
  int64_t entities = 0;
  for (const store::ListVersion& v : report.snapshot->versions) {
    lists.push_back(ListVersionToJson(v));
    entities += v.entities;
  }
  Json issues = Json::array();
  for (size_t i = 0; i < report.issues.size() && i < 20; ++i) {
    issues.push_back(report.issues[i].ToString());
  }
  Json out = {{"lists", std::move(lists)},
              {"entities", entities},
              {"indexed_entities", report.snapshot->screener->index().entities().size()},
              {"issues", report.issues.size()},
              {"first_issues", std::move(issues)}};
  if (report.rescreen) {
    out["rescreen"] = {{"run", report.rescreen->rescreen},
                       {"screenings", report.rescreen->screenings},
                       {"unreadable", report.rescreen->unreadable},
                       {"new_hits", report.rescreen->new_hits}};
  }
  return out;
}

}  // namespace

// Reloading blocks this worker for the load (and the rescreen when asked):
// admins only, one at a time (a second one is 409 at once rather than a worker
// parked behind the first).
ApiResponse Api::ReloadLists(const ApiRequest& r, const store::ApiKey& key) const {
  if (reloader_ == nullptr) {
    return ErrorResponse(ApiError::kUnavailable, "this server was not started from list files");
  }
  const std::string rescreen = Param(r, "rescreen");
  if (!rescreen.empty() && rescreen != "true" && rescreen != "false") {
    return ErrorResponse(ApiError::kBadRequest, "parameter \"rescreen\" must be true or false");
  }
  service::ReloadReport report = reloader_->Reload(key.name, /*wait=*/false, rescreen == "true");
  if (report.busy) {
    return ErrorResponse(ApiError::kConflict,
                         "a reload is running already; try again when it has finished");
  }
  if (!report.snapshot) {
    if (report.failed_file.empty()) {
      return ErrorResponse(ErrorForStatus(report.status.code()), report.status.message());
    }
    Json body = {{"error", report.status.message() + "; the lists loaded before are still served"},
                 {"code", Describe(ApiError::kListLoadFailed).code},
                 {"file", report.failed_file}};
    return JsonResponse(Describe(ApiError::kListLoadFailed).http_status, body);
  }
  if (!report.status.ok()) {  // the lists were swapped; the rescreen after it failed
    return ErrorResponse(ErrorForStatus(report.status.code()),
                         "the lists were reloaded but the rescreen failed: " +
                             report.status.message());
  }
  return JsonResponse(200, ReloadAnswer(report));
}

}  // namespace qantara::server
