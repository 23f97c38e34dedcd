// UTF-8 validation and decoding.
//
// Every byte string that enters Qantara from outside (a list file, a query, an
// article) is validated here first, so that the layers above can assume
// well-formed UTF-8. Overlong forms, surrogates and code points above U+10FFFF
// are rejected, as RFC 3629 requires.
#ifndef QANTARA_TEXT_UTF8_H_
#define QANTARA_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace qantara::text {

// Returns OK when `s` is well-formed UTF-8; otherwise kCorruption whose message
// gives the byte offset and the offending bytes. `*bad_offset` (if not null)
// receives the offset of the first bad byte.
Status ValidateUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Decodes the code point at `s[*pos]` and advances *pos past it. Ill-formed
// input yields U+FFFD and advances by one byte.
// REQUIRES: *pos < s.size()
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Replaces each ill-formed sequence by U+FFFD.
std::string ScrubUtf8(std::string_view s);

// The number of code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// True when every byte is < 0x80.
bool IsAscii(std::string_view s);

}  // namespace qantara::text

#endif  // QANTARA_TEXT_UTF8_H_
