// A small RFC 4180 CSV record reader over an in-memory file.
//
// Handles quoted fields with "" escapes and embedded newlines, CRLF or LF line
// ends, and reports the 1-based line on which each record starts, so that every
// issue can name its line. Fields are returned as written (no trimming).
#ifndef QANTARA_IO_CSV_H_
#define QANTARA_IO_CSV_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qantara::io {

class CsvReader {
 public:
  // `data` must outlive the reader.
  explicit CsvReader(std::string_view data, char delimiter = ',');

  // Reads the next record into *fields (cleared first). Returns false at the end
  // of the data. Blank lines are skipped.
  bool Next(std::vector<std::string>* fields);

  // Line on which the record last returned by Next() starts (1-based).
  size_t line() const { return record_line_; }

  // True when the last record hit the end of the data inside a quoted field.
  bool unterminated_quote() const { return unterminated_quote_; }

  // The raw bytes of the last record (without its line end), for validation.
  std::string_view raw() const { return raw_; }

 private:
  std::string_view data_;
  char delimiter_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0;
  bool unterminated_quote_ = false;
  std::string_view raw_;
};

}  // namespace qantara::io

#endif  // QANTARA_IO_CSV_H_
