// Sentence segmentation: ICU's rules, then three corrections for news.
//
// What. ICU's sentence BreakIterator implements UAX #29: it breaks after
// "." "!" "?" and their Arabic and other counterparts (U+06D4 ARABIC FULL
// STOP and U+061F ARABIC QUESTION MARK are STerm there) when what follows
// does not continue the sentence, and always after a paragraph separator
// (LF, CR, NEL, U+2028, U+2029), so line breaks end sentences. Its one
// weakness in news is the period of an abbreviation followed by a capital:
// "M. Blinken", "Dr. Jhung", "the U.S. Senate", "John F. Kennedy" all break
// under UAX #29. We undo those breaks: when a sentence ends in a period whose
// word is a title from kNoBreakBefore, a dotted acronym (letters of one or
// two, each followed by "." or ".-") or one capital letter, it is joined
// with the next one, unless a line break lies between them.
//
// Why this way. ICU's own suppression lists ("@ss=standard") are per locale
// and the reader does not know the language before it has the sentences;
// one small table covering French and English titles is language-free
// enough. The cost is a missed break after a sentence that really ends with
// an initial or a listed title ("... vitamin C. Then"), which is rare in news.
//
// Speed. The text is handed to ICU as UTF-8 through UText (no UTF-16 copy),
// so its boundaries are byte offsets; each thread clones the prototype
// iterator once.
//
// Checked against. tests/text/segment_test.cc, and eval/language_eval, which
// splits the English TempEval-3 documents with it.
#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace qantara::text {
namespace {

// Titles and abbreviations after which a period does not end the sentence
// (French and English; "G\u00e9n" is "Gen" with E ACUTE).
constexpr std::string_view kNoBreakBefore[] = {
    "M",   "MM",   "Mme", "Mmes", "Mlle", "Mlles",  "Mgr",  "Me",  "Dr",       "Dre", "Pr",
    "St",  "Ste",  "Mr",  "Mrs",  "Ms",   "Messrs", "Prof", "Gen", "G\u00e9n", "Col", "Lt",
    "Sgt", "Capt", "Cpt", "Cdt",  "Adm",  "Maj",    "Gov",  "Sen", "Rep",      "Rev", "Jr",
    "Sr",  "Hon",  "Mt",  "Ft",   "No",   "Nos",    "Art",  "art", "av",       "bd",  "cf",
    "vs",  "env",  "p",   "pp",   "vol",  "Vol",    "fig",  "Fig", "Corp"};

const icu::BreakIterator* Prototype() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* it =
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status);
    return U_SUCCESS(status) ? it : nullptr;
  }();
  return prototype;
}

icu::BreakIterator* ThreadIterator() {
  const icu::BreakIterator* prototype = Prototype();
  thread_local std::unique_ptr<icu::BreakIterator> it(prototype ? prototype->clone() : nullptr);
  return it.get();
}

// Moves *pos back to the start of the code point before it and returns it.
char32_t PrevCodePoint(std::string_view s, size_t* pos) {
  size_t p = *pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  *pos = p;
  size_t q = p;
  return DecodeUtf8(s, &q);
}

bool IsTrimmable(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp < 0x80) return false;
  return u_isUWhiteSpace(cp) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || cp == 0x061C ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool IsLineBreak(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0085 || cp == 0x2028 || cp == 0x2029;
}

// The span [start, end) without leading and trailing whitespace.
Span Trim(std::string_view text, size_t start, size_t end) {
  while (start < end) {
    size_t p = start;
    if (!IsTrimmable(DecodeUtf8(text, &p))) break;
    start = p;
  }
  while (end > start) {
    size_t p = end;
    if (!IsTrimmable(PrevCodePoint(text, &p))) break;
    end = p;
  }
  return {start, end};
}

// True when `word` (the letters, dots and hyphens before a final period) is a
// dotted acronym such as "U.S" or "J.-C": pieces of one or two letters.
bool IsDottedAcronym(std::string_view word) {
  if (word.find('.') == std::string_view::npos) return false;
  size_t letters = 0;
  size_t i = 0;
  while (i < word.size()) {
    const char32_t cp = DecodeUtf8(word, &i);
    if (cp == '.' || cp == '-') {
      if (letters == 0 && cp == '.') return false;
      letters = 0;
    } else if (++letters > 2) {
      return false;
    }
  }
  return letters > 0;
}

// True when the sentence `s` ends with a period that only abbreviates.
bool EndsWithAbbreviation(std::string_view s) {
  if (s.empty() || s.back() != '.') return false;
  size_t begin = s.size() - 1;
  size_t letters = 0;
  char32_t last_letter = 0;
  while (begin > 0) {
    size_t p = begin;
    const char32_t cp = PrevCodePoint(s, &p);
    const bool letter = u_isalpha(cp);
    if (!letter && cp != '.' && cp != '-') break;
    if (letter) ++letters, last_letter = cp;
    begin = p;
  }
  const std::string_view word = s.substr(begin, s.size() - 1 - begin);
  if (letters == 0) return false;
  if (letters == 1 && word.find_first_of(".-") == std::string_view::npos) {
    return u_isupper(last_letter);  // an initial
  }
  for (std::string_view t : kNoBreakBefore) {
    if (word == t) return true;
  }
  return IsDottedAcronym(word);
}

bool HasLineBreak(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsLineBreak(DecodeUtf8(s, &i))) return true;
  }
  return false;
}

// ICU's boundaries of `text`; a single span per line when ICU is unusable.
std::vector<size_t> RawBoundaries(std::string_view text) {
  std::vector<size_t> bounds{0};
  icu::BreakIterator* it = ThreadIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = it ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status)
                 : nullptr;
  if (ut != nullptr && U_SUCCESS(status)) {
    it->setText(ut, status);
    for (int32_t b = it->next(); U_SUCCESS(status) && b != icu::BreakIterator::DONE;
         b = it->next()) {
      bounds.push_back(static_cast<size_t>(b));
    }
    it->setText(icu::UnicodeString());  // drop the clone that points into `text`
  } else {
    for (size_t i = 0; i < text.size();) {
      if (IsLineBreak(DecodeUtf8(text, &i))) bounds.push_back(i);
    }
  }
  if (ut != nullptr) utext_close(ut);
  if (bounds.back() != text.size()) bounds.push_back(text.size());
  return bounds;
}

}  // namespace

std::vector<Span> Sentences(std::string_view text) {
  std::vector<Span> out;
  const std::vector<size_t> bounds = RawBoundaries(text);
  size_t start = 0;
  for (size_t k = 1; k < bounds.size(); ++k) {
    const Span piece = Trim(text, start, bounds[k]);
    const bool last = k + 1 == bounds.size();
    if (!last && piece.end > piece.start &&
        EndsWithAbbreviation(text.substr(piece.start, piece.end - piece.start)) &&
        !HasLineBreak(text.substr(piece.end, bounds[k] - piece.end))) {
      continue;  // the next piece goes on this sentence
    }
    const Span sentence = Trim(text, start, bounds[k]);
    if (sentence.end > sentence.start) out.push_back(sentence);
    start = bounds[k];
  }
  return out;
}

}  // namespace qantara::text
