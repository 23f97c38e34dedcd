// Env: the seam between Qantara and the outside world (files, the clock, the
// operating system's randomness), as leveldb's Env. Library code that touches
// the outside world takes an Env (or an options field holding one, nullptr
// meaning Env::Default()), so that a test can run it on an in-memory Env
// (base/memory_env.h) or inject I/O faults (base/fault_env.h).
//
// Env::Default() is the real one (POSIX files, std::chrono::system_clock,
// getrandom(2)). docs/env.md says what the seam covers and what it does not.
//
// Thread safety: every Env method may be called from several threads at once.
// A file object is used by one thread at a time.
#ifndef QANTARA_BASE_ENV_H_
#define QANTARA_BASE_ENV_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace qantara {

// A file read from start to end (or standard input). Errors name the file.
class SequentialFile {
 public:
  virtual ~SequentialFile() = default;
  // Reads up to `n` bytes into `scratch`; returns how many (0 at the end). May
  // return fewer than `n` before the end: callers loop.
  virtual Result<size_t> Read(size_t n, char* scratch) = 0;
};

// A file written at its end (created or truncated, or appended to). Nothing is
// durable before Sync() succeeds. The destructor closes without syncing.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  // Makes what was appended durable (fsync).
  virtual Status Sync() = 0;
  virtual Status Close() = 0;
};

// A file read and written at offsets (what a database engine needs: SQLite's
// VFS goes through it, store/internal/env_vfs.h).
class RandomRWFile {
 public:
  virtual ~RandomRWFile() = default;
  // Reads up to `n` bytes at `offset` into `scratch`; returns how many. Fewer
  // than `n` at the end of the file, and possibly before it: callers loop.
  virtual Result<size_t> Read(uint64_t offset, size_t n, char* scratch) = 0;
  // Writes `data` at `offset`, growing the file (with zeros) when needed.
  virtual Status Write(uint64_t offset, std::string_view data) = 0;
  virtual Status Truncate(uint64_t size) = 0;
  virtual Status Sync() = 0;
  virtual Result<uint64_t> Size() = 0;
};

class Env {
 public:
  Env() = default;
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  virtual ~Env() = default;

  // The real environment, for the life of the process. Never null; not owned.
  static Env* Default();

  // Files. Paths are the Env's own (the default one's are the file system's).
  // Opening a missing file fails with kNotFound, "<path>: No such file or
  // directory"; other failures with kIoError naming the path.

  // For reading from the start; "-" is standard input on the default Env.
  virtual Result<std::unique_ptr<SequentialFile>> NewSequentialFile(const std::string& path) = 0;
  // Creates `path`, or truncates it when it exists.
  virtual Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) = 0;
  // Opens `path` to write at its end, creating it when missing.
  virtual Result<std::unique_ptr<WritableFile>> NewAppendableFile(const std::string& path) = 0;
  // Opens `path` for reading and writing; creates it when missing and `create`.
  virtual Result<std::unique_ptr<RandomRWFile>> NewRandomRWFile(const std::string& path,
                                                                bool create) = 0;
  // Replaces `to` (when it exists) by `from`, atomically on the default Env.
  virtual Status RenameFile(const std::string& from, const std::string& to) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;
  virtual bool FileExists(const std::string& path) = 0;
  virtual Result<uint64_t> GetFileSize(const std::string& path) = 0;

  // The wall clock (the default Env: std::chrono::system_clock::now()).
  virtual std::chrono::system_clock::time_point Now() = 0;

  // Fills `out[0, n)` with bytes from the operating system's CSPRNG (the
  // default Env: getrandom(2)); for keys and tokens. Test Envs give
  // deterministic bytes.
  virtual Status RandomBytes(void* out, size_t n) = 0;
};

// The civil year (UTC) of the Env's clock now.
int CurrentYear(Env& env);

}  // namespace qantara

#endif  // QANTARA_BASE_ENV_H_
