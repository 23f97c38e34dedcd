// zlib inflation, written once for every reader that meets compressed bytes:
// gzip list files (a file is gzip when it starts with the magic bytes 1f 8b,
// whatever its name), gzipped WARC archives read record by record, and HTTP
// bodies with Content-Encoding gzip or deflate (zlib or raw deflate).
#ifndef QANTARA_IO_INFLATE_H_
#define QANTARA_IO_INFLATE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace qantara::io {

// True when `data` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view data);

// Decompresses every gzip member of `data`. Fails with kCorruption on damaged or
// truncated data and with kResourceExhausted when the output would exceed
// `max_bytes` (a decompression bomb). Messages do not name the file.
Result<std::string> Gunzip(std::string_view data, size_t max_bytes);

// Decompresses one zlib stream, or failing that one raw deflate stream (HTTP's
// Content-Encoding: deflate is either, depending on the server). Fails with
// kResourceExhausted ("body inflates beyond limit") past `max_bytes` and with
// kCorruption ("damaged deflate data") when neither reading works.
Result<std::string> InflateZlibOrRaw(std::string_view data, size_t max_bytes);

// The first `n` bytes (or fewer) that the first gzip member of `data` inflates
// to, reading at most 1 MiB of `data`; "" when nothing can be inflated. For
// sniffing what a compressed file holds.
std::string GunzipPrefix(std::string_view data, size_t n);

// Inflates `data` a chunk at a time, for callers that keep a window of the
// output instead of all of it. Borrows `data`, which must outlive the Inflater.
// Not thread-safe.
class Inflater {
 public:
  enum class Format {
    kGzip,  // gzip members one after another; zero padding may end the data
    kZlib,  // one zlib stream
    kRaw,   // one raw deflate stream
  };
  enum class Step {
    kMore,       // call Next again
    kEnd,        // the data ended cleanly
    kTruncated,  // the data ended inside a stream
    kDamaged,    // zlib found the data corrupt (see message())
  };

  Inflater(std::string_view data, Format format);
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // False when zlib could not be initialised (out of memory): Next() then ends.
  bool ok() const;

  // Appends at most `chunk` more inflated bytes to *out.
  Step Next(size_t chunk, std::string* out);

  // zlib's reason for kDamaged ("corrupt data" when it gives none).
  std::string message() const;

  // Bytes of `data` zlib has consumed so far.
  size_t consumed() const;

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

}  // namespace qantara::io

#endif  // QANTARA_IO_INFLATE_H_
