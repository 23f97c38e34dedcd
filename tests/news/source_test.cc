// ForEachDocument over files, folders, JSON Lines and WARC written by the test.
#include "news/source.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/lists/list_test_files.h"

namespace qantara::news {
namespace {

using lists::testing::Gzip;
using lists::testing::ScratchDir;

struct ReadRun {
  std::vector<SourceDocument> docs;
  std::vector<SourceError> errors;
  std::vector<std::string> order;  // doc names, documents and errors interleaved
};

ReadRun Read(const std::vector<std::string>& paths, SourceOptions options = {}) {
  ReadRun run;
  Status s = ForEachDocument(
      paths, options,
      [&](SourceDocument d) {
        run.order.push_back(d.doc);
        run.docs.push_back(std::move(d));
      },
      [&](SourceError e) {
        run.order.push_back("error:" + e.doc);
        run.errors.push_back(std::move(e));
      });
  EXPECT_TRUE(s.ok());
  return run;
}

std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view block,
                       std::string_view content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + std::string(type) +
         "\r\nWARC-Target-URI: " + std::string(uri) +
         "\r\nWARC-Date: 2019-02-07T08:00:00Z\r\nContent-Type: " + std::string(content_type) +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) +
         "\r\n\r\n";
}

TEST(ForEachDocument, TextAndHtmlFilesByContent) {
  ScratchDir dir;
  std::string txt = dir.Write("a.txt", "Le ministre est arrivé.\n<p> is not markup here");
  std::string html = dir.Write("b.dat", "<!-- saved -->\n<!DOCTYPE html><p>Bonjour</p>");
  std::string guessed = dir.Write("c", "Texte avec <div>balises</div>");
  std::string named = dir.Write("d.htm", "just words");
  std::string cp1256 =
      dir.Write("e.html", "<meta charset=\"windows-1256\"><p>\xc7\xe1\xd3\xe1\xc7\xe3</p>");
  ReadRun run = Read({txt, html, guessed, named, cp1256});
  ASSERT_EQ(run.docs.size(), 5u);
  EXPECT_TRUE(run.errors.empty());
  EXPECT_EQ(run.docs[0].doc, txt);
  EXPECT_EQ(run.docs[0].format, SourceDocument::Format::kText);
  EXPECT_EQ(run.docs[0].body, "Le ministre est arrivé.\n<p> is not markup here");
  EXPECT_EQ(run.docs[1].format, SourceDocument::Format::kHtml);
  EXPECT_EQ(run.docs[2].format, SourceDocument::Format::kHtml);
  EXPECT_EQ(run.docs[3].format, SourceDocument::Format::kHtml);
  EXPECT_EQ(run.docs[4].body, "<meta charset=\"windows-1256\"><p>السلام</p>");
}

TEST(ForEachDocument, JsonLines) {
  ScratchDir dir;
  std::string path =
      dir.Write("news.jsonl",
                "{\"id\": \"a1\", \"url\": \"http://x.ma/1\", \"published\": \"2019-02-05\", "
                "\"title\": \"Visite\", \"text\": \"Bourita à Washington.\", \"source\": \"AFP\", "
                "\"tags\": [1, 2]}\r\n"
                "\r\n"
                "{\"id\": 42, \"html\": \"<p>مرحبا</p>\"}\n"
                "{\"text\": \"sans id\", \"html\": \"<p>x</p>\"}\n"
                "{\"title\": \"no body\"}\n"
                "{\"id\": 7, \"text\": 12}\n"
                "[1, 2]\n"
                "{\"text\": \"MinistÃ¨re\"}");
  ReadRun run = Read({path});
  ASSERT_EQ(run.docs.size(), 4u);
  EXPECT_EQ(run.docs[0].doc, "a1");
  EXPECT_EQ(run.docs[0].url, "http://x.ma/1");
  EXPECT_EQ(run.docs[0].published, "2019-02-05");
  EXPECT_EQ(run.docs[0].title, "Visite");
  EXPECT_EQ(run.docs[0].body, "Bourita à Washington.");
  EXPECT_EQ(run.docs[0].format, SourceDocument::Format::kText);
  EXPECT_EQ(run.docs[0].extra_json, R"({"source":"AFP","tags":[1,2]})");
  EXPECT_EQ(run.docs[1].doc, "42");
  EXPECT_EQ(run.docs[1].format, SourceDocument::Format::kHtml);
  EXPECT_EQ(run.docs[1].extra_json, "");
  EXPECT_EQ(run.docs[2].doc, path + ":4");
  EXPECT_EQ(run.docs[2].body, "sans id");
  EXPECT_EQ(run.docs[2].extra_json, R"({"html":"<p>x</p>"})");
  EXPECT_EQ(run.docs[3].body, "Ministère");
  ASSERT_EQ(run.errors.size(), 3u);
  EXPECT_EQ(run.errors[0].status.message(),
            path + ":5: no \"text\" or \"html\" field (one of them is required)");
  EXPECT_EQ(run.errors[1].doc, "7");
  EXPECT_EQ(run.errors[1].status.message(),
            path + ":6: field \"text\" must be a string, not number");
  EXPECT_EQ(run.errors[2].status.message(), path + ":7: a JSON object was expected, not array");
  EXPECT_EQ(run.order[3], "error:" + path + ":5");  // in input order
}

