// The VFS's methods are C callbacks; each finds its Impl through
// sqlite3_vfs::pAppData and its file through the EnvFile that SQLite allocates
// (szOsFile bytes) and xOpen fills. The locks follow SQLite's five levels
// (os_unix.c's comments describe them) within one process: that is all an
// Env's files can be shared by.
#include "store/internal/env_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <map>

#include "base/mutex.h"

namespace qantara::store::internal {

namespace {

// Who holds which lock on one database file (by path).
struct LockState {
  int shared = 0;                  // connections at SHARED or above
  const void* reserved = nullptr;  // the holder, or null
  const void* pending = nullptr;
  const void* exclusive = nullptr;
};

// SQLite allocates it (szOsFile bytes) and xOpen fills it; raw pointers keep it
// standard-layout, so that `base` is at its address.
struct EnvFile {
  sqlite3_file base;
  EnvVfs::Impl* vfs;
  RandomRWFile* file;  // owned, deleted by xClose
  std::string* path;   // owned
  int level;           // SQLITE_LOCK_*
  bool delete_on_close;
};

EnvFile* AsFile(sqlite3_file* f) { return reinterpret_cast<EnvFile*>(f); }

}  // namespace

struct EnvVfs::Impl {
  Env* env = nullptr;
  std::string name;
  sqlite3_vfs vfs{};
  sqlite3_vfs* os = nullptr;  // the default VFS, for sleeping and dynamic loading
  std::atomic<int64_t> temp_files{0};
  Mutex mu;
  std::map<std::string, LockState> locks GUARDED_BY(mu);
};

namespace {

using Impl = EnvVfs::Impl;

Impl* ImplOf(sqlite3_vfs* vfs) { return static_cast<Impl*>(vfs->pAppData); }

// --- file methods ---

int Close(sqlite3_file* f);

int Read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
  EnvFile* ef = AsFile(f);
  char* out = static_cast<char*>(buf);
  size_t got = 0;
  const size_t want = static_cast<size_t>(amount);
  while (got < want) {
    Result<size_t> n = ef->file->Read(static_cast<uint64_t>(offset) + got, want - got, out + got);
    if (!n.ok()) return SQLITE_IOERR_READ;
    if (*n == 0) break;
    got += *n;
  }
  if (got == want) return SQLITE_OK;
  std::memset(out + got, 0, want - got);  // the VFS contract for a short read
  return SQLITE_IOERR_SHORT_READ;
}

int Write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
  Status s = AsFile(f)->file->Write(static_cast<uint64_t>(offset),
                                    std::string_view(static_cast<const char*>(buf),
                                                     static_cast<size_t>(amount)));
  return s.ok() ? SQLITE_OK : SQLITE_IOERR_WRITE;
}

int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return AsFile(f)->file->Truncate(static_cast<uint64_t>(size)).ok() ? SQLITE_OK
                                                                     : SQLITE_IOERR_TRUNCATE;
}

int Sync(sqlite3_file* f, int /*flags*/) {
  return AsFile(f)->file->Sync().ok() ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  Result<uint64_t> n = AsFile(f)->file->Size();
  if (!n.ok()) return SQLITE_IOERR_FSTAT;
  *size = static_cast<sqlite3_int64>(*n);
  return SQLITE_OK;
}

// Raises ef to SHARED, RESERVED or EXCLUSIVE (through PENDING), or says BUSY.
int Lock(sqlite3_file* f, int level) {
  EnvFile* ef = AsFile(f);
  if (ef->level >= level) return SQLITE_OK;
  MutexLock lock(&ef->vfs->mu);
  LockState& s = ef->vfs->locks[*ef->path];
  if (level == SQLITE_LOCK_SHARED) {
    if ((s.pending && s.pending != ef) || (s.exclusive && s.exclusive != ef)) return SQLITE_BUSY;
    ++s.shared;
  } else if (level == SQLITE_LOCK_RESERVED) {
    if (s.reserved && s.reserved != ef) return SQLITE_BUSY;
    s.reserved = ef;
  } else {  // EXCLUSIVE; a writer that holds PENDING keeps new readers out meanwhile
    if ((s.pending && s.pending != ef) || (s.reserved && s.reserved != ef)) return SQLITE_BUSY;
    s.pending = ef;
    if (s.shared > 1) {
      ef->level = SQLITE_LOCK_PENDING;
      return SQLITE_BUSY;
    }
    s.exclusive = ef;
  }
  ef->level = level;
  return SQLITE_OK;
}

