// libFuzzer target: text::NormalizeForMatching (src/text/normalize.h).
//
// Input bytes are scrubbed to valid UTF-8 first (every caller validates
// before normalising). Properties:
//   - the output is valid UTF-8;
//   - normalising is idempotent: Normalize(Normalize(x)) == Normalize(x);
//   - the output has no leading or trailing space and no double space
//     (step 6 of the documented order);
//   - the ASCII fast path and the ICU path agree: an ASCII input gives the
//     same result when a no-op non-ASCII character (U+200B ZERO WIDTH SPACE,
//     removed by step 1) is appended, which forces the general path.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/normalize.h"
#include "text/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace qantara::text;
  if (size > 4096) return 0;  // names are capped at 1 KB; keep runs fast
  std::string in = ScrubUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string once = NormalizeForMatching(in);
  Check(ValidateUtf8(once).ok());
  std::string twice = NormalizeForMatching(once);
  Check(twice == once);
  Check(once.empty() || (once.front() != ' ' && once.back() != ' '));
  Check(once.find("  ") == std::string::npos);
  if (IsAscii(in)) {
    std::string slow = NormalizeForMatching(in + "\xE2\x80\x8B");  // U+200B ZERO WIDTH SPACE
    Check(slow == once);
  }
  return 0;
}
