// The default Env on POSIX. Sequential reads keep stdio (standard input is a
// FILE* other code may share); the rest is plain file descriptors so that Sync
// is an fsync of exactly that file.
#include "base/env.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace qantara {
namespace {

Status ErrnoStatus(const std::string& path, int err) {
  std::string msg = path + ": " + std::strerror(err);
  return err == ENOENT ? Status::NotFound(msg) : Status::IoError(msg);
}

class PosixSequentialFile final : public SequentialFile {
 public:
  PosixSequentialFile(std::string path, std::FILE* f) : path_(std::move(path)), f_(f) {}
  ~PosixSequentialFile() override {
    if (f_ != stdin) std::fclose(f_);
  }
  Result<size_t> Read(size_t n, char* scratch) override {
    const size_t got = std::fread(scratch, 1, n, f_);
    if (got == 0 && std::ferror(f_)) return Status::IoError(path_ + ": read failed");
    return got;
  }

 private:
  std::string path_;
  std::FILE* f_;
};

// Shared by the writable and random-access files: one descriptor.
class Fd {
 public:
  Fd(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Status WriteAt(uint64_t offset, std::string_view data, bool append) {
    if (fd_ < 0) return Status::IoError(path_ + ": write after close");
    while (!data.empty()) {
      const ssize_t n = append ? ::write(fd_, data.data(), data.size())
                               : ::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(offset));
      if (n < 0) {
        if (errno == EINTR) continue;
        return ErrnoStatus(path_, errno);
      }
      data.remove_prefix(static_cast<size_t>(n));
      offset += static_cast<uint64_t>(n);
    }
    return Status::Ok();
  }
  Status Sync() { return ::fsync(fd_) == 0 ? Status::Ok() : ErrnoStatus(path_, errno); }
  Status Close() {
    if (fd_ < 0) return Status::IoError(path_ + ": already closed");
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? Status::Ok() : ErrnoStatus(path_, errno);
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_;
};

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(std::string path, int fd) : fd_(std::move(path), fd) {}
  Status Append(std::string_view data) override { return fd_.WriteAt(0, data, true); }
  Status Sync() override { return fd_.Sync(); }
  Status Close() override { return fd_.Close(); }

 private:
  Fd fd_;
};

class PosixRandomRWFile final : public RandomRWFile {
 public:
  PosixRandomRWFile(std::string path, int fd) : fd_(std::move(path), fd) {}
  Result<size_t> Read(uint64_t offset, size_t n, char* scratch) override {
    for (;;) {
      const ssize_t got = ::pread(fd_.fd(), scratch, n, static_cast<off_t>(offset));
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) return ErrnoStatus(fd_.path(), errno);
    }
  }
  Status Write(uint64_t offset, std::string_view data) override {
    return fd_.WriteAt(offset, data, false);
  }
  Status Truncate(uint64_t size) override {
    return ::ftruncate(fd_.fd(), static_cast<off_t>(size)) == 0 ? Status::Ok()
                                                                : ErrnoStatus(fd_.path(), errno);
  }
  Status Sync() override { return fd_.Sync(); }
  Result<uint64_t> Size() override {
    struct stat st;
    if (::fstat(fd_.fd(), &st) != 0) return ErrnoStatus(fd_.path(), errno);
    return static_cast<uint64_t>(st.st_size);
  }

 private:
  Fd fd_;
};

class PosixEnv final : public Env {
 public:
  Result<std::unique_ptr<SequentialFile>> NewSequentialFile(const std::string& path) override {
    std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rbe");
    if (f == nullptr) return ErrnoStatus(path, errno);
    return std::unique_ptr<SequentialFile>(new PosixSequentialFile(path, f));
  }
  Result<std::unique_ptr<WritableFile>> NewWritableFile(const std::string& path) override {
    return OpenWritable(path, O_TRUNC);
  }
  Result<std::unique_ptr<WritableFile>> NewAppendableFile(const std::string& path) override {
    return OpenWritable(path, O_APPEND);
  }
  Result<std::unique_ptr<RandomRWFile>> NewRandomRWFile(const std::string& path,
                                                        bool create) override {
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0644);
    if (fd < 0) return ErrnoStatus(path, errno);
    return std::unique_ptr<RandomRWFile>(new PosixRandomRWFile(path, fd));
  }
  Status RenameFile(const std::string& from, const std::string& to) override {
    return std::rename(from.c_str(), to.c_str()) == 0 ? Status::Ok() : ErrnoStatus(from, errno);
  }
  Status RemoveFile(const std::string& path) override {
    return ::unlink(path.c_str()) == 0 ? Status::Ok() : ErrnoStatus(path, errno);
  }
  bool FileExists(const std::string& path) override { return ::access(path.c_str(), F_OK) == 0; }
  Result<uint64_t> GetFileSize(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return ErrnoStatus(path, errno);
    return static_cast<uint64_t>(st.st_size);
  }
  std::chrono::system_clock::time_point Now() override { return std::chrono::system_clock::now(); }
  Status RandomBytes(void* out, size_t n) override {
    auto* p = static_cast<unsigned char*>(out);
    while (n > 0) {
      const ssize_t got = ::getrandom(p, n, 0);
      if (got < 0) {
        if (errno == EINTR) continue;
        return Status::IoError(std::string("getrandom: ") + std::strerror(errno));
      }
      p += got;
      n -= static_cast<size_t>(got);
    }
    return Status::Ok();
  }

 private:
  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::string& path, int mode) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | mode, 0644);
    if (fd < 0) return ErrnoStatus(path, errno);
    return std::unique_ptr<WritableFile>(new PosixWritableFile(path, fd));
  }
};

}  // namespace

Env* Env::Default() {
  static Env* const env = new PosixEnv();  // never destroyed: used until exit
  return env;
}

int CurrentYear(Env& env) {
  const std::time_t t = std::chrono::system_clock::to_time_t(env.Now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

}  // namespace qantara
