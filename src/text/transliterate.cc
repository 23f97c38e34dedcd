// Transliteration to Latin with ICU (see transliterate.h).
//
// Lists and passports write Cyrillic names in BGN/PCGN-like spellings
// ("Andrey", "Yuliya", "Zheleznyak"), not in ICU's default ISO 9 ("andrej",
// "ulia", "zeleznak"), so Cyrillic goes through ICU's Russian-Latin/BGN, or
// Ukrainian-Latin/BGN when the text has a letter only Ukrainian writes
// (U+0456, U+0457, U+0454, U+0491 and their capitals: Russian ghe is g,
// Ukrainian ghe is h). Greek goes through UNGEGN, Han
// through Han-Latin/Names (surnames read as surnames, one syllable per word:
// "deng xiao ping"); Hangul syllables are read one per word too ("gim jeong
// nam"), since a Korean name is written without spaces and its Latin forms
// split it (Kim Jong Nam, Kim Jong-nam). Any-Latin takes the rest. A
// transliterator is costly to build (milliseconds) and not documented as
// safe to share, so each thread builds one of each, once.
#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <string>
#include <memory>

namespace qantara::text {
namespace {

constexpr const char* kRules = "Greek-Latin/UNGEGN; Han-Latin/Names; Any-Latin; Latin-ASCII; Lower";

std::unique_ptr<icu::Transliterator> Make(const std::string& id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> made(
      icu::Transliterator::createInstance(id.c_str(), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) made.reset();
  return made;
}

// Each built on a thread's first use of it (Ukrainian text is rare).
icu::Transliterator* ThreadTransliterator(bool ukrainian) {
  if (ukrainian) {
    thread_local std::unique_ptr<icu::Transliterator> t =
        Make(std::string("Ukrainian-Latin/BGN; ") + kRules);
    return t.get();
  }
  thread_local std::unique_ptr<icu::Transliterator> t =
      Make(std::string("Russian-Latin/BGN; ") + kRules);
  return t.get();
}

// Letters that only Ukrainian writes among Cyrillic languages: i, yi, ye, ghe
// with upturn (CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I...).
bool HasUkrainianLetter(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); ++i) {
    switch (s.charAt(i)) {
      case 0x0456: case 0x0406: case 0x0457: case 0x0407:
      case 0x0454: case 0x0404: case 0x0491: case 0x0490: return true;
      default: break;
    }
  }
  return false;
}

// A space between Hangul syllables that follow one another (U+AC00-D7A3).
icu::UnicodeString SplitHangulSyllables(const icu::UnicodeString& s) {
  icu::UnicodeString out;
  bool previous = false;
  for (int32_t i = 0; i < s.length(); ++i) {
    const char16_t c = s.charAt(i);
    const bool syllable = c >= 0xAC00 && c <= 0xD7A3;
    if (syllable && previous) out.append(static_cast<char16_t>(u' '));
    out.append(c);
    previous = syllable;
  }
  return out;
}

}  // namespace

std::string TransliterateToLatin(std::string_view s) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  text = SplitHangulSyllables(text);
  if (icu::Transliterator* t = ThreadTransliterator(HasUkrainianLetter(text))) t->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace qantara::text
