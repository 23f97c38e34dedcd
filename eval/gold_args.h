// The command line of the evals on our own gold sets (event_eval,
// story_eval): [--gold FILE] [--errors] [--help].
#ifndef QANTARA_EVAL_GOLD_ARGS_H_
#define QANTARA_EVAL_GOLD_ARGS_H_

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

namespace qantara::eval {

struct GoldArgs {
  std::string gold;     // the gold file
  bool errors = false;  // list what went wrong
};

// Reads argv into *args (gold defaulting to eval/data/`default_file`); on
// --help or a bad argument prints `usage` and returns the exit code to give
// (0 for --help, 2 otherwise), else nullopt.
inline std::optional<int> ParseGoldArgs(int argc, char** argv, const char* default_file,
                                        const char* usage, GoldArgs* args) {
  args->gold = std::string(QANTARA_SOURCE_DIR) + "/eval/data/" + default_file;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--gold") && i + 1 < argc) {
      args->gold = argv[++i];
    } else if (!std::strcmp(argv[i], "--errors")) {
      args->errors = true;
    } else {
      std::fputs(usage, stderr);
      return std::strcmp(argv[i], "--help") ? 2 : 0;
    }
  }
  return std::nullopt;
}

}  // namespace qantara::eval

#endif  // QANTARA_EVAL_GOLD_ARGS_H_
