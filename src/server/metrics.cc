#include "server/metrics.h"

#include <cstdio>

namespace qantara::server {
namespace {

// Label values escape backslash, double quote and newline.
std::string Label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

}  // namespace

void Metrics::Record(const std::string& route, int status, double seconds) {
  MutexLock lock(&mu_);
  ++requests_[{route, status}];
  if (seconds < 0) return;
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  ++buckets_[b];
  sum_seconds_ += seconds;
  ++count_;
}

std::string Metrics::Render(const std::vector<store::ListVersion>& lists) const {
  std::string out;
  MutexLock lock(&mu_);
  out += "# HELP qantara_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE qantara_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out += "qantara_http_requests_total{route=\"" + Label(key.first) + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP qantara_http_request_duration_seconds Time spent answering requests.\n";
  out += "# TYPE qantara_http_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b];
    out += "qantara_http_request_duration_seconds_bucket{le=\"" + Number(kBuckets[b]) + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  cumulative += buckets_.back();
  out += "qantara_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(cumulative) +
         "\n";
  out += "qantara_http_request_duration_seconds_sum " + Number(sum_seconds_) + "\n";
  out += "qantara_http_request_duration_seconds_count " + std::to_string(count_) + "\n";
  out += "# HELP qantara_list_info The list versions being served (value always 1).\n";
  out += "# TYPE qantara_list_info gauge\n";
  for (const store::ListVersion& v : lists) {
    out += "qantara_list_info{list=\"" + Label(v.list) + "\",source=\"" + Label(v.source) +
           "\",sha256=\"" + v.sha256 + "\",published=\"" + Label(v.published) + "\",version=\"" +
           std::to_string(v.id) + "\"} 1\n";
  }
  out += "# HELP qantara_list_entities Records read from each list file.\n";
  out += "# TYPE qantara_list_entities gauge\n";
  for (const store::ListVersion& v : lists) {
    out += "qantara_list_entities{list=\"" + Label(v.list) + "\",source=\"" + Label(v.source) +
           "\"} " + std::to_string(v.entities) + "\n";
  }
  return out;
}

}  // namespace qantara::server
