// What screen_eval and pair_eval share: screening every query of a set on
// one thread per core, each thread with its own scratch space.
#ifndef QANTARA_EVAL_SCREEN_EACH_H_
#define QANTARA_EVAL_SCREEN_EACH_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

#include "screen/screener.h"

namespace qantara::eval {

// Calls screen(i, scratch) for every i in [0, n), spread over the cores;
// calls for different i may run at once (each writes only its own result).
template <typename F>
void ScreenEach(size_t n, F screen) {
  const size_t threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      screen::ScreenScratch scratch;
      for (size_t i = t; i < n; i += threads) screen(i, &scratch);
    });
  }
  for (std::thread& w : workers) w.join();
}

}  // namespace qantara::eval

#endif  // QANTARA_EVAL_SCREEN_EACH_H_
