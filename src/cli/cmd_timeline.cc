// qantara timeline: the dated events and mentions of one entity (any script)
// in a database written by `qantara read --db`.
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "store/news_json.h"

namespace qantara::cli {
namespace {

struct TimelineArgs {
  std::string db;
  std::string entity;
  size_t limit = 200;
  bool json = false;
};

int RunTimeline(const TimelineArgs& args) {
  auto store = store::NewsStore::OpenExisting(args.db);
  if (!store.ok()) return Fail(store.status());
  auto keys = (*store)->ResolveEntities(args.entity);
  if (!keys.ok()) return Fail(keys.status());
  if (keys->empty()) {
    return Fail(Status::NotFound(args.db + ": no entity named '" + args.entity +
                                 "' (give a key such as p:nasser-bourita, or a name)"));
  }
  auto entries = (*store)->Timeline(*keys, args.limit);
  if (!entries.ok()) return Fail(entries.status());
  const bool pretty = !args.json && isatty(STDOUT_FILENO);
  for (const store::TimelineEntry& t : *entries) {
    std::string line;
    if (pretty) {
      line = (t.date.empty() ? std::string("unknown   ") : t.date) + "  " + t.kind + "  " +
             (t.sentence.empty() ? t.text : t.sentence) + "  (" + t.doc + ")";
    } else {
      nlohmann::ordered_json j = store::TimelineEntryToJson(t);
      j["entities"] = *keys;
      line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  if (entries->empty())
    std::fprintf(stderr, "qantara: %s: nothing dated for it\n", args.entity.c_str());
  return kExitOk;
}

}  // namespace

void AddTimelineCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand(
      "timeline",
      "The timeline of one entity in a database of `qantara read --db`: the events it takes part "
      "in or that happen at it (meeting, visit, call...), then the documents that only mention "
      "it, by date. ENTITY is a key (p:nasser-bourita) or a name in any script.");
  cmd->add_option("--db", args->db, "Database written by `qantara read --db`")->required();
  cmd->add_option("entity", args->entity, "Entity key or name")->required();
  cmd->add_option("--limit", args->limit, "At most this many lines")->capture_default_str();
  cmd->add_flag("--json", args->json, "JSON Lines even at a terminal");
  cmd->callback([args, exit_code] { *exit_code = RunTimeline(*args); });
}

}  // namespace qantara::cli
