// SHA-256 of a file's bytes, for ListSource::sha256 (internal to lists/).
// OpenSSL's libcrypto does the work: it uses the CPU's SHA instructions where
// present, which keeps hashing ~25 MB of lists to a few milliseconds.
#ifndef QANTARA_LISTS_SHA256_H_
#define QANTARA_LISTS_SHA256_H_

#include <string>
#include <string_view>

namespace qantara::lists {

// Lower-case hex digest (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_SHA256_H_
