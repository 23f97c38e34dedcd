#include "io/csv.h"

#include <algorithm>
#include <cstring>

namespace qantara::io {

namespace {

// Line ends in [begin, end): LF, CRLF (counted once) and a bare CR (old Mac files).
size_t CountLineEnds(const char* begin, const char* end) {
  size_t lines = 0;
  for (const char* p = begin; p < end; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++lines;
  }
  return lines;
}

}  // namespace

CsvReader::CsvReader(std::string_view data, char delimiter) : data_(data), delimiter_(delimiter) {}

// The UK file alone is 15 MB, so fields are copied span by span (not byte by
// byte) and the caller's strings are reused from record to record.
bool CsvReader::Next(std::vector<std::string>* fields) {
  unterminated_quote_ = false;
  // Skip blank lines (CR and LF alone).
  const size_t blank_start = pos_;
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) ++pos_;
  line_ += CountLineEnds(data_.data() + blank_start, data_.data() + pos_);
  if (pos_ >= data_.size()) {
    fields->clear();
    return false;
  }
  record_line_ = line_;
  const size_t start = pos_;
  const char* d = data_.data();
  const size_t n = data_.size();
  size_t count = 0;
  bool end_of_record = false;
  while (!end_of_record) {
    if (count == fields->size()) fields->emplace_back();
    std::string& field = (*fields)[count++];
    field.clear();
    if (pos_ < n && d[pos_] == '"') {  // quoted field: "" is a quote, newlines allowed
      ++pos_;
      while (true) {
        const void* q = std::memchr(d + pos_, '"', n - pos_);
        size_t end = q ? static_cast<const char*>(q) - d : n;
        field.append(d + pos_, end - pos_);
        line_ += CountLineEnds(d + pos_, d + end);
        pos_ = end;
        if (pos_ >= n) {
          unterminated_quote_ = true;
          break;
        }
        if (pos_ + 1 < n && d[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;  // closing quote
        break;
      }
    }
    // Unquoted text (or text after a closing quote, kept as spreadsheets do).
    size_t end = pos_;
    while (end < n && d[end] != delimiter_ && d[end] != '\n' && d[end] != '\r') ++end;
    field.append(d + pos_, end - pos_);
    pos_ = end;
    if (pos_ < n && d[pos_] == delimiter_) {
      ++pos_;
    } else {
      end_of_record = true;
    }
  }
  fields->resize(count);
  raw_ = data_.substr(start, pos_ - start);
  // Consume the line end.
  if (pos_ < n && (d[pos_] == '\r' || d[pos_] == '\n')) {
    if (d[pos_] == '\r' && pos_ + 1 < n && d[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  return true;
}

}  // namespace qantara::io
