#include "text/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace qantara::text {
namespace {

// A dumb reference: decodes by the bit patterns and then checks the rules of
// RFC 3629 one by one (shortest form, no surrogates, at most U+10FFFF).
bool ReferenceIsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len;
    char32_t cp;
    if (c < 0x80) {
      len = 1, cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (int k = 1; k < len; ++k) {
      const auto t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (t & 0x3F);
    }
    const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len]) return false;  // overlong
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp > 0x10FFFF) return false;
    i += len;
  }
  return true;
}

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

TEST(Utf8, AcceptsWellFormed) {
  const std::vector<std::string> cases = {
      "",
      "plain ASCII name",
      Bytes({0xC2, 0x80}),              // U+0080
      Bytes({0xDF, 0xBF}),              // U+07FF
      Bytes({0xE0, 0xA0, 0x80}),        // U+0800
      Bytes({0xED, 0x9F, 0xBF}),        // U+D7FF, last before the surrogates
      Bytes({0xEE, 0x80, 0x80}),        // U+E000, first after the surrogates
      Bytes({0xEF, 0xBF, 0xBF}),        // U+FFFF
      Bytes({0xF0, 0x90, 0x80, 0x80}),  // U+10000
      Bytes({0xF4, 0x8F, 0xBF, 0xBF}),  // U+10FFFF
      "محمد بن سلمان",
      "Sébastien Müller",
  };
  for (const std::string& s : cases) {
    size_t bad = 12345;
    EXPECT_TRUE(ValidateUtf8(s, &bad).ok()) << s;
    EXPECT_EQ(bad, 12345u) << "bad_offset must be left alone on success";
  }
}

struct BadCase {
  const char* what;
  std::string bytes;
  size_t offset;
  const char* shown;  // the offending byte as the message shows it
};

TEST(Utf8, RejectsIllFormedWithOffset) {
  const std::vector<BadCase> cases = {
      {"overlong 2-byte NUL", "ab" + Bytes({0xC0, 0x80}), 2, "0xC0"},
      {"overlong 2-byte", Bytes({0xC1, 0xBF}), 0, "0xC1"},
      {"overlong 3-byte", "x" + Bytes({0xE0, 0x80, 0x80}), 1, "0xE0"},
      {"overlong 3-byte max", Bytes({0xE0, 0x9F, 0xBF}), 0, "0xE0"},
      {"overlong 4-byte", Bytes({0xF0, 0x8F, 0xBF, 0xBF}), 0, "0xF0"},
      {"high surrogate", "abc" + Bytes({0xED, 0xA0, 0x80}), 3, "0xED"},
      {"low surrogate", Bytes({0xED, 0xBF, 0xBF}), 0, "0xED"},
      {"truncated 2-byte", "name" + Bytes({0xC3}), 4, "0xC3"},
      {"truncated 3-byte", "n" + Bytes({0xE2, 0x82}), 1, "0xE2"},
      {"truncated 4-byte", Bytes({0xF0, 0x9D, 0x84}), 0, "0xF0"},
      {"above U+10FFFF", "ok" + Bytes({0xF4, 0x90, 0x80, 0x80}), 2, "0xF4"},
      {"lead F5", Bytes({0xF5, 0x80, 0x80, 0x80}), 0, "0xF5"},
      {"byte FF", "a" + Bytes({0xFF}), 1, "0xFF"},
      {"lone continuation", "ab" + Bytes({0x80}) + "cd", 2, "0x80"},
      {"bad continuation", Bytes({0xC3, 0x28}), 0, "0xC3"},
      {"after the 8-byte ASCII run", std::string(17, 'a') + Bytes({0xC3}), 17, "0xC3"},
      {"after a valid non-ASCII letter", Bytes({0xC3, 0xA9, 0xE9}), 2, "0xE9"},
  };
  for (const BadCase& c : cases) {
    size_t bad = 0;
    const Status st = ValidateUtf8(c.bytes, &bad);
    ASSERT_FALSE(st.ok()) << c.what;
    EXPECT_EQ(st.code(), StatusCode::kCorruption) << c.what;
    EXPECT_EQ(bad, c.offset) << c.what;
    EXPECT_NE(st.message().find("byte " + std::to_string(c.offset)), std::string::npos)
        << c.what << ": " << st.message();
    EXPECT_NE(st.message().find(c.shown), std::string::npos) << c.what << ": " << st.message();
    EXPECT_TRUE(ValidateUtf8(c.bytes).ok() == false) << "bad_offset is optional";
  }
}

