// A progress line on stderr for long jobs, shown only when stderr is a terminal.
#ifndef QANTARA_CLI_PROGRESS_H_
#define QANTARA_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace qantara::cli {

class Progress {
 public:
  // `total`: units of work expected (records, bytes), 0 when unknown.
  Progress(std::string what, size_t total);
  ~Progress();  // clears the line

  // Called after each block with the items done and the units of `total`
  // done; redraws at most ten times a second.
  void Update(size_t items, size_t done);

 private:
  std::string what_;
  size_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace qantara::cli

#endif  // QANTARA_CLI_PROGRESS_H_
