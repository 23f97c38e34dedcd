// ForEachDocument and ParseHtml on broken and hostile input: each failure names
// the document, and the other documents of the same run are still delivered.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "news/html.h"
#include "news/source.h"
#include "tests/lists/list_test_files.h"

namespace qantara::news {
namespace {

using lists::testing::ScratchDir;

struct ReadRun {
  std::vector<SourceDocument> docs;
  std::vector<SourceError> errors;
};

ReadRun Read(const std::vector<std::string>& paths) {
  ReadRun run;
  EXPECT_TRUE(ForEachDocument(
                  paths, SourceOptions{},
                  [&](SourceDocument d) { run.docs.push_back(std::move(d)); },
                  [&](SourceError e) { run.errors.push_back(std::move(e)); })
                  .ok());
  return run;
}

// A good document to read alongside each bad one.
std::string Good(const ScratchDir& dir) { return dir.Write("good.txt", "Le ministre est arrivé."); }

void ExpectGoodDelivered(const ReadRun& run, const std::string& good) {
  ASSERT_FALSE(run.docs.empty());
  EXPECT_EQ(run.docs.back().doc, good);
  EXPECT_EQ(run.docs.back().body, "Le ministre est arrivé.");
}

TEST(BadInput, BinaryFile) {
  ScratchDir dir;
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  std::string path = dir.Write("photo.html", std::string(kPng, sizeof kPng - 1));
  std::string good = Good(dir);
  ReadRun run = Read({path, good});
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].doc, path);
  EXPECT_EQ(run.errors[0].status.message(), path + ": binary file");
  ExpectGoodDelivered(run, good);
}

TEST(BadInput, InvalidUtf8IsDecodedWithNotes) {
  ScratchDir dir;
  std::string latin = dir.Write("latin.txt",
                                "Le pr\xe9sident fran\xe7"
                                "ais \xe0 Alger");
  std::string stray = dir.Write("stray.txt",
                                "Réunion à Genève, première étape du dialogue, "
                                "l'été dernier à Alger \xff fin.");
  std::string good = Good(dir);
  ReadRun run = Read({latin, stray, good});
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_TRUE(run.errors.empty());
  EXPECT_EQ(run.docs[0].body, "Le président français à Alger");
  ASSERT_FALSE(run.docs[0].notes.empty());
  EXPECT_NE(run.docs[0].notes[0].find("windows-1252"), std::string::npos);
  EXPECT_NE(run.docs[1].body.find("\uFFFD fin."), std::string::npos);
  ASSERT_FALSE(run.docs[1].notes.empty());
  EXPECT_NE(run.docs[1].notes[0].find("U+FFFD"), std::string::npos);
  ExpectGoodDelivered(run, good);
}

size_t PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) / 1024;
}

TEST(BadInput, FiftyMegabyteHtmlPage) {
  ScratchDir dir;
  std::string html = "<html><body>";
  const std::string unit =
      "<div class=\"c\"><p>Le ministre a rencontré son <a href=\"/x\">homologue</a> hier.</p>"
      "<br>ligne</div>\n";
  while (html.size() < (size_t{50} << 20)) html += unit;
  html += "<p>fin de la page</p></body></html>";
  std::string path = dir.Write("big.html", html);
  html.clear();
  html.shrink_to_fit();
  std::string good = Good(dir);
  ReadRun run = Read({path, good});
  ASSERT_EQ(run.docs.size(), 2u);
  EXPECT_EQ(run.docs[0].doc, path);
  auto start = std::chrono::steady_clock::now();
  Result<Page> page = ParseHtml(run.docs[0].body);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(page.ok()) << page.status().WithPrefix(run.docs[0].doc).ToString();
  EXPECT_EQ(page->blocks.back().text, "fin de la page");
  std::printf("50 MB page: %zu blocks, %.2f s, peak RSS %zu MB\n", page->blocks.size(), seconds,
              PeakRssMb());
  ExpectGoodDelivered(run, good);
}

