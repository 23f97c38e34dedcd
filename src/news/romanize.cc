#include "news/romanize.h"

#include <cctype>

#include "text/normalize.h"
#include "text/transliterate.h"
#include "text/utf8.h"

namespace qantara::news {
namespace {

// Latin for one Arabic-script consonant letter; nullptr for letters handled
// by the vowel rules (alef, waw, yeh...) or not rendered.
const char* Consonant(char32_t c) {
  switch (c) {
    case 0x0628: return "b";   // BEH
    case 0x062A: return "t";   // TEH
    case 0x062B: return "th";  // THEH
    case 0x062C: return "j";   // JEEM
    case 0x062D: return "h";   // HAH
    case 0x062E: return "kh";  // KHAH
    case 0x062F: return "d";   // DAL
    case 0x0630: return "dh";  // THAL
    case 0x0631: return "r";   // REH
    case 0x0632: return "z";   // ZAIN
    case 0x0633: return "s";   // SEEN
    case 0x0634: return "sh";  // SHEEN
    case 0x0635: return "s";   // SAD
    case 0x0636: return "d";   // DAD
    case 0x0637: return "t";   // TAH
    case 0x0638: return "z";   // ZAH
    case 0x063A: return "gh";  // GHAIN
    case 0x0641: return "f";   // FEH
    case 0x0642: return "q";   // QAF
    case 0x0643: case 0x06A9: return "k";  // KAF, KEHEH
    case 0x0644: return "l";   // LAM
    case 0x0645: return "m";   // MEEM
    case 0x0646: return "n";   // NOON
    case 0x0647: case 0x06C1: return "h";  // HEH, HEH GOAL
    case 0x067E: return "p";   // PEH
    case 0x0686: return "ch";  // TCHEH
    case 0x0698: return "zh";  // JEH
    case 0x06AF: return "g";   // GAF
    default: return nullptr;
  }
}

bool IsAlef(char32_t c) { return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622; }
bool IsYeh(char32_t c) { return c == 0x064A || c == 0x06CC || c == 0x0626; }

std::string RomanizeWord(const std::u32string& w) {
  std::string out;
  size_t i = 0;
  if (w.size() > 3 && w[0] == 0x0627 && w[1] == 0x0644) {  // ALEF LAM: the article
    out = "al-";
    i = 2;
  }
  const size_t start = out.size();
  for (; i < w.size(); ++i) {
    const char32_t c = w[i];
    const bool initial = out.size() == start;
    const bool after_alef = i > 0 && IsAlef(w[i - 1]);
    const bool last = i + 1 == w.size();
    if (c == 0x0647 && last && i >= 2) {  // HEH at the end: ta marbuta folded (Burita), or Allah
      out += (w[i - 1] == 0x0644 && w[i - 2] == 0x0644) ? "ah" : "a";
    } else if (const char* latin = Consonant(c)) {
      out += latin;
    } else if (IsAlef(c)) {
      out += c == 0x0625 ? "i" : "a";
    } else if (c == 0x0648) {  // WAW
      out += (initial || after_alef) ? "w" : "u";
    } else if (IsYeh(c)) {
      out += (initial || after_alef) ? "y" : "i";
    } else if (c == 0x0649 || c == 0x0629) {  // ALEF MAQSURA, TEH MARBUTA
      out += "a";
    } else if (c == 0x0639 && initial) {  // AIN starts a word with a vowel sound
      out += IsYeh(i + 1 < w.size() ? w[i + 1] : 0) ? "" : "a";
    }
  }
  if (out.size() > start) {
    out[start] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[start])));
  }
  return out;
}

}  // namespace

std::string RomanizeName(std::string_view name) {
  if (text::DominantScript(name) != text::Script::kArabic) {
    std::string latin = text::DominantScript(name) == text::Script::kLatin
                            ? std::string(name)
                            : text::TransliterateToLatin(name);
    bool word_start = true;
    for (char& c : latin) {
      if (word_start && std::islower(static_cast<unsigned char>(c))) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      word_start = c == ' ' || c == '-';
    }
    return latin;
  }
  const std::string normalized = text::NormalizeArabic(name);
  std::string out;
  std::u32string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string w = RomanizeWord(word);
    if (!w.empty()) {
      if (!out.empty()) out += ' ';
      out += w;
    }
    word.clear();
  };
  size_t pos = 0;
  while (pos < normalized.size()) {
    const char32_t c = text::DecodeUtf8(normalized, &pos);
    if (c == ' ' || c == '-' || c == 0x060C) {  // ARABIC COMMA
      flush();
    } else {
      word.push_back(c);
    }
  }
  flush();
  return out;
}

}  // namespace qantara::news
