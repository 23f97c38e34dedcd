// gzip decompression for list files (internal to lists/). A file is gzip when it
// starts with the magic bytes 1f 8b, whatever its name.
#ifndef QANTARA_LISTS_GUNZIP_H_
#define QANTARA_LISTS_GUNZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace qantara::lists {

// True when `data` starts with the gzip magic bytes 1f 8b.
bool IsGzip(std::string_view data);

// Decompresses every gzip member of `data`. Fails with kCorruption on damaged or
// truncated data and with kResourceExhausted when the output would exceed
// `max_bytes` (a decompression bomb). Messages do not name the file.
Result<std::string> Gunzip(std::string_view data, size_t max_bytes);

}  // namespace qantara::lists

#endif  // QANTARA_LISTS_GUNZIP_H_
