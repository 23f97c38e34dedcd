// Country lookup: why a local fold and not text::NormalizeForMatching.
//
// Country names are ASCII plus a few Latin accents (Turkiye with u-umlaut, Cote
// d'Ivoire with o-circumflex, Curacao with c-cedilla), and the table is matched by exact key, so a
// small fold of our own (ASCII case, Latin-1 and Latin Extended-A accents, punctuation) covers them
// and keeps list loading independent of ICU. gen_countries.py checks with the same fold that no
// two codes share a name.
#include "text/countries.h"

#include <unordered_map>

#include "base/ascii.h"
#include "text/utf8.h"

namespace qantara::text {
namespace {

struct CountryRow {
  const char* code;
  const char* name;
};

constexpr CountryRow kCountryRows[] = {
#include "generated/countries.inc"
};

// Base letters of U+00C0..U+00FF ('*' = not a letter: becomes a space; '#' = two letters).
constexpr char kLatin1Base[] = "aaaaaa#ceeeeiiiidnooooo*ouuuuy##aaaaaa#ceeeeiiiidnooooo*ouuuuy#y";

// Appends the ASCII form of one Latin code point, or a space for anything else.
void AppendFoldedLatin(char32_t cp, std::string* out) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    char base = kLatin1Base[cp - 0xC0];
    if (base == '*') {
      out->push_back(' ');
    } else if (base != '#') {
      out->push_back(base);
    } else if (cp == 0xC6 || cp == 0xE6) {
      out->append("ae");
    } else if (cp == 0xDE || cp == 0xFE) {
      out->append("th");
    } else {
      out->append("ss");  // U+00DF SHARP S
    }
    return;
  }
  static constexpr struct {
    char32_t last;
    const char* base;
  } kExtendedA[] = {
      {0x0105, "a"}, {0x010D, "c"},  {0x0111, "d"}, {0x011B, "e"}, {0x0123, "g"}, {0x0127, "h"},
      {0x0131, "i"}, {0x0133, "ij"}, {0x0135, "j"}, {0x0138, "k"}, {0x0142, "l"}, {0x014B, "n"},
      {0x0151, "o"}, {0x0153, "oe"}, {0x0159, "r"}, {0x0161, "s"}, {0x0167, "t"}, {0x0173, "u"},
      {0x0175, "w"}, {0x0178, "y"},  {0x017E, "z"}, {0x017F, "s"},
  };
  if (cp >= 0x0100 && cp <= 0x017F) {
    for (const auto& r : kExtendedA) {
      if (cp <= r.last) {
        out->append(r.base);
        return;
      }
    }
  }
  out->push_back(' ');
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == '`'; }

const std::unordered_map<std::string, std::string>& CountryTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, std::string>();
    for (const CountryRow& row : kCountryRows) {
      t->emplace(FoldCountryName(row.name), row.code);
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::string FoldCountryName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  size_t pos = 0;
  while (pos < name.size()) {
    char32_t cp = DecodeUtf8(name, &pos);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.push_back(c);
        continue;
      }
    }
    if (IsApostrophe(cp)) continue;
    if (cp < 0x80) {
      out.push_back(' ');
    } else {
      AppendFoldedLatin(cp, &out);
    }
  }
  std::string folded = CollapseSpaces(out);
  if (folded.rfind("the ", 0) == 0) folded.erase(0, 4);
  return folded;
}

bool IsCountryCode(std::string_view code) {
  if (code.size() != 2) return false;
  std::string lower = AsciiLower(code);
  for (const CountryRow& row : kCountryRows) {
    if (lower == row.code) return true;
  }
  return false;
}

std::string CountryCode(std::string_view name) {
  if (name.empty()) return "";
  const auto& table = CountryTable();
  auto it = table.find(FoldCountryName(name));
  return it == table.end() ? "" : it->second;
}

}  // namespace qantara::text
