#include "base/fault_env.h"

#include <algorithm>

namespace qantara {
namespace {

class FaultSequentialFile final : public SequentialFile {
 public:
  FaultSequentialFile(FaultEnv* env, std::string path, std::unique_ptr<SequentialFile> base)
      : env_(env), path_(std::move(path)), base_(std::move(base)) {}
  Result<size_t> Read(size_t n, char* scratch) override {
    QANTARA_RETURN_IF_ERROR(env_->OnRead(path_, &n));
    return base_->Read(n, scratch);
  }

 private:
  FaultEnv* env_;
  std::string path_;
  std::unique_ptr<SequentialFile> base_;
};

class FaultWritableFile final : public WritableFile {
 public:
  FaultWritableFile(FaultEnv* env, std::string path, std::unique_ptr<WritableFile> base)
      : env_(env), path_(std::move(path)), base_(std::move(base)) {}
  Status Append(std::string_view data) override {
    QANTARA_RETURN_IF_ERROR(env_->OnWrite(path_));
    return base_->Append(data);
  }
  Status Sync() override {
    QANTARA_RETURN_IF_ERROR(env_->OnSync(path_));
    return base_->Sync();
  }
  Status Close() override { return base_->Close(); }

 private:
  FaultEnv* env_;
  std::string path_;
  std::unique_ptr<WritableFile> base_;
};

class FaultRandomRWFile final : public RandomRWFile {
 public:
  FaultRandomRWFile(FaultEnv* env, std::string path, std::unique_ptr<RandomRWFile> base)
      : env_(env), path_(std::move(path)), base_(std::move(base)) {}
  Result<size_t> Read(uint64_t offset, size_t n, char* scratch) override {
    QANTARA_RETURN_IF_ERROR(env_->OnRead(path_, &n));
    return base_->Read(offset, n, scratch);
  }
  Status Write(uint64_t offset, std::string_view data) override {
    QANTARA_RETURN_IF_ERROR(env_->OnWrite(path_));
    return base_->Write(offset, data);
  }
  Status Truncate(uint64_t size) override {
    QANTARA_RETURN_IF_ERROR(env_->OnWrite(path_));
    return base_->Truncate(size);
  }
  Status Sync() override {
    QANTARA_RETURN_IF_ERROR(env_->OnSync(path_));
    return base_->Sync();
  }
  Result<uint64_t> Size() override { return base_->Size(); }

 private:
  FaultEnv* env_;
  std::string path_;
  std::unique_ptr<RandomRWFile> base_;
};

}  // namespace

void FaultEnv::FailWrite(int64_t n, bool and_after) {
  MutexLock lock(&mu_);
  fail_write_ = n > 0 ? writes_ + n : 0;
  fail_writes_after_ = and_after;
}

void FaultEnv::FailSyncs(bool fail) {
  MutexLock lock(&mu_);
  fail_syncs_ = fail;
}

void FaultEnv::FailReadsOf(const std::string& path) {
  MutexLock lock(&mu_);
  fail_reads_.insert(path);
}

void FaultEnv::SetShortReads(size_t max_bytes) {
  MutexLock lock(&mu_);
  short_reads_ = max_bytes;
}

void FaultEnv::ClearFaults() {
  MutexLock lock(&mu_);
  fail_write_ = 0;
  fail_writes_after_ = false;
  fail_syncs_ = false;
  fail_reads_.clear();
  short_reads_ = 0;
}

int64_t FaultEnv::writes() {
  MutexLock lock(&mu_);
  return writes_;
}

int64_t FaultEnv::syncs() {
  MutexLock lock(&mu_);
  return syncs_;
}

int64_t FaultEnv::reads() {
  MutexLock lock(&mu_);
  return reads_;
}

int64_t FaultEnv::injected() {
  MutexLock lock(&mu_);
  return injected_;
}

void FaultEnv::ResetCounters() {
  MutexLock lock(&mu_);
  if (fail_write_ > 0) {  // the armed fault keeps its place (a gone disk stays gone)
    fail_write_ = std::max<int64_t>(fail_write_ - writes_, fail_writes_after_ ? 1 : 0);
  }
  writes_ = syncs_ = reads_ = injected_ = 0;
}

Status FaultEnv::Injected(const std::string& path, const char* what) {
  ++injected_;
  return Status::IoError(path + ": injected " + what + " failure");
}

Status FaultEnv::OnWrite(const std::string& path) {
  MutexLock lock(&mu_);
  ++writes_;
  if (fail_write_ > 0 && (writes_ == fail_write_ || (fail_writes_after_ && writes_ > fail_write_))) {
    return Injected(path, "write");
  }
  return Status::Ok();
}

Status FaultEnv::OnSync(const std::string& path) {
  MutexLock lock(&mu_);
  ++syncs_;
  return fail_syncs_ ? Injected(path, "sync") : Status::Ok();
}

Status FaultEnv::OnRead(const std::string& path, size_t* limit) {
  MutexLock lock(&mu_);
  ++reads_;
  if (fail_reads_.count(path) > 0) return Injected(path, "read");
  if (short_reads_ > 0) *limit = std::min(*limit, short_reads_);
  return Status::Ok();
}

Result<std::unique_ptr<SequentialFile>> FaultEnv::NewSequentialFile(const std::string& path) {
  Result<std::unique_ptr<SequentialFile>> base = target_->NewSequentialFile(path);
  if (!base.ok()) return base.status();
  return std::unique_ptr<SequentialFile>(new FaultSequentialFile(this, path, std::move(*base)));
}

Result<std::unique_ptr<WritableFile>> FaultEnv::NewWritableFile(const std::string& path) {
  Result<std::unique_ptr<WritableFile>> base = target_->NewWritableFile(path);
  if (!base.ok()) return base.status();
  return std::unique_ptr<WritableFile>(new FaultWritableFile(this, path, std::move(*base)));
}

Result<std::unique_ptr<WritableFile>> FaultEnv::NewAppendableFile(const std::string& path) {
  Result<std::unique_ptr<WritableFile>> base = target_->NewAppendableFile(path);
  if (!base.ok()) return base.status();
  return std::unique_ptr<WritableFile>(new FaultWritableFile(this, path, std::move(*base)));
}

Result<std::unique_ptr<RandomRWFile>> FaultEnv::NewRandomRWFile(const std::string& path,
                                                                bool create) {
  Result<std::unique_ptr<RandomRWFile>> base = target_->NewRandomRWFile(path, create);
  if (!base.ok()) return base.status();
  return std::unique_ptr<RandomRWFile>(new FaultRandomRWFile(this, path, std::move(*base)));
}

Status FaultEnv::RenameFile(const std::string& from, const std::string& to) {
  return target_->RenameFile(from, to);
}

Status FaultEnv::RemoveFile(const std::string& path) { return target_->RemoveFile(path); }

bool FaultEnv::FileExists(const std::string& path) { return target_->FileExists(path); }

Result<uint64_t> FaultEnv::GetFileSize(const std::string& path) {
  return target_->GetFileSize(path);
}

std::chrono::system_clock::time_point FaultEnv::Now() { return target_->Now(); }

Status FaultEnv::RandomBytes(void* out, size_t n) { return target_->RandomBytes(out, n); }

}  // namespace qantara
