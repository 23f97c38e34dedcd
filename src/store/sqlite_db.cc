#include "store/sqlite_db.h"

#include <sqlite3.h>

#include "store/internal/env_vfs.h"

namespace qantara::store {

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  return Open(path, nullptr);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Env* env) {
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  if (env != nullptr) {
    Result<std::shared_ptr<internal::EnvVfs>> vfs = internal::EnvVfs::For(env);
    if (!vfs.ok()) return vfs.status();
    db->vfs_ = std::move(*vfs);
  }
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db->db_, flags, db->vfs_ ? db->vfs_->name() : nullptr) !=
      SQLITE_OK) {
    Status s = db->Error("cannot open");
    return Status::IoError(s.message());
  }
  sqlite3_busy_timeout(db->db_, 5000);
  QANTARA_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  if (path == ":memory:") return db;
  // An Env's VFS has no shared memory, so no WAL (env_vfs.h).
  QANTARA_RETURN_IF_ERROR(db->Exec(env != nullptr
                                       ? "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL"
                                       : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"));
  return db;
}

Database::~Database() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

Status Database::Error(std::string_view what) const {
  std::string m = path_ + ": " + std::string(what);
  if (db_) m += ": " + std::string(sqlite3_errmsg(db_));
  const int code = db_ ? sqlite3_errcode(db_) : SQLITE_CANTOPEN;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::Corruption(m);
  return Status::IoError(m);
}

Status Database::Exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);  // Error() reads the same message from the connection
    return Error("running \"" + text.substr(0, 60) + "\"");
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return Error("preparing \"" + std::string(sql.substr(0, 60)) + "\"");
  }
  return Statement(this, stmt);
}

Result<Statement> Database::PrepareCached(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return Error("preparing \"" + std::string(sql.substr(0, 60)) + "\"");
    }
    ++cache_compiles_;
    it = cache_.emplace(std::string(sql), Cached{stmt, false}).first;
  }
  if (it->second.lent) return Prepare(sql);  // nested use of the same SQL
  it->second.lent = true;
  return Statement(this, it->second.stmt, &it->second.lent);
}

Status Database::ExecCached(std::string_view sql) {
  Result<Statement> stmt = PrepareCached(sql);
  if (!stmt.ok()) return stmt.status();
  return stmt->Run();
}

Status Database::Migrate(const std::vector<std::string_view>& migrations) {
  auto version = Prepare("PRAGMA user_version");
  if (!version.ok()) return version.status();
  auto row = version->Step();
  if (!row.ok()) return row.status();
  const int64_t at = version->Int(0);
  if (at > static_cast<int64_t>(migrations.size())) {
    return Status::Unsupported(path_ + ": schema version " + std::to_string(at) +
                               " is newer than this qantara (" + std::to_string(migrations.size()) +
                               ")");
  }
  for (size_t v = static_cast<size_t>(at); v < migrations.size(); ++v) {
    QANTARA_RETURN_IF_ERROR(Exec("BEGIN"));
    Status s = Exec(migrations[v]);
    if (s.ok()) s = Exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!s.ok()) {
      Exec("ROLLBACK");
      return s;
    }
    QANTARA_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  return Status::Ok();
}

int64_t Database::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), lent_(other.lent_) {
  other.stmt_ = nullptr;
  other.lent_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    Release();
    db_ = other.db_;
    stmt_ = other.stmt_;
    lent_ = other.lent_;
    other.stmt_ = nullptr;
    other.lent_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { Release(); }

void Statement::Release() {
  if (stmt_ == nullptr) return;
  if (lent_ != nullptr) {
    Reset();  // ends its read of the database and forgets the values
    *lent_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
  stmt_ = nullptr;
  lent_ = nullptr;
}

Statement& Statement::Bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int i, int64_t value) {
  sqlite3_bind_int64(stmt_, i, value);
  return *this;
}

Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("step");
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_, column);
  return t ? std::string(reinterpret_cast<const char*>(t),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace qantara::store
