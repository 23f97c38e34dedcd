#include "text/legacy_encoding.h"

#include <array>

#include "text/utf8.h"

namespace qantara::text {
namespace {

// Windows-1252 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

}  // namespace

std::string Cp1252ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      char16_t cp = kCp1252High[b - 0x80];
      AppendUtf8(cp == 0 ? char32_t{0xFFFD} : char32_t{cp}, &out);
    } else {
      AppendUtf8(b, &out);
    }
  }
  return out;
}

int Cp1252Byte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  if (cp < 0x100) return -1;
  for (size_t i = 0; i < kCp1252High.size(); ++i) {
    if (kCp1252High[i] == cp) return static_cast<int>(0x80 + i);
  }
  return -1;
}

bool LooksLikeSingleByteText(std::string_view s) {
  if (ValidateUtf8(s).ok()) return false;
  size_t pos = 0;
  while (pos < s.size()) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      ++pos;
      continue;
    }
    size_t before = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp != 0xFFFD || pos - before > 1) return false;  // a well-formed multi-byte sequence
  }
  return true;
}

std::string_view LegacyTextAsUtf8(std::string_view data, std::string* storage) {
  if (!LooksLikeSingleByteText(data)) return data;
  *storage = Cp1252ToUtf8(data);
  return *storage;
}

}  // namespace qantara::text
