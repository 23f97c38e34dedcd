#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace qantara::cli {

Progress::Progress(std::string what, size_t total)
    : what_(std::move(what)),
      total_(total),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void Progress::Update(size_t items, size_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? items / seconds : 0;
  if (total_ > 0) {
    double share = static_cast<double>(done) / total_;
    int width = 30, filled = static_cast<int>(share * width);
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r%s [%s] %3.0f%%  %zu done, %.0f/s\033[K", what_.c_str(), bar.c_str(),
                 share * 100, items, rate);
  } else {
    std::fprintf(stderr, "\r%s %zu done, %.0f/s\033[K", what_.c_str(), items, rate);
  }
  drawn_ = true;
}

}  // namespace qantara::cli
