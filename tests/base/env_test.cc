// The Env seam: the POSIX Env and the in-memory Env behave alike on files;
// ReadWholeFile keeps its errors; the fault Env fails what it is told to.
#include "base/env.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "base/fault_env.h"
#include "base/file.h"
#include "base/memory_env.h"

namespace qantara {
namespace {

// A fresh folder per test for the POSIX Env.
std::string TempDir() {
  static int n = 0;
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("qantara_env_test_" + std::to_string(::getpid()) + "_" +
                               std::to_string(++n));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string() + "/";
}

void WriteFile(Env& env, const std::string& path, const std::string& data) {
  auto f = env.NewWritableFile(path);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_TRUE((*f)->Append(data).ok());
  ASSERT_TRUE((*f)->Sync().ok());
  ASSERT_TRUE((*f)->Close().ok());
}

// The same checks on both Envs: they must not differ in what callers see.
void CheckFiles(Env& env, const std::string& dir) {
  const std::string a = dir + "a.txt", b = dir + "b.txt";
  EXPECT_FALSE(env.FileExists(a));
  Result<std::string> missing = ReadWholeFile(env, a);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), a + ": No such file or directory");

  WriteFile(env, a, "hello");
  auto app = env.NewAppendableFile(a);
  ASSERT_TRUE(app.ok());
  ASSERT_TRUE((*app)->Append(", world").ok());
  ASSERT_TRUE((*app)->Close().ok());
  EXPECT_TRUE(env.FileExists(a));
  EXPECT_EQ(*env.GetFileSize(a), 12u);
  EXPECT_EQ(*ReadWholeFile(env, a), "hello, world");

  Result<std::string> big = ReadWholeFile(env, a, 5);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(big.status().message(), a + ": larger than 5 bytes");

  ASSERT_TRUE(env.RenameFile(a, b).ok());
  EXPECT_FALSE(env.FileExists(a));
  EXPECT_EQ(*ReadWholeFile(env, b), "hello, world");
  WriteFile(env, b, "new");  // truncates
  EXPECT_EQ(*ReadWholeFile(env, b), "new");

  auto rw = env.NewRandomRWFile(b, false);
  ASSERT_TRUE(rw.ok());
  ASSERT_TRUE((*rw)->Write(5, "xy").ok());  // past the end: a hole of zeros
  EXPECT_EQ(*(*rw)->Size(), 7u);
  char buf[16];
  EXPECT_EQ(*(*rw)->Read(2, sizeof buf, buf), 5u);
  EXPECT_EQ(std::string(buf, 5), std::string("w\0\0xy", 5));
  ASSERT_TRUE((*rw)->Truncate(2).ok());
  ASSERT_TRUE((*rw)->Sync().ok());
  EXPECT_EQ(*ReadWholeFile(env, b), "ne");
  EXPECT_EQ(env.NewRandomRWFile(dir + "none", false).status().code(), StatusCode::kNotFound);

  ASSERT_TRUE(env.RemoveFile(b).ok());
  EXPECT_FALSE(env.FileExists(b));
  EXPECT_EQ(env.RemoveFile(b).code(), StatusCode::kNotFound);
  EXPECT_EQ(env.GetFileSize(b).status().code(), StatusCode::kNotFound);
}

TEST(PosixEnv, Files) { CheckFiles(*Env::Default(), TempDir()); }

TEST(MemoryEnv, Files) {
  MemoryEnv env;
  CheckFiles(env, "/mem/");
  EXPECT_TRUE(env.FileNames().empty());
}

TEST(PosixEnv, ReadWholeFileKeepsItsSignatureAndErrors) {
  const std::string dir = TempDir();
  WriteFile(*Env::Default(), dir + "x", "abc");
  EXPECT_EQ(*ReadWholeFile(dir + "x"), "abc");
  EXPECT_EQ(ReadWholeFile(dir + "missing").status().message(),
            dir + "missing: No such file or directory");
  Result<std::string> folder = ReadWholeFile(dir);  // fopen works, reading a folder fails
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.status().code(), StatusCode::kIoError);
  EXPECT_EQ(folder.status().message(), dir + ": read failed");
}

TEST(PosixEnv, ClockAndRandomness) {
  const auto before = std::chrono::system_clock::now();
  const auto now = Env::Default()->Now();
  EXPECT_LE(before, now);
  EXPECT_GE(CurrentYear(*Env::Default()), 2024);
  unsigned char a[32] = {}, b[32] = {};
  ASSERT_TRUE(Env::Default()->RandomBytes(a, sizeof a).ok());
  ASSERT_TRUE(Env::Default()->RandomBytes(b, sizeof b).ok());
  EXPECT_NE(std::string(reinterpret_cast<char*>(a), 32), std::string(reinterpret_cast<char*>(b), 32));
}

TEST(MemoryEnv, ClockStandsStillUntilMoved) {
  MemoryEnv env;
  EXPECT_EQ(CurrentYear(env), 2020);
  env.SetNow(std::chrono::system_clock::from_time_t(1549324800));  // 2019-02-05
  EXPECT_EQ(CurrentYear(env), 2019);
  EXPECT_EQ(env.Now(), env.Now());
  env.AdvanceClock(std::chrono::hours(24 * 365));
  EXPECT_EQ(CurrentYear(env), 2020);
}

