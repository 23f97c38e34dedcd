// LoadLists reads its files through LoadOptions::env: a list in an in-memory
// Env loads as from disk, short reads change nothing, and a read that fails
// is an error that names the file.
#include <gtest/gtest.h>

#include <string>

#include "base/fault_env.h"
#include "base/memory_env.h"
#include "lists/reader.h"

namespace qantara::lists {
namespace {

std::string Jsonl(const std::string& ref, const std::string& name) {
  return "{\"ref\": \"" + ref + "\", \"names\": [{\"value\": \"" + name + "\"}]}\n";
}

TEST(ListsOnEnv, ReadsFromTheEnvNotTheDisk) {
  MemoryEnv mem;
  mem.PutFile("/nowhere/inhouse.jsonl",
              Jsonl("W-1", "Zayd Qasim al-Fulani") + Jsonl("W-2", "Blue Harbour Shipping"));
  FaultEnv env(&mem);
  env.SetShortReads(5);
  LoadOptions options;
  options.env = &env;
  Result<LoadResult> r = LoadLists({"/nowhere/inhouse.jsonl"}, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->entities[1].ref, "W-2");
  EXPECT_GT(env.reads(), 10);
}

TEST(ListsOnEnv, AFailedReadNamesTheFile) {
  MemoryEnv mem;
  mem.PutFile("good.jsonl", Jsonl("W-1", "Zayd Qasim al-Fulani"));
  mem.PutFile("bad.jsonl", Jsonl("W-2", "Blue Harbour Shipping"));
  FaultEnv env(&mem);
  env.FailReadsOf("bad.jsonl");
  LoadOptions options;
  options.env = &env;
  Result<LoadResult> r = LoadLists({"good.jsonl", "bad.jsonl"}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_EQ(r.status().message(), "bad.jsonl: read failed");
  EXPECT_NE(r.status().message().find("bad.jsonl"), std::string::npos) << r.status().ToString();
  EXPECT_EQ(r.status().message().find("good.jsonl"), std::string::npos) << r.status().ToString();
}

}  // namespace
}  // namespace qantara::lists
