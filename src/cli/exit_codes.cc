#include "cli/exit_codes.h"

#include <cstdio>

namespace qantara::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound: return kExitUsage;
    case StatusCode::kCorruption:
    case StatusCode::kIoError:
    case StatusCode::kUnsupported:
    case StatusCode::kResourceExhausted: return kExitInputErrors;
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "qantara: %s\n", status.message().c_str());
  return ExitCodeFor(status);
}

}  // namespace qantara::cli
