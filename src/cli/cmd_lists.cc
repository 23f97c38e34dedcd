// qantara lists show|export: what the list files hold, and the entities in
// the contract's JSON form.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "lists/entity_json.h"

namespace qantara::cli {
namespace {

struct ListsArgs {
  std::vector<std::string> files;
  bool json = false;
  bool jsonl = false;
};

int RunShow(const ListsArgs& args) {
  auto loaded = lists::LoadLists(args.files);
  if (!loaded.ok()) return Fail(loaded.status());
  std::map<std::pair<std::string, std::string>, size_t> counts;  // (list, schema) -> entities
  for (const lists::Entity& e : loaded->entities) {
    ++counts[{e.list, std::string(lists::SchemaName(e.schema))}];
  }
  if (args.json) {
    for (const lists::ListSource& s : loaded->sources) {
      nlohmann::json j = {{"file", s.path},         {"format", lists::FormatName(s.format)},
                          {"list", s.list},         {"published", s.published},
                          {"records", s.records},   {"sha256", s.sha256}};
      std::printf("%s\n", j.dump().c_str());
    }
    for (const auto& [key, n] : counts) {
      nlohmann::json j = {{"list", key.first}, {"schema", key.second}, {"entities", n}};
      std::printf("%s\n", j.dump().c_str());
    }
    std::printf("%s\n", nlohmann::json{{"entities", loaded->entities.size()},
                                       {"issues", loaded->issues.size()}}
                            .dump()
                            .c_str());
  } else {
    std::printf("%-40s %-12s %-6s %-12s %9s\n", "FILE", "FORMAT", "LIST", "PUBLISHED", "RECORDS");
    for (const lists::ListSource& s : loaded->sources) {
      std::printf("%-40s %-12s %-6s %-12s %9zu\n", s.path.c_str(),
                  std::string(lists::FormatName(s.format)).c_str(), s.list.c_str(),
                  s.published.empty() ? "-" : s.published.c_str(), s.records);
    }
    std::printf("\n%-8s %-14s %9s\n", "LIST", "SCHEMA", "ENTITIES");
    for (const auto& [key, n] : counts) {
      std::printf("%-8s %-14s %9zu\n", key.first.c_str(), key.second.c_str(), n);
    }
    std::printf("%-23s %9zu\n", "total", loaded->entities.size());
  }
  if (!loaded->issues.empty()) std::fprintf(stderr, "%zu record issues:\n", loaded->issues.size());
  ReportIssues(loaded->issues);
  // Issues are warnings (a repaired field, a skipped alias row): the list is
  // usable, as `screen` would use it; a file that cannot be used fails above.
  return kExitOk;
}

int RunExport(const ListsArgs& args) {
  auto loaded = lists::LoadLists(args.files);
  if (!loaded.ok()) return Fail(loaded.status());
  ReportIssues(loaded->issues);
  for (const lists::Entity& e : loaded->entities) {
    std::string line = lists::EntityToJson(e);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }
  return kExitOk;
}

}  // namespace

void AddListsCommand(CLI::App& app, int* exit_code) {
  CLI::App* lists = app.add_subcommand("lists", "Inspect and export list files");
  lists->require_subcommand(1);
  auto show_args = std::make_shared<ListsArgs>();
  CLI::App* show = lists->add_subcommand(
      "show",
      "Count entities per list and schema; name each file's format, date and records. Records "
      "or fields that had to be skipped are reported on stderr as warnings.");
  show->add_option("FILE", show_args->files, "List file(s), any supported format")->required();
  show->add_flag("--json", show_args->json, "JSON Lines instead of a table");
  show->callback([show_args, exit_code] { *exit_code = RunShow(*show_args); });
  auto export_args = std::make_shared<ListsArgs>();
  CLI::App* exp = lists->add_subcommand(
      "export",
      "Print every entity as one JSON line in DESIGN.md's entity form (records or fields that "
      "had to be skipped are reported on stderr as warnings)");
  exp->add_option("FILE", export_args->files, "List file(s), any supported format")->required();
  exp->add_flag("--jsonl", export_args->jsonl, "JSON Lines (the only export format; accepted for clarity)");
  exp->callback([export_args, exit_code] { *exit_code = RunExport(*export_args); });
}

}  // namespace qantara::cli
