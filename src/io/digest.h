// The digests the code computes, on OpenSSL's libcrypto (which uses the CPU's
// SHA instructions where present: hashing ~25 MB of lists takes a few
// milliseconds): SHA-256 of list files, API keys and the audit chain; SHA-1
// and RFC 4122 name-based (version 5) UUIDs for the ids of exported objects.
// Pure functions, thread-safe.
#ifndef QANTARA_IO_DIGEST_H_
#define QANTARA_IO_DIGEST_H_

#include <string>
#include <string_view>

namespace qantara::io {

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

// Lower-case hex SHA-1 of `data` (40 characters).
std::string Sha1Hex(std::string_view data);

// The RFC 4122 version 5 UUID of `name` in the namespace `ns` (a UUID in
// canonical text form, e.g. "00abedb4-aa42-466c-9c01-fed23315a9b7"), in
// canonical lower-case text form. REQUIRES: `ns` is a valid UUID.
std::string UuidV5(std::string_view ns, std::string_view name);

}  // namespace qantara::io

#endif  // QANTARA_IO_DIGEST_H_
