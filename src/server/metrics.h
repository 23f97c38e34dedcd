// Request counters and a latency histogram for GET /metrics, in the
// Prometheus text exposition format (version 0.0.4).
//
// Routes are labelled by their pattern ("/v1/entities/{id}"), never by the raw
// path, so a client cannot grow the label set; unknown paths count as "other".
// Thread-safe: counters are updated under a mutex (a map insert per new
// (route, status) pair; an increment otherwise).
#ifndef QANTARA_SERVER_METRICS_H_
#define QANTARA_SERVER_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/mutex.h"
#include "store/service_store.h"

namespace qantara::server {

class Metrics {
 public:
  // Counts one answered request; `seconds` < 0 leaves the histogram alone
  // (for requests cpp-httplib answered before a handler ran).
  void Record(const std::string& route, int status, double seconds) EXCLUDES(mu_);

  // The exposition text: qantara_http_requests_total{route,status},
  // qantara_http_request_duration_seconds histogram, and one
  // qantara_list_info{list,source,sha256,published} 1 gauge per list version
  // (with qantara_list_entities{list,source}).
  std::string Render(const std::vector<store::ListVersion>& lists) const EXCLUDES(mu_);

  // Upper bounds of the histogram's buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,   0.5,   1.0};

 private:
  mutable Mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_ GUARDED_BY(mu_);
  // Non-cumulative; the last is +Inf.
  std::array<uint64_t, kBuckets.size() + 1> buckets_ GUARDED_BY(mu_) = {};
  double sum_seconds_ GUARDED_BY(mu_) = 0;
  uint64_t count_ GUARDED_BY(mu_) = 0;
};

}  // namespace qantara::server

#endif  // QANTARA_SERVER_METRICS_H_
