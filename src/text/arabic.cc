// Arabic-script normalisation for matching: step 5 of NormalizeForMatching.
//
// What. Arabic spelling varies in ways that do not change which name is meant:
// hamza seats (alef with hamza above/below, madda, wasla), ta marbuta written
// as heh, alef maqsura written as yeh (the usual Egyptian and Sudanese
// spelling), harakat and Quranic marks present or absent, tatweel stretching,
// Persian and Urdu code points for the same letters (keheh, Farsi yeh, heh
// goal), Kurdish and Uyghur vowel letters (waw and yeh with small marks),
// Maghrebi feh and qaf, and Eastern Arabic or Persian digits. Each such class
// is folded to one representative so that both sides of a comparison meet.
//
// Why this way. One switch over the code point (a jump table) plus a range test
// for marks: no ICU call on the common path, so an Arabic name costs tens of
// nanoseconds here. Letters that carry a distinct sound in names stay distinct
// (peh, tcheh, jeh, gaf, veh, Maghrebi qaf with three dots, ve): names/ maps
// them to p, ch, zh, g, v. The stand-alone hamza U+0621 stays: dropping it would
// merge different names (Alaa and Ula). A combining mark that sat on a removed
// base (a tatweel carrying a fatha, or any other mark) goes with that base, so
// that it cannot attach to the previous letter and make a second pass differ.
//
// Checked against. The Unicode 15 character names and decompositions of the
// Arabic block (U+0600-U+06FF), the Arabic Presentation Forms after NFKC, and
// the exhaustive sweep in tests/text/normalize_test.cc (every code point of
// U+0600-U+06FF, U+FB50-U+FDFF and U+FE70-U+FEFF: valid UTF-8 out, idempotent,
// no tatweel and no harakat left).
#include <unicode/uchar.h>

#include <string>
#include <string_view>

#include "text/normalize.h"
#include "text/utf8.h"

