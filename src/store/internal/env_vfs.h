// EnvVfs: a SQLite VFS (sqlite3_vfs) whose files go through a qantara::Env,
// so that a Database can live on an in-memory Env or under a fault-injecting
// one (store::Database::Open(path, env)). docs/env.md says why this shape.
//
// What it does: files (open, read, write, truncate, sync, size, delete,
// exists) through the Env's RandomRWFile; SQLite's file locks between the
// connections of this process, in a table of its own (the Env has no locks);
// randomness and the current time from the Env (so SQL's 'now' is the Env's
// clock). What it does not: shared memory (io methods version 1, no xShm*),
// so a database opened through it cannot use WAL: Database opens it with the
// rollback journal (journal_mode=DELETE). Nor locks between processes.
//
// One registered VFS per Env, named "qantara-env-<n>", shared by every
// Database opened on that Env and unregistered when the last one goes.
// Thread-safe. REQUIRES: the Env outlives every EnvVfs made for it.
#ifndef QANTARA_STORE_INTERNAL_ENV_VFS_H_
#define QANTARA_STORE_INTERNAL_ENV_VFS_H_

#include <memory>
#include <string>

#include "base/env.h"
#include "base/status.h"

namespace qantara::store::internal {

class EnvVfs {
 public:
  // The VFS registered for `env`, registering it when no Database holds one.
  static Result<std::shared_ptr<EnvVfs>> For(Env* env);
  ~EnvVfs();  // unregisters
  EnvVfs(const EnvVfs&) = delete;
  EnvVfs& operator=(const EnvVfs&) = delete;

  // The name to give sqlite3_open_v2.
  const char* name() const;

  struct Impl;  // env_vfs.cc

 private:
  explicit EnvVfs(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace qantara::store::internal

#endif  // QANTARA_STORE_INTERNAL_ENV_VFS_H_