int Unlock(sqlite3_file* f, int level) {
  EnvFile* ef = AsFile(f);
  if (ef->level <= level) return SQLITE_OK;
  MutexLock lock(&ef->vfs->mu);
  LockState& s = ef->vfs->locks[*ef->path];
  if (s.reserved == ef) s.reserved = nullptr;
  if (s.pending == ef) s.pending = nullptr;
  if (s.exclusive == ef) s.exclusive = nullptr;
  if (level == SQLITE_LOCK_NONE && ef->level >= SQLITE_LOCK_SHARED) --s.shared;
  ef->level = level;
  return SQLITE_OK;
}

int CheckReservedLock(sqlite3_file* f, int* out) {
  EnvFile* ef = AsFile(f);
  MutexLock lock(&ef->vfs->mu);
  const LockState& s = ef->vfs->locks[*ef->path];
  *out = s.reserved || s.pending || s.exclusive;
  return SQLITE_OK;
}

int FileControl(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int SectorSize(sqlite3_file*) { return 4096; }
// No guarantees (no atomic or power-safe writes): SQLite then journals the most.
int DeviceCharacteristics(sqlite3_file*) { return 0; }

const sqlite3_io_methods kIoMethods = {
    1,  // version 1: no shared memory, so no WAL
    Close,       Read,        Write,      Truncate,
    Sync,        FileSize,    Lock,       Unlock,
    CheckReservedLock,        FileControl,
    SectorSize,  DeviceCharacteristics,
    nullptr,     nullptr,     nullptr,    nullptr,  // xShm*: none
    nullptr,     nullptr};                          // xFetch, xUnfetch: none

int Close(sqlite3_file* f) {
  EnvFile* ef = AsFile(f);
  Unlock(f, SQLITE_LOCK_NONE);
  delete ef->file;
  ef->file = nullptr;
  int rc = SQLITE_OK;
  if (ef->delete_on_close && !ef->vfs->env->RemoveFile(*ef->path).ok()) rc = SQLITE_IOERR_DELETE;
  delete ef->path;
  ef->path = nullptr;
  return rc;
}

// --- VFS methods ---

int Open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  Impl* impl = ImplOf(vfs);
  EnvFile* ef = AsFile(f);
  f->pMethods = nullptr;  // SQLite calls no xClose when xOpen fails
  std::string path = name ? std::string(name)
                          : impl->name + "-temp-" + std::to_string(++impl->temp_files);
  Result<std::unique_ptr<RandomRWFile>> file =
      impl->env->NewRandomRWFile(path, (flags & SQLITE_OPEN_CREATE) != 0);
  if (!file.ok()) return SQLITE_CANTOPEN;
  ef->vfs = impl;
  ef->file = file->release();
  ef->path = new std::string(std::move(path));
  ef->level = SQLITE_LOCK_NONE;
  ef->delete_on_close = name == nullptr || (flags & SQLITE_OPEN_DELETEONCLOSE) != 0;
  f->pMethods = &kIoMethods;
  if (out_flags) *out_flags = flags;
  return SQLITE_OK;
}

int Delete(sqlite3_vfs* vfs, const char* name, int /*sync_dir*/) {
  Status s = ImplOf(vfs)->env->RemoveFile(name);
  if (s.ok()) return SQLITE_OK;
  return s.code() == StatusCode::kNotFound ? SQLITE_IOERR_DELETE_NOENT : SQLITE_IOERR_DELETE;
}

// As the unix VFS: an empty file does not "exist" (an empty journal is not hot).
int Access(sqlite3_vfs* vfs, const char* name, int /*flags*/, int* out) {
  Result<uint64_t> size = ImplOf(vfs)->env->GetFileSize(name);
  *out = size.ok() && *size > 0;
  return SQLITE_OK;
}

int FullPathname(sqlite3_vfs*, const char* name, int n_out, char* out) {
  const size_t n = std::strlen(name);
  if (n + 1 > static_cast<size_t>(n_out)) return SQLITE_CANTOPEN;
  std::memcpy(out, name, n + 1);
  return SQLITE_OK;
}

