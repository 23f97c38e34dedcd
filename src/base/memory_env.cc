#include "base/memory_env.h"

#include <algorithm>
#include <cstring>

namespace qantara {

struct MemoryEnv::FileData {
  Mutex mu;
  std::string data GUARDED_BY(mu);
};

namespace {

using FileData = MemoryEnv::FileData;

Status Missing(const std::string& path) {
  return Status::NotFound(path + ": No such file or directory");
}

size_t ReadAt(FileData& f, uint64_t offset, size_t n, char* scratch) {
  MutexLock lock(&f.mu);
  if (offset >= f.data.size()) return 0;
  const size_t got = std::min<uint64_t>(n, f.data.size() - offset);
  std::memcpy(scratch, f.data.data() + offset, got);
  return got;
}

void WriteAt(FileData& f, uint64_t offset, std::string_view data) {
  MutexLock lock(&f.mu);
  if (f.data.size() < offset + data.size()) f.data.resize(offset + data.size(), '\0');
  std::memcpy(f.data.data() + offset, data.data(), data.size());
}

class MemorySequentialFile final : public SequentialFile {
 public:
  explicit MemorySequentialFile(std::shared_ptr<FileData> f) : f_(std::move(f)) {}
  Result<size_t> Read(size_t n, char* scratch) override {
    const size_t got = ReadAt(*f_, pos_, n, scratch);
    pos_ += got;
    return got;
  }

 private:
  std::shared_ptr<FileData> f_;
  uint64_t pos_ = 0;
};

class MemoryWritableFile final : public WritableFile {
 public:
  explicit MemoryWritableFile(std::shared_ptr<FileData> f) : f_(std::move(f)) {}
  Status Append(std::string_view data) override {
    MutexLock lock(&f_->mu);
    f_->data.append(data);
    return Status::Ok();
  }
  Status Sync() override { return Status::Ok(); }
  Status Close() override { return Status::Ok(); }

 private:
  std::shared_ptr<FileData> f_;
};

class MemoryRandomRWFile final : public RandomRWFile {
 public:
  explicit MemoryRandomRWFile(std::shared_ptr<FileData> f) : f_(std::move(f)) {}
  Result<size_t> Read(uint64_t offset, size_t n, char* scratch) override {
    return ReadAt(*f_, offset, n, scratch);
  }
  Status Write(uint64_t offset, std::string_view data) override {
    WriteAt(*f_, offset, data);
    return Status::Ok();
  }
  Status Truncate(uint64_t size) override {
    MutexLock lock(&f_->mu);
    f_->data.resize(size, '\0');
    return Status::Ok();
  }
  Status Sync() override { return Status::Ok(); }
  Result<uint64_t> Size() override {
    MutexLock lock(&f_->mu);
    return static_cast<uint64_t>(f_->data.size());
  }

 private:
  std::shared_ptr<FileData> f_;
};

}  // namespace

MemoryEnv::MemoryEnv(uint64_t seed)
    : now_(std::chrono::system_clock::from_time_t(1577836800)),  // 2020-01-01T00:00:00Z
      random_state_(seed) {}

MemoryEnv::~MemoryEnv() = default;

Result<std::shared_ptr<FileData>> MemoryEnv::Find(const std::string& path, bool create,
                                                  bool truncate) {
  MutexLock lock(&mu_);
  auto it = files_.find(path);
  if (it == files_.end()) {
    if (!create) return Missing(path);
    it = files_.emplace(path, std::make_shared<FileData>()).first;
  } else if (truncate) {
    MutexLock file_lock(&it->second->mu);
    it->second->data.clear();  // as O_TRUNC: open handles see it too
  }
  return it->second;
}

Result<std::unique_ptr<SequentialFile>> MemoryEnv::NewSequentialFile(const std::string& path) {
  Result<std::shared_ptr<FileData>> f = Find(path, false, false);
  if (!f.ok()) return f.status();
  return std::unique_ptr<SequentialFile>(new MemorySequentialFile(std::move(*f)));
}

Result<std::unique_ptr<WritableFile>> MemoryEnv::NewWritableFile(const std::string& path) {
  Result<std::shared_ptr<FileData>> f = Find(path, true, true);
  if (!f.ok()) return f.status();
  return std::unique_ptr<WritableFile>(new MemoryWritableFile(std::move(*f)));
}

Result<std::unique_ptr<WritableFile>> MemoryEnv::NewAppendableFile(const std::string& path) {
  Result<std::shared_ptr<FileData>> f = Find(path, true, false);
  if (!f.ok()) return f.status();
  return std::unique_ptr<WritableFile>(new MemoryWritableFile(std::move(*f)));
}

Result<std::unique_ptr<RandomRWFile>> MemoryEnv::NewRandomRWFile(const std::string& path,
                                                                 bool create) {
  Result<std::shared_ptr<FileData>> f = Find(path, create, false);
  if (!f.ok()) return f.status();
  return std::unique_ptr<RandomRWFile>(new MemoryRandomRWFile(std::move(*f)));
}

Status MemoryEnv::RenameFile(const std::string& from, const std::string& to) {
  MutexLock lock(&mu_);
  auto it = files_.find(from);
  if (it == files_.end()) return Missing(from);
  std::shared_ptr<FileData> f = std::move(it->second);
  files_.erase(it);
  files_[to] = std::move(f);
  return Status::Ok();
}

Status MemoryEnv::RemoveFile(const std::string& path) {
  MutexLock lock(&mu_);
  return files_.erase(path) > 0 ? Status::Ok() : Missing(path);
}

bool MemoryEnv::FileExists(const std::string& path) {
  MutexLock lock(&mu_);
  return files_.count(path) > 0;
}

Result<uint64_t> MemoryEnv::GetFileSize(const std::string& path) {
  Result<std::shared_ptr<FileData>> f = Find(path, false, false);
  if (!f.ok()) return f.status();
  MutexLock lock(&(*f)->mu);
  return static_cast<uint64_t>((*f)->data.size());
}

std::chrono::system_clock::time_point MemoryEnv::Now() {
  MutexLock lock(&mu_);
  return now_;
}

// splitmix64: deterministic, and different for each seed.
Status MemoryEnv::RandomBytes(void* out, size_t n) {
  MutexLock lock(&mu_);
  auto* p = static_cast<unsigned char*>(out);
  for (size_t i = 0; i < n; ++i) {
    if (i % 8 == 0) random_state_ += 0x9E3779B97F4A7C15ull;
    uint64_t z = random_state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    p[i] = static_cast<unsigned char>(z >> (8 * (i % 8)));
  }
  return Status::Ok();
}

void MemoryEnv::SetNow(std::chrono::system_clock::time_point now) {
  MutexLock lock(&mu_);
  now_ = now;
}

void MemoryEnv::AdvanceClock(std::chrono::system_clock::duration by) {
  MutexLock lock(&mu_);
  now_ += by;
}

void MemoryEnv::PutFile(const std::string& path, std::string contents) {
  auto f = std::make_shared<FileData>();
  {
    MutexLock lock(&f->mu);
    f->data = std::move(contents);
  }
  MutexLock lock(&mu_);
  files_[path] = std::move(f);
}

std::vector<std::string> MemoryEnv::FileNames() {
  MutexLock lock(&mu_);
  std::vector<std::string> names;
  for (const auto& [name, file] : files_) names.push_back(name);
  return names;
}

}  // namespace qantara
