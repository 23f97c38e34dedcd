// Jaro, Jaro-Winkler and Levenshtein over code points.
//
// Name words are short (a median of 6 code points), so these run on small
// stack buffers; anything past kMaxChars code points is compared on its first
// kMaxChars only, which bounds the cost of a hostile 1 MB "word". Jaro-Winkler
// follows Winkler (1990) as python-jellyfish implements it, and
// tests/names/similarity_test.cc checks our values against jellyfish's on
// the same pairs.
#include "names/similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "text/utf8.h"

namespace qantara::names {
namespace {

constexpr size_t kMaxChars = 128;

struct CodePoints {
  std::array<char32_t, kMaxChars> data;
  size_t size = 0;
  explicit CodePoints(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size() && size < kMaxChars) {
      unsigned char c = static_cast<unsigned char>(s[pos]);
      data[size++] = c < 0x80 ? (++pos, char32_t(c)) : text::DecodeUtf8(s, &pos);
    }
  }
  char32_t operator[](size_t i) const { return data[i]; }
};

double JaroOf(const CodePoints& a, const CodePoints& b) {
  if (a.size == 0 && b.size == 0) return 1.0;
  if (a.size == 0 || b.size == 0) return 0.0;
  const size_t window = std::max(a.size, b.size) / 2 == 0 ? 0 : std::max(a.size, b.size) / 2 - 1;
  std::array<bool, kMaxChars> a_used{}, b_used{};
  size_t matches = 0;
  for (size_t i = 0; i < a.size; ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(b.size, i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_used[j] && a[i] == b[j]) {
        a_used[i] = b_used[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size; ++i) {
    if (!a_used[i]) continue;
    while (!b_used[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  double m = static_cast<double>(matches);
  return (m / a.size + m / b.size + (m - transpositions / 2.0) / m) / 3.0;
}

}  // namespace

double Jaro(std::string_view a, std::string_view b) { return JaroOf(CodePoints(a), CodePoints(b)); }

double JaroWinkler(std::string_view a, std::string_view b) {
  CodePoints ca(a), cb(b);
  double jaro = JaroOf(ca, cb);
  if (jaro <= 0.7) return jaro;  // Winkler's boost threshold, as jellyfish applies it
  size_t prefix = 0;
  while (prefix < 4 && prefix < ca.size && prefix < cb.size && ca[prefix] == cb[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

size_t Levenshtein(std::string_view a, std::string_view b, size_t bound) {
  CodePoints ca(a), cb(b);
  const CodePoints* s = &ca;
  const CodePoints* t = &cb;
  if (s->size < t->size) std::swap(s, t);
  if (s->size - t->size > bound) return bound + 1;
  std::array<size_t, kMaxChars + 1> row;
  for (size_t j = 0; j <= t->size; ++j) row[j] = j;
  for (size_t i = 1; i <= s->size; ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= t->size; ++j) {
      size_t up = row[j];
      size_t cost = (*s)[i - 1] == (*t)[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = up;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > bound) return bound + 1;
  }
  size_t distance = row[t->size];
  return distance > bound ? bound + 1 : distance;
}

// On bytes, without decoding: strip the longest common prefix and suffix (cut
// back to code point boundaries); what is left on each side must be at most
// one code point, or two that are swapped. The index calls this for every
// word it compares, most of which fail at the first check.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  // One code point is at most 4 bytes.
  if (a.size() - b.size() > 4) return false;
  auto continuation = [](std::string_view s, size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  size_t prefix = 0;
  while (prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  while (prefix > 0 && (continuation(a, prefix) || continuation(b, prefix))) --prefix;
  size_t suffix = 0;
  const size_t max_suffix = b.size() - prefix;
  while (suffix < max_suffix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  while (suffix > 0 &&
         (continuation(a, a.size() - suffix) || continuation(b, b.size() - suffix))) {
    --suffix;
  }
  const std::string_view rest_a = a.substr(prefix, a.size() - suffix - prefix);
  const std::string_view rest_b = b.substr(prefix, b.size() - suffix - prefix);
  const size_t count_a = text::CountCodePoints(rest_a), count_b = text::CountCodePoints(rest_b);
  if (count_a <= 1 && count_b <= 1) return true;
  if (count_a != 2 || count_b != 2 || rest_a.size() != rest_b.size()) return false;
  // Two adjacent code points swapped: rest_a = xy, rest_b = yx.
  size_t first = 1;
  while (continuation(rest_a, first)) ++first;
  const size_t second = rest_a.size() - first;
  return rest_b.substr(0, second) == rest_a.substr(first) &&
         rest_b.substr(second) == rest_a.substr(0, first);
}

double LevenshteinSimilarity(std::string_view a, std::string_view b) {
  CodePoints ca(a), cb(b);
  size_t longest = std::max(ca.size, cb.size);
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(Levenshtein(a, b)) / longest;
}

}  // namespace qantara::names
