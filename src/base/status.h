// Status and Result<T>: how every fallible operation in Qantara reports failure.
//
// A Status is a code from a closed set plus a message meant for the person who
// has to act on it ("un.xml:120: <INDIVIDUAL> has no REFERENCE_NUMBER").
// Result<T> holds either a T or a non-OK Status (std::expected is not in g++ 12).
// Both are cheap on success: an OK Status carries no allocation.
#ifndef QANTARA_BASE_STATUS_H_
#define QANTARA_BASE_STATUS_H_

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace qantara {

// Never renumber: codes are mapped to exit codes (cli/) and HTTP statuses (server/).
enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,   // the caller's request is wrong (usage, option value)
  kNotFound = 2,          // a file, entity or key does not exist
  kCorruption = 3,        // input data is malformed (bad UTF-8, truncated XML, bad row)
  kIoError = 4,           // the operating system failed us (read, write, open)
  kUnsupported = 5,       // well-formed input we do not handle (unknown list format)
  kResourceExhausted = 6, // a cap on hostile input was hit (name length, aliases)
  kInternal = 7,          // a bug or an unexpected library failure
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // Empty for OK.
  const std::string& message() const;
  // "Corruption: un.xml:12: ..." or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message" (for adding a file name or line).
  Status WithPrefix(std::string_view prefix) const;

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  std::shared_ptr<const Rep> rep_;  // null when OK; shared so copies stay cheap
};

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {     // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  const T& value() const& { assert(ok()); return *value_; }
  T& value() & { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace qantara

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define QANTARA_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::qantara::Status qantara_status_ = (expr); \
    if (!qantara_status_.ok()) return qantara_status_; \
  } while (0)

#endif  // QANTARA_BASE_STATUS_H_
