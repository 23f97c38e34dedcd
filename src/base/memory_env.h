// MemoryEnv: an Env whose files live in a map in memory, whose clock stands
// still until a test moves it, and whose "randomness" is a fixed sequence.
// FOR TESTS (as leveldb's helpers/memenv): nothing is persisted, Sync does
// nothing, and RandomBytes is NOT random.
//
// Files are shared by contents: a file removed or renamed while open stays
// readable and writable through the open handle (as on POSIX). Paths are plain
// keys (no folders); "-" is an ordinary name.
//
// Thread-safe: one mutex guards the map and each file's contents.
#ifndef QANTARA_BASE_MEMORY_ENV_H_
#define QANTARA_BASE_MEMORY_ENV_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/mutex.h"
#include "base/thread_annotations.h"

namespace qantara {

class MemoryEnv final : public Env {
 public:
  // The clock starts at 2020-01-01T00:00:00Z; the random sequence at `seed`.
  explicit MemoryEnv(uint64_t seed = 1);
  ~MemoryEnv() override;

  Result<std::unique_ptr<SequentialFile>> NewSequentialFile(const std::string& path) override;
  Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override;
  Result<std::unique_ptr<WritableFile>> NewAppendableFile(const std::string& path) override;
  Result<std::unique_ptr<RandomRWFile>> NewRandomRWFile(const std::string& path,
                                                        bool create) override;
  Status RenameFile(const std::string& from, const std::string& to) override;
  Status RemoveFile(const std::string& path) override;
  bool FileExists(const std::string& path) override;
  Result<uint64_t> GetFileSize(const std::string& path) override;
  std::chrono::system_clock::time_point Now() override;
  Status RandomBytes(void* out, size_t n) override;

  // Test helpers.
  void SetNow(std::chrono::system_clock::time_point now);
  void AdvanceClock(std::chrono::system_clock::duration by);
  // Creates or replaces `path` with `contents`.
  void PutFile(const std::string& path, std::string contents);
  // The paths of the files, sorted.
  std::vector<std::string> FileNames();

  struct FileData;  // shared by the open handles of one file (memory_env.cc)

 private:
  Result<std::shared_ptr<FileData>> Find(const std::string& path, bool create, bool truncate);

  Mutex mu_;
  std::map<std::string, std::shared_ptr<FileData>> files_ GUARDED_BY(mu_);
  std::chrono::system_clock::time_point now_ GUARDED_BY(mu_);
  uint64_t random_state_ GUARDED_BY(mu_);
};

}  // namespace qantara

#endif  // QANTARA_BASE_MEMORY_ENV_H_
