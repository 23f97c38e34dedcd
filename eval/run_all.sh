#!/usr/bin/env bash
# Every figure of DESIGN.md's targets table, from ../shared/data (each program says so and
# exits 0 when its data is absent). Usage: eval/run_all.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for program in screen_eval language_eval mention_eval linking_eval date_eval extraction_eval \
    event_eval story_eval; do
  echo "== $program"
  "$build/eval/$program"
  echo
done
