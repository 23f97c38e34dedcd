// The matching form of a name or a word: NormalizeForMatching and its helpers.
//
// What. Two strings that a person reading a sanctions list would call "the same
// name" must become the same bytes, and two that differ in identity must stay
// different. Six steps, in the order the header gives, each owning one kind of
// variation: invisible controls (1), compatibility forms and case (2), Latin
// accents (3, latin.cc), homoglyphs from Cyrillic and Greek (4, confusables.cc),
// Arabic-script spelling variants (5, arabic.cc), punctuation and spacing
// (6, punctuation.cc). docs/normalisation.md gives the reasons for the order.
//
// Why this way. Speed decides the shape: this runs on every query and on
// every list name at load. Most list names are ASCII, so ASCII input takes a
// byte-table path that never touches ICU (tens of nanoseconds) and is tested
// to equal the ICU path on random ASCII strings. Other input goes through ICU
// on UTF-8 directly (Normalizer2::normalizeUTF8, no UTF-16 round trip); the
// later steps are single passes with trie lookups (u_charType,
// uscript_getScript), and steps that cannot apply to a string (no Cyrillic or
// Greek lead byte, say) return a copy at once. ICU objects are obtained once,
// in function-local statics (thread-safe initialisation in C++11 and later).
//
// Steps 3 to 6 remove code points; in rare sequences (Hangul jamo on both
// sides of an apostrophe) the result is no longer in NFKC form and a second
// pass would change it. NormalizeForMatchingIcu checks the form (ICU's quick
// check on the output) and runs the pipeline once more in that case, so that
// the output is a fixed point: normalising twice changes nothing (tested).
//
// Checked against. The exhaustive sweep, the differential ASCII test and the
// table of cases in tests/text/normalize_test.cc; ICU 72.1 (Unicode 15).
#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uvernum.h>

#include <array>
#include <cassert>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/internal/normalize.h"
#include "text/utf8.h"

namespace qantara::text {
namespace internal {
namespace {

// ICU cannot fail here on a correct install (its data is linked in); a
// normaliser that silently skipped a step would write different persisted
// forms, which is worse than stopping.
const icu::Normalizer2& CheckedInstance(const icu::Normalizer2* instance, UErrorCode status) {
  if (U_FAILURE(status) || instance == nullptr) std::abort();
  return *instance;
}

}  // namespace

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return &CheckedInstance(n, status);
  }();
  return *instance;
}

const icu::Normalizer2& Nfd() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return &CheckedInstance(n, status);
  }();
  return *instance;
}

namespace {

std::string NfkcCasefoldUtf8(std::string_view s) {
  assert(s.size() < 0x7FFFFFFF);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
  UErrorCode status = U_ZERO_ERROR;
  NfkcCasefold().normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())),
                               sink, nullptr, status);
  if (U_FAILURE(status)) std::abort();  // only on allocation failure
  return out;
}

bool IsNfkcCasefolded(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = NfkcCasefold().isNormalizedUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status);
  return U_SUCCESS(status) && yes;
}

std::string RunSteps(std::string_view s) {
  std::string t = RemoveInvisibles(s);  // 1
  t = NfkcCasefoldUtf8(t);              // 2
  t = StripLatinDiacritics(t);          // 3
  t = FoldConfusables(t);               // 4
  t = NormalizeArabic(t);               // 5
  return FoldPunctuation(t);            // 6
}

// What the ASCII path does with each byte: one of the three actions below, or
// (any larger value) the byte to write, letters already in lower case.
constexpr char kAsciiSpace = 0;  // whitespace, controls, other punctuation
constexpr char kAsciiDrop = 1;   // apostrophe, grave accent
constexpr char kAsciiDash = 2;   // hyphen-minus

constexpr std::array<char, 128> MakeAsciiTable() {
  std::array<char, 128> table{};  // kAsciiSpace
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c + ('a' - 'A'));
  table['\''] = kAsciiDrop;
  table['`'] = kAsciiDrop;
  table['-'] = kAsciiDash;
  return table;
}
constexpr std::array<char, 128> kAsciiTable = MakeAsciiTable();

}  // namespace

