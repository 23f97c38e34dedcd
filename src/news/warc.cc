// WARC records, read from plain or gzipped bytes without inflating the whole
// file: Input keeps a window of uncompressed bytes and inflates more when the
// parser needs it, so a multi-gigabyte crawl costs one record of memory.
#include "news/warc.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "base/ascii.h"
#include "io/inflate.h"

namespace qantara::news {
namespace {

constexpr size_t kMaxHeaderBytes = size_t{64} << 10;
constexpr size_t kInflateChunk = size_t{64} << 10;

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Calls on_header(name, value) for each "Name: value" line of `headers`.
template <typename F>
void ForEachHeader(std::string_view headers, F on_header) {
  size_t pos = 0;
  while (pos < headers.size()) {
    size_t end = headers.find('\n', pos);
    if (end == std::string_view::npos) end = headers.size();
    std::string_view line = headers.substr(pos, end - pos);
    pos = end + 1;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    on_header(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
}

// The end of the header block starting at s[0] (just past the blank line), or npos.
size_t HeaderEnd(std::string_view s) {
  size_t crlf = s.find("\r\n\r\n");
  size_t lf = s.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf))
    return crlf + 4;
  return lf + 2;
}

bool ParseSize(std::string_view s, int base, size_t* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

// Uncompressed bytes of the WARC stream, inflated on demand.
class WarcReader::Input {
 public:
  explicit Input(std::string_view data) : data_(data), gzip_(io::IsGzip(data)) {
    if (gzip_) inflater_.emplace(data, io::Inflater::Format::kGzip);
    if (gzip_ && !inflater_->ok()) {
      error_ = Status::Internal("zlib inflateInit2 failed");
      gzip_ = false;
      data_ = {};
    }
  }

  // Makes at least `n` bytes available; false when the stream ends first.
  bool Ensure(size_t n) {
    while (Available().size() < n) {
      // The last Inflate() may have produced bytes before it reported the end.
      if (!gzip_ || !Inflate()) return Available().size() >= n;
    }
    return true;
  }
  std::string_view Available() const {
    if (!gzip_) return data_.substr(std::min(offset_, data_.size()));
    return std::string_view(buffer_).substr(start_);
  }
  void Consume(size_t n) {
    offset_ += n;
    if (gzip_) start_ += n;
  }
  // Discards up to `n` bytes without keeping them; returns how many were there.
  size_t Skip(size_t n) {
    size_t skipped = 0;
    while (skipped < n) {
      if (Available().empty() && !Ensure(1)) break;
      size_t take = std::min(n - skipped, Available().size());
      Consume(take);
      skipped += take;
    }
    return skipped;
  }
  size_t offset() const { return offset_; }
  const Status& error() const { return error_; }

 private:
  // Inflates one more chunk; false at the end of the data or on damage (error_).
  bool Inflate() {
    if (done_) return false;
    if (start_ > 0 && start_ * 2 >= buffer_.size()) {
      buffer_.erase(0, start_);
      start_ = 0;
    }
    switch (inflater_->Next(kInflateChunk, &buffer_)) {
      case io::Inflater::Step::kMore:
        return true;
      case io::Inflater::Step::kEnd:
      case io::Inflater::Step::kTruncated:  // the record says so
        return Finish();
      case io::Inflater::Step::kDamaged:
        error_ = Status::Corruption("gzip data is damaged at compressed byte " +
                                    std::to_string(inflater_->consumed()) + " (" +
                                    inflater_->message() + ")");
        return Finish();
    }
    return Finish();
  }
  bool Finish() {
    done_ = true;
    return false;
  }

  std::string_view data_;
  bool gzip_;
  std::optional<io::Inflater> inflater_;  // when gzip_
  bool done_ = false;
  std::string buffer_;  // inflated bytes; those before start_ are consumed
  size_t start_ = 0;
  size_t offset_ = 0;  // uncompressed offset of Available().data()
  Status error_;
};

WarcReader::WarcReader(std::string_view data, size_t max_block_bytes)
    : input_(std::make_unique<Input>(data)), max_block_bytes_(max_block_bytes) {}

WarcReader::~WarcReader() = default;

bool WarcReader::Fail(const WarcRecord& record, std::string what) {
  if (!input_->error().ok()) what += " (" + input_->error().message() + ")";
  status_ = Status::Corruption("record " + std::to_string(record.index) + " at byte " +
                               std::to_string(record.offset) + ": " + what);
  return false;
}

bool WarcReader::Next(WarcRecord* record) {
  if (!status_.ok()) return false;
  // Records are separated by CRLF CRLF; be lenient about how many.
  while (input_->Ensure(1) && (input_->Available()[0] == '\r' || input_->Available()[0] == '\n')) {
    input_->Consume(1);
  }
  *record = WarcRecord{};
  record->index = next_index_;
  record->offset = input_->offset();
  if (input_->Available().empty()) {
    if (!input_->error().ok()) status_ = input_->error();
    return false;
  }
  if (!ReadHeader(record) || !ReadBlock(record)) return false;
  ++next_index_;
  return true;
}

bool WarcReader::ReadHeader(WarcRecord* record) {
  size_t header_end = std::string_view::npos;
  for (size_t want = 4096;; want = std::min(want * 2, kMaxHeaderBytes)) {
    bool more = input_->Ensure(want);
    header_end = HeaderEnd(input_->Available().substr(0, kMaxHeaderBytes));
    if (header_end != std::string_view::npos) break;
    if (!more) return Fail(*record, "truncated in the header");
    if (want == kMaxHeaderBytes) return Fail(*record, "header longer than 64 KB");
  }
  std::string_view header = input_->Available().substr(0, header_end);
  if (header.substr(0, 5) != "WARC/") {
    std::string start(header.substr(0, std::min<size_t>(header.find_first_of("\r\n"), 20)));
    return Fail(*record, "not a WARC record (starts with \"" + start + "\")");
  }
  bool has_length = false;
  bool bad_length = false;
  ForEachHeader(header, [&](std::string_view name, std::string_view value) {
    if (EqualsIgnoreCase(name, "Content-Length")) {
      has_length = true;
      bad_length = !ParseSize(value, 10, &record->content_length);
    } else if (EqualsIgnoreCase(name, "WARC-Type")) {
      record->type = std::string(value);
    } else if (EqualsIgnoreCase(name, "WARC-Target-URI")) {
      // WARC/1.1's own examples wrap the URI in <...>; some writers copied that.
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
        value = value.substr(1, value.size() - 2);
      }
      record->target_uri = std::string(value);
    } else if (EqualsIgnoreCase(name, "WARC-Date")) {
      record->date = std::string(value);
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      record->content_type = std::string(value);
    }
  });
  if (!has_length || bad_length) return Fail(*record, "missing or bad Content-Length");
  input_->Consume(header_end);
  return true;
}

bool WarcReader::ReadBlock(WarcRecord* record) {
  const size_t length = record->content_length;
  auto truncated = [&](size_t left) {
    return Fail(*record, "truncated (Content-Length " + std::to_string(length) + ", " +
                             std::to_string(left) + " bytes left)");
  };
  if (length > max_block_bytes_) {
    record->oversized = true;
    size_t skipped = input_->Skip(length);
    return skipped < length ? truncated(skipped) : true;
  }
  if (!input_->Ensure(length)) return truncated(input_->Available().size());
  record->block = std::string(input_->Available().substr(0, length));
  input_->Consume(length);
  return true;
}

namespace {

// Undoes Transfer-Encoding: chunked. False when `body` is not chunked data.
bool Dechunk(std::string_view body, size_t max_bytes, std::string* out, bool* too_big) {
  size_t pos = 0;
  while (true) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return !out->empty();  // cut short: keep what came
    std::string_view line = Trim(body.substr(pos, eol - pos));
    line = Trim(line.substr(0, line.find(';')));
    size_t size = 0;
    if (!ParseSize(line, 16, &size)) return false;
    pos = eol + 1;
    if (size == 0) return true;
    if (out->size() + size > max_bytes) {
      *too_big = true;
      return false;
    }
    out->append(body.substr(pos, size));
    pos = std::min(body.size(), pos + size);
    if (body.substr(pos, 2) == "\r\n")
      pos += 2;
    else if (body.substr(pos, 1) == "\n")
      pos += 1;
  }
}

Status DecodeContent(std::string_view encoding, size_t max_bytes, std::string* body) {
  if (encoding.empty() || EqualsIgnoreCase(encoding, "identity")) return Status::Ok();
  Result<std::string> decoded =
      Status::Unsupported("Content-Encoding \"" + std::string(encoding) + "\" is not supported");
  if (EqualsIgnoreCase(encoding, "gzip") || EqualsIgnoreCase(encoding, "x-gzip")) {
    // Some crawlers store the body already decoded but keep the header.
    if (!io::IsGzip(*body)) return Status::Ok();
    decoded = io::Gunzip(*body, max_bytes);
  } else if (EqualsIgnoreCase(encoding, "deflate")) {
    decoded = io::InflateZlibOrRaw(*body, max_bytes);
  }
  if (!decoded.ok()) return decoded.status();
  *body = std::move(decoded).value();
  return Status::Ok();
}

}  // namespace

Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes) {
  if (block.substr(0, 5) != "HTTP/") return Status::Corruption("not an HTTP response");
  size_t header_end = HeaderEnd(block);
  if (header_end == std::string_view::npos) return Status::Corruption("HTTP header not closed");
  HttpResponse response;
  std::string_view header = block.substr(0, header_end);
  size_t space = header.find(' ');
  if (space != std::string_view::npos) {
    size_t code = 0;
    if (ParseSize(header.substr(space + 1, 3), 10, &code)) response.status = static_cast<int>(code);
  }
  std::string_view transfer, encoding;
  ForEachHeader(header.substr(header.find('\n') + 1),
                [&](std::string_view name, std::string_view value) {
                  if (EqualsIgnoreCase(name, "Content-Type"))
                    response.content_type = std::string(value);
                  if (EqualsIgnoreCase(name, "Transfer-Encoding")) transfer = value;
                  if (EqualsIgnoreCase(name, "Content-Encoding")) encoding = value;
                });
  std::string_view body = block.substr(header_end);
  bool too_big = false;
  bool chunked = EqualsIgnoreCase(transfer, "chunked") &&
                 Dechunk(body, max_body_bytes, &response.body, &too_big);
  if (too_big || (!chunked && body.size() > max_body_bytes)) {
    return Status::ResourceExhausted("HTTP body larger than " + std::to_string(max_body_bytes) +
                                     " bytes");
  }
  // Not chunked after all: many crawlers store the body de-chunked but keep the header.
  if (!chunked) response.body = std::string(body);
  QANTARA_RETURN_IF_ERROR(DecodeContent(encoding, max_body_bytes, &response.body));
  return response;
}

}  // namespace qantara::news
