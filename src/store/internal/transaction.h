// What the service store's files share (store/ only): the write transaction
// every public write runs in. Not thread-safe by itself: callers hold the
// store's connection mutex.
#ifndef QANTARA_STORE_INTERNAL_TRANSACTION_H_
#define QANTARA_STORE_INTERNAL_TRANSACTION_H_

#include "base/status.h"
#include "store/sqlite_db.h"

namespace qantara::store::internal {

// Runs `body` between BEGIN IMMEDIATE and COMMIT; rolls back when it fails.
// The three statements are kept prepared (Database::PrepareCached). BEGIN
// IMMEDIATE takes the write lock first, so the audit chain's tail read inside
// `body` cannot be forked by another writer.
template <typename Body>
Status InTransaction(Database& db, Body body) {
  QANTARA_RETURN_IF_ERROR(db.ExecCached("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    db.ExecCached("ROLLBACK");
    return s;
  }
  s = db.ExecCached("COMMIT");
  if (!s.ok()) db.ExecCached("ROLLBACK");
  return s;
}

}  // namespace qantara::store::internal

#endif  // QANTARA_STORE_INTERNAL_TRANSACTION_H_
