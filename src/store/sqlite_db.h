// A small RAII layer over SQLite: a connection (WAL, foreign keys, busy
// timeout), prepared statements with bound values (one-off, or kept per
// connection and lent out: PrepareCached), and schema migrations by PRAGMA
// user_version. Every failure is a Status naming the database file.
// Not thread-safe: one thread at a time per Database (ServiceStore holds a
// mutex around it).
// A Database opened on an Env (base/env.h) does its file I/O through it
// (store/internal/env_vfs.h), so tests can run it in memory or inject faults.
#ifndef QANTARA_STORE_SQLITE_DB_H_
#define QANTARA_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/env.h"
#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace qantara::store {

class Statement;
namespace internal {
class EnvVfs;
}

class Database {
 public:
  // Opens (creating when missing) the database at `path` (":memory:" for a
  // private in-memory one) in WAL mode.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  // The same with `env`'s files when `env` is not null (null: exactly the
  // above, SQLite's own file system access). On an Env the database keeps a
  // rollback journal (journal_mode=DELETE, synchronous=FULL) instead of WAL:
  // docs/env.md says why. REQUIRES: `env` outlives the Database.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Env* env);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  // A prepared statement; its errors name the database and the SQL.
  Result<Statement> Prepare(std::string_view sql);
  // The statement for `sql` prepared once per connection and lent out: when
  // the returned Statement goes away it is reset (read locks released) and its
  // bindings cleared, ready for the next caller. When the cached one is lent
  // out already (the same SQL nested), a one-off statement is returned
  // instead. REQUIRES: the Statement does not outlive this Database.
  Result<Statement> PrepareCached(std::string_view sql);
  // Runs one statement without results through the cache (BEGIN, COMMIT, ...).
  Status ExecCached(std::string_view sql);
  // Statements in the cache, and how many times one was compiled for it
  // (tests check that a second use does not compile again).
  size_t cached_statements() const { return cache_.size(); }
  int64_t cache_compiles() const { return cache_compiles_; }
  // Applies migrations[v..] for a database at user_version v, each in a
  // transaction, and sets user_version to migrations.size(). A database
  // newer than this binary is an error.
  Status Migrate(const std::vector<std::string_view>& migrations);

  int64_t LastInsertRowid() const;
  const std::string& path() const { return path_; }
  Status Error(std::string_view what) const;  // "path: what: sqlite message"

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool lent = false;
  };
  Database() = default;
  // Declared first so that it goes last: the connection closes before its VFS.
  std::shared_ptr<internal::EnvVfs> vfs_;  // null unless opened on an Env
  sqlite3* db_ = nullptr;
  std::string path_;
  // By SQL text. Nodes never move, so a lent Statement points at its `lent`.
  std::unordered_map<std::string, Cached> cache_;
  int64_t cache_compiles_ = 0;
};

// A prepared statement. Bind indexes start at 1. Step() returns true while
// rows come; columns start at 0.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Statement& Bind(int i, std::string_view text);
  Statement& Bind(int i, int64_t value);
  Statement& BindNull(int i);
  Result<bool> Step();  // true: a row is ready; false: done
  Status Run();         // steps to the end, then resets for reuse
  void Reset();         // clears bindings too
  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Database;
  Statement(const Database* db, sqlite3_stmt* stmt, bool* lent = nullptr)
      : db_(db), stmt_(stmt), lent_(lent) {}
  void Release();  // finalizes an own statement, resets and returns a lent one
  const Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  bool* lent_ = nullptr;  // the cache entry's flag when lent (PrepareCached)
};

}  // namespace qantara::store

#endif  // QANTARA_STORE_SQLITE_DB_H_
