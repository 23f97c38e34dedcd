// qantara alerts: every document of a `qantara read --db` database that
// mentions an entity the given lists hold, with the list reference and the
// words around the mention. The entities are screened again against the
// lists given now (a list updated since the documents were read counts).
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/progress.h"
#include "news/entities.h"
#include "screen/screener.h"
#include "store/news_json.h"

namespace qantara::cli {
namespace {

struct AlertsArgs {
  std::string db;
  std::vector<std::string> lists;
  double threshold = news::LinkOptions().listed_threshold;
  size_t limit = 1000;
  bool json = false;
};

int RunAlerts(const AlertsArgs& args) {
  auto store = store::NewsStore::OpenExisting(args.db);
  if (!store.ok()) return Fail(store.status());
  auto entities = (*store)->LoadEntities();
  if (!entities.ok()) return Fail(entities.status());
  if (entities->empty()) {
    return Fail(Status::NotFound(args.db +
                                 ": no entities: read documents into it first "
                                 "(`qantara read --db " +
                                 args.db + " FILES`)"));
  }
  const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto index = LoadIndex(args.lists, threads);
  if (!index.ok()) return Fail(index.status());
  screen::ScreenOptions options;
  options.threshold = std::min(options.threshold, args.threshold);
  const screen::Screener screener(*index, options);
  screen::ScreenScratch scratch;
  std::vector<std::pair<std::string, news::Listed>> listed;
  {
    Progress progress("screening entities", entities->size());
    size_t done = 0;
    for (const news::EntityRecord& e : *entities) {
      if (auto l = news::ListedEntity(e, screener, &scratch, args.threshold))
        listed.emplace_back(e.key, *l);
      ++done;
      progress.Update(done, done);
    }
  }
  auto alerts = (*store)->Alerts(listed, args.limit);
  if (!alerts.ok()) return Fail(alerts.status());
  const bool pretty = !args.json && isatty(STDOUT_FILENO);
  for (const store::Alert& a : *alerts) {
    std::string line;
    if (pretty) {
      line = (a.published.empty() ? std::string("unknown   ") : a.published) + "  " + a.doc + "  " +
             a.canonical + " = " + a.listed.list + " " + a.listed.ref + " (" + a.listed.caption +
             ")  " + a.evidence;
    } else {
      const nlohmann::ordered_json j = store::AlertToJson(a);
      line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  std::fprintf(stderr, "qantara: %zu listed entities, %zu alerts\n", listed.size(), alerts->size());
  return kExitOk;
}

}  // namespace

void AddAlertsCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AlertsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "alerts",
      "Every document of a `qantara read --db` database that mentions an entity on the given "
      "lists: its persons and organisations are screened again against --list (so a list "
      "updated since counts), and each document is reported with the list reference and the "
      "words around the mention.");
  cmd->add_option("--db", args->db, "Database written by `qantara read --db`")->required();
  cmd->add_option("--list", args->lists, "List file(s), as for `qantara screen`")->required();
  cmd->add_option("--threshold", args->threshold, "Lowest score that makes an entity listed")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "At most this many alerts")->capture_default_str();
  cmd->add_flag("--json", args->json, "JSON Lines even at a terminal");
  cmd->callback([args, exit_code] { *exit_code = RunAlerts(*args); });
}

}  // namespace qantara::cli
