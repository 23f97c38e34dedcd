// Decoding news bytes to UTF-8: byte order marks, declared charsets (through
// ICU's converters), a UTF-8 check that tolerates a few stray bytes, a
// windows-1256 / windows-1252 guess for the rest, and mojibake repair.
//
// The single-byte guess is a byte-frequency test, not a statistical detector
// (ICU's CharsetDetector confuses windows-1256 with other code pages on short
// articles, and we only ever need to tell Arabic from Latin): in windows-1256
// the Arabic letters are 0xC1-0xDF, 0xE1, 0xE3-0xE6, 0xEC-0xED (the other high
// letters are the French accented ones, at the same places as in
// windows-1252), and an Arabic word is a run of such bytes, while accented
// Latin letters sit alone between ASCII letters. Checked on the fixtures of
// tests/news/encoding_test.cc (French and English windows-1252 text with
// capitals and ligatures, Arabic windows-1256 text, mixed lines).
//
// Mojibake repair maps each character back to its windows-1252 byte and
// re-reads well-formed UTF-8 sequences among those bytes; it only looks at
// runs of non-ASCII characters, since a mis-decoded multi-byte sequence never
// contains an ASCII byte.
#include "news/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>

#include "base/ascii.h"
#include "text/legacy_encoding.h"
#include "text/utf8.h"

namespace qantara::news {
namespace {

constexpr size_t kSniffBytes = 8192;

unsigned char Byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

// Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
std::string CanonicalCharset(std::string_view declared) {
  std::string c = AsciiLower(declared);
  c.erase(std::remove_if(c.begin(), c.end(), [](char ch) { return ch == ' ' || ch == '"'; }),
          c.end());
  if (c == "latin1" || c == "latin-1" || c == "iso-8859-1" || c == "iso8859-1" ||
      c == "iso_8859-1" || c == "l1" || c == "us-ascii" || c == "ascii" || c == "cp1252") {
    return "windows-1252";
  }
  if (c == "utf8") return "utf-8";
  return c;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter OpenConverter(const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  Converter conv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err)) return nullptr;
  return conv;
}

// Converts with ICU; bad or unmapped bytes become U+FFFD (or the code page's
// own substitute), so the output is always valid UTF-8.
std::string ConvertToUtf8(UConverter* conv, std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::u16string utf16(bytes.size() + 1, u'\0');
  int32_t n = ucnv_toUChars(conv, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    utf16.assign(static_cast<size_t>(n) + 1, u'\0');
    n = ucnv_toUChars(conv, utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                      static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) return text::ScrubUtf8(bytes);
  std::string out(static_cast<size_t>(n) * 3, '\0');
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len, utf16.data(), n, 0xFFFD,
                     nullptr, &err);
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(len) : 0);
  return out;
}

std::string ConvertKnown(const char* charset, std::string_view bytes) {
  Converter conv = OpenConverter(charset);
  return conv ? ConvertToUtf8(conv.get(), bytes) : text::ScrubUtf8(bytes);
}

// How a byte string fares as UTF-8.
struct Utf8Census {
  size_t multibyte = 0;  // well-formed sequences of 2-4 bytes
  size_t bad = 0;        // bytes that start no well-formed sequence
  size_t first_bad = 0;  // offset of the first of them
};

