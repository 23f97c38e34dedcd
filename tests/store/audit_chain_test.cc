// Golden test of the audit chain's hashing (store/audit_chain.h): a fixed
// sequence of rows and their hashes as literals, so that any change to the
// canonical row or the chaining (which would make old logs fail to verify) is
// a decision, not an accident. The literals were computed independently, in
// Python: sha256(prev + json.dumps([seq, at, actor, action, payload],
// separators=(",", ":"), ensure_ascii=False)).
#include "store/audit_chain.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace qantara::store {
namespace {

struct Row {
  int64_t seq;
  std::string at, actor, action, payload;
  std::string hash;  // expected
};

const std::vector<Row>& GoldenRows() {
  static const auto* rows = new std::vector<Row>{
      {1, "2026-01-02T03:04:05.006Z", "admin:cli", "key.add",
       R"({"name":"alice","role":"screener"})",
       "4d930cd7c84a0f255a76622eae434cdb88006a54059288023956c9f55043d777"},
      {2, "2026-01-02T03:04:06.000Z", "server", "list.load",
       R"({"entities":7,"format":"jsonl","list":"demo","list_version":1})",
       "22ba3dff7dcd88db9a5cab941fb459bf6e8e4d7e4806652c8ea3c349641394b0"},
      // Non-ASCII text (Nasser in Arabic script) and escaped quotes.
      {3, "2026-01-02T03:04:07.123Z", "alice", "screen",
       "{\"hits\":[],\"query\":{\"name\":\"\u0646\u0627\u0635\u0631 \\\"N\\\" "
       "Bourita\"},\"screening\":1}",
       "77b4e9db1883cac186de66340b706c604dfcb10edf758c96a89f2afdbb823949"},
      {4, "2026-01-02T03:04:08.999Z", "bob", "decide",
       R"({"comment":"tab\there","decision":"no_match"})",
       "9d0d63ece318f6a5f5949d199d4bdf200eb38c438d0227e5cec0357e71b2cc04"},
  };
  return *rows;
}

TEST(AuditChain, GenesisIsSixtyFourZeros) { EXPECT_EQ(AuditGenesisHash(), std::string(64, '0')); }

TEST(AuditChain, CanonicalRowIsACompactJsonArray) {
  const Row& r = GoldenRows()[1];
  EXPECT_EQ(CanonicalAuditRow(r.seq, r.at, r.actor, r.action, r.payload),
            R"([2,"2026-01-02T03:04:06.000Z","server","list.load",)"
            R"("{\"entities\":7,\"format\":\"jsonl\",\"list\":\"demo\",\"list_version\":1}"])");
}

TEST(AuditChain, FixedSequenceHashesArePinned) {
  std::string prev = AuditGenesisHash();
  for (const Row& r : GoldenRows()) {
    const std::string hash = AuditRowHash(prev, r.seq, r.at, r.actor, r.action, r.payload);
    EXPECT_EQ(hash, r.hash) << "row " << r.seq;
    prev = hash;
  }
}

TEST(AuditChain, EachHashDependsOnTheRowBefore) {
  const Row& r = GoldenRows()[0];
  EXPECT_NE(AuditRowHash(std::string(64, '1'), r.seq, r.at, r.actor, r.action, r.payload), r.hash);
}

}  // namespace
}  // namespace qantara::store