// Every 1- and 2-byte string and every 3-byte string starting with a lead byte
// of 0xC0 or more, against the reference.
TEST(Utf8, ExhaustiveShortSequencesMatchReference) {
  std::string s;
  for (int a = 0; a < 256; ++a) {
    s.assign(1, static_cast<char>(a));
    ASSERT_EQ(ValidateUtf8(s).ok(), ReferenceIsValid(s)) << a;
    for (int b = 0; b < 256; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      ASSERT_EQ(ValidateUtf8(s).ok(), ReferenceIsValid(s)) << a << " " << b;
    }
  }
  for (int a = 0xC0; a < 256; ++a) {
    for (int b = 0x70; b < 0xD0; ++b) {
      for (int c = 0x70; c < 0xD0; ++c) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        ASSERT_EQ(ValidateUtf8(s).ok(), ReferenceIsValid(s)) << a << " " << b << " " << c;
      }
    }
  }
}

TEST(Utf8, RandomStringsMatchReference) {
  std::mt19937 rng(20240607);
  // Bias towards bytes that make interesting sequences.
  const int pool[] = {'a', ' ', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                      0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  std::uniform_int_distribution<int> pick(0, std::size(pool) - 1);
  std::uniform_int_distribution<int> length(0, 24);
  for (int n = 0; n < 200000; ++n) {
    std::string s;
    for (int k = length(rng); k > 0; --k) s.push_back(static_cast<char>(pool[pick(rng)]));
    ASSERT_EQ(ValidateUtf8(s).ok(), ReferenceIsValid(s));
    const std::string scrubbed = ScrubUtf8(s);
    ASSERT_TRUE(ValidateUtf8(scrubbed).ok());
    if (ReferenceIsValid(s)) {
      ASSERT_EQ(scrubbed, s);
    }
  }
}

TEST(Utf8, EveryScalarValueRoundTrips) {
  std::string s;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    s.clear();
    AppendUtf8(cp, &s);
    ASSERT_TRUE(ValidateUtf8(s).ok()) << std::hex << static_cast<uint32_t>(cp);
    ASSERT_TRUE(ReferenceIsValid(s)) << std::hex << static_cast<uint32_t>(cp);
    size_t pos = 0;
    ASSERT_EQ(static_cast<uint32_t>(DecodeUtf8(s, &pos)), static_cast<uint32_t>(cp));
    ASSERT_EQ(pos, s.size());
  }
}

TEST(Utf8, AppendReplacesNonScalarValues) {
  std::string s;
  AppendUtf8(0xD800, &s);
  AppendUtf8(0x110000, &s);
  EXPECT_EQ(s, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(Utf8, DecodeAdvancesOneByteOnIllFormedInput) {
  const std::string s = "a" + Bytes({0xE2, 0x82}) + Bytes({0xC3, 0xA9});
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), char32_t{'a'});
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(s, &pos), 0xFFFDu);
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(DecodeUtf8(s, &pos), 0xFFFDu);
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(DecodeUtf8(s, &pos), 0xE9u);
  EXPECT_EQ(pos, 5u);
}

TEST(Utf8, ScrubReplacesEachBadByte) {
  EXPECT_EQ(ScrubUtf8("abc"), "abc");
  EXPECT_EQ(ScrubUtf8("a" + Bytes({0xC3, 0x28}) + "b"), "a\xEF\xBF\xBD(b");
  EXPECT_EQ(ScrubUtf8(Bytes({0xED, 0xA0, 0x80})), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ScrubUtf8("é"), "é");
}

TEST(Utf8, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("ABU BAKR, al-Baghdadi 1971 ~\x7F"));
  EXPECT_FALSE(IsAscii("Müller"));
  EXPECT_FALSE(IsAscii(Bytes({0x80})));
}

}  // namespace
}  // namespace qantara::text
