#include "text/transliterate.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace qantara::text {
namespace {

TEST(TransliterateToLatin, OtherScriptsBecomeLowerCaseAscii) {
  EXPECT_EQ(TransliterateToLatin("Путин"), "putin");
  EXPECT_EQ(TransliterateToLatin("Ελένη"), "eleni");  // UNGEGN: eta is i
  // BGN/PCGN, as lists spell Cyrillic names; Ukrainian when a letter says so.
  EXPECT_EQ(TransliterateToLatin("Андрей Железняк"), "andrey zheleznyak");
  EXPECT_EQ(TransliterateToLatin("Юлія Тимошенко"), "yuliya tymoshenko");
  EXPECT_EQ(TransliterateToLatin("Сергей"), "sergey");
  // One syllable per word for Han and Hangul: names are written without spaces.
  EXPECT_EQ(TransliterateToLatin("鄧小平"), "deng xiao ping");
  EXPECT_EQ(TransliterateToLatin("김정남"), "gim jeong nam");
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
