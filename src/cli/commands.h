// The subcommands of build/qantara, one file each.
#ifndef QANTARA_CLI_COMMANDS_H_
#define QANTARA_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace qantara::cli {

// Each adds its subcommand to `app`; when the subcommand runs, its exit code
// is stored in *exit_code.
void AddListsCommand(CLI::App& app, int* exit_code);
void AddScreenCommand(CLI::App& app, int* exit_code);
void AddMatchCommand(CLI::App& app, int* exit_code);
void AddReadCommand(CLI::App& app, int* exit_code);
void AddSearchCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
void AddKeysCommand(CLI::App& app, int* exit_code);
void AddAuditCommand(CLI::App& app, int* exit_code);
void AddRescreenCommand(CLI::App& app, int* exit_code);
void AddTimelineCommand(CLI::App& app, int* exit_code);
void AddAlertsCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_COMMANDS_H_
