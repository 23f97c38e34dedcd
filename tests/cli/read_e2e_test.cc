// End-to-end tests of `qantara read` and `qantara search` (DESIGN.md
// "Reading news") on the bundled sample articles (data/articles, written by
// us) and fixtures written here.
#include "tests/cli/cli_runner.h"

namespace qantara::cli_test {
namespace {

constexpr int kExitOk = 0, kExitInputErrors = 1;  // DESIGN.md's exit codes

class ReadTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
    return RunQantara(dir_, args, stdin_path);
  }
  static std::vector<std::string> Articles() {
    return {SourcePath("data/articles/bayan_ar.html"), SourcePath("data/articles/feed_en.jsonl"),
            SourcePath("data/articles/rabat_meeting_fr.txt")};
  }
  TempDir dir_;
};

// Offsets are UTF-8 byte offsets into `text` that select the mention's text.
void ExpectOffsetsSelect(const nlohmann::json& doc) {
  const std::string text = doc["text"];
  for (const char* field : {"mentions", "dates"}) {
    for (const auto& m : doc[field]) {
      const size_t start = m["start"], end = m["end"];
      ASSERT_LE(start, end);
      ASSERT_LE(end, text.size());
      EXPECT_EQ(text.substr(start, end - start), m["text"].get<std::string>());
    }
  }
}

const nlohmann::json* FindMention(const nlohmann::json& doc, const std::string& text) {
  for (const auto& m : doc["mentions"]) {
    if (m["text"] == text) return &m;
  }
  return nullptr;
}

