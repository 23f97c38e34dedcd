// qantara search: documents kept by `qantara read --db` that mention an
// entity the query names (in any script), then documents with its words.
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "store/news_store.h"

namespace qantara::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::string query;
  size_t limit = 20;
  bool json = false;
};

int RunSearch(const SearchArgs& args) {
  auto store = store::NewsStore::Open(args.db);
  if (!store.ok()) return Fail(store.status());
  auto hits = (*store)->Search(args.query, args.limit);
  if (!hits.ok()) return Fail(hits.status());
  const bool pretty = !args.json && isatty(STDOUT_FILENO);
  for (const store::SearchHit& h : *hits) {
    std::string line;
    if (pretty) {
      line = (h.published.empty() ? std::string("unknown   ") : h.published) + "  " + h.doc +
             "  " + h.title + "  (" + (h.matched == "entity" ? h.entity : h.snippet) + ")";
    } else {
      nlohmann::ordered_json j;
      j["doc"] = h.doc;
      j["title"] = h.title;
      j["published"] = h.published.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(h.published);
      j["matched"] = h.matched;
      if (!h.entity.empty()) j["entity"] = h.entity;
      if (!h.snippet.empty()) j["snippet"] = h.snippet;
      line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  return kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Search the documents `qantara read --db` kept: first those that mention an entity the "
      "query names (across scripts: Bourita finds the Arabic spelling too), then those whose "
      "text has every word of the query (accents, Arabic letter variants and clitics ignored).");
  cmd->add_option("--db", args->db, "Database written by `qantara read --db`")->required();
  cmd->add_option("query", args->query, "Words or a name")->required();
  cmd->add_option("--limit", args->limit, "At most this many documents")->capture_default_str();
  cmd->add_flag("--json", args->json, "JSON Lines even at a terminal");
  cmd->callback([args, exit_code] { *exit_code = RunSearch(*args); });
}

}  // namespace qantara::cli
