#include "lists/gunzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace qantara::lists {

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view data, size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
    return Status::Internal("zlib inflateInit2 failed");
  std::string out;
  out.reserve(std::min(max_bytes, data.size() * 4));
  const auto* next = reinterpret_cast<const Bytef*>(data.data());
  size_t left = data.size();
  char buf[1 << 16];
  int ret = Z_OK;
  while (true) {
    if (zs.avail_in == 0 && left > 0) {
      zs.next_in = const_cast<Bytef*>(next);
      zs.avail_in = static_cast<uInt>(std::min<size_t>(left, UINT_MAX));
      next += zs.avail_in;
      left -= zs.avail_in;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("gzip data expands beyond " + std::to_string(max_bytes) +
                                       " bytes");
    }
    out.append(buf, produced);
    if (ret == Z_STREAM_END) {
      // Another member may follow (concatenated gzip files); trailing zero padding is allowed.
      if (zs.avail_in == 0 && left == 0) break;
      if (zs.avail_in > 0 && zs.next_in[0] == 0) break;
      if (inflateReset(&zs) != Z_OK) break;
      continue;
    }
    if (ret == Z_BUF_ERROR && zs.avail_in == 0 && left == 0) {
      inflateEnd(&zs);
      return Status::Corruption("gzip data is truncated");
    }
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      std::string why = zs.msg != nullptr ? zs.msg : "corrupt data";
      inflateEnd(&zs);
      return Status::Corruption("gzip data is damaged (" + why + ")");
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace qantara::lists
