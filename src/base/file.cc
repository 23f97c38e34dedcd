#include "base/file.h"

#include <memory>

namespace qantara {

Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes) {
  return ReadWholeFile(*Env::Default(), path, max_bytes);
}

Result<std::string> ReadWholeFile(Env& env, const std::string& path, size_t max_bytes) {
  Result<std::unique_ptr<SequentialFile>> file = env.NewSequentialFile(path);
  if (!file.ok()) return file.status();
  std::string out;
  auto buf = std::make_unique<char[]>(size_t{1} << 16);
  for (;;) {
    Result<size_t> n = (*file)->Read(size_t{1} << 16, buf.get());
    // The message stays "read failed" whatever the Env said: callers and tests
    // have matched on it since before the Env.
    if (!n.ok()) return Status::IoError(path + ": read failed");
    if (*n == 0) break;
    if (out.size() + *n > max_bytes) {
      return Status::ResourceExhausted(path + ": larger than " + std::to_string(max_bytes) +
                                       " bytes");
    }
    out.append(buf.get(), *n);
  }
  return out;
}

}  // namespace qantara
