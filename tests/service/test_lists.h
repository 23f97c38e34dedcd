// Made-up list files for the reload and rescreen tests: JSONL persons of list
// "t", written into the test's temporary folder.
#ifndef QANTARA_TESTS_SERVICE_TEST_LISTS_H_
#define QANTARA_TESTS_SERVICE_TEST_LISTS_H_

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace qantara::service {

// One JSONL entity line: the person "t:<ref>" with one primary name.
inline std::string Person(const std::string& ref, const std::string& name) {
  return nlohmann::json{{"id", "t:" + ref},
                        {"list", "t"},
                        {"ref", ref},
                        {"schema", "Person"},
                        {"caption", name},
                        {"names", {{{"value", name}, {"kind", "primary"}}}}}
             .dump() +
         "\n";
}

// A path in the test's temporary folder named after the running test.
inline std::string TestListPath(const std::string& prefix) {
  return ::testing::TempDir() + "/" + prefix + "_" +
         ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl";
}

// Replaces the file's content.
inline void WriteListFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

}  // namespace qantara::service

#endif  // QANTARA_TESTS_SERVICE_TEST_LISTS_H_
