#include "screen/internal/flat_postings.h"

#include <gtest/gtest.h>

#include <random>

namespace qantara::screen::internal {
namespace {

TEST(FlatPostings, FindsWhatAMapHolds) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> lists;
  std::mt19937_64 rng(1);
  for (int i = 0; i < 5000; ++i) {
    // Keys that share their low or high bits, and key 0, probe the same slots.
    uint64_t key = i % 3 == 0 ? rng() : i % 3 == 1 ? (rng() << 40) : static_cast<uint64_t>(i);
    for (int k = 0; k < 1 + i % 4; ++k) lists[key].push_back(static_cast<uint32_t>(i * 10 + k));
  }
  lists[0] = {7};
  FlatPostings flat(lists);
  for (const auto& [key, ids] : lists) {
    auto found = flat.Find(key);
    ASSERT_EQ(std::vector<uint32_t>(found.begin(), found.end()), ids) << key;
  }
  for (int i = 0; i < 5000; ++i) {
    uint64_t key = rng();
    if (!lists.count(key)) EXPECT_TRUE(flat.Find(key).empty());
  }
}

TEST(FlatPostings, EmptyFindsNothing) {
  EXPECT_TRUE(FlatPostings().Find(42).empty());
  EXPECT_TRUE(FlatPostings(std::unordered_map<uint64_t, std::vector<uint32_t>>()).Find(0).empty());
}

}  // namespace
}  // namespace qantara::screen::internal
