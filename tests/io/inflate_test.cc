// Compressed inputs are made here with zlib's deflate, so the tests need no
// fixture files.
#include "io/inflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace qantara::io {
namespace {

// `window_bits` as deflateInit2 takes it: 16 + 15 gzip, 15 zlib, -15 raw.
std::string Deflate(const std::string& data, int window_bits) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Gzip(const std::string& data) { return Deflate(data, 16 + MAX_WBITS); }

TEST(Gunzip, InflatesEveryMember) {
  std::string gz = Gzip("first member\n") + Gzip("second member\n");
  ASSERT_TRUE(IsGzip(gz));
  Result<std::string> out = Gunzip(gz, 1 << 20);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "first member\nsecond member\n");
}

TEST(Gunzip, AcceptsZeroPadding) {
  Result<std::string> out = Gunzip(Gzip("padded") + std::string(512, '\0'), 1 << 20);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "padded");
}

TEST(Gunzip, ReportsTruncatedData) {
  std::string gz = Gzip(std::string(10000, 'x') + "tail");
  Result<std::string> out = Gunzip(gz.substr(0, gz.size() - 6), 1 << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(out.status().message(), "gzip data is truncated");
}

TEST(Gunzip, ReportsDamagedData) {
  std::string gz = Gzip("some text that will be damaged");
  gz[12] = static_cast<char>(gz[12] ^ 0xFF);
  gz[13] = static_cast<char>(gz[13] ^ 0xFF);
  Result<std::string> out = Gunzip(gz, 1 << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(out.status().message().rfind("gzip data is damaged (", 0), 0u)
      << out.status().message();
}

TEST(Gunzip, StopsAtTheSizeCap) {
  std::string bomb = Gzip(std::string(1 << 20, 'a'));
  Result<std::string> out = Gunzip(bomb, 1000);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.status().message(), "gzip data expands beyond 1000 bytes");
  EXPECT_TRUE(Gunzip(bomb, 1 << 20).ok());  // exactly the cap is allowed
}

TEST(InflateZlibOrRaw, ReadsBothForms) {
  std::string text = "Content-Encoding: deflate is zlib or raw, depending on the server";
  Result<std::string> zlib = InflateZlibOrRaw(Deflate(text, MAX_WBITS), 1 << 20);
  ASSERT_TRUE(zlib.ok()) << zlib.status().ToString();
  EXPECT_EQ(*zlib, text);
  Result<std::string> raw = InflateZlibOrRaw(Deflate(text, -MAX_WBITS), 1 << 20);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(*raw, text);
}

TEST(InflateZlibOrRaw, ReportsDamageAndSize) {
  std::string z = Deflate(std::string(5000, 'b'), MAX_WBITS);
  Result<std::string> cut = InflateZlibOrRaw(z.substr(0, z.size() / 2), 1 << 20);
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(cut.status().message(), "damaged deflate data");
  Result<std::string> big = InflateZlibOrRaw(z, 100);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(big.status().message(), "body inflates beyond limit");
}

TEST(GunzipPrefix, ReadsTheStartOfTheFirstMember) {
  std::string gz = Gzip("WARC/1.1\r\nWARC-Type: warcinfo\r\n") + Gzip("next");
  EXPECT_EQ(GunzipPrefix(gz, 7), "WARC/1.");
  EXPECT_EQ(GunzipPrefix(Gzip("ab") + Gzip("cd"), 10), "ab");  // one member only
  EXPECT_EQ(GunzipPrefix("not gzip at all", 7), "");
}

TEST(Inflater, StreamsInChunksAndSaysWhereDamageIs) {
  std::string text(200000, 'q');
  std::string gz = Gzip(text);
  Inflater inflater(gz, Inflater::Format::kGzip);
  ASSERT_TRUE(inflater.ok());
  std::string out;
  int steps = 0;
  Inflater::Step step = Inflater::Step::kMore;
  while (step == Inflater::Step::kMore) {
    step = inflater.Next(4096, &out);
    ++steps;
  }
  EXPECT_EQ(step, Inflater::Step::kEnd);
  EXPECT_EQ(out, text);
  EXPECT_GE(steps, 200000 / 4096);
  EXPECT_EQ(inflater.consumed(), gz.size());

  Inflater truncated(std::string_view(gz).substr(0, gz.size() - 4), Inflater::Format::kGzip);
  std::string part;
  while ((step = truncated.Next(1 << 16, &part)) == Inflater::Step::kMore) {
  }
  EXPECT_EQ(step, Inflater::Step::kTruncated);
}

}  // namespace
}  // namespace qantara::io
