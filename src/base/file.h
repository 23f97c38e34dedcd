// Reading whole files, with errors that name the file.
#ifndef QANTARA_BASE_FILE_H_
#define QANTARA_BASE_FILE_H_

#include <cstddef>
#include <string>

#include "base/env.h"
#include "base/status.h"

namespace qantara {

// Reads the whole file at `path` (or standard input when path is "-") through
// Env::Default().
// Fails with kNotFound, kIoError, or kResourceExhausted when the file is larger than `max_bytes`.
Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes = size_t{1} << 31);

// The same through `env` (what "-" means is the Env's).
Result<std::string> ReadWholeFile(Env& env, const std::string& path,
                                  size_t max_bytes = size_t{1} << 31);

}  // namespace qantara

#endif  // QANTARA_BASE_FILE_H_
