// DecodeText and friends on our own byte fixtures: UTF-8 in French and Arabic,
// windows-1252 and windows-1256 bytes written as escapes, BOMs, mislabelled
// charsets, mojibake, stray bytes, binary data.
#include "news/encoding.h"

#include <gtest/gtest.h>

#include <random>

#include "text/utf8.h"

namespace qantara::news {
namespace {

bool AnyNote(const std::vector<std::string>& notes, std::string_view part) {
  for (const std::string& n : notes) {
    if (n.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(DecodeText, KeepsValidUtf8WithoutNotes) {
  for (const char* s : {"Le ministre a visité Rabat.", "وصل وزير الخارجية إلى الرباط", "plain"}) {
    std::vector<std::string> notes;
    EXPECT_EQ(DecodeText(s, "", &notes), s);
    EXPECT_TRUE(notes.empty()) << notes.front();
  }
}

TEST(DecodeText, StripsByteOrderMarks) {
  EXPECT_EQ(DecodeText("\xEF\xBB\xBFété", "", nullptr), "été");
  EXPECT_EQ(DecodeText(std::string("\xFF\xFEh\0i\0", 6), "", nullptr), "hi");
  // U+0627 U+0644 (alef, lam) in UTF-16BE; the BOM wins over a declared charset.
  EXPECT_EQ(DecodeText(std::string("\xFE\xFF\x06\x27\x06\x44", 6), "windows-1252", nullptr), "ال");
}

TEST(DecodeText, GuessesWindows1252ForFrench) {
  std::vector<std::string> notes;
  EXPECT_EQ(DecodeText("Le ministre fran\xe7"
                       "ais a visit\xe9 Rabat \xab ce matin \xbb \x96 AFP",
                       "", &notes),
            "Le ministre français a visité Rabat « ce matin » – AFP");
  EXPECT_TRUE(AnyNote(notes, "decoded as windows-1252 (guessed)"));
  EXPECT_TRUE(AnyNote(notes, "first bad byte at byte 16"));
  // Capitals next to each other stay Latin.
  EXPECT_EQ(DecodeText("\xC9T\xC9 \xC0 PARIS", "", nullptr), "ÉTÉ À PARIS");
}

TEST(DecodeText, GuessesWindows1256ForArabic) {
  std::vector<std::string> notes;
  EXPECT_EQ(DecodeText("\xc7\xe1\xd3\xe1\xc7\xe3 \xda\xe1\xed\xdf\xe3", "", &notes),
            "السلام عليكم");
  EXPECT_TRUE(AnyNote(notes, "windows-1256 (guessed)"));
  // French letters share their windows-1252 places in windows-1256.
  EXPECT_EQ(DecodeText("\xe3\xd1\xcd\xc8\xc7 \xc8\xdf\xe3 \xdd\xed \xc7\xe1\xd1\xc8\xc7\xd8 "
                       "(visite \xe0 Rabat)",
                       "", nullptr),
            "مرحبا بكم في الرباط (visite à Rabat)");
}

TEST(DecodeText, UsesTheDeclaredCharset) {
  std::vector<std::string> notes;
  EXPECT_EQ(DecodeText("caf\xe9", "ISO-8859-1", &notes), "café");
  EXPECT_EQ(DecodeText("\xc7\xe1\xd3\xe1\xc7\xe3", "windows-1256", &notes), "السلام");
  EXPECT_TRUE(AnyNote(notes, "decoded as windows-1256 (declared)"));
  // Declared latin-1, but the bytes are UTF-8: a common mislabel.
  notes.clear();
  EXPECT_EQ(DecodeText("café", "iso-8859-1", &notes), "café");
  EXPECT_TRUE(AnyNote(notes, "the bytes are UTF-8"));
  notes.clear();
  EXPECT_EQ(DecodeText("caf\xe9", "x-no-such-charset", &notes), "café");
  EXPECT_TRUE(AnyNote(notes, "unknown charset"));
}

TEST(DecodeText, RepairsMojibake) {
  std::vector<std::string> notes;
  EXPECT_EQ(DecodeText("Ã©tÃ©", "", &notes), "été");
  EXPECT_TRUE(AnyNote(notes, "mojibake repaired: 2"));
  EXPECT_EQ(DecodeText("MinistÃ¨re des Affaires Ã©trangÃ¨res", "", nullptr),
            "Ministère des Affaires étrangères");
  EXPECT_EQ(DecodeText("Ø§Ù„Ù…ØºØ±Ø¨", "", nullptr), "المغرب");
  // Damaged twice.
  EXPECT_EQ(RepairMojibake("ÃƒÂ©", nullptr), "é");
  // Windows-1252 bytes of UTF-8, decoded as windows-1252 because declared so.
  EXPECT_EQ(DecodeText("\xC3\x83\xC2\xA9t\xC3\x83\xC2\xA9", "utf-8", nullptr), "été");
}

TEST(DecodeText, LeavesLegitimateLatinAlone) {
  for (const char* s : {"À l'été, Ôtez-vous de là.", "São Paulo × Ürümqi", "Ã seul"}) {
    std::vector<std::string> notes;
    EXPECT_EQ(DecodeText(s, "", &notes), s);
    EXPECT_TRUE(notes.empty());
  }
}

TEST(DecodeText, ReplacesRareBadBytesInUtf8) {
  std::string text = "Le ministère a précisé que la réunion était prévue à Genève. ";
  text += "\xFF";
  text += "Fin de l'été.";
  std::vector<std::string> notes;
  std::string out = DecodeText(text, "", &notes);
  EXPECT_EQ(out,
            "Le ministère a précisé que la réunion était prévue à Genève. \uFFFDFin de l'été.");
  EXPECT_TRUE(AnyNote(notes, "1 byte(s) replaced by U+FFFD, the first at byte " +
                                 std::to_string(text.find('\xFF'))))
      << notes[0];
}

TEST(DecodeText, AlwaysReturnsValidUtf8) {
  std::mt19937 rng(42);
  for (int round = 0; round < 500; ++round) {
    std::string bytes(rng() % 200, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    for (const char* charset : {"", "utf-8", "windows-1256", "shift_jis", "utf-16"}) {
      std::string out = DecodeText(bytes, charset, nullptr);
      ASSERT_TRUE(text::ValidateUtf8(out).ok()) << charset;
    }
  }
}

TEST(LooksBinary, FlagsBinaryNotText) {
  EXPECT_TRUE(LooksBinary(std::string("abc\0def", 7)));
  EXPECT_TRUE(LooksBinary("\x89PNG\r\n\x1a\n"));
  EXPECT_TRUE(LooksBinary("%PDF-1.7\n"));
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += (i % 5 == 0) ? "\x01" : "ab";
  EXPECT_TRUE(LooksBinary(controls));
  EXPECT_FALSE(LooksBinary("Bonjour\r\n\tle monde\f"));
  EXPECT_FALSE(LooksBinary("\xc7\xe1\xd3\xe1\xc7\xe3"));
  EXPECT_FALSE(LooksBinary(std::string("\xFF\xFEh\0i\0", 6)));
}

TEST(Charset, FromContentTypeAndMeta) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=windows-1256"), "windows-1256");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(SniffHtmlCharset("<html><head><meta charset=\"Windows-1256\"></head>"), "windows-1256");
  EXPECT_EQ(SniffHtmlCharset("<META http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=iso-8859-1\">"),
            "iso-8859-1");
  EXPECT_EQ(SniffHtmlCharset("<meta name=\"description\" content=\"x\"><p>charset=x</p>"), "");
}

}  // namespace
}  // namespace qantara::news