Utf8Census CountUtf8(std::string_view bytes) {
  Utf8Census census;
  size_t pos = 0;
  while (pos < bytes.size()) {
    if (Byte(bytes, pos) < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    text::DecodeUtf8(bytes, &pos);
    if (pos - start >= 2) {
      ++census.multibyte;
    } else {
      if (census.bad == 0) census.first_bad = start;
      ++census.bad;
    }
  }
  return census;
}

bool IsArabicLetter1256(unsigned char b) {
  return (b >= 0xC1 && b <= 0xDF && b != 0xD7) || b == 0xE1 || (b >= 0xE3 && b <= 0xE6) ||
         b == 0xEC || b == 0xED;
}

// Guesses a single-byte code page for bytes that are not UTF-8.
std::string DecodeSingleByte(std::string_view bytes, std::vector<std::string>* notes,
                             const std::string& why) {
  const char* charset = LooksArabicWindows1256(bytes) ? "windows-1256" : "windows-1252";
  if (notes) notes->push_back(why + "; decoded as " + charset + " (guessed)");
  return ConvertKnown(charset, bytes);
}

// Steps 3-5 of DecodeText: bytes with no usable BOM or declared charset.
std::string DecodeUndeclared(std::string_view bytes, size_t base_offset,
                             std::vector<std::string>* notes) {
  Utf8Census census = CountUtf8(bytes);
  if (census.bad == 0) return std::string(bytes);
  std::string where = "byte " + std::to_string(base_offset + census.first_bad);
  if (census.bad * 8 <= census.multibyte) {
    if (notes) {
      notes->push_back("invalid UTF-8: " + std::to_string(census.bad) +
                       " byte(s) replaced by U+FFFD, the first at " + where);
    }
    return text::ScrubUtf8(bytes);
  }
  return DecodeSingleByte(bytes, notes, "not UTF-8 (first bad byte at " + where + ")");
}

// Step 2 of DecodeText. Returns false when the declared charset is not usable.
bool DecodeDeclared(std::string_view bytes, const std::string& charset,
                    std::vector<std::string>* notes, std::string* out) {
  Converter conv = OpenConverter(charset);
  if (!conv) {
    if (notes) notes->push_back("unknown charset \"" + charset + "\" ignored");
    return false;
  }
  if (ucnv_getMaxCharSize(conv.get()) == 1) {
    Utf8Census census = CountUtf8(bytes);
    if (census.bad == 0) {
      if (census.multibyte > 0 && notes) {
        notes->push_back("declared " + charset + " but the bytes are UTF-8; read as UTF-8");
      }
      *out = std::string(bytes);
      return true;
    }
  }
  *out = ConvertToUtf8(conv.get(), bytes);
  if (notes) notes->push_back("decoded as " + charset + " (declared)");
  return true;
}

// Returns the BOM's charset and strips the BOM from *bytes; nullptr when none.
const char* TakeBom(std::string_view* bytes) {
  if (bytes->substr(0, 3) == "\xEF\xBB\xBF") {
    bytes->remove_prefix(3);
    return "utf-8";
  }
  if (bytes->substr(0, 2) == "\xFF\xFE") {
    bytes->remove_prefix(2);
    return "UTF-16LE";
  }
  if (bytes->substr(0, 2) == "\xFE\xFF") {
    bytes->remove_prefix(2);
    return "UTF-16BE";
  }
  return nullptr;
}

// A run of characters that windows-1252 can encode, and where each came from.
struct MojibakeRun {
  std::string bytes;          // the windows-1252 bytes, one per character
  std::vector<size_t> begin;  // begin[i]: offset in the text of character i; plus the end
};

// Appends the repaired form of `run` (text[run.begin.front(), run.begin.back())).
size_t RepairRun(std::string_view text, const MojibakeRun& run, std::string* out) {
  size_t repairs = 0;
  size_t i = 0;
  while (i < run.bytes.size()) {
    size_t pos = i;
    char32_t cp = Byte(run.bytes, i) >= 0xC2 ? text::DecodeUtf8(run.bytes, &pos) : 0;
    if (pos - i >= 2) {
      text::AppendUtf8(cp, out);
      ++repairs;
      i = pos;
      continue;
    }
    out->append(text.substr(run.begin[i], run.begin[i + 1] - run.begin[i]));
    ++i;
  }
  return repairs;
}

size_t RepairPass(std::string_view text, std::string* out) {
  size_t repairs = 0;
  MojibakeRun run;
  size_t pos = 0;
  auto flush = [&] {
    if (run.bytes.empty()) return;
    run.begin.push_back(pos);
    repairs += RepairRun(text, run, out);
    run.bytes.clear();
    run.begin.clear();
  };
  while (pos < text.size()) {
    size_t start = pos;
    int byte = text::Cp1252Byte(text::DecodeUtf8(text, &pos));
    if (byte < 0) {
      pos = start;
      flush();
      text::DecodeUtf8(text, &pos);
      out->append(text.substr(start, pos - start));
      continue;
    }
    run.bytes.push_back(static_cast<char>(byte));
    run.begin.push_back(start);
  }
  flush();
  return repairs;
}

}  // namespace

