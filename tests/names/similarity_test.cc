#include "names/similarity.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace qantara::names {
namespace {

// Expected values computed with Debian 12's python3-jellyfish 0.8.9 (jaro_similarity,
// jaro_winkler_similarity, levenshtein_distance) on the same pairs.
struct Case {
  const char* a;
  const char* b;
  double jaro;
  double jaro_winkler;
  size_t levenshtein;
};
const Case kCases[] = {
    {"martha", "marhta", 0.9444444444444445, 0.9611111111111111, 2},
    {"dwayne", "duane", 0.8222222222222223, 0.8400000000000001, 2},
    {"dixon", "dicksonx", 0.7666666666666666, 0.8133333333333332, 4},
    {"mohamed", "muhammad", 0.7797619047619048, 0.8017857142857143, 3},
    {"bourita", "burita", 0.9523809523809524, 0.9571428571428572, 1},
    {"", "abc", 0.0, 0.0, 3},
    {"abc", "abc", 1.0, 1.0, 0},
    {"baghdadi", "bagdadi", 0.9583333333333334, 0.9708333333333333, 1},
    {"zawahiri", "zawahri", 0.9107142857142857, 0.9464285714285714, 1},
};

TEST(Similarity, AgreesWithJellyfish) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.a) + " / " + c.b);
    EXPECT_NEAR(Jaro(c.a, c.b), c.jaro, 1e-12);
    EXPECT_NEAR(JaroWinkler(c.a, c.b), c.jaro_winkler, 1e-12);
    EXPECT_EQ(Levenshtein(c.a, c.b), c.levenshtein);
  }
}

TEST(Similarity, ComparesCodePointsNotBytes) {
  // Two Arabic words differing in one letter (mim/waw): one edit, not two bytes.
  EXPECT_EQ(Levenshtein("محمد", "محمود"), 1u);
  EXPECT_NEAR(JaroWinkler("محمد", "محمود"), 0.9533333333333333, 1e-12);  // jellyfish
}

TEST(Similarity, LevenshteinBoundStopsEarly) {
  EXPECT_EQ(Levenshtein("abcdef", "uvwxyz", 2), 3u);
  EXPECT_EQ(Levenshtein("abc", "abd", 2), 1u);
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity("ab", "cd"), 0.0);
}

TEST(Similarity, SymmetricOnNames) {
  const char* names[] = {"abdelkader", "abdulqadir", "oussama", "usama", "هشام", "hicham"};
  for (const char* a : names) {
    for (const char* b : names) {
      EXPECT_DOUBLE_EQ(JaroWinkler(a, b), JaroWinkler(b, a)) << a << " " << b;
      EXPECT_EQ(Levenshtein(a, b), Levenshtein(b, a));
    }
  }
}

// WithinOneEdit works on bytes; the reference works on code points.
bool OneEditReference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string ja, jb;
  for (const auto& c : a) ja += c;
  for (const auto& c : b) jb += c;
  if (Levenshtein(ja, jb, 1) <= 1) return true;
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i + 1 < a.size(); ++i) {
    std::vector<std::string> swapped = a;
    std::swap(swapped[i], swapped[i + 1]);
    if (swapped == b) return true;
  }
  return false;
}

TEST(Similarity, WithinOneEditAgreesWithCodePointReference) {
  // Letters of 1, 2, 3 and 4 bytes, some sharing lead or trailing bytes.
  const std::vector<std::string> letters = {"a", "b", "\u062D", "\u0645", "\u062F",
                                            "\u20AC", "\u20AD", "\U0001D465"};
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::string> a, b;
    for (size_t n = rng() % 6; n > 0; --n) a.push_back(letters[rng() % letters.size()]);
    b = a;
    switch (rng() % 4) {  // mostly near a, sometimes anything
      case 0: if (!b.empty()) b[rng() % b.size()] = letters[rng() % letters.size()]; break;
      case 1: b.insert(b.begin() + rng() % (b.size() + 1), letters[rng() % letters.size()]); break;
      case 2: if (b.size() > 1) { size_t i = rng() % (b.size() - 1); std::swap(b[i], b[i + 1]); } break;
      default: b.clear(); for (size_t n = rng() % 6; n > 0; --n) b.push_back(letters[rng() % letters.size()]);
    }
    if (rng() % 5 == 0 && !b.empty()) b.erase(b.begin() + rng() % b.size());  // a second edit
    std::string ja, jb;
    for (const auto& c : a) ja += c;
    for (const auto& c : b) jb += c;
    ASSERT_EQ(WithinOneEdit(ja, jb), OneEditReference(a, b)) << ja << " / " << jb;
    ASSERT_EQ(WithinOneEdit(jb, ja), OneEditReference(b, a)) << jb << " / " << ja;
  }
  EXPECT_TRUE(WithinOneEdit("zawahiri", "zawahri"));
  EXPECT_TRUE(WithinOneEdit("\u0645\u062D\u0645\u062F", "\u0645\u062D\u0645\u0648\u062F"));
  EXPECT_FALSE(WithinOneEdit("mohamed", "muhammad"));
}

TEST(Similarity, HostileLengthIsBounded) {
  std::string huge(1 << 20, 'a');
  EXPECT_GT(JaroWinkler(huge, huge + "b"), 0.99);
  EXPECT_EQ(Levenshtein(huge, huge), 0u);
}

}  // namespace
}  // namespace qantara::names
