// String similarity measures over Unicode code points.
//
// Used on the matching forms of name words (names/name.h). All functions take
// valid UTF-8 and compare code points, with a byte fast path for ASCII.
#ifndef QANTARA_NAMES_SIMILARITY_H_
#define QANTARA_NAMES_SIMILARITY_H_

#include <cstddef>
#include <string_view>

namespace qantara::names {

// Jaro similarity in [0, 1].
double Jaro(std::string_view a, std::string_view b);

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4, boost
// only above a Jaro of 0.7), as in Winkler (1990) and python-jellyfish's
// jaro_winkler_similarity.
double JaroWinkler(std::string_view a, std::string_view b);

// Levenshtein distance in code points; stops counting at `bound` and returns
// bound + 1 when the distance is larger (pass SIZE_MAX for the exact value).
size_t Levenshtein(std::string_view a, std::string_view b, size_t bound = static_cast<size_t>(-1));

// True when `b` is `a` with at most one code point inserted, deleted or
// substituted, or two adjacent code points swapped.
bool WithinOneEdit(std::string_view a, std::string_view b);

// 1 - Levenshtein / max(length): 1 for equal strings, 0 when nothing is shared.
double LevenshteinSimilarity(std::string_view a, std::string_view b);

}  // namespace qantara::names

#endif  // QANTARA_NAMES_SIMILARITY_H_
