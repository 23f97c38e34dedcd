// Legacy single-byte encodings as lists and news meet them: windows-1252 (which
// browsers also use for latin-1 / iso-8859-1 / us-ascii labels), decoded and
// encoded by one table; and the test that tells a single-byte file from UTF-8.
// Pure functions, thread-safe.
#ifndef QANTARA_TEXT_LEGACY_ENCODING_H_
#define QANTARA_TEXT_LEGACY_ENCODING_H_

#include <string>
#include <string_view>

namespace qantara::text {

// Decodes Windows-1252 bytes into UTF-8 (bytes undefined in cp1252 become U+FFFD).
std::string Cp1252ToUtf8(std::string_view s);

// The windows-1252 byte >= 0x80 that decodes to `cp`, or -1 (ASCII included).
int Cp1252Byte(char32_t cp);

// True when a byte string that is not valid UTF-8 has no well-formed UTF-8
// multi-byte sequence at all, so it is most likely a legacy single-byte file.
bool LooksLikeSingleByteText(std::string_view s);

// The text of a legacy file (OFAC and UK CSV) as UTF-8: valid UTF-8 comes back as
// is; a file without any UTF-8 multi-byte sequence is decoded as Windows-1252
// into *storage; anything else comes back as is (the reader reports bad rows).
std::string_view LegacyTextAsUtf8(std::string_view data, std::string* storage);

}  // namespace qantara::text

#endif  // QANTARA_TEXT_LEGACY_ENCODING_H_
