// libFuzzer target: text::ValidateUtf8 and text::ScrubUtf8 (src/text/utf8.h).
//
// Properties, on any bytes:
//   - ValidateUtf8 agrees with a small, independent RFC 3629 validator (and
//     its bad offset is where the reference finds the first bad byte);
//   - ScrubUtf8's output is valid UTF-8, equals the input when the input is
//     valid, and is a fixed point (scrubbing twice changes nothing);
//   - DecodeUtf8 walks the input in strictly increasing steps, and on valid
//     input re-encoding its code points with AppendUtf8 gives the input back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace {

// Length of the well-formed sequence at s[i], or 0 (RFC 3629, Table 3-7 of Unicode).
size_t ReferenceSequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  unsigned b = byte(i);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (b == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

// Offset of the first ill-formed sequence, or npos.
size_t ReferenceFirstBad(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = ReferenceSequenceLength(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qantara::text;
  std::string_view in(reinterpret_cast<const char*>(data), size);

  size_t bad = 12345;
  bool valid = ValidateUtf8(in, &bad).ok();
  size_t ref_bad = ReferenceFirstBad(in);
  Check(valid == (ref_bad == std::string_view::npos));
  if (!valid) Check(bad == ref_bad);

  std::string scrubbed = ScrubUtf8(in);
  Check(ValidateUtf8(scrubbed).ok());
  if (valid) Check(scrubbed == in);
  Check(ScrubUtf8(scrubbed) == scrubbed);

  std::string reencoded;
  for (size_t pos = 0; pos < in.size();) {
    size_t before = pos;
    char32_t cp = DecodeUtf8(in, &pos);
    Check(pos > before && pos <= in.size());
    Check(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
    AppendUtf8(cp, &reencoded);
  }
  if (valid) Check(reencoded == in);
  Check(IsAscii(in) == std::all_of(in.begin(), in.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  return 0;
}
