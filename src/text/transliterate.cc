// Transliteration to Latin with ICU (see transliterate.h).
//
// ICU's Any-Latin follows the UNGEGN and ISO tables per script (BGN/PCGN-like
// for Cyrillic, pinyin for Han), which is what lists use for the Latin forms of
// such names. A transliterator is costly to build (milliseconds) and not
// documented as safe to share, so each thread builds one, once.
#include "text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <memory>

namespace qantara::text {
namespace {

icu::Transliterator* ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return t.get();
}

}  // namespace

std::string TransliterateToLatin(std::string_view s) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (icu::Transliterator* t = ThreadTransliterator()) t->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace qantara::text
