// Timestamps for exports (timestamps.h). The ids themselves are io/digest.h's SHA-1
// and UUIDv5, checked against Python's uuid.uuid5 in tests/io/digest_test.cc.
#include "export/timestamps.h"

#include <cctype>

namespace qantara::export_ {
namespace {

bool Digits(std::string_view s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace

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
