// Differential test: the index (candidate generation + scoring) returns the
// same top K as scoring every listed name (brute force), on random and
// curated queries.
#include "screen/index.h"

#include <gtest/gtest.h>

#include "screen/screener.h"
#include "tests/screen/test_lists.h"

namespace qantara::screen {
namespace {

// `scratch` is reused across queries, as a batch reuses it: nothing one
// query leaves in it may change the next one's results.
std::vector<std::pair<std::string, double>> Top(const Screener& s, const std::string& name,
                                                ScreenScratch* scratch) {
  Query q;
  q.name = name;
  auto r = s.Screen(q, scratch);
  EXPECT_TRUE(r.ok()) << name;
  std::vector<std::pair<std::string, double>> out;
  if (!r.ok()) return out;
  for (const Match& m : r->matches) out.emplace_back(s.index().entities()[m.entity].id(), m.score);
  return out;
}

class IndexedEqualsBruteForce : public ::testing::TestWithParam<double> {};

TEST_P(IndexedEqualsBruteForce, OnRandomAndCuratedQueries) {
  std::vector<lists::Entity> entities = testing::RandomEntities(1500, 1);
  for (auto& e : testing::CuratedEntities()) entities.push_back(e);
  std::shared_ptr<const CandidateIndex> index = CandidateIndex::Build(entities, 2);
  ScreenOptions fast;
  fast.threshold = GetParam();
  fast.top_k = 5;
  ScreenOptions slow = fast;
  slow.brute_force = true;
  Screener indexed(index, fast), brute(index, slow);

  std::vector<std::string> queries = {"Zayd al-Fulani", "زيد الفلاني", "Abdul Rahman Harbaoui",
                                      "Mohamed Ali", "Fatima Zahra", "Hidayat Allah Wardak",
                                      "Nasreddine Ould Mahjoub", "Khaleel Shaybani"};
  // Random queries: listed names with a change, and names made of listed words.
  std::mt19937 rng(3);
  for (int i = 0; i < 150; ++i) {
    const lists::Entity& e = entities[rng() % entities.size()];
    std::string name = e.names[rng() % e.names.size()].value;
    if (i % 3 == 0 && name.size() > 4) {  // drop one letter (a whole code point)
      size_t at = 1 + rng() % (name.size() - 2);
      while (at > 0 && (static_cast<unsigned char>(name[at]) & 0xC0) == 0x80) --at;
      size_t end = at + 1;
      while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
      name.erase(at, end - at);
    }
    if (i % 3 == 1) name += " " + entities[rng() % entities.size()].names[0].value.substr(0, 6);
    queries.push_back(name);
  }
  // Long queries (more tokens than the index keeps similarities for), and
  // particles between words.
  for (int i = 0; i < 20; ++i) {
    std::string name;
    for (int k = 0; k < 3; ++k) {
      if (k) name += i % 2 ? " bin " : " ";
      name += entities[rng() % entities.size()].names[0].value;
    }
    queries.push_back(name);
  }
  ScreenScratch indexed_scratch, brute_scratch;
  for (const std::string& q : queries) {
    auto a = Top(indexed, q, &indexed_scratch), b = Top(brute, q, &brute_scratch);
    if (a.size() != b.size()) {
      std::string got, want;
      for (auto& [id, score] : a) got += id + "=" + std::to_string(score) + " ";
      for (auto& [id, score] : b) want += id + "=" + std::to_string(score) + " ";
      ADD_FAILURE() << q << "\n indexed: " << got << "\n brute:   " << want;
      continue;
    }
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_NEAR(a[i].second, b[i].second, 1e-9) << q << " rank " << i;
      // Equal scores may come in either order only if tied.
      if (a[i].first != b[i].first) {
        EXPECT_NEAR(a[i].second, b[i].second, 1e-12) << q;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Thresholds, IndexedEqualsBruteForce, ::testing::Values(0.7, 0.85));

TEST(CandidateIndex, DeduplicatesNamesWithinAnEntity) {
  auto index = CandidateIndex::Build({testing::Person("X", {"Ali Hassan", "ALI HASSAN", "Ali  Hassan"})});
  EXPECT_EQ(index->names().size(), 1u);
}

TEST(CandidateIndex, CommonWordsWeighLess) {
  std::vector<lists::Entity> entities;
  for (int i = 0; i < 50; ++i) entities.push_back(testing::Person("M" + std::to_string(i), {"Mohamed X" + std::to_string(i)}));
  entities.push_back(testing::Person("Z", {"Zubaydi"}));
  auto index = CandidateIndex::Build(entities);
  names::ParsedName common = names::ParseName("Mohamed"), rare = names::ParseName("Zubaydi");
  EXPECT_LT(index->TokenWeight(common.tokens[0]), index->TokenWeight(rare.tokens[0]));
}

}  // namespace
}  // namespace qantara::screen
