#include "bench/http/steps.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "bench/http/open_loop_client.h"

namespace qantara::http_bench {

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

namespace {

nlohmann::ordered_json StepJson(const std::string& target, const std::string& phase,
                                const Options& o, const StepResult& r) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::object();
  for (const auto& [k, v] : r.errors) errors[k] = v;
  auto ms = [](double v) { return std::round(v * 1000) / 1000; };
  return {{"target", target},
          {"phase", phase},
          {"route", o.route},
          {"rate", r.rate},
          {"requests", r.scheduled},
          {"ok", r.ok},
          {"errors", r.error_count()},
          {"error_kinds", errors},
          {"achieved_rate", r.seconds > 0 ? std::round(r.ok / r.seconds) : 0},
          {"p50_ms", ms(r.p50)},
          {"p90_ms", ms(r.p90)},
          {"p99_ms", ms(r.p99)},
          {"p999_ms", ms(r.p999)},
          {"max_ms", ms(r.max)},
          {"service_p99_ms", ms(r.service_p99)},
          {"connections", o.connections},
          {"connects", r.connects},
          {"server_threads", o.threads},
          {"client_quickack", o.quickack},
          {"floor_tcp_nodelay", target == "floor" && o.floor_nodelay},
          {"meets_target", r.error_count() == 0 && r.ok == r.scheduled && r.p99 <= o.target_p99_ms}};
}

void PrintRow(const std::string& target, const std::string& phase, const StepResult& r,
              bool meets) {
  std::printf("%-8s %-7s %7.0f %7zu %6zu %8.3f %8.3f %8.3f %8.3f %9.3f %9.3f %7zu  %s\n",
              target.c_str(), phase.c_str(), r.rate, r.scheduled, r.error_count(), r.p50, r.p90,
              r.p99, r.p999, r.max, r.service_p99, r.connects, meets ? "yes" : "NO");
  std::fflush(stdout);
}

}  // namespace

// Runs the fixed rates and the search against one server; JSON lines are kept
// and printed after the table.
void RunSteps(const std::string& target, int port, const std::vector<std::string>& requests,
              const Options& o, std::vector<std::string>* json_lines) {
  OpenLoopClient client(port, o.connections, &requests, o.quickack);
  size_t first = 0;
  auto step = [&](double rate, const std::string& phase) {
    const size_t count = std::max<size_t>(
        1, std::min(o.max_requests, static_cast<size_t>(rate * (phase == "warmup" ? o.warmup : o.duration))));
    StepResult r = client.Run(rate, count, first, 5.0);
    first += count;
    nlohmann::ordered_json j = StepJson(target, phase, o, r);
    const bool meets = j["meets_target"].get<bool>();
    PrintRow(target, phase, r, meets);
    json_lines->push_back(j.dump());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the server settle
    return meets;
  };
  if (o.warmup > 0) step(500, "warmup");
  double best_fixed = 0, first_fail = 0;
  for (double rate : o.rates) {
    if (step(rate, "fixed")) {
      best_fixed = std::max(best_fixed, rate);
    } else if (first_fail == 0 || rate < first_fail) {
      first_fail = rate;
    }
  }
  if (!o.search) return;
  // Step search: up by x1.5 from the best passing fixed rate until a step fails
  // (or search_max), then halve the gap three times; steps of at least 50 req/s.
  double lo = best_fixed, hi = first_fail > lo ? first_fail : 0;
  while (hi == 0) {
    const double next = lo == 0 ? 250 : std::min(o.search_max, std::round(lo * 1.5 / 50) * 50);
    if (next <= lo) break;
    if (step(next, "search")) {
      lo = next;
      if (lo >= o.search_max) break;
    } else {
      hi = next;
    }
  }
  for (int i = 0; i < 3 && hi > 0 && hi - lo > 50; ++i) {
    const double mid = std::round((lo + hi) / 2 / 50) * 50;
    if (mid <= lo || mid >= hi) break;
    (step(mid, "search") ? lo : hi) = mid;
  }
  nlohmann::ordered_json summary = {{"target", target},
                                    {"phase", "max_sustained"},
                                    {"route", o.route},
                                    {"rate", lo},
                                    {"first_failing_rate", hi},
                                    {"p99_target_ms", o.target_p99_ms},
                                    {"connections", o.connections},
                                    {"server_threads", o.threads}};
  std::printf("%-8s max sustained rate with p99 <= %.1f ms and no errors: %.0f req/s", target.c_str(),
              o.target_p99_ms, lo);
  if (hi > 0) std::printf(" (%.0f req/s failed)", hi);
  std::printf("\n");
  json_lines->push_back(summary.dump());
}

void PrintHeader() {
  std::printf("%-8s %-7s %7s %7s %6s %8s %8s %8s %8s %9s %9s %7s  %s\n", "target", "phase",
              "rate/s", "sent", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms",
              "svc p99", "conns", "p99<=target");
  std::fflush(stdout);
}

}  // namespace qantara::http_bench
