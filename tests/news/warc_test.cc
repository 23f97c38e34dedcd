// WarcReader and ParseHttpResponse on WARC files written by the test: plain,
// one gzip member per record, one member for the whole file, truncated.
#include "news/warc.h"

#include <gtest/gtest.h>

#include "tests/lists/list_test_files.h"

namespace qantara::news {
namespace {

using lists::testing::Gzip;

std::string Record(std::string_view type, std::string_view uri, std::string_view block,
                   std::string_view content_type = "application/http; msgtype=response") {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2019-02-07T08:00:00Z\r\nContent-Type: " + std::string(content_type) +
       "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return r + std::string(block) + "\r\n\r\n";
}

const std::string kHttp =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Bonjour</p>";

std::vector<WarcRecord> ReadAll(std::string_view data, Status* status, size_t max = 1 << 20) {
  WarcReader reader(data, max);
  std::vector<WarcRecord> out;
  WarcRecord r;
  while (reader.Next(&r)) out.push_back(r);
  *status = reader.status();
  return out;
}

TEST(WarcReader, ReadsPlainAndGzippedFiles) {
  std::string a = Record("warcinfo", "", "software: test\r\n", "application/warc-fields");
  std::string b = Record("response", "http://example.ma/a", kHttp);
  std::string c = Record("resource", "<http://example.ma/b>", "texte", "text/plain");
  for (const std::string& data : {a + b + c, Gzip(a) + Gzip(b) + Gzip(c), Gzip(a + b + c)}) {
    Status status;
    std::vector<WarcRecord> records = ReadAll(data, &status);
    ASSERT_TRUE(status.ok()) << status.ToString();
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[0].type, "warcinfo");
    EXPECT_EQ(records[1].index, 1u);
    EXPECT_EQ(records[1].offset, a.size());
    EXPECT_EQ(records[1].type, "response");
    EXPECT_EQ(records[1].target_uri, "http://example.ma/a");
    EXPECT_EQ(records[1].date, "2019-02-07T08:00:00Z");
    EXPECT_EQ(records[1].block, kHttp);
    EXPECT_EQ(records[2].target_uri, "http://example.ma/b");
    EXPECT_EQ(records[2].block, "texte");
    EXPECT_EQ(records[2].offset, a.size() + b.size());
  }
}

TEST(WarcReader, LargeGzippedRecordsAcrossChunks) {
  std::string body(300000, 'x');
  std::string data = Record("resource", "u", body, "text/plain");
  data += Record("resource", "v", "small", "text/plain");
  Status status;
  std::vector<WarcRecord> records = ReadAll(Gzip(data), &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].block, body);
  EXPECT_EQ(records[1].block, "small");
}

TEST(WarcReader, TruncatedRecordKeepsEarlierOnes) {
  std::string first = Record("response", "http://example.ma/a", kHttp);
  std::string second = Record("response", "http://example.ma/b", kHttp);
  std::string cut = first + second.substr(0, second.size() - 20);
  for (const std::string& data : {cut, Gzip(first) + Gzip(second).substr(0, 60)}) {
    Status status;
    std::vector<WarcRecord> records = ReadAll(data, &status);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(status.code(), StatusCode::kCorruption);
    EXPECT_EQ(status.message().rfind(
                  "record 1 at byte " + std::to_string(first.size()) + ": truncated", 0),
              0u)
        << status.message();
  }
  Status status;
  ReadAll(cut, &status);
  size_t header = second.find("\r\n\r\n") + 4;
  EXPECT_EQ(status.message(), "record 1 at byte " + std::to_string(first.size()) +
                                  ": truncated (Content-Length " + std::to_string(kHttp.size()) +
                                  ", " + std::to_string(second.size() - 20 - header) +
                                  " bytes left)");
}

TEST(WarcReader, OversizedAndBadRecords) {
  std::string big = Record("resource", "u", std::string(5000, 'x'), "text/plain");
  std::string small = Record("resource", "v", "ok", "text/plain");
  Status status;
  std::vector<WarcRecord> records = ReadAll(big + small, &status, 1000);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].oversized);
  EXPECT_TRUE(records[0].block.empty());
  EXPECT_EQ(records[0].content_length, 5000u);
  EXPECT_EQ(records[1].block, "ok");

  ReadAll(small + "GET / HTTP/1.1\r\n\r\n", &status);
  EXPECT_EQ(status.message(), "record 1 at byte " + std::to_string(small.size()) +
                                  ": not a WARC record (starts with \"GET / HTTP/1.1\")");
  ReadAll("WARC/1.0\r\nContent-Length: abc\r\n\r\n", &status);
  EXPECT_EQ(status.message(), "record 0 at byte 0: missing or bad Content-Length");
  EXPECT_TRUE(ReadAll("", &status).empty());
  EXPECT_TRUE(status.ok());
}

TEST(ParseHttpResponse, HeadersChunkedAndGzip) {
  Result<HttpResponse> r = ParseHttpResponse(kHttp, 1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r->body, "<p>Bonjour</p>");

  r = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nBonjo\r\n4;ext=1\r\nur !\r\n0\r\n\r\n",
      1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "Bonjour !");
  // Stored de-chunked although the header still says chunked.
  r = ParseHttpResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<p>x</p>", 1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "<p>x</p>");

  std::string gz = Gzip("<p>مرحبا</p>");
  std::string chunked =
      "HTTP/1.1 301 Moved\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  chunked += "a\r\n" + gz.substr(0, 10) + "\r\n";
  char hex[16];
  std::snprintf(hex, sizeof hex, "%zx", gz.size() - 10);
  chunked += std::string(hex) + "\r\n" + gz.substr(10) + "\r\n0\r\n\r\n";
  r = ParseHttpResponse(chunked, 1000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 301);
  EXPECT_EQ(r->body, "<p>مرحبا</p>");

  EXPECT_EQ(
      ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 1000).status().code(),
      StatusCode::kUnsupported);
  EXPECT_EQ(ParseHttpResponse("<html>", 1000).status().code(), StatusCode::kCorruption);
  EXPECT_EQ(
      ParseHttpResponse("HTTP/1.1 200 OK\r\n\r\n" + std::string(2000, 'x'), 1000).status().code(),
      StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace qantara::news