TEST_F(ReadTest, HelpNamesTheOptions) {
  RunResult r = Run({"read", "--help"});
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  for (const char* option : {"--list", "--db", "--threads", "--json"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
  EXPECT_EQ(Run({"search", "--help"}).exit_code, kExitOk);
}

TEST_F(ReadTest, OneContractLinePerDocumentInInputOrder) {
  std::vector<std::string> args = {"read"};
  for (const auto& a : Articles()) args.push_back(a);
  args.insert(args.end(), {"--list", SampleList(), "--json"});
  RunResult r = Run(args);
  ASSERT_EQ(r.exit_code, kExitOk) << r;
  std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 4u) << r;  // one HTML page, two JSON Lines items, one text file
  std::vector<std::string> docs;
  for (const std::string& line : lines) {
    nlohmann::json d = ParseJsonLine(line);
    for (const char* field :
         {"doc", "title", "published", "languages", "text", "removed", "mentions", "dates"}) {
      EXPECT_TRUE(d.contains(field)) << field << " in " << line.substr(0, 200);
    }
    ExpectOffsetsSelect(d);
    docs.push_back(d["doc"]);
  }
  EXPECT_EQ(docs[1], "feed-001");
  EXPECT_EQ(docs[2], "feed-002");

  nlohmann::json ar = ParseJsonLine(lines[0]);
  EXPECT_EQ(ar["published"], "2024-04-03");
  EXPECT_EQ(ar["languages"][0]["lang"], "ar");
  const nlohmann::json* group =
      FindMention(ar, "\u062d\u0631\u0643\u0629 \u0627\u0644\u0641\u062c\u0631 "
                      "\u0627\u0644\u062c\u062f\u064a\u062f");
  ASSERT_NE(group, nullptr) << lines[0];
  ASSERT_TRUE((*group)["listed"].is_object()) << "the made-up movement is on the sample list";
  EXPECT_EQ((*group)["listed"]["ref"], "D-005");
  EXPECT_FALSE(ar["removed"].empty()) << "menus, share buttons and the footer are boilerplate";

  nlohmann::json fr = ParseJsonLine(lines[3]);
  EXPECT_EQ(fr["languages"][0]["lang"], "fr");
  // One entity for the minister in both scripts and in the English feed.
  const nlohmann::json* latin = FindMention(fr, "Karima Bennani");
  const nlohmann::json* arabic = FindMention(fr, "\u0643\u0631\u064a\u0645\u0629 \u0628\u0646\u0627\u0646\u064a");
  ASSERT_NE(latin, nullptr) << lines[3];
  ASSERT_NE(arabic, nullptr) << lines[3];
  EXPECT_EQ((*latin)["entity"], (*arabic)["entity"]);
  EXPECT_EQ((*arabic)["canonical"], "Karima Bennani");
  nlohmann::json feed = ParseJsonLine(lines[1]);
  ASSERT_NE(FindMention(feed, "Karima Bennani"), nullptr) << lines[1];
  EXPECT_EQ((*FindMention(feed, "Karima Bennani"))["entity"], (*latin)["entity"]);
}

TEST_F(ReadTest, ABadDocumentIsReportedAndTheRunGoesOn) {
  std::string jsonl = dir_.Write("feed.jsonl",
                                 "{\"id\": \"a\", \"text\": \"Premier article.\"}\n"
                                 "{not json\n"
                                 "{\"id\": \"c\", \"text\": \"Dernier article.\"}\n");
  std::string binary = dir_.Write("blob.bin", std::string("\x7f" "ELF\0\0\0\1\2\3", 10) +
                                                  std::string(4000, '\0'));
  RunResult r = Run({"read", jsonl, binary, dir_.path() + "/missing.txt", "--json"});
  ASSERT_EQ(r.exit_code, kExitInputErrors) << r;
  std::vector<std::string> lines = r.lines();
  ASSERT_EQ(lines.size(), 5u) << r;
  EXPECT_EQ(ParseJsonLine(lines[0])["doc"], "a");
  EXPECT_TRUE(ParseJsonLine(lines[1]).contains("error"));
  EXPECT_EQ(ParseJsonLine(lines[2])["doc"], "c");
  for (size_t i : {3u, 4u}) {
    nlohmann::json e = ParseJsonLine(lines[i]);
    EXPECT_TRUE(e.contains("error")) << lines[i];
  }
}

TEST_F(ReadTest, ThreadsGiveIdenticalOutput) {
  std::string many;
  for (int i = 0; i < 300; ++i) {
    many += "{\"id\": \"n" + std::to_string(i) +
            "\", \"published\": \"2024-04-0" + std::to_string(1 + i % 9) +
            "\", \"text\": \"Le ministre Odalric Fernmoor" + std::to_string(i % 7) +
            " a rencontr\u00e9 hier \u00e0 Rabat les repr\u00e9sentants de Daech.\"}\n";
  }
  std::string path = dir_.Write("many.jsonl", many);
  RunResult one = Run({"read", path, "--threads", "1", "--json"});
  RunResult four = Run({"read", path, "--threads", "4", "--json"});
  ASSERT_EQ(one.exit_code, kExitOk) << one;
  EXPECT_EQ(one.lines().size(), 300u);
  EXPECT_EQ(one.out, four.out);
}

TEST_F(ReadTest, DatabaseKeepsEntityKeysAndSearchFindsBothScripts) {
  const std::string db = dir_.path() + "/news.db";
  RunResult first = Run({"read", SourcePath("data/articles/rabat_meeting_fr.txt"), "--db", db, "--json"});
  ASSERT_EQ(first.exit_code, kExitOk) << first;
  RunResult second = Run({"read", SourcePath("data/articles/bayan_ar.html"), "--db", db, "--json"});
  ASSERT_EQ(second.exit_code, kExitOk) << second;
  nlohmann::json fr = ParseJsonLine(first.lines()[0]);
  nlohmann::json ar = ParseJsonLine(second.lines()[0]);
  const nlohmann::json* latin = FindMention(fr, "Karima Bennani");
  const nlohmann::json* arabic =
      FindMention(ar, "\u0643\u0631\u064a\u0645\u0629 \u0628\u0646\u0627\u0646\u064a");
  ASSERT_NE(latin, nullptr);
  ASSERT_NE(arabic, nullptr) << second.lines()[0];
  EXPECT_EQ((*latin)["entity"], (*arabic)["entity"]) << "the key of the first run is kept";

  RunResult search = Run({"search", "--db", db, "Bennani", "--json"});
  ASSERT_EQ(search.exit_code, kExitOk) << search;
  EXPECT_EQ(search.lines().size(), 2u) << search;
  RunResult words = Run({"search", "--db", db, "\u0645\u0631\u0627\u0643\u0634", "--json"});
  ASSERT_EQ(words.exit_code, kExitOk) << words;
  EXPECT_GE(words.lines().size(), 1u) << words;
  EXPECT_NE(Run({"search", "--db", dir_.Write("junk.db", std::string(5000, 'j')), "x"}).exit_code,
            kExitOk);
}

}  // namespace
}  // namespace qantara::cli_test
