#include "lists/field_text.h"

#include <algorithm>
#include <array>

#include "text/utf8.h"

namespace qantara::lists {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Windows-1252 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

bool IsGenerationalSuffix(std::string_view s) {
  static constexpr std::string_view kSuffixes[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
  for (std::string_view k : kSuffixes) {
    if (EqualsIgnoreCase(s, k)) return true;
  }
  return false;
}

}  // namespace

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

std::vector<std::string> SplitTrimmed(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view piece = TrimSpaces(s.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> SplitNumberedItems(std::string_view s) {
  std::vector<std::string> out;
  auto flush = [&out](std::string_view piece) {
    piece = TrimSpaces(piece);
    while (!piece.empty() && (piece.back() == '.' || piece.back() == ',' || piece.back() == ';')) {
      piece.remove_suffix(1);
      piece = TrimSpaces(piece);
    }
    if (!piece.empty()) out.emplace_back(piece);
  };
  size_t piece_start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '(') continue;
    size_t j = i + 1;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i + 1 || j >= s.size() || s[j] != ')' || j - i > 4) continue;
    flush(s.substr(piece_start, i - piece_start));
    piece_start = j + 1;
    i = j;
  }
  flush(s.substr(piece_start));
  return out;
}

std::string NormalizeGender(std::string_view s) {
  s = TrimSpaces(s);
  while (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (EqualsIgnoreCase(s, "male") || EqualsIgnoreCase(s, "m")) return "male";
  if (EqualsIgnoreCase(s, "female") || EqualsIgnoreCase(s, "f")) return "female";
  return "";
}

std::string NaturalOrderName(std::string_view s) {
  s = TrimSpaces(s);
  size_t comma = s.find(", ");
  if (comma == std::string_view::npos || comma == 0) return std::string(s);
  std::string_view last = TrimSpaces(s.substr(0, comma));
  std::string_view rest = TrimSpaces(s.substr(comma + 2));
  std::string_view suffix;
  size_t comma2 = rest.find(',');
  if (comma2 != std::string_view::npos) {
    suffix = TrimSpaces(rest.substr(comma2 + 1));
    rest = TrimSpaces(rest.substr(0, comma2));
    if (!IsGenerationalSuffix(suffix)) return std::string(s);
  }
  if (rest.empty() || last.empty()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  out.append(rest).append(" ").append(last);
  if (!suffix.empty()) out.append(" ").append(suffix);
  return out;
}

bool HasNonLatinLetters(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp = text::DecodeUtf8(s, &pos);
    if (cp < 0x0370) continue;                   // Latin, IPA, spacing and combining marks
    if (cp >= 0x1E00 && cp <= 0x1EFF) continue;  // Latin Extended Additional
    if (cp >= 0x2000 && cp <= 0x2BFF) continue;  // punctuation, symbols, arrows
    if (cp >= 0xFB00 && cp <= 0xFB06) continue;  // Latin ligatures
    if (cp >= 0xFE00 && cp <= 0xFE0F) continue;  // variation selectors
    if (cp == 0xFEFF || cp == 0xFFFD) continue;  // BOM, replacement character
    if (cp >= 0xFF01 && cp <= 0xFF5E) continue;  // fullwidth ASCII
    return true;
  }
  return false;
}

bool SplitMixedScriptName(std::string_view s, std::string* non_latin,
                          std::vector<std::string>* latin) {
  s = TrimSpaces(s);
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ';')) s.remove_suffix(1);
  size_t open = s.find(" (");
  if (open == std::string_view::npos || s.empty() || s.back() != ')') return false;
  std::string_view outside = TrimSpaces(s.substr(0, open));
  std::string_view inside = TrimSpaces(s.substr(open + 2, s.size() - open - 3));
  if (outside.empty() || inside.empty() || inside.find('(') != std::string_view::npos) return false;
  bool outside_non_latin = HasNonLatinLetters(outside);
  if (outside_non_latin == HasNonLatinLetters(inside)) return false;
  std::string_view other = outside_non_latin ? inside : outside;
  *non_latin = CollapseSpaces(outside_non_latin ? outside : inside);
  for (std::string& name : SplitTrimmed(other, ';')) latin->push_back(CollapseSpaces(name));
  return true;
}

std::string Cp1252ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      char16_t cp = kCp1252High[b - 0x80];
      text::AppendUtf8(cp == 0 ? char32_t{0xFFFD} : char32_t{cp}, &out);
    } else {
      text::AppendUtf8(b, &out);
    }
  }
  return out;
}

bool LooksLikeSingleByteText(std::string_view s) {
  if (text::ValidateUtf8(s).ok()) return false;
  size_t pos = 0;
  while (pos < s.size()) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      ++pos;
      continue;
    }
    size_t before = pos;
    char32_t cp = text::DecodeUtf8(s, &pos);
    if (cp != 0xFFFD || pos - before > 1) return false;  // a well-formed multi-byte sequence
  }
  return true;
}

std::string_view LegacyTextAsUtf8(std::string_view data, std::string* storage) {
  if (!LooksLikeSingleByteText(data)) return data;
  *storage = Cp1252ToUtf8(data);
  return *storage;
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

void AddUnique(std::vector<std::string>* out, std::string value) {
  if (value.empty()) return;
  if (std::find(out->begin(), out->end(), value) != out->end()) return;
  out->push_back(std::move(value));
}

void AddValue(std::vector<std::string>* out, std::string value) {
  if (!value.empty()) out->push_back(std::move(value));
}

}  // namespace qantara::lists
