// Latin diacritics removed: step 3 of NormalizeForMatching.
//
// What. Sanctions lists and queries spell the same name with and without
// accents (Sebastien with or without its e-acute, Muller with or without its
// u-diaeresis); in transliterations of Arabic the dots below and the macrons
// (H-dot-below Hasan, a-macron in al-Rahman) are present in one source and
// absent in the next. Matching ignores them: every
// combining mark that sits on a Latin letter is removed, and the Latin letters
// whose identity is "a base letter plus a stroke or hook" and which therefore
// have no canonical decomposition are spelled in ASCII (o-stroke -> o,
// l-stroke -> l, dotless i -> i, ae -> ae, thorn -> th, and the hooked letters
// of Hausa and Fula names: b-hook -> b, d-hook -> d, k-hook -> k, y-hook -> y).
//
// Why this way. The input is already NFKC_Casefold (step 2): letters are
// composed and lower case, compatibility forms are gone and sharp s is "ss".
// So a letter needs its canonical decomposition (one trie lookup in ICU's NFD
// data), keeping only the non-mark part, and a loose mark only needs to know
// whether its base was Latin. Only marks on Latin bases go: Arabic harakat are
// NormalizeArabic's business (step 5), and marks of other scripts (a Devanagari
// virama, a Hebrew point, a Cyrillic breve that makes short i) change letters
// there and stay. ICU's "Latin-ASCII" transliterator was rejected: it is an
// order of magnitude slower and rewrites punctuation that step 6 owns.
//
// Checked against. The table below against the Unicode 15 names (each letter
// has no canonical decomposition in UnicodeData.txt), and the tests in
// tests/text/normalize_test.cc (French, German, Turkish, Vietnamese and
// transliteration cases, and idempotence).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "text/internal/normalize.h"
#include "text/utf8.h"

namespace qantara::text::internal {
namespace {

struct AsciiSpelling {
  char32_t letter;
  const char* ascii;
};

// Lower-case Latin letters without a canonical decomposition, sorted by code point.
constexpr AsciiSpelling kLatinSpellings[] = {
    {0x00DF, "ss"},  // LATIN SMALL LETTER SHARP S (only when called outside the pipeline)
    {0x00E6, "ae"},  // LATIN SMALL LETTER AE
    {0x00F0, "d"},   // LATIN SMALL LETTER ETH
    {0x00F8, "o"},   // LATIN SMALL LETTER O WITH STROKE
    {0x00FE, "th"},  // LATIN SMALL LETTER THORN
    {0x0111, "d"},   // LATIN SMALL LETTER D WITH STROKE
    {0x0127, "h"},   // LATIN SMALL LETTER H WITH STROKE
    {0x0131, "i"},   // LATIN SMALL LETTER DOTLESS I
    {0x0142, "l"},   // LATIN SMALL LETTER L WITH STROKE
    {0x0153, "oe"},  // LATIN SMALL LIGATURE OE
    {0x0167, "t"},   // LATIN SMALL LETTER T WITH STROKE
    {0x0180, "b"},   // LATIN SMALL LETTER B WITH STROKE
    {0x0192, "f"},   // LATIN SMALL LETTER F WITH HOOK
    {0x0199, "k"},   // LATIN SMALL LETTER K WITH HOOK
    {0x01B4, "y"},   // LATIN SMALL LETTER Y WITH HOOK
    {0x01B6, "z"},   // LATIN SMALL LETTER Z WITH STROKE
    {0x01DD, "e"},   // LATIN SMALL LETTER TURNED E
    {0x0237, "j"},   // LATIN SMALL LETTER DOTLESS J
    {0x023C, "c"},   // LATIN SMALL LETTER C WITH STROKE
    {0x0247, "e"},   // LATIN SMALL LETTER E WITH STROKE
    {0x024D, "r"},   // LATIN SMALL LETTER R WITH STROKE
    {0x0253, "b"},   // LATIN SMALL LETTER B WITH HOOK
    {0x0254, "o"},   // LATIN SMALL LETTER OPEN O
    {0x0257, "d"},   // LATIN SMALL LETTER D WITH HOOK
    {0x0259, "a"},   // LATIN SMALL LETTER SCHWA (Azerbaijani: Aliyev, Heydar)
    {0x025B, "e"},   // LATIN SMALL LETTER OPEN E
    {0x0268, "i"},   // LATIN SMALL LETTER I WITH STROKE
    {0x0272, "n"},   // LATIN SMALL LETTER N WITH LEFT HOOK
    {0x0289, "u"},   // LATIN SMALL LETTER U BAR
};

const char* AsciiSpellingOf(char32_t cp) {
  auto it = std::lower_bound(std::begin(kLatinSpellings), std::end(kLatinSpellings), cp,
                             [](const AsciiSpelling& e, char32_t c) { return e.letter < c; });
  return (it != std::end(kLatinSpellings) && it->letter == cp) ? it->ascii : nullptr;
}

bool IsLatinLetter(char32_t cp) {
  if ((U_GET_GC_MASK(cp) & U_GC_L_MASK) == 0) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(cp, &status) == USCRIPT_LATIN;
}

// Appends `letter` without its marks and in ASCII where the table says so.
void AppendBareLatinLetter(char32_t letter, std::string* out) {
  if (const char* ascii = AsciiSpellingOf(letter)) {
    out->append(ascii);
    return;
  }
  icu::UnicodeString decomposition;
  if (!Nfd().getDecomposition(static_cast<UChar32>(letter), decomposition)) {
    AppendUtf8(letter, out);
    return;
  }
  for (int32_t k = 0; k < decomposition.length();) {
    const UChar32 c = decomposition.char32At(k);
    k += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char* ascii = AsciiSpellingOf(static_cast<char32_t>(c))) {
      out->append(ascii);
    } else {
      AppendUtf8(static_cast<char32_t>(c), out);
    }
  }
}

}  // namespace

std::string StripLatinDiacritics(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool on_latin_base = false;  // marks seen now sit on a Latin letter
  size_t i = 0;
  while (i < s.size()) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
      on_latin_base = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = DecodeUtf8(s, &i);
    if (!on_latin_base && cp >= 0x0370 && cp < 0x1D00) {
      // Greek .. Georgian-and-friends hold no Latin letter: copy, state unchanged.
      out.append(s.substr(start, i - start));
      continue;
    }
    const int8_t type = u_charType(cp);
    if (type == U_NON_SPACING_MARK) {
      if (!on_latin_base) AppendUtf8(cp, &out);
      continue;
    }
    if (type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
      AppendUtf8(cp, &out);  // a mark, but not a diacritic: the base is unchanged
      continue;
    }
    on_latin_base = IsLatinLetter(cp);
    if (on_latin_base) {
      AppendBareLatinLetter(cp, &out);
    } else {
      AppendUtf8(cp, &out);
    }
  }
  return out;
}

}  // namespace qantara::text::internal
