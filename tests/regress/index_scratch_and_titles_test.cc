// Bugs found in review (all broke "indexed top-K equals brute force"):
//  - a scratch reused with another index of as many names but a larger
//    vocabulary wrote past the end of its per-word arrays;
//  - titles matched by canonical form ("Dr" / "Doctor") that the index never
//    reaches;
//  - the per-batch similarity cache ignored the token's role, so a title and a
//    word spelled alike shared an entry and results depended on query order.
#include <gtest/gtest.h>

#include "screen/screener.h"

namespace qantara::screen {
namespace {

lists::Entity Person(std::string ref, std::vector<std::string> names) {
  lists::Entity e;
  e.list = "t";
  e.ref = std::move(ref);
  for (auto& n : names) e.names.push_back({n, lists::NameKind::kAlias});
  return e;
}

double TopScore(const Screener& s, const std::string& name, ScreenScratch* scratch) {
  Query q;
  q.name = name;
  auto r = s.Screen(q, scratch);
  return r.ok() && !r->matches.empty() ? r->matches[0].score : 0.0;
}

TEST(IndexScratchAndTitles, ScratchFollowsTheIndexItIsUsedWith) {
  std::shared_ptr<const CandidateIndex> small = CandidateIndex::Build({Person("A", {"Ali Omar"}), Person("B", {"Omar Ali"})});
  std::shared_ptr<const CandidateIndex> large = CandidateIndex::Build({Person("A", {"Zubaydi Kamal Harbawi Fulani"}),
                                      Person("B", {"Qasimi Mahjoub Wardak Shaybani"})});
  ASSERT_EQ(small->names().size(), large->names().size());
  ASSERT_LT(small->vocabulary_size(), large->vocabulary_size());
  ScreenScratch shared, fresh;
  Screener a(small, {}), b(large, {});
  TopScore(a, "Ali Omar", &shared);
  EXPECT_DOUBLE_EQ(TopScore(b, "Zubaydi Kamal Harbawi", &shared),
                   TopScore(b, "Zubaydi Kamal Harbawi", &fresh));
}

TEST(IndexScratchAndTitles, TitlesAgreeWithBruteForce) {
  std::shared_ptr<const CandidateIndex> index = CandidateIndex::Build({Person("Z", {"Doctor Kamal Zarqawi"}),
                                      Person("S", {"Shaykh Walid Haddad", "Ahmed Sheikh Haddad"})});
  ScreenOptions fast;
  fast.threshold = 0.3;
  ScreenOptions slow = fast;
  slow.brute_force = true;
  Screener indexed(index, fast), brute(index, slow);
  for (const char* q : {"Dr Zarqawi", "Dr Zarqawi Kamal", "Sheikh Haddad Walid", "Haddad Sheikh",
                        "Shaykh Zarqawi"}) {
    ScreenScratch s1, s2;
    EXPECT_DOUBLE_EQ(TopScore(indexed, q, &s1), TopScore(brute, q, &s2)) << q;
  }
}

TEST(IndexScratchAndTitles, CachedSimilaritiesDoNotDependOnQueryOrder) {
  std::shared_ptr<const CandidateIndex> index = CandidateIndex::Build({Person("S", {"Shaykh Walid Haddad"})});
  Screener s(index, {});
  ScreenScratch warm, cold;
  TopScore(s, "Haddad Sheikh", &warm);
  EXPECT_DOUBLE_EQ(TopScore(s, "Sheikh Haddad Walid", &warm),
                   TopScore(s, "Sheikh Haddad Walid", &cold));
}

}  // namespace
}  // namespace qantara::screen
