// qantara keys add: makes an API key for the service. The key is printed once
// on stdout; the database keeps only its SHA-256.
#include <cstdio>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "store/service_store.h"

namespace qantara::cli {
namespace {

struct KeysAddArgs {
  std::string db;
  std::string role;
  std::string name;
};

int RunKeysAdd(const KeysAddArgs& args) {
  std::optional<store::Role> role = store::ParseRole(args.role);
  if (!role) return Fail(Status::InvalidArgument("--role must be screener, reviewer or admin"));
  auto db = store::ServiceStore::Open(args.db);
  if (!db.ok()) return Fail(db.status());
  Result<std::string> key = (*db)->AddKey(args.name, *role);
  if (!key.ok()) return Fail(key.status());
  std::printf("%s\n", key->c_str());
  std::fflush(stdout);
  std::fprintf(stderr, "qantara: key \"%s\" (%s) created; it is shown only this once\n",
               args.name.c_str(), args.role.c_str());
  return kExitOk;
}

}  // namespace

void AddKeysCommand(CLI::App& app, int* exit_code) {
  CLI::App* keys = app.add_subcommand("keys", "Manage the service's API keys");
  keys->require_subcommand(1);
  auto args = std::make_shared<KeysAddArgs>();
  CLI::App* add =
      keys->add_subcommand("add", "Create a key and print it once (only its SHA-256 is stored)");
  add->add_option("--db", args->db, "Service database (SQLite; created when missing)")->required();
  add->add_option("--role", args->role, "screener, reviewer or admin")
      ->required()
      ->check(CLI::IsMember({"screener", "reviewer", "admin"}));
  add->add_option("--name", args->name, "Who holds the key (unique)")->required();
  add->callback([args, exit_code] { *exit_code = RunKeysAdd(*args); });
}

}  // namespace qantara::cli
