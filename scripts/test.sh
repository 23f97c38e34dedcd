#!/usr/bin/env bash
# Every test: source checks, clang's thread-safety analysis, a Release build with all unit and
# large tests, and an ASan+UBSan build with the unit tests. CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
tools/ci/check_sources.sh
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DQANTARA_BUILD_TESTS=ON \
  -DQANTARA_BUILD_BENCH=ON >/dev/null
cmake --build build -j "$jobs"
tools/ci/check_thread_safety.sh build
(cd build && ctest -j "$jobs" --output-on-failure)
if [ -x ../shared/tools/contract-check ]; then
  ../shared/tools/contract-check
fi
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DQANTARA_SANITIZE=ON -DQANTARA_BUILD_TESTS=ON \
  -DQANTARA_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest -j "$jobs" -L unit --output-on-failure)
