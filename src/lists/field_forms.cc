#include "lists/internal/field_forms.h"

#include <algorithm>

#include "base/ascii.h"
#include "text/countries.h"
#include "text/utf8.h"

namespace qantara::lists {
namespace {

bool IsGenerationalSuffix(std::string_view s) {
  static constexpr std::string_view kSuffixes[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
  for (std::string_view k : kSuffixes) {
    if (EqualsIgnoreCase(s, k)) return true;
  }
  return false;
}

std::string_view TrimPunctuation(std::string_view s) {
  s = TrimSpaces(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) {
    s.remove_suffix(1);
    s = TrimSpaces(s);
  }
  return s;
}

}  // namespace

std::vector<std::string> SplitNumberedItems(std::string_view s) {
  std::vector<std::string> out;
  auto flush = [&out](std::string_view piece) {
    piece = TrimPunctuation(piece);
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

CountryList CountriesIn(std::string_view text) {
  CountryList out;
  auto add_code = [&out](const std::string& code) { AddUnique(&out.codes, code); };
  for (const std::string& item : SplitNumberedItems(text)) {
    std::string code = text::CountryCode(item);
    if (!code.empty()) {
      add_code(code);
      continue;
    }
    // "Central African Republic. South Sudan", "Estonia, Russia", "Iraq; Jordan".
    std::string normalized(item);
    for (char& c : normalized) {
      if (c == '.' || c == ';') c = ',';
    }
    for (const std::string& piece : SplitTrimmed(normalized, ',')) {
      std::string_view p = TrimPunctuation(piece);
      if (p.empty()) continue;
      std::string piece_code = text::CountryCode(p);
      if (piece_code.empty()) {
        out.unknown.emplace_back(p);
      } else {
        add_code(piece_code);
      }
    }
  }
  return out;
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
