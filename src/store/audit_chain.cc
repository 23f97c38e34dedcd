#include "store/audit_chain.h"

#include <nlohmann/json.hpp>

#include "io/digest.h"

namespace qantara::store {

const std::string& AuditGenesisHash() {
  static const std::string* const kZeros = new std::string(64, '0');
  return *kZeros;
}

std::string CanonicalAuditRow(int64_t seq, std::string_view at, std::string_view actor,
                              std::string_view action, std::string_view payload) {
  return nlohmann::json::array({seq, at, actor, action, payload}).dump();
}

std::string AuditRowHash(std::string_view prev_hash, int64_t seq, std::string_view at,
                         std::string_view actor, std::string_view action,
                         std::string_view payload) {
  return io::Sha256Hex(std::string(prev_hash) +
                          CanonicalAuditRow(seq, at, actor, action, payload));
}

}  // namespace qantara::store
