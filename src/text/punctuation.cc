// Punctuation and whitespace for matching: step 6 of NormalizeForMatching.
//
// What. A name's punctuation carries no identity except in two cases. The
// hyphen of "al-Baghdadi" or "Abd-al-Rahman" joins the parts of one name,
// and names/ reads particles from it, so a dash between two word characters
// stays (any dash: hyphen, en dash, minus sign). Apostrophes and the ayn and
// hamza signs of transliterations (O'Brien, 'Awwad with a left quote, the
// modifier letters U+02BB/U+02BC/U+02BE/U+02BF) are written by some sources
// and not by others, so they are removed and the word goes on: "obrien",
// "awwad". Every other punctuation mark or symbol separates words; whitespace
// runs become one space; a dash next to a space or at either end is a
// separator too, so "al - Baghdadi" and "-abu-" give "al baghdadi" and "abu".
//
// Why this way. The rule is stated on gaps: between two kept word characters,
// the gap becomes " " if it held any space-class character, else "-" if it held
// a dash, else nothing. That makes the output a sequence of words joined by
// single spaces or hyphens, which a second pass leaves alone (idempotence), and
// it is the same rule the ASCII fast path implements with a byte table.
// A combining mark whose base was dropped or became a separator is dropped
// with it (NFKC turns spacing accents like U+00B4 into space + mark): a mark
// can never start a word.
//
// Checked against. The ASCII fast path (differential test on random strings)
// and the punctuation cases of tests/text/normalize_test.cc.
#include <unicode/uchar.h>

#include <string>
#include <string_view>

#include "text/internal/normalize.h"
#include "text/utf8.h"

namespace qantara::text::internal {
namespace {

bool IsApostropheLike(char32_t cp) {
  switch (cp) {
    case 0x0027:  // APOSTROPHE
    case 0x0060:  // GRAVE ACCENT
    case 0x2018:  // LEFT SINGLE QUOTATION MARK
    case 0x2019:  // RIGHT SINGLE QUOTATION MARK
    case 0x02BB:  // MODIFIER LETTER TURNED COMMA
    case 0x02BC:  // MODIFIER LETTER APOSTROPHE
    case 0x02BE:  // MODIFIER LETTER RIGHT HALF RING (hamza)
    case 0x02BF:  // MODIFIER LETTER LEFT HALF RING (ayn)
      return true;
    default:
      return false;
  }
}

CharClass ClassifyAscii(unsigned char c) {
  if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return CharClass::kWord;
  if (c == '\'' || c == '`') return CharClass::kDrop;
  if (c == '-') return CharClass::kDash;
  return CharClass::kSpace;
}

bool IsMark(char32_t cp) { return cp >= 0x0300 && (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0; }

}  // namespace

CharClass Classify(char32_t cp) {
  if (cp < 0x80) return ClassifyAscii(static_cast<unsigned char>(cp));
  if (cp >= 0x0620 && cp <= 0x064A) return CharClass::kWord;  // the Arabic letters, hot
  if (IsApostropheLike(cp)) return CharClass::kDrop;
  if (cp == 0x2212) return CharClass::kDash;  // MINUS SIGN
  const uint32_t mask = U_GET_GC_MASK(cp);
  if (mask & U_GC_PD_MASK) return CharClass::kDash;
  if (mask & (U_GC_P_MASK | U_GC_S_MASK | U_GC_Z_MASK | U_GC_CC_MASK | U_GC_CF_MASK)) {
    return CharClass::kSpace;
  }
  return CharClass::kWord;
}

std::string FoldPunctuation(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  CharClass gap = CharClass::kWord;  // kWord: nothing since the last word character
  bool attached = false;             // a mark seen now has a kept base
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t cp = DecodeUtf8(s, &i);
    const CharClass cls = Classify(cp);
    if (cls == CharClass::kWord) {
      if (IsMark(cp) && !attached) continue;
      if (!out.empty() && gap != CharClass::kWord) out.push_back(gap == CharClass::kSpace ? ' ' : '-');
      gap = CharClass::kWord;
      attached = true;
      out.append(s.substr(start, i - start));
      continue;
    }
    attached = false;
    if (cls == CharClass::kSpace) {
      gap = CharClass::kSpace;
    } else if (cls == CharClass::kDash && gap != CharClass::kSpace) {
      gap = CharClass::kDash;
    }
  }
  return out;
}

}  // namespace qantara::text::internal
