#include "text/transliterate.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace qantara::text {
namespace {

TEST(TransliterateToLatin, OtherScriptsBecomeLowerCaseAscii) {
  EXPECT_EQ(TransliterateToLatin("Путин"), "putin");
  EXPECT_EQ(TransliterateToLatin("Ελένη"), "elene");  // ICU Greek-Latin: eta is e-macron
  EXPECT_EQ(TransliterateToLatin("Sébastien"), "sebastien");
  for (const char* s : {"Путин", "Ελένη", "王小明", "김정은"}) {
    for (unsigned char c : TransliterateToLatin(s)) EXPECT_LT(c, 0x80) << s;
  }
}

TEST(TransliterateToLatin, EmptyAndThreads) {
  EXPECT_EQ(TransliterateToLatin(""), "");
  std::vector<std::thread> threads;
  std::vector<std::string> out(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { out[t] = TransliterateToLatin("Владимир"); });
  }
  for (auto& th : threads) th.join();
  for (const auto& s : out) EXPECT_EQ(s, "vladimir");
}

}  // namespace
}  // namespace qantara::text
