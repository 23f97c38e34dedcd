// qantara serve: the HTTP service (DESIGN.md "Service"). Loads the lists,
// records each list version in the database (with its audit entry), builds
// the index and answers requests until SIGINT or SIGTERM.
//
// Signals are blocked in every thread and taken by one waiting thread
// (sigwait), which asks the server to stop: no work happens in a signal
// handler, and the workers finish the requests they hold.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "server/server.h"
#include "store/service_store.h"

namespace qantara::cli {
namespace {

struct ServeArgs {
  std::vector<std::string> lists;
  std::string db;
  server::ServerOptions server;
  double threshold = screen::ScreenOptions().threshold;
  size_t top = screen::ScreenOptions().top_k;
};

// Loads the lists and records one list version per file.
Result<std::shared_ptr<const server::ListSnapshot>> LoadSnapshot(const ServeArgs& args,
                                                                 store::ServiceStore* db) {
  Result<lists::LoadResult> loaded = lists::LoadLists(args.lists);
  if (!loaded.ok()) return loaded.status();
  ReportIssues(loaded->issues);
  std::vector<store::ListVersion> versions;
  for (const lists::ListSource& source : loaded->sources) {
    store::ListVersion v;
    v.source = source.path;
    v.format = std::string(lists::FormatName(source.format));
    v.list = source.list;
    v.published = source.published;
    v.sha256 = source.sha256;
    v.entities = static_cast<int64_t>(source.records);
    QANTARA_RETURN_IF_ERROR(db->RecordListVersion(&v));
    versions.push_back(std::move(v));
  }
  std::shared_ptr<const screen::CandidateIndex> index =
      screen::CandidateIndex::Build(std::move(loaded->entities), args.server.threads);
  screen::ScreenOptions options;
  options.threshold = args.threshold;
  options.top_k = args.top;
  auto screener = std::make_shared<const screen::Screener>(index, options);
  return server::MakeSnapshot(std::move(screener), std::move(versions));
}

int RunServe(const ServeArgs& args) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // inherited by every thread made below
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up is an error on its socket, not our exit

  auto db = store::ServiceStore::Open(args.db);
  if (!db.ok()) return Fail(db.status());
  auto snapshot = LoadSnapshot(args, db->get());
  if (!snapshot.ok()) return Fail(snapshot.status());
  server::Server server(args.server, db->get());
  server.SetLists(*snapshot);
  if (Status s = server.Bind(); !s.ok()) return Fail(s);
  std::fprintf(stderr, "listening on http://%s:%d\n", args.server.host.c_str(), server.port());

  std::thread waiter([&server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  Status run = server.Run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when no signal came
  waiter.join();
  if (!run.ok()) return Fail(run);
  std::fprintf(stderr, "qantara: stopped\n");
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  args->server.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve screening over HTTP (POST /v1/screen, GET /v1/match, /v1/entities/{id}, /v1/lists, "
      "POST /v1/decisions, GET /v1/screenings, /healthz, /metrics). Clients send "
      "Authorization: Bearer KEY (see `qantara keys add`). Stops on SIGINT or SIGTERM.");
  cmd->add_option("--list", args->lists, "List file(s), as for `qantara screen`")->required();
  cmd->add_option("--db", args->db, "Service database (SQLite; created when missing)")->required();
  cmd->add_option("--host", args->server.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->server.port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", args->server.threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--threshold", args->threshold, "Lowest score reported (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--top", args->top, "At most this many matches per query")->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunServe(*args); });
}

}  // namespace qantara::cli
