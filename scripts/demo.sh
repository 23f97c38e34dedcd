#!/usr/bin/env bash
# The main job on the bundled default: build, then screen data/sample_queries.jsonl against
# data/sample_list.jsonl and show one name at the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Only the binary is built; the tests and benchmarks stay configured in build/ (turning them
# off here would leave scripts/test.sh's ctest running stale test binaries in a shared folder).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target qantara
echo "== qantara lists show data/sample_list.jsonl"
build/qantara lists show data/sample_list.jsonl
echo
echo "== qantara screen --list data/sample_list.jsonl --input data/sample_queries.jsonl"
build/qantara screen --list data/sample_list.jsonl --input data/sample_queries.jsonl || true
echo
echo "== qantara match 'Abou Hamza El Foulani' --list data/sample_list.jsonl"
build/qantara match "Abou Hamza El Foulani" --list data/sample_list.jsonl
echo
echo "== qantara read data/articles --list data/sample_list.jsonl"
build/qantara read data/articles --list data/sample_list.jsonl
