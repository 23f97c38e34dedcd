// Deterministic ids for exports (ids.h). SHA-1 is OpenSSL's (libcrypto,
// already linked for lists' SHA-256): UUIDv5 is defined over SHA-1, and a
// hand-written SHA-1 would be one more thing to get wrong. Checked against
// Python's uuid.uuid5 in tests/export/export_test.cc.
#include "export/ids.h"

#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <cstdio>

namespace qantara::export_ {
namespace {

constexpr char kHex[] = "0123456789abcdef";

std::array<unsigned char, 20> Sha1(std::string_view a, std::string_view b) {
  std::array<unsigned char, 20> out{};
  unsigned int size = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha1(), nullptr);
  EVP_DigestUpdate(ctx, a.data(), a.size());
  EVP_DigestUpdate(ctx, b.data(), b.size());
  EVP_DigestFinal_ex(ctx, out.data(), &size);
  EVP_MD_CTX_free(ctx);
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Digits(std::string_view s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace

std::string Sha1Hex(std::string_view data) {
  std::string out;
  for (unsigned char c : Sha1(data, "")) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string UuidV5(std::string_view ns, std::string_view name) {
  std::string ns_bytes;
  for (size_t i = 0; i + 1 < ns.size(); ++i) {
    if (ns[i] == '-') continue;
    ns_bytes += static_cast<char>(HexValue(ns[i]) * 16 + HexValue(ns[i + 1]));
    ++i;
  }
  std::array<unsigned char, 20> h = Sha1(ns_bytes, name);
  h[6] = static_cast<unsigned char>((h[6] & 0x0F) | 0x50);  // version 5
  h[8] = static_cast<unsigned char>((h[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[h[i] >> 4];
    out += kHex[h[i] & 15];
  }
  return out;
}

std::string Rfc3339(std::string_view s) {
  if (!Digits(s, 0, 4)) return "";
  std::string date(s.substr(0, 4));
  std::string month = "01", day = "01", time = "00:00:00";
  if (s.size() >= 7 && s[4] == '-' && Digits(s, 5, 2)) month = std::string(s.substr(5, 2));
  if (s.size() >= 10 && s[7] == '-' && Digits(s, 8, 2)) day = std::string(s.substr(8, 2));
  if (s.size() >= 19 && (s[10] == ' ' || s[10] == 'T') && Digits(s, 11, 2) && s[13] == ':' &&
      Digits(s, 14, 2) && s[16] == ':' && Digits(s, 17, 2)) {
    time = std::string(s.substr(11, 8));
  }
  if (month < "01" || month > "12" || day < "01" || day > "31") return "";
  return date + "-" + month + "-" + day + "T" + time + ".000Z";
}

}  // namespace qantara::export_
