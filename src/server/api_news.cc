// The news routes of the service (see api.h): an entity's timeline and the
// alerts, read from the news database of `qantara serve --news-db`
// (service/news_archive.h) in the JSON forms `qantara timeline` and `qantara alerts`
// print (store/news_json.h).
//
// Alerts are screened against the lists this server serves now, at the
// reader's listed threshold (news::LinkOptions, 0.88): a list reloaded since
// the documents were read counts, as with `qantara alerts --list`. The
// served screener only returns matches at its own threshold or more, so a
// server started with --threshold above 0.88 alerts at that threshold.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/api.h"
#include "service/news_archive.h"
#include "store/news_json.h"

namespace qantara::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kTimelinePrefix = "/v1/timeline/";
constexpr size_t kDefaultTimeline = 200;  // as `qantara timeline`
constexpr size_t kDefaultAlerts = 100;
// Longest entity asked for, in bytes: a name is compared with every stored
// name, so a hostile one is refused before that.
constexpr size_t kMaxEntityBytes = 256;

ApiResponse NewsAnswer(const Json& body) {
  ApiResponse r;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiResponse NoNews() {
  return ErrorResponse(ApiError::kUnavailable,
                       "this server has no news database (start it with --news-db FILE, a "
                       "database written by `qantara read --db FILE`)");
}

ApiResponse StoreError(const Status& s) {
  return ErrorResponse(ErrorForStatus(s.code()), s.message());
}

// ?limit=N as a count of 1..most, `fallback` when absent; nullopt when bad.
std::optional<size_t> CountParam(const ApiRequest& r, size_t fallback, size_t most) {
  auto it = r.params.find("limit");
  if (it == r.params.end()) return fallback;
  const std::string& text = it->second;
  if (text.empty() || text.size() > 9) return std::nullopt;
  size_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (n < 1 || n > most) return std::nullopt;
  return n;
}

ApiResponse BadLimit(size_t most) {
  return ErrorResponse(ApiError::kBadRequest,
                       "parameter \"limit\" must be a whole number 1.." + std::to_string(most));
}

// "YYYY-MM-DD" with a month 01..12 and a day 01..31.
bool IsDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

ApiResponse Api::NewsTimeline(const ApiRequest& r, const store::ApiKey&) const {
  if (news_ == nullptr) return NoNews();
  const std::optional<size_t> limit = CountParam(r, kDefaultTimeline, limits_.max_listed);
  if (!limit) return BadLimit(limits_.max_listed);
  const std::string entity = r.path.substr(kTimelinePrefix.size());
  if (entity.size() > kMaxEntityBytes) {
    return ErrorResponse(ApiError::kBadRequest, "the entity is longer than " +
                                                    std::to_string(kMaxEntityBytes) + " bytes");
  }
  auto timeline = news_->Timeline(entity, *limit);
  if (!timeline.ok()) return StoreError(timeline.status());
  if (timeline->keys.empty()) {
    return ErrorResponse(ApiError::kNotFound,
                         "no entity named \"" + entity +
                             "\" in the news database (give a key such as p:karima-bennani, or "
                             "a name in any script)");
  }
  Json entries = Json::array();
  for (const store::TimelineEntry& t : timeline->entries) {
    entries.push_back(store::TimelineEntryToJson(t));
  }
  Json labels = Json::object();
  for (const store::EntityLabel& l : timeline->labels) {
    labels[l.key] = {{"type", l.type}, {"canonical", l.canonical}};
  }
  return NewsAnswer(Json{{"entity", entity},
                         {"keys", timeline->keys},
                         {"entries", std::move(entries)},
                         {"entities", std::move(labels)}});
}

ApiResponse Api::NewsAlerts(const ApiRequest& r, const store::ApiKey&) const {
  if (news_ == nullptr) return NoNews();
  const std::optional<size_t> limit = CountParam(r, kDefaultAlerts, limits_.max_listed);
  if (!limit) return BadLimit(limits_.max_listed);
  auto since = r.params.find("since");
  if (since != r.params.end() && !IsDay(since->second)) {
    return ErrorResponse(ApiError::kBadRequest, "parameter \"since\" must be a date YYYY-MM-DD");
  }
  std::shared_ptr<const service::ListSnapshot> lists = this->lists();
  if (!lists) return ErrorResponse(ApiError::kUnavailable, "no lists loaded");
  auto alerts = news_->Alerts(lists->screener, news::LinkOptions().listed_threshold, *limit,
                              since == r.params.end() ? "" : since->second);
  if (!alerts.ok()) return StoreError(alerts.status());
  Json out = Json::array();
  for (const store::Alert& a : *alerts) out.push_back(store::AlertToJson(a));
  Json versions = Json::array();
  for (const store::ListVersion& v : lists->versions) versions.push_back(v.id);
  return NewsAnswer(Json{{"alerts", std::move(out)}, {"list_versions", std::move(versions)}});
}

}  // namespace qantara::server
