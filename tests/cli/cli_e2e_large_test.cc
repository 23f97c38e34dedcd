// End-to-end test of build/qantara on a large batch (CTest label `large`):
// 100,000 queries complete, one answer per line in input order, and the
// output does not depend on the number of threads (the batch spans many of
// the screen command's blocks).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {
namespace {

TEST(CliLarge, HundredThousandLinesComplete) {
  TempDir dir;
  const std::vector<std::string> names = {"Zaid Kassem El Foulani",
                                          "Abu Hamza",
                                          "Abdelrahmane Youssef Harbaoui",
                                          "Nasreddine Ould Mahjoub",
                                          "Maria Lindqvist",
                                          "Tomasz Brennan",
                                          "زيد قاسم الفلاني",
                                          "Harakat al-Fajr al-Jadid",
                                          "Marjan Star",
                                          "Jean Dupont"};
  const size_t kLines = 100000;
  std::string input;
  input.reserve(kLines * 48);
  for (size_t i = 0; i < kLines; ++i) {
    input += "{\"id\": \"q" + std::to_string(i) + "\", \"name\": \"" + names[i % names.size()] +
             (i % 3 == 0 ? " " + std::to_string(i % 97) : std::string()) + "\"}\n";
  }
  std::string path = dir.Write("large.jsonl", input);

  RunResult two =
      RunQantara(dir, {"screen", "--list", SampleList(), "--input", path, "--threads", "2"});
  ASSERT_EQ(two.signal, 0);
  ASSERT_EQ(two.exit_code, 0) << two;
  std::vector<std::string> lines = two.lines();
  ASSERT_EQ(lines.size(), kLines);
  for (size_t i = 0; i < kLines; ++i) {
    // Keys are written sorted and no line is an error, so each starts with its id.
    std::string prefix = "{\"id\":\"q" + std::to_string(i) + "\",\"matches\":[";
    ASSERT_EQ(lines[i].compare(0, prefix.size(), prefix), 0)
        << "line " << i + 1 << ": " << lines[i];
  }

  RunResult one =
      RunQantara(dir, {"screen", "--list", SampleList(), "--input", path, "--threads", "1"});
  ASSERT_EQ(one.exit_code, 0) << one;
  EXPECT_TRUE(one.out == two.out) << "--threads 1 and --threads 2 differ";
}

}  // namespace
}  // namespace qantara::cli_test
