// The one table from Status codes to process exit codes (DESIGN.md "Contracts"):
// 0 success, 1 input had errors (reported, rest processed), 2 usage error,
// 3 internal failure.
#ifndef QANTARA_CLI_EXIT_CODES_H_
#define QANTARA_CLI_EXIT_CODES_H_

#include "base/status.h"

namespace qantara::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputErrors = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

int ExitCodeFor(const Status& status);

// Prints "qantara: <message>" on stderr and returns ExitCodeFor(status).
int Fail(const Status& status);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_EXIT_CODES_H_
