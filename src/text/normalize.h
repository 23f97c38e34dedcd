// Unicode hygiene for matching: what every name and every word goes through
// before it is compared, indexed or stored.
//
// Start here for text/: NormalizeForMatching() is the one entry point the
// layers above use; the other functions are its steps, public so that tests and
// the news reader can use them on their own.
//
// Thread safety: all functions are thread-safe (ICU singletons are created once).
// REQUIRES for every function: the input is valid UTF-8 (see text/utf8.h).
#ifndef QANTARA_TEXT_NORMALIZE_H_
#define QANTARA_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace qantara::text {

// Bump when any output of this file changes for some input: normalised forms
// are persisted (indexes, databases) and must be rebuilt when it changes.
inline constexpr int kNormalizerVersion = 1;

// The ICU version the normaliser was built against, e.g. "72.1" (stored with data).
std::string IcuVersion();

enum class Script { kNone, kLatin, kArabic, kCyrillic, kGreek, kHebrew, kHan, kOther };

// "latin", "arabic", ... "none".
std::string_view ScriptName(Script script);

// The script of the majority of letters in `s` (Common/Inherited characters
// ignored); kNone when `s` has no letters.
Script DominantScript(std::string_view s);

// Removes bidi controls (U+200E/F, U+202A-E, U+2066-9, U+061C), zero-width
// characters (U+200B-D, U+2060, U+FEFF), soft hyphen and other default-ignorable
// code points that make two equal-looking names compare unequal.
std::string RemoveInvisibles(std::string_view s);

// Arabic-script normalisation for matching (applied after NFKC, so presentation
// forms are already folded): alef with hamza/madda/wasla -> alef; waw/yeh with
// hamza -> waw/yeh; ta marbuta -> heh; alef maqsura -> yeh; tatweel and harakat
// (U+064B-065F, U+0670, Quranic marks) removed; Persian/Urdu letters folded to
// their Arabic counterparts (keheh -> kaf, Farsi yeh -> yeh, heh goal -> heh,
// teh marbuta goal -> heh); peh, tcheh, jeh and gaf stay (distinct sounds that
// names/ maps to p, ch, zh, g);
// Eastern Arabic and Persian digits -> ASCII digits. Non-Arabic text passes
// through unchanged.
std::string NormalizeArabic(std::string_view s);

// Folds homoglyphs so that a name written with look-alike letters of another
// script cannot evade screening: in a word whose letters are mostly Latin,
// Cyrillic and Greek letters that look like Latin ones are replaced by them
// ("Osama" written with a Cyrillic O -> "Osama"); a word that is wholly Cyrillic or
// Greek is left as it is (it is a real Cyrillic/Greek name).
std::string FoldConfusables(std::string_view s);

// The matching form of `s`, in this order (docs/normalisation.md says why):
//   1. RemoveInvisibles
//   2. NFKC + case folding (ICU "nfkc_cf")
//   3. Latin diacritics removed (e-acute -> e, sharp s -> ss, o-stroke -> o, ...)
//   4. FoldConfusables
//   5. NormalizeArabic
//   6. punctuation: dashes -> '-', apostrophes and ayn/hamza signs (U+0027, U+0060,
//      U+2018, U+2019, U+02BB, U+02BC, U+02BE, U+02BF) removed,
//      any other punctuation or symbol -> space; whitespace collapsed to one
//      space; leading/trailing space and '-' trimmed.
// An ASCII-only input takes a fast path with the same result (tested).
std::string NormalizeForMatching(std::string_view s);

}  // namespace qantara::text

#endif  // QANTARA_TEXT_NORMALIZE_H_
