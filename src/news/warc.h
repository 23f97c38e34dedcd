// A small reader for WARC/1.0 and WARC/1.1 files (ISO 28500), the format of
// web crawls (Common Crawl, wget --warc-file, Heritrix).
//
// A record is a version line ("WARC/1.1"), header lines up to a blank line,
// Content-Length bytes of block, then CRLF CRLF. The reader works on the bytes
// of a plain .warc file and on gzip data: several members (one per record, as
// .warc.gz files are written) or a single member holding the whole file. It
// inflates as it goes, so memory is one record, not the whole archive.
//
// Record numbers and byte offsets count in the uncompressed WARC stream,
// records from 0 (warcinfo and request records included), so "record 3 at
// byte 1200" is found by `zcat file.warc.gz | tail -c +1201`.
#ifndef QANTARA_NEWS_WARC_H_
#define QANTARA_NEWS_WARC_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace qantara::news {

struct WarcRecord {
  size_t index = 0;          // position in the file, from 0
  size_t offset = 0;         // byte offset of the version line in the uncompressed stream
  std::string type;          // WARC-Type: "response", "resource", "request", "warcinfo"...
  std::string target_uri;    // WARC-Target-URI, "" when absent
  std::string date;          // WARC-Date (the crawl date, not the article's), "" when absent
  std::string content_type;  // Content-Type of the block ("application/http; msgtype=response")
  size_t content_length = 0;
  std::string block;       // the Content-Length bytes; empty when `oversized`
  bool oversized = false;  // content_length > max_block_bytes: the block was skipped
};

// Reads records one by one from `data`, which must outlive the reader.
class WarcReader {
 public:
  // Blocks larger than `max_block_bytes` are skipped (record.oversized).
  WarcReader(std::string_view data, size_t max_block_bytes);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Fills `*record` with the next record and returns true; returns false at the
  // end of the data or on an error that ends the file, which status() then
  // holds: kCorruption "record N at byte B: truncated (Content-Length L, X
  // bytes left)", "record N at byte B: not a WARC record (...)", a bad
  // Content-Length, or damaged gzip data. Messages do not name the file.
  bool Next(WarcRecord* record);
  const Status& status() const { return status_; }

 private:
  class Input;
  bool ReadHeader(WarcRecord* record);  // fills the fields, consumes the header
  bool ReadBlock(WarcRecord* record);
  bool Fail(const WarcRecord& record, std::string what);

  std::unique_ptr<Input> input_;
  size_t max_block_bytes_;
  size_t next_index_ = 0;
  Status status_;
};

// An HTTP response split into its parts (a WARC "response" block).
struct HttpResponse {
  int status = 0;            // 200; 0 when the status line is unreadable
  std::string content_type;  // the Content-Type header, "" when absent
  std::string body;          // de-chunked and gunzipped as the headers say
};

// Splits an HTTP/1.x response into status, Content-Type and body, undoing
// Transfer-Encoding: chunked and Content-Encoding: gzip / deflate / x-gzip.
// Fails with kCorruption when the block is not an HTTP response or its
// encoding is damaged, kUnsupported for other content encodings (br, zstd),
// and kResourceExhausted when the decoded body exceeds `max_body_bytes`.
Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes);

}  // namespace qantara::news

#endif  // QANTARA_NEWS_WARC_H_
