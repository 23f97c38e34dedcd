// qantara rescreen: delta screening. Loads the lists given (recording their
// versions, as `qantara serve` does), screens every stored screening's query
// again and prints only the new hits, one JSON line each:
//   {"screening": 12, "query": {...as stored...}, "match": {...output form...}}
// An entity already hit by that screening, open or decided, is not raised
// again; a new hit becomes an open hit of the screening, in the review queue
// (service/rescreen.h). Progress on stderr when it is a terminal; a summary
// line on stderr at the end.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/progress.h"
#include "service/reload.h"
#include "service/rescreen.h"
#include "store/service_store.h"

namespace qantara::cli {
namespace {

struct RescreenArgs {
  std::string db;
  service::ListFilesOptions files;
};

void PrintHit(const service::RaisedHit& hit) {
  nlohmann::ordered_json line = {
      {"screening", hit.screening},
      {"query", nlohmann::ordered_json::parse(hit.query_json, nullptr, false)},
      {"match", hit.match}};
  std::printf("%s\n",
              line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

int RunRescreen(const RescreenArgs& args) {
  std::error_code ec;
  if (!std::filesystem::exists(args.db, ec)) {
    return Fail(Status::NotFound(args.db + ": no such database"));
  }
  auto db = store::ServiceStore::Open(args.db);
  if (!db.ok()) return Fail(db.status());
  Result<service::LoadedLists> lists =
      service::LoadListFiles(args.files, db->get(), "cli:rescreen");
  if (!lists.ok()) return Fail(lists.status());
  ReportIssues(lists->issues);
  Result<int64_t> total = (*db)->CountScreenings();
  if (!total.ok()) return Fail(total.status());
  Progress progress("rescreening", static_cast<size_t>(*total));
  service::RescreenCallbacks callbacks;
  callbacks.on_hit = PrintHit;
  callbacks.on_progress = [&progress](int64_t done) {
    std::fflush(stdout);
    progress.Update(static_cast<size_t>(done), static_cast<size_t>(done));
  };
  Result<service::RescreenReport> report =
      service::Rescreen(*lists->snapshot, db->get(), "cli:rescreen", callbacks);
  std::fflush(stdout);
  if (!report.ok()) return Fail(report.status());
  std::string summary = "qantara: rescreen " + std::to_string(report->rescreen) + ": " +
                        std::to_string(report->screenings) + " screenings screened again, " +
                        std::to_string(report->new_hits) + " new hits";
  if (report->unreadable > 0) {
    summary += ", " + std::to_string(report->unreadable) + " stored queries unreadable (skipped)";
  }
  std::fprintf(stderr, "%s\n", summary.c_str());
  return kExitOk;
}

}  // namespace

void AddRescreenCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RescreenArgs>();
  args->files.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  CLI::App* cmd = app.add_subcommand(
      "rescreen",
      "Screen every stored screening's query again against the given lists and raise only new "
      "hits: an entity the screening already hit (open or decided) is not raised again. New hits "
      "become open hits of their screening (the review queue), are audited, and are printed as "
      "JSON Lines {\"screening\", \"query\", \"match\"}. The lists' versions are recorded.");
  cmd->add_option("--db", args->db, "Service database (as given to `qantara serve`)")->required();
  cmd->add_option("--list", args->files.paths, "List file(s), as for `qantara screen`")
      ->required();
  cmd->add_option("--threshold", args->files.screen.threshold, "Lowest score raised (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--top", args->files.screen.top_k, "At most this many matches per query")
      ->capture_default_str();
  cmd->add_option("--threads", args->files.threads, "Threads building the index")
      ->check(CLI::Range(1, 256));
  cmd->callback([args, exit_code] { *exit_code = RunRescreen(*args); });
}

}  // namespace qantara::cli
