// FaultEnv: an Env that passes everything to another Env and fails what a test
// tells it to: the Nth write (and optionally every later one), syncs, reads of
// one path, or that makes reads short. FOR TESTS (as leveldb's
// FaultInjectionTestEnv): it answers "what happens when the disk fails here?".
//
// A write is any call that changes a file's contents: WritableFile::Append,
// RandomRWFile::Write and RandomRWFile::Truncate. Writes are counted from 1
// across all files, from construction or the last ResetCounters(). Injected
// failures are kIoError with a message that says "injected".
//
// Thread-safe. REQUIRES: the wrapped Env outlives this one and its files.
#ifndef QANTARA_BASE_FAULT_ENV_H_
#define QANTARA_BASE_FAULT_ENV_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "base/env.h"
#include "base/mutex.h"
#include "base/thread_annotations.h"

namespace qantara {

class FaultEnv final : public Env {
 public:
  explicit FaultEnv(Env* target) : target_(target) {}

  // Fails write number `n` (1: the next one counted), and every write after it
  // too when `and_after` (a disk that is gone). 0 turns write faults off.
  void FailWrite(int64_t n, bool and_after = false);
  // While set, every Sync fails (nothing is passed to the wrapped Env).
  void FailSyncs(bool fail);
  // Every Read of a file opened as `path` fails while it is on the list
  // (opening it still works, as with a bad sector).
  void FailReadsOf(const std::string& path);
  // Each Read returns at most `max_bytes` (0: off); a reader that does not
  // loop sees less than the file holds.
  void SetShortReads(size_t max_bytes);
  // Turns every fault off (counters are kept).
  void ClearFaults();

  // Counters.
  int64_t writes();    // writes attempted (failed ones included)
  int64_t syncs();     // syncs attempted
  int64_t reads();     // Read calls
  int64_t injected();  // faults injected
  void ResetCounters();

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

  // Used by the file wrappers (fault_env.cc): each counts the operation and
  // returns the fault to inject, OK for none. OnRead also lowers *limit to
  // what a short read may return.
  Status OnWrite(const std::string& path);
  Status OnSync(const std::string& path);
  Status OnRead(const std::string& path, size_t* limit);

 private:
  Status Injected(const std::string& path, const char* what) REQUIRES(mu_);

  Env* const target_;
  Mutex mu_;
  int64_t fail_write_ GUARDED_BY(mu_) = 0;
  bool fail_writes_after_ GUARDED_BY(mu_) = false;
  bool fail_syncs_ GUARDED_BY(mu_) = false;
  std::set<std::string> fail_reads_ GUARDED_BY(mu_);
  size_t short_reads_ GUARDED_BY(mu_) = 0;
  int64_t writes_ GUARDED_BY(mu_) = 0;
  int64_t syncs_ GUARDED_BY(mu_) = 0;
  int64_t reads_ GUARDED_BY(mu_) = 0;
  int64_t injected_ GUARDED_BY(mu_) = 0;
};

}  // namespace qantara

#endif  // QANTARA_BASE_FAULT_ENV_H_
