// UUIDv5 is defined over SHA-1, and a hand-written SHA-1 would be one more
// thing to get wrong: both digests are OpenSSL's. Checked against Python's
// uuid.uuid5 and hashlib in tests/io/digest_test.cc and tests/export/export_test.cc.
#include "io/digest.h"

#include <openssl/evp.h>

#include <array>

namespace qantara::io {
namespace {

constexpr char kHex[] = "0123456789abcdef";

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0xF]);
  }
  return out;
}

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

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    return "";  // only on allocation failure inside OpenSSL
  }
  return Hex(digest, length);
}

std::string Sha1Hex(std::string_view data) {
  std::array<unsigned char, 20> h = Sha1(data, "");
  return Hex(h.data(), h.size());
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

}  // namespace qantara::io
