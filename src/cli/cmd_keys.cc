// qantara keys add | revoke | list: the service's API keys. `add` prints the
// key once on stdout (the database keeps only its SHA-256); `revoke` makes a
// key answer 401 from the next request on (the server reads the key's row on
// every request); `list` prints one JSON line per key, never the key itself.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

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

struct KeysRevokeArgs {
  std::string db;
  std::string name;
  int64_t id = 0;
};

// An existing database (revoking or listing never creates one).
Result<std::unique_ptr<store::ServiceStore>> OpenExisting(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such database");
  return store::ServiceStore::Open(path);
}

int RunKeysRevoke(const KeysRevokeArgs& args) {
  if (args.name.empty() == (args.id == 0)) {
    return Fail(Status::InvalidArgument("give the key's --name or its --id (one of them)"));
  }
  auto db = OpenExisting(args.db);
  if (!db.ok()) return Fail(db.status());
  auto outcome = (*db)->RevokeKey(args.name, args.id, "admin:cli");
  if (!outcome.ok()) return Fail(outcome.status());
  const std::string who = args.name.empty() ? "id " + std::to_string(args.id) : args.name;
  if (*outcome == store::RevokeOutcome::kAlreadyRevoked) {
    std::fprintf(stderr, "qantara: key %s was revoked already; nothing changed\n", who.c_str());
  } else {
    std::fprintf(stderr, "qantara: key %s revoked\n", who.c_str());
  }
  return kExitOk;
}

int RunKeysList(const std::string& path) {
  auto db = OpenExisting(path);
  if (!db.ok()) return Fail(db.status());
  auto keys = (*db)->ListKeys();
  if (!keys.ok()) return Fail(keys.status());
  for (const store::KeyInfo& k : *keys) {
    nlohmann::ordered_json line = {{"id", k.id},
                                   {"name", k.name},
                                   {"role", store::RoleName(k.role)},
                                   {"created_at", k.created_at},
                                   {"revoked", k.revoked}};
    if (k.revoked) line["revoked_at"] = k.revoked_at.empty() ? nullptr : nlohmann::json(k.revoked_at);
    std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
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

  auto revoke_args = std::make_shared<KeysRevokeArgs>();
  CLI::App* revoke = keys->add_subcommand(
      "revoke", "Revoke a key: it gets 401 from the next request on (audited as key.revoke)");
  revoke->add_option("--db", revoke_args->db, "Service database")->required();
  revoke->add_option("--name", revoke_args->name, "The key's name (as given to `keys add`)");
  revoke->add_option("--id", revoke_args->id, "The key's id (see `keys list`)")
      ->check(CLI::PositiveNumber);
  revoke->callback([revoke_args, exit_code] { *exit_code = RunKeysRevoke(*revoke_args); });

  auto list_db = std::make_shared<std::string>();
  CLI::App* list = keys->add_subcommand(
      "list",
      "Print one JSON line per key: id, name, role, created_at, revoked (never the key itself)");
  list->add_option("--db", *list_db, "Service database")->required();
  list->callback([list_db, exit_code] { *exit_code = RunKeysList(*list_db); });
}

}  // namespace qantara::cli
