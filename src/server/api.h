// The service's routes, independent of the HTTP library: a request in (method,
// path, query parameters, headers that matter, body), a response out. The
// transport (server.cc) only copies cpp-httplib's request into ApiRequest and
// the ApiResponse back, so every route, check and error can be reasoned about
// here.
//
// Routes (DESIGN.md "Service"), with the least role each needs:
//   GET  /healthz                 none      {"status": "ok"}
//   POST /v1/screen               screener  one query, or {"queries": [...]} (at most max_batch)
//   GET  /v1/match?name=...       screener  one query from the parameters (dob, nationality, ...)
//   GET  /v1/entities/{id}        screener  the entity in its list JSON form
//   GET  /v1/lists                screener  the list versions being served
//   POST /v1/decisions            reviewer  {"screening", "entity", "decision", "comment"}
//   GET  /v1/screenings           reviewer  ?status=open (default) | all, &limit=N (<= 1000)
//   GET  /v1/screenings/{id}      reviewer  one case: query, hits (explanation, listed entity,
//                                           matched name, decision), decisions (api_review.cc)
//   GET  /v1/screenings/{id}/audit reviewer the audit rows that name the case (api_review.cc)
//   GET  /metrics                 admin     Prometheus text
//   POST /v1/admin/reload         admin     reads the list files again and swaps the index
//                                           (service/reload.h); ?rescreen=true rescreens after it
//   GET  /v1/timeline/{entity}    screener  an entity's dated events and mentions in the news
//                                           database (key or name in any script), ?limit=N
//                                           (<= max_listed); api_news.cc
//   GET  /v1/alerts               screener  news documents mentioning entities the served lists
//                                           hold, ?limit=N, ?since=YYYY-MM-DD; api_news.cc
// The news routes only read (they record nothing), like /v1/entities, so a
// screener may use them; without a news database (serve --news-db) they
// answer 503.
// Thread-safe: the lists are a snapshot swapped whole (SetLists); the store
// serialises its own writes.
#ifndef QANTARA_SERVER_API_H_
#define QANTARA_SERVER_API_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/mutex.h"
#include "screen/screener.h"
#include "server/errors.h"
#include "server/metrics.h"
#include "service/list_snapshot.h"
#include "store/service_store.h"

namespace qantara::service {
class NewsArchive;
class Reloader;
}  // namespace qantara::service

namespace qantara::server {

// A list version as GET /v1/lists and the reload answer show it.
nlohmann::ordered_json ListVersionToJson(const store::ListVersion& v);

struct ApiLimits {
  // Queries in one POST /v1/screen batch; more is 413 payload_too_large.
  size_t max_batch = 1000;
  // Screenings listed by GET /v1/screenings at most; also the most entries
  // of GET /v1/timeline/{entity} and GET /v1/alerts.
  size_t max_listed = 1000;
};

struct ApiRequest {
  std::string method;                              // "GET", "POST", ...
  std::string path;                                // without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string authorization;                       // the Authorization header, "" when absent
  std::string content_type;                        // the Content-Type header, "" when absent
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::string route = "other";  // the route pattern, for metrics
};

class Api {
 public:
  // REQUIRES: store and metrics outlive the Api.
  Api(store::ServiceStore* store, Metrics* metrics, ApiLimits limits);

  // Replaces the lists; requests already running keep the snapshot they took.
  void SetLists(std::shared_ptr<const service::ListSnapshot> lists) EXCLUDES(lists_mu_);
  std::shared_ptr<const service::ListSnapshot> lists() const EXCLUDES(lists_mu_);
  // Enables POST /v1/admin/reload (without one it answers 503). REQUIRES:
  // reloader outlives the Api; set before requests are served.
  void SetReloader(service::Reloader* reloader) { reloader_ = reloader; }
  // Enables the news routes (without one they answer 503). REQUIRES: news
  // outlives the Api; set before requests are served.
  void SetNews(service::NewsArchive* news) { news_ = news; }

  ApiResponse Handle(const ApiRequest& request) const;

 private:
  using Handler = ApiResponse (Api::*)(const ApiRequest&, const store::ApiKey&) const;
  ApiResponse Authorize(const ApiRequest& r, store::Role needed, std::string_view route,
                        store::ApiKey* key) const;
  ApiResponse Screen(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse MatchName(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse Entity(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse Lists(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse Decide(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse Screenings(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse ScreeningCase(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse ScreeningAudit(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse MetricsText(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse ReloadLists(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse NewsTimeline(const ApiRequest& r, const store::ApiKey& key) const;
  ApiResponse NewsAlerts(const ApiRequest& r, const store::ApiKey& key) const;
  // Screens `queries` (already read), records one screening for each good one
  // and answers in the output form; `ids` are the ids to echo; `errors[i]`
  // non-empty marks a bad query (in a batch it answers {"id","line","error"}).
  ApiResponse ScreenAndRecord(const std::vector<screen::Query>& queries,
                              const std::vector<nlohmann::json>& ids,
                              const std::vector<std::string>& errors, const store::ApiKey& key,
                              bool batch) const;

  store::ServiceStore* store_;
  Metrics* metrics_;
  ApiLimits limits_;
  mutable Mutex lists_mu_;  // guards the pointer only, never held while screening
  std::shared_ptr<const service::ListSnapshot> lists_ GUARDED_BY(lists_mu_);
  service::Reloader* reloader_ = nullptr;  // set before serving, then only read
  service::NewsArchive* news_ = nullptr;   // set before serving, then only read
};

// An error response from the table in errors.h.
ApiResponse ErrorResponse(ApiError error, std::string_view message);

}  // namespace qantara::server

#endif  // QANTARA_SERVER_API_H_