bool LooksBinary(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return false;
  static constexpr std::string_view kSignatures[] = {"%PDF-",
                                                     "PK\x03\x04",
                                                     "\x89PNG",
                                                     "\xFF\xD8\xFF",
                                                     "GIF87a",
                                                     "GIF89a",
                                                     "\x7F"
                                                     "ELF"};
  for (std::string_view sig : kSignatures) {
    if (bytes.substr(0, sig.size()) == sig) return true;
  }
  std::string_view head = bytes.substr(0, kSniffBytes);
  size_t controls = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    bool allowed = c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x1B;
    if ((c < 0x20 && !allowed) || c == 0x7F) ++controls;
  }
  return controls * 10 > head.size();
}

bool LooksArabicWindows1256(std::string_view bytes) {
  size_t high = 0;
  size_t arabic_in_runs = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char b = Byte(bytes, i);
    if (b < 0x80) continue;
    ++high;
    bool neighbour = (i > 0 && Byte(bytes, i - 1) >= 0x80) ||
                     (i + 1 < bytes.size() && Byte(bytes, i + 1) >= 0x80);
    if (neighbour && IsArabicLetter1256(b)) ++arabic_in_runs;
  }
  return high >= 4 && arabic_in_runs * 2 > high;
}

std::string RepairMojibake(std::string_view utf8, std::vector<std::string>* notes) {
  // Every mis-decoded lead byte (0xC2-0xF4) shows as U+00C2-U+00F4, whose UTF-8
  // starts with 0xC3: text without that byte has nothing to repair.
  if (utf8.find('\xC3') == std::string_view::npos) return std::string(utf8);
  std::string current(utf8);
  size_t total = 0;
  for (int pass = 0; pass < 2; ++pass) {
    std::string next;
    next.reserve(current.size());
    size_t repairs = RepairPass(current, &next);
    if (repairs == 0) break;
    total += repairs;
    current = std::move(next);
  }
  if (total > 0 && notes) {
    notes->push_back("mojibake repaired: " + std::to_string(total) +
                     " UTF-8 sequence(s) that had been read as windows-1252");
  }
  return current;
}

std::string DecodeText(std::string_view bytes, std::string_view declared_charset,
                       std::vector<std::string>* notes) {
  size_t bom_size = bytes.size();
  const char* bom = TakeBom(&bytes);
  bom_size -= bytes.size();
  std::string decoded;
  std::string charset = CanonicalCharset(declared_charset);
  if (bom != nullptr && std::string_view(bom) != "utf-8") {
    decoded = ConvertKnown(bom, bytes);
  } else if (bom != nullptr || charset.empty() || charset == "utf-8" ||
             !DecodeDeclared(bytes, charset, notes, &decoded)) {
    decoded = DecodeUndeclared(bytes, bom_size, notes);
  }
  return RepairMojibake(decoded, notes);
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::string lower = AsciiLower(content_type);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  at = lower.find_first_not_of(" \t", at + 7);
  if (at == std::string::npos || lower[at] != '=') return "";
  at = lower.find_first_not_of(" \t\"'", at + 1);
  if (at == std::string::npos) return "";
  size_t end = lower.find_first_of(" \t\"';,/>", at);
  return lower.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string SniffHtmlCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, 4096));
  size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    size_t end = head.find('>', at);
    std::string_view tag = std::string_view(head).substr(
        at, end == std::string::npos ? std::string_view::npos : end - at);
    std::string charset = CharsetFromContentType(tag);
    if (!charset.empty()) return charset;
    at += 5;
  }
  return "";
}

}  // namespace qantara::news
