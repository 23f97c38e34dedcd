// The load steps of bench/http_bench.cc against one server (fixed rates, then
// the step search for the highest rate within the p99 target), their table and
// their JSON lines; and the program's options.
#ifndef QANTARA_BENCH_HTTP_STEPS_H_
#define QANTARA_BENCH_HTTP_STEPS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/http/query_mix.h"

namespace qantara::http_bench {

struct Options {
  std::string qantara = QANTARA_BINARY;
  std::string floor_server = QANTARA_FLOOR_SERVER;
  std::string lists_dir = (SharedData() / "lists").string();
  std::vector<double> rates = {500, 1000, 2000, 3000};
  double duration = 5;
  size_t max_requests = 20000;
  int connections = 2;
  int threads = 2;
  std::string route = "mix";
  bool search = true;
  double search_max = 8000;
  double target_p99_ms = 5;
  uint32_t seed = 5;
  bool floor = true;
  double warmup = 1;
  bool keep_db = false;
  size_t stages = 0;
  bool quickack = false;
  bool floor_nodelay = false;
  std::string tmp_dir = "/tmp";
  std::vector<std::string> serve_args;  // more arguments for `qantara serve`
};

// The three load averages of /proc/loadavg, as written there.
std::string LoadAverage();

// The table's header line (stdout).
void PrintHeader();

// Runs the fixed rates and the search against one server; JSON lines are kept
// and printed after the table.
void RunSteps(const std::string& target, int port, const std::vector<std::string>& requests,
              const Options& o, std::vector<std::string>* json_lines);

}  // namespace qantara::http_bench

#endif  // QANTARA_BENCH_HTTP_STEPS_H_