std::string NormalizeForMatchingIcu(std::string_view s) {
  std::string out = RunSteps(s);
  if (!IsAscii(out) && !IsNfkcCasefolded(out)) out = RunSteps(out);
  return out;
}

std::string NormalizeForMatchingAscii(std::string_view s) {
  assert(IsAscii(s));
  std::string out;
  out.reserve(s.size());
  // The separators seen since the last word byte, as in FoldPunctuation:
  // none, a dash only, or at least one space-class byte.
  enum class Gap { kNone, kDash, kSpace } gap = Gap::kNone;
  for (char c : s) {
    const char action = kAsciiTable[static_cast<unsigned char>(c)];
    if (action > kAsciiDash) {
      if (gap != Gap::kNone && !out.empty()) out.push_back(gap == Gap::kSpace ? ' ' : '-');
      gap = Gap::kNone;
      out.push_back(action);
    } else if (action == kAsciiSpace) {
      gap = Gap::kSpace;
    } else if (action == kAsciiDash && gap != Gap::kSpace) {
      gap = Gap::kDash;
    }
  }
  return out;
}

}  // namespace internal

std::string IcuVersion() { return U_ICU_VERSION; }

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kNone: return "none";
    case Script::kLatin: return "latin";
    case Script::kArabic: return "arabic";
    case Script::kCyrillic: return "cyrillic";
    case Script::kGreek: return "greek";
    case Script::kHebrew: return "hebrew";
    case Script::kHan: return "han";
    case Script::kOther: return "other";
  }
  return "other";
}

Script DominantScript(std::string_view s) {
  constexpr int kScripts = static_cast<int>(Script::kOther) + 1;
  std::array<int, kScripts> counts{};
  size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = DecodeUtf8(s, &i);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++counts[static_cast<int>(Script::kLatin)];
      continue;
    }
    if ((U_GET_GC_MASK(cp) & U_GC_L_MASK) == 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    Script script;
    switch (uscript_getScript(cp, &status)) {
      case USCRIPT_COMMON:
      case USCRIPT_INHERITED: continue;
      case USCRIPT_LATIN: script = Script::kLatin; break;
      case USCRIPT_ARABIC: script = Script::kArabic; break;
      case USCRIPT_CYRILLIC: script = Script::kCyrillic; break;
      case USCRIPT_GREEK: script = Script::kGreek; break;
      case USCRIPT_HEBREW: script = Script::kHebrew; break;
      case USCRIPT_HAN: script = Script::kHan; break;
      default: script = Script::kOther; break;
    }
    ++counts[static_cast<int>(script)];
  }
  // Ties go to the script listed first in the enum.
  Script best = Script::kNone;
  int best_count = 0;
  for (int k = 1; k < kScripts; ++k) {
    if (counts[k] > best_count) {
      best = static_cast<Script>(k);
      best_count = counts[k];
    }
  }
  return best;
}

std::string RemoveInvisibles(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t cp = DecodeUtf8(s, &i);
    // The header's list (bidi controls, zero-width characters, soft hyphen,
    // ARABIC LETTER MARK) is a subset of Default_Ignorable_Code_Point; the
    // property also covers variation selectors, Hangul fillers and tags. Below
    // U+115F HANGUL CHOSEONG FILLER only three code points have it (a test
    // sweeps every code point against the property).
    const bool may_be_ignorable =
        cp >= 0x115F || cp == 0x00AD || cp == 0x034F || cp == 0x061C;
    if (may_be_ignorable && u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string NormalizeForMatching(std::string_view s) {
  if (IsAscii(s)) return internal::NormalizeForMatchingAscii(s);
  // The contract requires valid UTF-8; hostile input that breaks it still gets
  // a valid UTF-8 result (U+FFFD for each bad byte) rather than ICU's guesses.
  if (!ValidateUtf8(s).ok()) return internal::NormalizeForMatchingIcu(ScrubUtf8(s));
  return internal::NormalizeForMatchingIcu(s);
}

}  // namespace qantara::text
