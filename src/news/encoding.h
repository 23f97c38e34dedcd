// Turning the bytes of a news document into valid UTF-8.
//
// News arrives in UTF-8, in the single-byte code pages of the region
// (windows-1256 for Arabic, windows-1252 / latin-1 for French and English),
// sometimes in UTF-16, and often damaged: mislabelled charsets, UTF-8 that was
// once read as windows-1252 and written back (U+00C3 U+00A9, "A-tilde
// copyright sign", for e-acute), a few stray
// bytes in an otherwise UTF-8 file. DecodeText always returns valid UTF-8 and
// says in `notes` what it had to guess or repair, so a reader can trust or
// doubt the text.
#ifndef QANTARA_NEWS_ENCODING_H_
#define QANTARA_NEWS_ENCODING_H_

#include <string>
#include <string_view>
#include <vector>

namespace qantara::news {

// True when `bytes` is not text: a NUL byte in the first 8 KB (unless the data
// starts with a UTF-16 byte order mark), a known binary signature (PDF, ZIP,
// PNG, JPEG, GIF), or more than 10% control bytes (other than tab, line feed,
// form feed, carriage return and escape) in the first 8 KB.
bool LooksBinary(std::string_view bytes);

// Decodes `bytes` to valid UTF-8, in this order:
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins and is removed;
//  2. `declared_charset` (from an HTTP header or <meta>; "" when none) is used
//     when ICU knows it, except that a declared single-byte charset loses to
//     bytes that are valid UTF-8 with non-ASCII in them (a common mislabel);
//     latin-1 / iso-8859-1 / us-ascii mean windows-1252, as browsers read them;
//  3. valid UTF-8 is kept as is;
//  4. UTF-8 with rare bad bytes (at most one per 8 well-formed multi-byte
//     characters) is kept with U+FFFD for each bad byte;
//  5. otherwise a single-byte guess: windows-1256 when the high bytes look
//     Arabic (see LooksArabicWindows1256), else windows-1252.
// Then mojibake is repaired (RepairMojibake). Each guess, replacement and repair
// adds one short line to `*notes` (if not null), e.g. "decoded as windows-1256
// (guessed)".
std::string DecodeText(std::string_view bytes, std::string_view declared_charset,
                       std::vector<std::string>* notes);

// True when the bytes >= 0x80 of `bytes` read as Arabic in windows-1256: at
// least 8 high bytes, and more than half of them are Arabic letters of
// windows-1256 that are not also French letters of windows-1252 (0xC1-0xDF,
// 0xE1, 0xE3-0xE6, 0xEC, 0xED) and stand next to another high byte (Arabic
// words are runs of high bytes; accented Latin letters sit between ASCII ones).
bool LooksArabicWindows1256(std::string_view bytes);

// Repairs UTF-8 text that was decoded once as windows-1252 (or latin-1) and
// re-encoded: each run of characters that windows-1252 can encode, whose
// windows-1252 bytes form well-formed multi-byte UTF-8 sequences, is replaced by
// what those sequences decode to (U+00C3 U+00A9 -> U+00E9 e-acute;
// U+00D8 U+00A7 -> U+0627 ARABIC LETTER ALEF).
// Repeats once for text damaged twice. Returns `utf8` unchanged when nothing is
// suspicious. REQUIRES: `utf8` is valid UTF-8.
std::string RepairMojibake(std::string_view utf8, std::vector<std::string>* notes);

// The charset parameter of an HTTP Content-Type value, lower-cased and
// unquoted ("text/html; charset=\"UTF-8\"" -> "utf-8"); "" when none.
std::string CharsetFromContentType(std::string_view content_type);

// The charset an HTML page declares in its first 4 KB: <meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">, lower-cased;
// "" when none.
std::string SniffHtmlCharset(std::string_view html);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_ENCODING_H_