TEST(MemoryEnv, RandomnessIsDeterministicPerSeed) {
  MemoryEnv one(7), same(7), other(8);
  unsigned char a[40], b[40], c[40];
  ASSERT_TRUE(one.RandomBytes(a, sizeof a).ok());
  ASSERT_TRUE(same.RandomBytes(b, sizeof b).ok());
  ASSERT_TRUE(other.RandomBytes(c, sizeof c).ok());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(a), 40), std::string(reinterpret_cast<char*>(b), 40));
  EXPECT_NE(std::string(reinterpret_cast<char*>(a), 40), std::string(reinterpret_cast<char*>(c), 40));
  ASSERT_TRUE(one.RandomBytes(b, sizeof b).ok());  // the sequence moves on
  EXPECT_NE(std::string(reinterpret_cast<char*>(a), 40), std::string(reinterpret_cast<char*>(b), 40));
}

TEST(MemoryEnv, OpenHandleOutlivesRemove) {
  MemoryEnv env;
  env.PutFile("f", "data");
  auto rw = env.NewRandomRWFile("f", false);
  ASSERT_TRUE(rw.ok());
  ASSERT_TRUE(env.RemoveFile("f").ok());
  char buf[4];
  EXPECT_EQ(*(*rw)->Read(0, 4, buf), 4u);
  EXPECT_FALSE(env.FileExists("f"));
}

TEST(FaultEnv, FailsTheNthWriteOnly) {
  MemoryEnv mem;
  FaultEnv env(&mem);
  env.FailWrite(2);
  auto f = env.NewWritableFile("w");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE((*f)->Append("1").ok());
  Status s = (*f)->Append("2");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(s.message(), "w: injected write failure");
  EXPECT_TRUE((*f)->Append("3").ok());
  EXPECT_EQ(env.writes(), 3);
  EXPECT_EQ(env.injected(), 1);
  EXPECT_EQ(*ReadWholeFile(mem, "w"), "13");
}

TEST(FaultEnv, FailsEveryWriteFromTheNth) {
  MemoryEnv mem;
  FaultEnv env(&mem);
  auto rw = env.NewRandomRWFile("r", true);
  ASSERT_TRUE(rw.ok());
  env.FailWrite(2, /*and_after=*/true);
  EXPECT_TRUE((*rw)->Write(0, "a").ok());
  EXPECT_FALSE((*rw)->Write(1, "b").ok());
  EXPECT_FALSE((*rw)->Truncate(0).ok());  // a truncation is a write
  EXPECT_EQ(env.injected(), 2);
  env.ClearFaults();
  EXPECT_TRUE((*rw)->Write(1, "c").ok());
  EXPECT_EQ(*ReadWholeFile(mem, "r"), "ac");
}

TEST(FaultEnv, FailsSyncs) {
  MemoryEnv mem;
  FaultEnv env(&mem);
  auto f = env.NewWritableFile("s");
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE((*f)->Sync().ok());
  env.FailSyncs(true);
  EXPECT_EQ((*f)->Sync().message(), "s: injected sync failure");
  env.FailSyncs(false);
  EXPECT_TRUE((*f)->Sync().ok());
  EXPECT_EQ(env.syncs(), 3);
  env.ResetCounters();
  EXPECT_EQ(env.syncs(), 0);
}

TEST(FaultEnv, FailsReadsOfOnePathAndNamesIt) {
  MemoryEnv mem;
  mem.PutFile("bad.xml", "<x/>");
  mem.PutFile("good.xml", "<y/>");
  FaultEnv env(&mem);
  env.FailReadsOf("bad.xml");
  Result<std::string> bad = ReadWholeFile(env, "bad.xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kIoError);
  EXPECT_EQ(bad.status().message(), "bad.xml: read failed");  // as ReadWholeFile always said
  auto open = env.NewSequentialFile("bad.xml");
  ASSERT_TRUE(open.ok()) << "opening still works";
  char buf[8];
  EXPECT_EQ((*open)->Read(8, buf).status().message(), "bad.xml: injected read failure");
  EXPECT_EQ(*ReadWholeFile(env, "good.xml"), "<y/>");
}

TEST(FaultEnv, ShortReadsStillReadTheWholeFile) {
  MemoryEnv mem;
  std::string data(100000, 'q');
  data[77777] = 'z';
  mem.PutFile("big", data);
  FaultEnv env(&mem);
  env.SetShortReads(7);
  EXPECT_EQ(*ReadWholeFile(env, "big"), data);
  EXPECT_GT(env.reads(), 100000 / 7);
  auto rw = env.NewRandomRWFile("big", false);
  char buf[64];
  EXPECT_EQ(*(*rw)->Read(77777, sizeof buf, buf), 7u);
  EXPECT_EQ(buf[0], 'z');
}

TEST(FaultEnv, PassesClockAndRandomnessThrough) {
  MemoryEnv mem(3);
  FaultEnv env(&mem);
  EXPECT_EQ(env.Now(), mem.Now());
  unsigned char a[8], b[8];
  MemoryEnv twin(3);
  ASSERT_TRUE(env.RandomBytes(a, 8).ok());
  ASSERT_TRUE(twin.RandomBytes(b, 8).ok());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(a), 8), std::string(reinterpret_cast<char*>(b), 8));
}

}  // namespace
}  // namespace qantara
