// qantara audit verify: recomputes the hash chain of the service's audit log.
// Exit 0 when intact, 1 when broken (naming the first bad row).
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "store/service_store.h"

namespace qantara::cli {
namespace {

int RunAuditVerify(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Fail(Status::NotFound(path + ": no such database"));
  }
  auto db = store::ServiceStore::Open(path);
  if (!db.ok()) return Fail(db.status());
  auto report = (*db)->VerifyAudit();
  if (!report.ok()) return Fail(report.status());
  if (!report->intact) {
    std::printf("audit log broken at row %lld: %s (%lld rows before it verify)\n",
                static_cast<long long>(report->bad_seq), report->problem.c_str(),
                static_cast<long long>(report->rows));
    return kExitInputErrors;
  }
  std::printf("audit log intact: %lld rows\n", static_cast<long long>(report->rows));
  return kExitOk;
}

}  // namespace

void AddAuditCommand(CLI::App& app, int* exit_code) {
  CLI::App* audit = app.add_subcommand("audit", "Check the service's audit log");
  audit->require_subcommand(1);
  auto path = std::make_shared<std::string>();
  CLI::App* verify = audit->add_subcommand(
      "verify",
      "Recompute the audit log's hash chain: exit 0 when intact, 1 when a row was edited or "
      "deleted (the first bad row is named)");
  verify->add_option("--db", *path, "Service database")->required();
  verify->callback([path, exit_code] { *exit_code = RunAuditVerify(*path); });
}

}  // namespace qantara::cli