namespace qantara::text {
namespace {

constexpr char32_t kAlef = 0x0627;      // ARABIC LETTER ALEF
constexpr char32_t kWaw = 0x0648;       // ARABIC LETTER WAW
constexpr char32_t kYeh = 0x064A;       // ARABIC LETTER YEH
constexpr char32_t kHeh = 0x0647;       // ARABIC LETTER HEH
constexpr char32_t kKaf = 0x0643;       // ARABIC LETTER KAF
constexpr char32_t kRemove = 0;         // FoldArabicLetter: remove the code point

// The representative of `cp` among Arabic letters, kRemove for a removed
// spacing character, or `cp` itself.
char32_t FoldArabicLetter(char32_t cp) {
  switch (cp) {
    case 0x0622:  // ARABIC LETTER ALEF WITH MADDA ABOVE
    case 0x0623:  // ARABIC LETTER ALEF WITH HAMZA ABOVE
    case 0x0625:  // ARABIC LETTER ALEF WITH HAMZA BELOW
    case 0x0671:  // ARABIC LETTER ALEF WASLA
    case 0x0672:  // ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE
    case 0x0673:  // ARABIC LETTER ALEF WITH WAVY HAMZA BELOW
    case 0x0675:  // ARABIC LETTER HIGH HAMZA ALEF
      return kAlef;
    case 0x0624:  // ARABIC LETTER WAW WITH HAMZA ABOVE
    case 0x0676:  // ARABIC LETTER HIGH HAMZA WAW
    case 0x0677:  // ARABIC LETTER U WITH HAMZA ABOVE
    case 0x06C4:  // ARABIC LETTER WAW WITH RING
    case 0x06C5:  // ARABIC LETTER KIRGHIZ OE
    case 0x06C6:  // ARABIC LETTER OE
    case 0x06C7:  // ARABIC LETTER U
    case 0x06C8:  // ARABIC LETTER YU
    case 0x06C9:  // ARABIC LETTER KIRGHIZ YU
    case 0x06CA:  // ARABIC LETTER WAW WITH TWO DOTS ABOVE
    case 0x06CF:  // ARABIC LETTER WAW WITH DOT ABOVE
      return kWaw;
    case 0x0620:  // ARABIC LETTER KASHMIRI YEH
    case 0x0626:  // ARABIC LETTER YEH WITH HAMZA ABOVE
    case 0x063D:  // ARABIC LETTER FARSI YEH WITH INVERTED V
    case 0x063E:  // ARABIC LETTER FARSI YEH WITH TWO DOTS ABOVE
    case 0x063F:  // ARABIC LETTER FARSI YEH WITH THREE DOTS ABOVE
    case 0x0649:  // ARABIC LETTER ALEF MAKSURA
    case 0x0678:  // ARABIC LETTER HIGH HAMZA YEH
    case 0x06CC:  // ARABIC LETTER FARSI YEH
    case 0x06CD:  // ARABIC LETTER YEH WITH TAIL
    case 0x06CE:  // ARABIC LETTER YEH WITH SMALL V
    case 0x06D0:  // ARABIC LETTER E
    case 0x06D1:  // ARABIC LETTER YEH WITH THREE DOTS BELOW
    case 0x06D2:  // ARABIC LETTER YEH BARREE
    case 0x06D3:  // ARABIC LETTER YEH BARREE WITH HAMZA ABOVE
      return kYeh;
    case 0x0629:  // ARABIC LETTER TEH MARBUTA
    case 0x06BE:  // ARABIC LETTER HEH DOACHASHMEE
    case 0x06C0:  // ARABIC LETTER HEH WITH YEH ABOVE
    case 0x06C1:  // ARABIC LETTER HEH GOAL
    case 0x06C2:  // ARABIC LETTER HEH GOAL WITH HAMZA ABOVE
    case 0x06C3:  // ARABIC LETTER TEH MARBUTA GOAL
    case 0x06D5:  // ARABIC LETTER AE
    case 0x06FF:  // ARABIC LETTER HEH WITH INVERTED V
      return kHeh;
    case 0x063B:  // ARABIC LETTER KEHEH WITH TWO DOTS ABOVE
    case 0x063C:  // ARABIC LETTER KEHEH WITH THREE DOTS BELOW
    case 0x06A9:  // ARABIC LETTER KEHEH
    case 0x06AA:  // ARABIC LETTER SWASH KAF
      return kKaf;
    case 0x066E:  // ARABIC LETTER DOTLESS BEH
      return 0x0628;  // ARABIC LETTER BEH
    case 0x06A1:  // ARABIC LETTER DOTLESS FEH
    case 0x06A2:  // ARABIC LETTER FEH WITH DOT MOVED BELOW (Maghrebi feh)
      return 0x0641;  // ARABIC LETTER FEH
    case 0x066F:  // ARABIC LETTER DOTLESS QAF
    case 0x06A7:  // ARABIC LETTER QAF WITH DOT ABOVE (Maghrebi qaf)
      return 0x0642;  // ARABIC LETTER QAF
    case 0x06BA:  // ARABIC LETTER NOON GHUNNA
      return 0x0646;  // ARABIC LETTER NOON
    case 0x06B5:  // ARABIC LETTER LAM WITH SMALL V
      return 0x0644;  // ARABIC LETTER LAM
    case 0x0695:  // ARABIC LETTER REH WITH SMALL V BELOW
      return 0x0631;  // ARABIC LETTER REH
    case 0x0640:  // ARABIC TATWEEL
    case 0x0674:  // ARABIC LETTER HIGH HAMZA (left by NFKC of U+0675..U+0678)
    case 0xFE73:  // ARABIC TAIL FRAGMENT (a glyph piece, no letter; NFKC keeps it)
      return kRemove;
    default:
      return cp;
  }
}

// Harakat, Quranic annotation marks and the small vowel letters: removed
// without disturbing the letter they sit on.
bool IsArabicMark(char32_t cp) {
  if (cp < 0x0610) return false;
  if (cp <= 0x06FF) {
    return (cp <= 0x061A) ||                    // ARABIC SIGN SALLALLAHOU .. SMALL KASRA
           (cp >= 0x064B && cp <= 0x065F) ||    // ARABIC FATHATAN .. WAVY HAMZA BELOW
           cp == 0x0670 ||                      // ARABIC LETTER SUPERSCRIPT ALEF
           (cp >= 0x06D6 && cp <= 0x06DC) ||    // ARABIC SMALL HIGH LIGATURE SAD .. SEEN
           (cp >= 0x06DF && cp <= 0x06E8) ||    // ARABIC SMALL HIGH ROUNDED ZERO .. NOON
           (cp >= 0x06EA && cp <= 0x06ED);      // ARABIC EMPTY CENTRE LOW STOP .. MEEM
  }
  if ((cp >= 0x0898 && cp <= 0x08FF) || (cp >= 0x10EFD && cp <= 0x10EFF)) {
    // Arabic Extended-A/B/C: every non-spacing mark there is Arabic.
    return u_charType(cp) == U_NON_SPACING_MARK;
  }
  // ARABIC FATHATAN ISOLATED FORM .. ARABIC SUKUN MEDIAL FORM, except
  // U+FE73 ARABIC TAIL FRAGMENT (removed as a base above) and the unassigned
  // U+FE75: only seen when the caller did not apply NFKC first.
  return cp >= 0xFE70 && cp <= 0xFE7F && cp != 0xFE73 && cp != 0xFE75;
}

bool IsMark(char32_t cp) { return cp >= 0x0300 && (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0; }

}  // namespace

std::string NormalizeArabic(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool base_removed = false;  // the last base was removed: so are its marks
  size_t i = 0;
  while (i < s.size()) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      base_removed = false;
      ++i;
      continue;
    }
    const char32_t cp = DecodeUtf8(s, &i);
    if (IsArabicMark(cp)) continue;
    if (base_removed && IsMark(cp)) continue;
    if (cp >= 0x0660 && cp <= 0x0669) {  // ARABIC-INDIC DIGIT ZERO .. NINE
      out.push_back(static_cast<char>('0' + (cp - 0x0660)));
      base_removed = false;
      continue;
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) {  // EXTENDED ARABIC-INDIC DIGIT ZERO .. NINE
      out.push_back(static_cast<char>('0' + (cp - 0x06F0)));
      base_removed = false;
      continue;
    }
    const char32_t folded = FoldArabicLetter(cp);
    if (folded == kRemove) {
      base_removed = true;
      continue;
    }
    // A mark keeps the state of its base; any other code point is a new base.
    // In the Arabic block every mark was handled by IsArabicMark above.
    if ((cp >= 0x0600 && cp <= 0x06FF) || !IsMark(cp)) base_removed = false;
    AppendUtf8(folded, &out);
  }
  return out;
}

}  // namespace qantara::text