TEST(ForEachDocument, FolderSortedRecursiveHiddenSkipped) {
  ScratchDir dir;
  std::string root = dir.Write("x", "");
  std::filesystem::remove(root);
  std::filesystem::create_directories(root + "/b_sub/deeper");
  std::filesystem::create_directories(root + "/.hidden_dir");
  dir.Write("x/c.txt", "c");
  dir.Write("x/a.txt", "a");
  dir.Write("x/b_sub/deeper/z.txt", "z");
  dir.Write("x/b_sub/y.txt", "y");
  dir.Write("x/.secret.txt", "hidden");
  dir.Write("x/.hidden_dir/h.txt", "hidden");
  ReadRun run = Read({root});
  EXPECT_EQ(run.order, (std::vector<std::string>{root + "/a.txt", root + "/b_sub/deeper/z.txt",
                                                 root + "/b_sub/y.txt", root + "/c.txt"}));
}

TEST(ForEachDocument, WarcResponses) {
  std::string html =
      "<html><head><meta charset=\"windows-1256\"></head><p>\xc7\xe1\xd3\xe1\xc7\xe3</p></html>";
  std::string data =
      WarcRecord("warcinfo", "", "x", "application/warc-fields") +
      WarcRecord("request", "http://x.ma/1", "GET / HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request") +
      WarcRecord("response", "http://x.ma/1",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html) +
      WarcRecord("response", "http://x.ma/img",
                 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG") +
      WarcRecord("response", "http://x.ma/old", "HTTP/1.1 404 Not Found\r\n\r\n<p>x</p>") +
      WarcRecord("response", "http://x.ma/2",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n"
                 "Content-Encoding: gzip\r\n\r\n" +
                     Gzip("<p>caf\xe9</p>")) +
      WarcRecord("resource", "file:///notes.txt", "plain words", "text/plain");
  ScratchDir dir;
  std::string plain = dir.Write("crawl.warc", data);
  std::string gz = dir.Write("crawl.warc.gz", Gzip(data));
  for (const std::string& path : {plain, gz}) {
    ReadRun run = Read({path});
    ASSERT_EQ(run.docs.size(), 3u) << path;
    EXPECT_TRUE(run.errors.empty());
    EXPECT_EQ(run.docs[0].doc, path + "#2");
    EXPECT_EQ(run.docs[0].url, "http://x.ma/1");
    EXPECT_EQ(run.docs[0].format, SourceDocument::Format::kHtml);
    EXPECT_EQ(run.docs[0].body,
              "<html><head><meta charset=\"windows-1256\"></head><p>السلام</p></html>");
    EXPECT_EQ(run.docs[0].published, "");
    EXPECT_EQ(run.docs[0].extra_json, R"({"crawled":"2019-02-07T08:00:00Z"})");
    EXPECT_EQ(run.docs[1].doc, path + "#5");
    EXPECT_EQ(run.docs[1].body, "<p>café</p>");
    EXPECT_EQ(run.docs[2].doc, path + "#6");
    EXPECT_EQ(run.docs[2].format, SourceDocument::Format::kText);
  }
}

TEST(ForEachDocument, GzippedTextAndJsonLines) {
  ScratchDir dir;
  std::string txt = dir.Write("a.txt.gz", Gzip("Bonjour"));
  std::string jsonl = dir.Write("b.jsonl.gz", Gzip("{\"text\": \"un\"}\n{\"text\": \"deux\"}\n"));
  std::string damaged = dir.Write("c.gz", Gzip("Bonjour tout le monde").substr(0, 12));
  ReadRun run = Read({txt, jsonl, damaged});
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].body, "Bonjour");
  EXPECT_EQ(run.docs[2].doc, jsonl + ":2");
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].status.message().rfind(damaged + ": gzip data", 0), 0u);
}

TEST(ForEachDocument, DocumentSizeCap) {
  ScratchDir dir;
  std::string big = dir.Write("big.txt", std::string(2000, 'a'));
  std::string ok = dir.Write("ok.txt", "fine");
  SourceOptions options;
  options.max_document_bytes = 1000;
  ReadRun run = Read({big, ok}, options);
  ASSERT_EQ(run.docs.size(), 1u);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(run.errors[0].status.message(), big + ": document of 2000 bytes is larger than 1000");
}

}  // namespace
}  // namespace qantara::news
