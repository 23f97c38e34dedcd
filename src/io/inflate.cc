// One z_stream loop for gzip, zlib and raw deflate. Input is handed to zlib at
// most UINT_MAX bytes at a time (avail_in is 32 bits), so inputs beyond 4 GiB
// work too.
#include "io/inflate.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace qantara::io {
namespace {

constexpr size_t kChunk = size_t{64} << 10;

int WindowBits(Inflater::Format format) {
  switch (format) {
    case Inflater::Format::kGzip:
      return 16 + MAX_WBITS;
    case Inflater::Format::kZlib:
      return MAX_WBITS;
    case Inflater::Format::kRaw:
      return -MAX_WBITS;
  }
  return MAX_WBITS;
}

}  // namespace

struct Inflater::Stream {
  z_stream zs{};
  std::string_view data;
  Format format = Format::kGzip;
  size_t handed = 0;  // bytes of data given to zlib
  bool ok = false;
  bool done = false;
};

Inflater::Inflater(std::string_view data, Format format) : stream_(std::make_unique<Stream>()) {
  stream_->data = data;
  stream_->format = format;
  stream_->ok = inflateInit2(&stream_->zs, WindowBits(format)) == Z_OK;
  stream_->done = !stream_->ok;
}

Inflater::~Inflater() {
  if (stream_->ok) inflateEnd(&stream_->zs);
}

bool Inflater::ok() const { return stream_->ok; }

std::string Inflater::message() const {
  return stream_->zs.msg != nullptr ? stream_->zs.msg : "corrupt data";
}

size_t Inflater::consumed() const { return stream_->handed - stream_->zs.avail_in; }

Inflater::Step Inflater::Next(size_t chunk, std::string* out) {
  Stream& s = *stream_;
  if (s.done) return Step::kEnd;
  z_stream& zs = s.zs;
  if (zs.avail_in == 0 && s.handed < s.data.size()) {
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data.data() + s.handed));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(s.data.size() - s.handed, UINT_MAX));
    s.handed += zs.avail_in;
  }
  chunk = std::min<size_t>(chunk, UINT_MAX);
  size_t old = out->size();
  out->resize(old + chunk);
  zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
  zs.avail_out = static_cast<uInt>(chunk);
  int ret = inflate(&zs, Z_NO_FLUSH);
  out->resize(old + chunk - zs.avail_out);
  bool input_left = zs.avail_in > 0 || s.handed < s.data.size();
  Step step = Step::kMore;
  if (ret == Z_STREAM_END) {
    // In gzip another member may follow (concatenated files, one WARC record
    // per member); trailing zero padding is allowed.
    bool next_member = s.format == Format::kGzip && input_left &&
                       !(zs.avail_in > 0 && zs.next_in[0] == 0) && inflateReset(&zs) == Z_OK;
    step = next_member ? Step::kMore : Step::kEnd;
  } else if (ret == Z_BUF_ERROR) {
    step = input_left ? Step::kMore : Step::kTruncated;
  } else if (ret != Z_OK) {
    step = Step::kDamaged;
  }
  s.done = step != Step::kMore;
  return step;
}

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view data, size_t max_bytes) {
  Inflater inflater(data, Inflater::Format::kGzip);
  if (!inflater.ok()) return Status::Internal("zlib inflateInit2 failed");
  std::string out;
  out.reserve(std::min(max_bytes, data.size() * 4));
  while (true) {
    Inflater::Step step = inflater.Next(kChunk, &out);
    if (out.size() > max_bytes) {
      return Status::ResourceExhausted("gzip data expands beyond " + std::to_string(max_bytes) +
                                       " bytes");
    }
    switch (step) {
      case Inflater::Step::kMore:
        continue;
      case Inflater::Step::kEnd:
        return out;
      case Inflater::Step::kTruncated:
        return Status::Corruption("gzip data is truncated");
      case Inflater::Step::kDamaged:
        return Status::Corruption("gzip data is damaged (" + inflater.message() + ")");
    }
  }
}

Result<std::string> InflateZlibOrRaw(std::string_view data, size_t max_bytes) {
  for (Inflater::Format format : {Inflater::Format::kZlib, Inflater::Format::kRaw}) {
    Inflater inflater(data, format);
    if (!inflater.ok()) return Status::Internal("zlib init failed");
    std::string out;
    Inflater::Step step = Inflater::Step::kMore;
    while (step == Inflater::Step::kMore && out.size() <= max_bytes) {
      step = inflater.Next(size_t{1} << 14, &out);
    }
    if (out.size() > max_bytes) return Status::ResourceExhausted("body inflates beyond limit");
    if (step == Inflater::Step::kEnd) return out;
  }
  return Status::Corruption("damaged deflate data");
}

std::string GunzipPrefix(std::string_view data, size_t n) {
  Inflater inflater(data.substr(0, size_t{1} << 20), Inflater::Format::kGzip);
  std::string out;
  if (inflater.ok()) inflater.Next(n, &out);
  return out;
}

}  // namespace qantara::io
