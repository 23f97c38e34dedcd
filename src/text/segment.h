// Sentence segmentation for news text.
//
// Sentences() is what the news reader splits a clean article with before it
// decides the language of each sentence (news/language.h) and looks for
// events in it. Spans are UTF-8 byte offsets into the text given, so callers
// keep one string and index it.
#ifndef QANTARA_TEXT_SEGMENT_H_
#define QANTARA_TEXT_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace qantara::text {

// A half-open byte range [start, end) of a UTF-8 string.
struct Span {
  size_t start = 0, end = 0;
};

// The sentences of `text`, in order, as non-empty spans that exclude leading
// and trailing whitespace (spaces, tabs, no-break and other Unicode spaces).
// Rules: ICU's sentence BreakIterator (root locale), plus
//   - no break after a French/English title or abbreviation ("M.", "Mme.",
//     "Dr.", "St.", "Mr.", "Gen.", ...), a dotted acronym ("U.S.", "J.-C."),
//     or a single capital letter (an initial: "John F. Kennedy");
//   - the Arabic full stop (U+06D4) and question mark (U+061F) end a sentence;
//   - a line break (LF, CR, NEL, U+2028, U+2029) always ends a sentence.
// REQUIRES: `text` is valid UTF-8 (see text/utf8.h).
// Thread-safe: each thread uses its own clone of one prototype iterator.
std::vector<Span> Sentences(std::string_view text);

}  // namespace qantara::text

#endif  // QANTARA_TEXT_SEGMENT_H_
