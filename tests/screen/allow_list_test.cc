#include "screen/allow_list.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace qantara::screen {
namespace {

std::string WriteTemp(const std::string& content) {
  std::string path = ::testing::TempDir() + "/allow_" + std::to_string(std::rand()) + ".jsonl";
  std::ofstream(path) << content;
  return path;
}

TEST(AllowList, IdentityIgnoresCaseAndSpacing) {
  EXPECT_EQ(AllowList::Identity("MOHAMED  Ali", "1980"), AllowList::Identity("mohamed ali", "1980"));
  EXPECT_NE(AllowList::Identity("Mohamed Ali", "1980"), AllowList::Identity("Mohamed Ali", "1981"));
}

TEST(AllowList, LoadsJsonLines) {
  std::string path = WriteTemp(
      "{\"name\": \"Mohamed Ali\", \"birth_date\": \"1980\", \"entity\": \"un:QDi.1\", \"reason\": "
      "\"other person\"}\n\n");
  auto list = AllowList::Load(path);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->size(), 1u);
  const std::string* reason = list->Find(AllowList::Identity("mohamed ali", "1980"), "un:QDi.1");
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(*reason, "other person");
  EXPECT_EQ(list->Find(AllowList::Identity("mohamed ali", "1980"), "un:QDi.2"), nullptr);
}

TEST(AllowList, BadLineNamesFileAndLine) {
  std::string path = WriteTemp("{\"name\": \"A B\", \"entity\": \"x:1\"}\n{\"name\": \"C\"}\n");
  auto list = AllowList::Load(path);
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.status().message().find(path + ":2"), std::string::npos);
  EXPECT_NE(list.status().message().find("entity"), std::string::npos);
}

}  // namespace
}  // namespace qantara::screen