void* DlOpen(sqlite3_vfs* vfs, const char* file) {
  sqlite3_vfs* os = ImplOf(vfs)->os;
  return os->xDlOpen(os, file);
}
void DlError(sqlite3_vfs* vfs, int n, char* message) {
  sqlite3_vfs* os = ImplOf(vfs)->os;
  os->xDlError(os, n, message);
}
void (*DlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  sqlite3_vfs* os = ImplOf(vfs)->os;
  return os->xDlSym(os, handle, symbol);
}
void DlClose(sqlite3_vfs* vfs, void* handle) {
  sqlite3_vfs* os = ImplOf(vfs)->os;
  os->xDlClose(os, handle);
}

int Randomness(sqlite3_vfs* vfs, int n, char* out) {
  if (!ImplOf(vfs)->env->RandomBytes(out, static_cast<size_t>(n)).ok()) {
    std::memset(out, 0, static_cast<size_t>(n));
  }
  return n;
}

int Sleep(sqlite3_vfs* vfs, int micros) {
  sqlite3_vfs* os = ImplOf(vfs)->os;
  return os->xSleep(os, micros);
}

// Julian day number in milliseconds: the Unix epoch is 2440587.5 days.
int CurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      ImplOf(vfs)->env->Now().time_since_epoch())
                      .count();
  *out = static_cast<sqlite3_int64>(ms) + 210866760000000LL;
  return SQLITE_OK;
}

int CurrentTime(sqlite3_vfs* vfs, double* out) {
  sqlite3_int64 ms = 0;
  CurrentTimeInt64(vfs, &ms);
  *out = static_cast<double>(ms) / 86400000.0;
  return SQLITE_OK;
}

int GetLastError(sqlite3_vfs*, int, char*) { return 0; }

Mutex registry_mu;
std::map<Env*, std::weak_ptr<EnvVfs>>& Registry() {
  static auto* registry = new std::map<Env*, std::weak_ptr<EnvVfs>>();
  return *registry;
}
std::atomic<int64_t> vfs_serial{0};

}  // namespace

EnvVfs::EnvVfs(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

const char* EnvVfs::name() const { return impl_->name.c_str(); }

Result<std::shared_ptr<EnvVfs>> EnvVfs::For(Env* env) {
  MutexLock lock(&registry_mu);
  std::weak_ptr<EnvVfs>& slot = Registry()[env];
  if (std::shared_ptr<EnvVfs> held = slot.lock()) return held;
  auto impl = std::make_unique<Impl>();
  impl->env = env;
  impl->name = "qantara-env-" + std::to_string(++vfs_serial);
  impl->os = sqlite3_vfs_find(nullptr);
  if (impl->os == nullptr) return Status::Internal("sqlite has no default VFS");
  sqlite3_vfs& v = impl->vfs;
  v.iVersion = 2;
  v.szOsFile = static_cast<int>(sizeof(EnvFile));
  v.mxPathname = 1024;
  v.zName = impl->name.c_str();
  v.pAppData = impl.get();
  v.xOpen = Open;
  v.xDelete = Delete;
  v.xAccess = Access;
  v.xFullPathname = FullPathname;
  v.xDlOpen = DlOpen;
  v.xDlError = DlError;
  v.xDlSym = DlSym;
  v.xDlClose = DlClose;
  v.xRandomness = Randomness;
  v.xSleep = Sleep;
  v.xCurrentTime = CurrentTime;
  v.xGetLastError = GetLastError;
  v.xCurrentTimeInt64 = CurrentTimeInt64;
  if (sqlite3_vfs_register(&v, 0) != SQLITE_OK) {
    return Status::Internal("cannot register the SQLite VFS " + impl->name);
  }
  std::shared_ptr<EnvVfs> vfs(new EnvVfs(std::move(impl)));
  slot = vfs;
  return vfs;
}

EnvVfs::~EnvVfs() {
  MutexLock lock(&registry_mu);
  sqlite3_vfs_unregister(&impl_->vfs);
  auto it = Registry().find(impl_->env);
  if (it != Registry().end() && it->second.expired()) Registry().erase(it);
}

}  // namespace qantara::store::internal
