// A small RAII layer over SQLite: a connection (WAL, foreign keys, busy
// timeout), prepared statements with bound values, and schema migrations by
// PRAGMA user_version. Every failure is a Status naming the database file.
#ifndef QANTARA_STORE_SQLITE_DB_H_
#define QANTARA_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace qantara::store {

class Statement;

class Database {
 public:
  // Opens (creating when missing) the database at `path` (":memory:" for a
  // private in-memory one) in WAL mode.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  // A prepared statement; its errors name the database and the SQL.
  Result<Statement> Prepare(std::string_view sql);
  // Applies migrations[v..] for a database at user_version v, each in a
  // transaction, and sets user_version to migrations.size(). A database
  // newer than this binary is an error.
  Status Migrate(const std::vector<std::string_view>& migrations);

  int64_t LastInsertRowid() const;
  const std::string& path() const { return path_; }
  Status Error(std::string_view what) const;  // "path: what: sqlite message"

 private:
  Database() = default;
  sqlite3* db_ = nullptr;
  std::string path_;
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
  Result<bool> Step();   // true: a row is ready; false: done
  Status Run();          // steps to the end, then resets for reuse
  void Reset();          // clears bindings too
  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  friend class Database;
  Statement(const Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace qantara::store

#endif  // QANTARA_STORE_SQLITE_DB_H_
