// qantara serve: the HTTP service (DESIGN.md "Service"). Loads the lists,
// records each list version in the database (with its audit entry), builds
// the index and answers requests until SIGINT or SIGTERM. SIGHUP, like POST
// /v1/admin/reload, reads the same list files again and swaps the index
// (service/reload.h); a file that fails leaves the old lists served.
//
// Signals are blocked in every thread and taken by one waiting thread
// (sigwait), which asks the server to stop: no work happens in a signal
// handler, and the workers finish the requests they hold.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "server/server.h"
#include "service/news_archive.h"
#include "service/reload.h"
#include "store/service_store.h"

namespace qantara::cli {
namespace {

struct ServeArgs {
  std::vector<std::string> lists;
  std::string db;
  std::string news_db;  // "" none: the news routes answer 503
  server::ServerOptions server;
  double threshold = screen::ScreenOptions().threshold;
  size_t top = screen::ScreenOptions().top_k;
  double key_cache_seconds = 2;  // store::ServiceStoreOptions::key_cache_ttl
  int checkpoint_ms = 200;       // store::ServiceStoreOptions::checkpoint_interval
};

// The lists' options: the same files on every load.
service::ListFilesOptions ListFiles(const ServeArgs& args) {
  service::ListFilesOptions files;
  files.paths = args.lists;
  files.screen.threshold = args.threshold;
  files.screen.top_k = args.top;
  files.threads = args.server.threads;
  return files;
}

// "list versions 3, 4 (1250 records)" for the log.
std::string VersionsText(const service::ListSnapshot& lists) {
  std::string ids;
  int64_t entities = 0;
  for (const store::ListVersion& v : lists.versions) {
    ids += (ids.empty() ? "" : ", ") + std::to_string(v.id);
    entities += v.entities;
  }
  return "list versions " + ids + " (" + std::to_string(entities) + " records)";
}

// SIGHUP: reload after any reload running (an HTTP one) ends, and say so on stderr.
void ReloadOnSignal(service::Reloader* reloader) {
  std::fprintf(stderr, "qantara: SIGHUP: reloading the lists\n");
  service::ReloadReport report = reloader->Reload("server:sighup", /*wait=*/true);
  if (!report.snapshot) {
    std::fprintf(stderr, "qantara: reload failed: %s; still serving the lists loaded before\n",
                 report.status.message().c_str());
    return;
  }
  ReportIssues(report.issues);
  std::fprintf(stderr, "qantara: reloaded: serving %s\n", VersionsText(*report.snapshot).c_str());
}

int RunServe(const ServeArgs& args) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // inherited by every thread made below
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up is an error on its socket, not our exit

  // First: a missing news database stops the server before anything is written.
  std::unique_ptr<service::NewsArchive> news;
  if (!args.news_db.empty()) {
    auto opened = service::NewsArchive::Open(args.news_db);
    if (!opened.ok()) return Fail(opened.status());
    news = std::move(*opened);
  }
  store::ServiceStoreOptions store_options;
  store_options.key_cache_ttl =
      std::chrono::milliseconds(static_cast<int64_t>(args.key_cache_seconds * 1000));
  store_options.checkpoint_interval = std::chrono::milliseconds(args.checkpoint_ms);
  auto db = store::ServiceStore::Open(args.db, store_options);
  if (!db.ok()) return Fail(db.status());
  server::Server server(args.server, db->get());
  service::Reloader reloader(ListFiles(args), db->get(),
                             [&server](auto lists) { server.SetLists(std::move(lists)); });
  service::ReloadReport loaded = reloader.Reload("server", /*wait=*/true);
  if (!loaded.snapshot) return Fail(loaded.status);
  ReportIssues(loaded.issues);
  server.SetReloader(&reloader);
  server.SetNews(news.get());
  if (Status s = server.Bind(); !s.ok()) return Fail(s);
  std::fprintf(stderr, "listening on http://%s:%d\n", args.server.host.c_str(), server.port());
  if (!args.server.web_root.empty()) {
    std::fprintf(stderr, "review page: http://%s:%d/\n", args.server.host.c_str(), server.port());
  }

  std::thread waiter([&server, &reloader, stop_signals] {
    for (;;) {
      int signal = 0;
      if (sigwait(&stop_signals, &signal) != 0) continue;
      if (signal != SIGHUP) break;
      ReloadOnSignal(&reloader);
    }
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
      "POST /v1/decisions, GET /v1/screenings[/{id}[/audit]], /healthz, /metrics; with --news-db "
      "GET /v1/timeline/{entity} and /v1/alerts). Clients send "
      "Authorization: Bearer KEY (see `qantara keys add`). POST /v1/admin/reload (admin) or "
      "SIGHUP reads the --list files again and swaps the index without dropping a request; a "
      "file that cannot be used leaves the old lists served (the error names it). Stops on "
      "SIGINT or SIGTERM.");
  cmd->add_option("--list", args->lists, "List file(s), as for `qantara screen`")->required();
  cmd->add_option("--db", args->db, "Service database (SQLite; created when missing)")->required();
  cmd->add_option("--news-db", args->news_db,
                  "News database written by `qantara read --db` (must exist), for GET "
                  "/v1/timeline/{entity} and GET /v1/alerts; read only");
  cmd->add_option("--host", args->server.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->server.port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", args->server.threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--web", args->server.web_root,
                  "Serve this folder at / (the review page: web/public of the source tree)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--threshold", args->threshold, "Lowest score reported (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--top", args->top, "At most this many matches per query")->capture_default_str();
  cmd->add_option("--key-cache", args->key_cache_seconds,
                  "Seconds a key lookup is trusted: a key revoked or added by `qantara keys` "
                  "takes effect within this (0: read the database on every request)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  cmd->add_option("--checkpoint-ms", args->checkpoint_ms,
                  "Checkpoint the database's WAL on a background thread this often (0: in the "
                  "request whose commit passes 1000 WAL pages, SQLite's default)")
      ->check(CLI::Range(0, 60000))
      ->capture_default_str();
  cmd->add_option("--keep-alive", args->server.keep_alive_max_requests,
                  "Requests answered on one keep-alive connection before it is closed")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunServe(*args); });
}

}  // namespace qantara::cli
