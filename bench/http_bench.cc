// HTTP load bench for `qantara serve` against DESIGN's target: "HTTP screening:
// p99 <= 5 ms at 2,000 requests/s on 2 cores".
//
// What it does:
//   1. loads the official lists found in ../shared/data/lists (UN XML, OFAC SDN CSV
//      set + non-SDN XML, UK CSV; skips with a message when none is there), only to
//      draw the query names from them;
//   2. makes a temporary service database, a screener key (`qantara keys add`), and
//      starts `qantara serve --list ... --db ... --port 0 --threads N` as a child
//      process; reads the port from its "listening on http://127.0.0.1:PORT" line
//      and waits for /healthz;
//   3. sends single-name screening requests (GET /v1/match?name= and POST
//      /v1/screen, alternating by default) over keep-alive connections at fixed
//      rates, open loop: request i is due at start + i / rate whatever happened to
//      the requests before it, and its latency is taken from that due time, so a
//      slow answer delays (and is charged to) the requests queued behind it
//      instead of silently lowering the rate (no coordinated omission, unlike a
//      closed-loop tool such as wrk);
//   4. after the fixed rates, a step search for the highest rate whose p99 is
//      within the target, without errors;
//   5. the same steps against the transport floor (bench/peers/http_floor_server:
//      cpp-httplib set up as the real server, answering 200 with no work), which
//      is the least any service on this transport can take here, not a peer.
//
// The query mix (fixed seed, a pool of 4,096 cycled): 20% listed Latin-script
// names as published, 10% listed Arabic-script names as published, 10% listed
// names with one letter dropped, 60% made-up names of 2-3 name words (Latin or
// Arabic script) from ../shared/data/names/google_ar2en.txt. Most production
// traffic screens people who are not listed; the listed share makes hits (and
// hit rows to record) common enough to count.
//
// --quickack makes the client ACK at once; without it the client behaves as curl
// does, and cpp-httplib's Nagle (TCP_NODELAY off) stalls answers ~40 ms on its
// delayed ACK (docs/bench_http.md, Findings). --stages N times the parts of a
// request in process instead (key lookup, screening, JSON, recording).
//
// Output: a human table and one JSON line per step (lines starting with '{'),
// on stdout; progress and the child's failures on stderr.
//
// Limits: client and server share the machine's 2 cores (and other users': the
// load average at start is printed). The client is one epoll thread, which
// itself takes CPU from the server; the transport floor shows that cost.
//
// The parts, in bench/http/: query_mix (the names and the raw requests),
// child_process (start, health check, stop), open_loop_client, steps (the fixed
// rates, the search, the table and JSON lines) and stages (--stages).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "bench/http/child_process.h"
#include "bench/http/query_mix.h"
#include "bench/http/stages.h"
#include "bench/http/steps.h"
#include "lists/reader.h"

