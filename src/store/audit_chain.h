// The audit log's hash chain (service_store.h describes the log): how one
// row's hash is made from the row before's. A format: old logs verify only
// while it stays the same, so tests/store/audit_chain_test.cc pins it on a
// fixed sequence of rows. Pure functions, thread-safe.
#ifndef QANTARA_STORE_AUDIT_CHAIN_H_
#define QANTARA_STORE_AUDIT_CHAIN_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace qantara::store {

// The prev_hash of the first row: 64 zeros.
const std::string& AuditGenesisHash();

// The canonical row: the JSON array [seq, at, actor, action, payload], the
// payload as its stored text (a JSON string, not an object).
std::string CanonicalAuditRow(int64_t seq, std::string_view at, std::string_view actor,
                              std::string_view action, std::string_view payload);

// sha256(prev_hash + canonical row), lower-case hex.
std::string AuditRowHash(std::string_view prev_hash, int64_t seq, std::string_view at,
                         std::string_view actor, std::string_view action, std::string_view payload);

}  // namespace qantara::store

#endif  // QANTARA_STORE_AUDIT_CHAIN_H_
