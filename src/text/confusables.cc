// Homoglyph folding: step 4 of NormalizeForMatching.
//
// What. "Osama" typed with a Cyrillic O (U+041E) looks like the listed name and
// shares no byte with it; a screening engine that compares code points would
// let it through. In a word whose letters are mostly Latin (at least as many
// Latin letters as Cyrillic and Greek ones together; a tie folds, since a word
// that mixes the scripts half and half is suspicious and lists are mostly
// Latin), each Cyrillic or Greek letter that looks like a Latin one is replaced
// by that Latin letter, and any accent on it goes with it (Cyrillic io -> e,
// Greek alpha with tonos -> a). A word that is wholly Cyrillic or Greek, or
// mostly so, is a real Cyrillic or Greek word and is left alone: names/ handles
// it by transliteration, not by pretending it is Latin.
//
// Why this way. UTS #39 skeletons (USpoofChecker) were rejected: a skeleton is
// not a name (it maps "m" to "rn" and "l" to "1"-like forms, across the whole
// string and regardless of the word's script), so it cannot be shown to a
// reviewer or fed to the phonetic keys, and it costs a few microseconds per
// name. The table below is the subset of confusables.txt between
// Cyrillic/Greek and Latin letters that matters for names, in both cases
// because this function is public; inside NormalizeForMatching it sees case
// folded text, so a lower-case letter whose capital is the look-alike (Cyrillic
// en, capital looks like H) maps to the capital's Latin letter. Where the two
// cases disagree (Greek eta: capital H, small n; nu: N and v; mu: M and u;
// upsilon: Y and u) the small letter's look wins, since that is what is left
// after case folding.
//
// Words are found with the character classes of step 6 (apostrophes inside a
// word, dashes and spaces between words), so that the words judged here are
// the words of the output: judging "Ab'cd" as two words here and as one word
// on a second pass would break idempotence.
//
// Checked against. confusables.txt (Unicode 15) for every entry of the table,
// and the Cyrillic, Greek and mixed-script cases of
// tests/text/normalize_test.cc.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "text/internal/normalize.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace qantara::text {
namespace {

struct LookAlike {
  char32_t letter;
  char latin;
};

// Sorted by code point.
constexpr LookAlike kLookAlikes[] = {
    {0x037F, 'J'},  // GREEK CAPITAL LETTER YOT
    {0x0391, 'A'},  // GREEK CAPITAL LETTER ALPHA
    {0x0392, 'B'},  // GREEK CAPITAL LETTER BETA
    {0x0395, 'E'},  // GREEK CAPITAL LETTER EPSILON
    {0x0396, 'Z'},  // GREEK CAPITAL LETTER ZETA
    {0x0397, 'H'},  // GREEK CAPITAL LETTER ETA
    {0x0399, 'I'},  // GREEK CAPITAL LETTER IOTA
    {0x039A, 'K'},  // GREEK CAPITAL LETTER KAPPA
    {0x039C, 'M'},  // GREEK CAPITAL LETTER MU
    {0x039D, 'N'},  // GREEK CAPITAL LETTER NU
    {0x039F, 'O'},  // GREEK CAPITAL LETTER OMICRON
    {0x03A1, 'P'},  // GREEK CAPITAL LETTER RHO
    {0x03A4, 'T'},  // GREEK CAPITAL LETTER TAU
    {0x03A5, 'Y'},  // GREEK CAPITAL LETTER UPSILON
    {0x03A7, 'X'},  // GREEK CAPITAL LETTER CHI
    {0x03B1, 'a'},  // GREEK SMALL LETTER ALPHA
    {0x03B2, 'b'},  // GREEK SMALL LETTER BETA
    {0x03B3, 'y'},  // GREEK SMALL LETTER GAMMA
    {0x03B5, 'e'},  // GREEK SMALL LETTER EPSILON
    {0x03B6, 'z'},  // GREEK SMALL LETTER ZETA
    {0x03B7, 'n'},  // GREEK SMALL LETTER ETA
    {0x03B9, 'i'},  // GREEK SMALL LETTER IOTA
    {0x03BA, 'k'},  // GREEK SMALL LETTER KAPPA
    {0x03BC, 'u'},  // GREEK SMALL LETTER MU
    {0x03BD, 'v'},  // GREEK SMALL LETTER NU
    {0x03BF, 'o'},  // GREEK SMALL LETTER OMICRON
    {0x03C1, 'p'},  // GREEK SMALL LETTER RHO
    {0x03C4, 't'},  // GREEK SMALL LETTER TAU
    {0x03C5, 'u'},  // GREEK SMALL LETTER UPSILON
    {0x03C7, 'x'},  // GREEK SMALL LETTER CHI
    {0x03C9, 'w'},  // GREEK SMALL LETTER OMEGA
    {0x03F3, 'j'},  // GREEK LETTER YOT
    {0x0405, 'S'},  // CYRILLIC CAPITAL LETTER DZE
    {0x0406, 'I'},  // CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    {0x0408, 'J'},  // CYRILLIC CAPITAL LETTER JE
    {0x0410, 'A'},  // CYRILLIC CAPITAL LETTER A
    {0x0412, 'B'},  // CYRILLIC CAPITAL LETTER VE
    {0x0415, 'E'},  // CYRILLIC CAPITAL LETTER IE
    {0x041A, 'K'},  // CYRILLIC CAPITAL LETTER KA
    {0x041C, 'M'},  // CYRILLIC CAPITAL LETTER EM
    {0x041D, 'H'},  // CYRILLIC CAPITAL LETTER EN
    {0x041E, 'O'},  // CYRILLIC CAPITAL LETTER O
    {0x0420, 'P'},  // CYRILLIC CAPITAL LETTER ER
    {0x0421, 'C'},  // CYRILLIC CAPITAL LETTER ES
    {0x0422, 'T'},  // CYRILLIC CAPITAL LETTER TE
    {0x0423, 'Y'},  // CYRILLIC CAPITAL LETTER U
    {0x0425, 'X'},  // CYRILLIC CAPITAL LETTER HA
    {0x0430, 'a'},  // CYRILLIC SMALL LETTER A
    {0x0432, 'b'},  // CYRILLIC SMALL LETTER VE
    {0x0433, 'r'},  // CYRILLIC SMALL LETTER GHE
    {0x0435, 'e'},  // CYRILLIC SMALL LETTER IE
    {0x043A, 'k'},  // CYRILLIC SMALL LETTER KA
    {0x043C, 'm'},  // CYRILLIC SMALL LETTER EM
    {0x043D, 'h'},  // CYRILLIC SMALL LETTER EN
    {0x043E, 'o'},  // CYRILLIC SMALL LETTER O
    {0x043F, 'n'},  // CYRILLIC SMALL LETTER PE
    {0x0440, 'p'},  // CYRILLIC SMALL LETTER ER
    {0x0441, 'c'},  // CYRILLIC SMALL LETTER ES
    {0x0442, 't'},  // CYRILLIC SMALL LETTER TE
    {0x0443, 'y'},  // CYRILLIC SMALL LETTER U
    {0x0445, 'x'},  // CYRILLIC SMALL LETTER HA
    {0x044C, 'b'},  // CYRILLIC SMALL LETTER SOFT SIGN
    {0x0455, 's'},  // CYRILLIC SMALL LETTER DZE
    {0x0456, 'i'},  // CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    {0x0458, 'j'},  // CYRILLIC SMALL LETTER JE
    {0x04AE, 'Y'},  // CYRILLIC CAPITAL LETTER STRAIGHT U
    {0x04AF, 'y'},  // CYRILLIC SMALL LETTER STRAIGHT U
    {0x04BA, 'H'},  // CYRILLIC CAPITAL LETTER SHHA
    {0x04BB, 'h'},  // CYRILLIC SMALL LETTER SHHA
    {0x04C0, 'I'},  // CYRILLIC LETTER PALOCHKA
    {0x04CF, 'l'},  // CYRILLIC SMALL LETTER PALOCHKA
    {0x0500, 'D'},  // CYRILLIC CAPITAL LETTER KOMI DE
    {0x0501, 'd'},  // CYRILLIC SMALL LETTER KOMI DE
    {0x051A, 'Q'},  // CYRILLIC CAPITAL LETTER QA
    {0x051B, 'q'},  // CYRILLIC SMALL LETTER QA
    {0x051C, 'W'},  // CYRILLIC CAPITAL LETTER WE
    {0x051D, 'w'},  // CYRILLIC SMALL LETTER WE
};

// The Latin look-alike of `cp`, or 0.
char LookAlikeOf(char32_t cp) {
  auto it = std::lower_bound(std::begin(kLookAlikes), std::end(kLookAlikes), cp,
                             [](const LookAlike& e, char32_t c) { return e.letter < c; });
  return (it != std::end(kLookAlikes) && it->letter == cp) ? it->latin : 0;
}

// The Latin look-alike of `cp` or of the base of its canonical decomposition
// (Cyrillic io, Greek letters with tonos), or 0.
char LookAlikeOfLetter(char32_t cp) {
  if (cp < 0x0370 || cp > 0x052F) return 0;  // Greek and Coptic .. Cyrillic Supplement
  if (char c = LookAlikeOf(cp)) return c;
  icu::UnicodeString decomposition;
  if (!internal::Nfd().getDecomposition(static_cast<UChar32>(cp), decomposition)) return 0;
  return LookAlikeOf(static_cast<char32_t>(decomposition.char32At(0)));
}

// Words for this step: runs of step 6's word and apostrophe classes.
bool IsInWord(char32_t cp) {
  const internal::CharClass cls = internal::Classify(cp);
  return cls == internal::CharClass::kWord || cls == internal::CharClass::kDrop;
}

// Only the three scripts are counted: letters of other scripts (Arabic, say)
// are not judged here, and steps 5 and 6 remove some of them (ARABIC LETTER
// HIGH HAMZA), which would change the verdict on a second pass.
struct WordLetters {
  int latin = 0;           // Latin letters
  int cyrillic_greek = 0;  // Cyrillic and Greek letters
  bool has_look_alike = false;
};

void CountLetter(char32_t cp, WordLetters* letters) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++letters->latin;
    return;
  }
  if ((U_GET_GC_MASK(cp) & U_GC_L_MASK) == 0) return;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(cp, &status);
  if (script == USCRIPT_LATIN) {
    ++letters->latin;
  } else if (script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK) {
    ++letters->cyrillic_greek;
    if (LookAlikeOfLetter(cp) != 0) letters->has_look_alike = true;
  }
}