namespace fs = std::filesystem;
using qantara::http_bench::Child;
using qantara::http_bench::ListFiles;
using qantara::http_bench::LoadAverage;
using qantara::http_bench::MakeQueryMix;
using qantara::http_bench::MakeRequests;
using qantara::http_bench::Options;
using qantara::http_bench::PrintHeader;
using qantara::http_bench::QueryName;
using qantara::http_bench::RunCapture;
using qantara::http_bench::RunStages;
using qantara::http_bench::RunSteps;
using qantara::http_bench::StartServer;
using qantara::http_bench::StopServer;
using qantara::http_bench::WaitHealthy;

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "HTTP load bench for `qantara serve` (DESIGN: p99 <= 5 ms at 2,000 requests/s on 2 cores). "
      "Starts the server on the lists in --lists-dir, sends single-name screening requests at fixed "
      "rates, open loop (latency from each request's due time), then searches for the highest rate "
      "within the p99 target; then the same against the transport floor (a cpp-httplib server that "
      "answers 200 with no work). Prints a table and JSON Lines (lines starting with '{') on stdout."};
  app.add_option("--qantara", o.qantara, "The qantara binary")->capture_default_str();
  app.add_option("--floor-server", o.floor_server, "The transport-floor server (bench/peers)")
      ->capture_default_str();
  app.add_option("--lists-dir", o.lists_dir, "Directory with the official lists")->capture_default_str();
  app.add_option("--rates", o.rates, "Fixed rates, requests/s")->delimiter(',')->capture_default_str();
  app.add_option("--duration", o.duration, "Seconds per step")->check(CLI::Range(0.1, 120.0))->capture_default_str();
  app.add_option("--max-requests", o.max_requests, "At most this many requests per step")
      ->check(CLI::Range(1, 10000000))->capture_default_str();
  app.add_option("--connections", o.connections, "Keep-alive connections")
      ->check(CLI::Range(1, 256))->capture_default_str();
  app.add_option("--threads", o.threads, "Server worker threads (serve --threads)")
      ->check(CLI::Range(1, 256))->capture_default_str();
  app.add_option("--route", o.route, "match (GET /v1/match), screen (POST /v1/screen) or mix (alternate)")
      ->check(CLI::IsMember({"match", "screen", "mix"}))->capture_default_str();
  app.add_flag("!--no-search", o.search, "Skip the step search for the highest passing rate");
  app.add_option("--search-max", o.search_max, "Highest rate the search tries")->capture_default_str();
  app.add_option("--target-p99-ms", o.target_p99_ms, "The p99 target, ms")->capture_default_str();
  app.add_option("--seed", o.seed, "Seed of the query mix")->capture_default_str();
  app.add_flag("!--no-floor", o.floor, "Skip the transport floor");
  app.add_option("--warmup", o.warmup, "Seconds at 500 req/s before the steps (0: none)")->capture_default_str();
  app.add_option("--stages", o.stages,
                 "Instead of the load steps: time the stages of N GET /v1/match in process (key "
                 "lookup, screening, JSON, recording) and exit")
      ->check(CLI::Range(1, 1000000));
  app.add_flag("--quickack", o.quickack,
               "Client ACKs every segment at once (TCP_QUICKACK), which hides the server's "
               "Nagle + delayed-ACK stall; without it the client behaves as curl or a browser");
  app.add_flag("--floor-nodelay", o.floor_nodelay,
               "Run the transport floor with TCP_NODELAY on its sockets (the proposed server fix)");
  app.add_option("--tmp-dir", o.tmp_dir,
                 "Where the temporary service database goes (/dev/shm: no disk syncs)")
      ->capture_default_str();
  app.add_option("--serve-arg", o.serve_args,
                 "One more argument for `qantara serve` (repeat: --serve-arg=--keep-alive "
                 "--serve-arg=5)");
  app.add_flag("--keep-db", o.keep_db, "Keep the temporary service database (its path is printed)");
  CLI11_PARSE(app, argc, argv);
  for (double r : o.rates) {
    if (r <= 0) {
      std::fprintf(stderr, "http_bench: --rates: %g is not a positive rate\n", r);
      return 2;
    }
  }
  std::signal(SIGPIPE, SIG_IGN);

  const std::vector<std::string> files = ListFiles(o.lists_dir);
  if (files.empty()) {
    std::printf("http_bench: skipped: no official lists in %s\n", o.lists_dir.c_str());
    return 0;
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("# http_bench: %u cores (shared with other users: load average at start %s)\n", cores,
              LoadAverage().c_str());
  std::printf("# lists:");
  for (const auto& f : files) std::printf(" %s", fs::path(f).filename().c_str());
  std::printf("\n");
  auto loaded = qantara::lists::LoadLists(files);
  if (!loaded.ok()) {
    std::fprintf(stderr, "http_bench: %s\n", loaded.status().ToString().c_str());
    return 1;
  }
  const std::vector<QueryName> mix = MakeQueryMix(loaded->entities, o.seed, 4096);
  std::printf("# %zu entities; query mix: 4096 names, seed %u (20%% listed Latin, 10%% listed "
              "Arabic, 10%% listed with a letter dropped, 60%% made up)\n",
              loaded->entities.size(), o.seed);
  std::string dir_template = o.tmp_dir + "/qantara_http_bench_XXXXXX";
  if (!mkdtemp(dir_template.data())) {
    std::fprintf(stderr, "http_bench: mkdtemp: %s\n", std::strerror(errno));
    return 1;
  }
  const std::string db = dir_template + "/service.db";
  if (o.stages > 0) {
    const int rc = RunStages(std::move(*loaded), mix, o.stages, o.threads, db);
    std::error_code ec;
    if (!o.keep_db) fs::remove_all(dir_template, ec);
    return rc;
  }
  loaded->entities.clear();
  loaded->entities.shrink_to_fit();
  const auto key = RunCapture(o.qantara + " keys add --db " + db +
                              " --role screener --name http_bench 2>/dev/null");
  if (!key || key->rfind("qk_", 0) != 0) {
    std::fprintf(stderr, "http_bench: `%s keys add --db %s` failed\n", o.qantara.c_str(), db.c_str());
    return 1;
  }
  std::vector<std::string> json_lines;
  std::printf("# route %s, %d connection(s), server --threads %d, %.1f s per step, p99 target %.1f "
              "ms, client %s, floor %s\n",
              o.route.c_str(), o.connections, o.threads, o.duration, o.target_p99_ms,
              o.quickack ? "TCP_QUICKACK" : "delayed ACKs (as curl)",
              o.floor_nodelay ? "TCP_NODELAY" : "as qantara serve (Nagle on)");
  std::printf("# latency from each request's due time (open loop); 'svc p99' from its actual send\n");
  if (!o.serve_args.empty()) {
    std::string extra;
    for (const std::string& arg : o.serve_args) extra += " " + arg;
    std::printf("# qantara serve also gets:%s\n", extra.c_str());
  }
  PrintHeader();
  {
    std::vector<std::string> argv_serve = {o.qantara, "serve", "--db", db, "--port", "0",
                                           "--threads", std::to_string(o.threads)};
    for (const auto& f : files) {
      argv_serve.push_back("--list");
      argv_serve.push_back(f);
    }
    argv_serve.insert(argv_serve.end(), o.serve_args.begin(), o.serve_args.end());
    Child server;
    if (auto err = StartServer(argv_serve, &server, 300)) {
      std::fprintf(stderr, "http_bench: %s\n", err->c_str());
      StopServer(&server);
      return 1;
    }
    if (!WaitHealthy(server.port, 30)) {
      std::fprintf(stderr, "http_bench: /healthz did not answer on port %d\n", server.port);
      StopServer(&server);
      return 1;
    }
    std::fprintf(stderr, "http_bench: qantara serve is up on port %d (pid %d)\n", server.port,
                 static_cast<int>(server.pid));
    RunSteps("qantara", server.port, MakeRequests(mix, o.route, server.port, *key), o, &json_lines);
    StopServer(&server);
  }
  if (o.floor) {
    Child floor;
    std::vector<std::string> argv_floor = {o.floor_server, "--port", "0", "--threads",
                                           std::to_string(o.threads)};
    if (o.floor_nodelay) argv_floor.push_back("--tcp-nodelay");
    if (auto err = StartServer(argv_floor, &floor, 30); err || !WaitHealthy(floor.port, 30)) {
      std::fprintf(stderr, "http_bench: the transport floor did not start: %s\n",
                   err ? err->c_str() : "no /healthz");
    } else {
      RunSteps("floor", floor.port, MakeRequests(mix, o.route, floor.port, *key), o, &json_lines);
    }
    StopServer(&floor);
  }
  std::printf("# load average at end %s\n", LoadAverage().c_str());
  for (const auto& line : json_lines) std::printf("%s\n", line.c_str());
  if (o.keep_db) {
    std::printf("# service database kept: %s\n", db.c_str());
  } else {
    std::error_code ec;
    fs::remove_all(dir_template, ec);
  }
  return 0;
}
