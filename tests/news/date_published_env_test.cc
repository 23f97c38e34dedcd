// FindPublished takes "this year" from an Env's clock: a test fixes the time.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "base/memory_env.h"
#include "news/dates.h"

namespace qantara::news {
namespace {

Block Para(const std::string& text, bool furniture = false) {
  Block b;
  b.text = text;
  b.furniture = furniture;
  return b;
}

TEST(FindPublished, TheYearOfAWeekdayComesFromTheEnvClock) {
  const std::vector<Block> blocks = {
      Para("Forum de l'eau : ouverture demain"),
      Para("Le forum se tient ce mercredi 11 mai à Rabat, a indiqué le comité.")};
  MemoryEnv env;  // 2020-01-01: 11 May was last a Wednesday in 2016
  std::optional<PublishedGuess> g = FindPublished(blocks, env);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->how, "inferred");
  EXPECT_EQ(IsoValue(g->date), "2016-05-10");
  env.SetNow(std::chrono::system_clock::from_time_t(1717200000));  // 2024-06-01
  g = FindPublished(blocks, env);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(IsoValue(g->date), "2022-05-10");
  EXPECT_EQ(IsoValue(FindPublished(blocks, 2024)->date), "2022-05-10");
}

}  // namespace
}  // namespace qantara::news