TEST(BadInput, DeeplyNestedHtml) {
  ScratchDir dir;
  std::string html = "<html><body><p>avant</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "au fond";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>après</p></body></html>";
  std::string path = dir.Write("deep.html", html);
  std::string good = Good(dir);
  ReadRun run = Read({path, good});
  ASSERT_EQ(run.docs.size(), 2u);
  Result<Page> page = ParseHtml(run.docs[0].body);
  ASSERT_TRUE(page.ok()) << page.status().WithPrefix(path).ToString();
  ASSERT_EQ(page->blocks.size(), 3u);
  EXPECT_EQ(page->blocks[1].text, "au fond");
  EXPECT_EQ(page->blocks[2].text, "après");
  ExpectGoodDelivered(run, good);
}

std::string WarcResponse(std::string_view uri, std::string_view html) {
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + std::string(html);
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + std::string(uri) +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

TEST(BadInput, TruncatedWarc) {
  ScratchDir dir;
  std::string first = WarcResponse("http://x.ma/1", "<p>un</p>");
  std::string second = WarcResponse("http://x.ma/2", "<p>deux, coupé</p>");
  std::string cut = second.substr(0, second.size() - 10);
  std::string path = dir.Write("crawl.warc", first + cut);
  std::string good = Good(dir);
  ReadRun run = Read({path, good});
  ASSERT_EQ(run.docs.size(), 2u);
  EXPECT_EQ(run.docs[0].doc, path + "#0");
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].doc, path + "#1");
  size_t left = cut.size() - (cut.find("\r\n\r\n") + 4);
  size_t length = second.size() - (second.find("\r\n\r\n") + 4) - 4;
  EXPECT_EQ(run.errors[0].status.message(),
            path + ": record 1 at byte " + std::to_string(first.size()) +
                ": truncated (Content-Length " + std::to_string(length) + ", " +
                std::to_string(left) + " bytes left)");
  ExpectGoodDelivered(run, good);
}

TEST(BadInput, JsonLinesLineNotJson) {
  ScratchDir dir;
  std::string path = dir.Write("news.jsonl",
                               "{\"id\": \"a\", \"text\": \"un\"}\n"
                               "{\"id\": \"b\", \"text\": \"deux\"\n"
                               "not json at all\n"
                               "{\"id\": \"c\", \"text\": \"trois\"}\n");
  std::string good = Good(dir);
  ReadRun run = Read({path, good});
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].doc, "a");
  EXPECT_EQ(run.docs[1].doc, "c");
  ASSERT_EQ(run.errors.size(), 2u);
  EXPECT_EQ(run.errors[0].doc, path + ":2");
  EXPECT_EQ(run.errors[0].status.message().rfind(path + ":2: not JSON (parse error", 0), 0u)
      << run.errors[0].status.message();
  EXPECT_EQ(run.errors[1].status.message().rfind(path + ":3: not JSON (", 0), 0u);
  ExpectGoodDelivered(run, good);
}

TEST(BadInput, EmptyFile) {
  ScratchDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string blank = dir.Write("blank.html", " \r\n\t\n");
  std::string good = Good(dir);
  ReadRun run = Read({empty, blank, good});
  ASSERT_EQ(run.errors.size(), 2u);
  EXPECT_EQ(run.errors[0].doc, empty);
  EXPECT_EQ(run.errors[0].status.message(), empty + ": empty file");
  EXPECT_EQ(run.errors[1].status.message(), blank + ": empty file");
  ExpectGoodDelivered(run, good);
}

TEST(BadInput, MissingPath) {
  ScratchDir dir;
  std::string good = Good(dir);
  ReadRun run = Read({"/nonexistent/dir/news.jsonl", good});
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].doc, "/nonexistent/dir/news.jsonl");
  EXPECT_EQ(run.errors[0].status.code(), StatusCode::kNotFound);
  EXPECT_EQ(run.errors[0].status.message(),
            "/nonexistent/dir/news.jsonl: no such file or directory");
  ExpectGoodDelivered(run, good);
}

}  // namespace
}  // namespace qantara::news
