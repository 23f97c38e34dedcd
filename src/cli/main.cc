// build/qantara: screening names against watchlists and reading news, across
// Arabic and Latin scripts. Subcommands are in cmd_*.cc.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  CLI::App app{
      "qantara: screen names against sanctions lists (UN, OFAC, EU, UK), serve screening over "
      "HTTP, and read news (Arabic, "
      "French, English) across Arabic and Latin scripts.\nRun `qantara SUBCOMMAND --help` for "
      "details."};
  app.require_subcommand(1);
  int exit_code = qantara::cli::kExitOk;
  qantara::cli::AddListsCommand(app, &exit_code);
  qantara::cli::AddScreenCommand(app, &exit_code);
  qantara::cli::AddMatchCommand(app, &exit_code);
  qantara::cli::AddReadCommand(app, &exit_code);
  qantara::cli::AddSearchCommand(app, &exit_code);
  qantara::cli::AddServeCommand(app, &exit_code);
  qantara::cli::AddKeysCommand(app, &exit_code);
  qantara::cli::AddAuditCommand(app, &exit_code);
  qantara::cli::AddRescreenCommand(app, &exit_code);
  qantara::cli::AddTimelineCommand(app, &exit_code);
  qantara::cli::AddAlertsCommand(app, &exit_code);
  qantara::cli::AddExportCommand(app, &exit_code);
  // An unknown subcommand is a usage error even with --help after it (CLI11
  // would otherwise print the general help and succeed).
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known |= sub->get_name() == argv[1];
    if (!known) {
      std::fprintf(stderr, "qantara: unknown subcommand \"%s\" (try qantara --help)\n", argv[1]);
      return qantara::cli::kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return qantara::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "qantara: internal error: %s\n", e.what());
    return qantara::cli::kExitInternal;
  }
  return exit_code;
}