void AppendFoldedWord(std::string_view word, std::string* out) {
  bool dropping_marks = false;  // the base was folded: its marks go
  size_t i = 0;
  while (i < word.size()) {
    const size_t start = i;
    const char32_t cp = DecodeUtf8(word, &i);
    if (const char latin = LookAlikeOfLetter(cp)) {
      out->push_back(latin);
      dropping_marks = true;
      continue;
    }
    // All marks (not only Mn) go, so that a spacing mark cannot shield a
    // non-spacing one from step 3 on a second pass.
    const bool is_mark = cp >= 0x0300 && (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
    if (is_mark && dropping_marks) continue;
    if (!is_mark) dropping_marks = false;
    out->append(word.substr(start, i - start));
  }
}

// True when `s` may hold a Greek or Cyrillic letter (lead bytes of
// U+0340..U+053F), so that other text is copied without decoding.
bool MayHoldGreekOrCyrillic(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xCD && c <= 0xD4) return true;
  }
  return false;
}

}  // namespace

std::string FoldConfusables(std::string_view s) {
  if (!MayHoldGreekOrCyrillic(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t first = DecodeUtf8(s, &i);
    if (!IsInWord(first)) {
      out.append(s.substr(start, i - start));
      continue;
    }
    WordLetters letters;
    CountLetter(first, &letters);
    while (i < s.size()) {
      size_t next = i;
      const char32_t cp = DecodeUtf8(s, &next);
      if (!IsInWord(cp)) break;
      CountLetter(cp, &letters);
      i = next;
    }
    const std::string_view word = s.substr(start, i - start);
    if (letters.has_look_alike && letters.latin >= letters.cyrillic_greek) {
      AppendFoldedWord(word, &out);
    } else {
      out.append(word);
    }
  }
  return out;
}

}  // namespace qantara::text
