#!/usr/bin/env bash
# Tests tools/ci/check_includes.sh: a scratch tree that keeps the rule passes; each planted
# violation is caught and named (file, line, what it broke). Run by ctest (check_includes_test).
set -u
here=$(cd "$(dirname "$0")" && pwd)
check="$here/check_includes.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
module() {  # module NAME: src/NAME with its CMakeLists comment
  mkdir -p "$tmp/src/$1/internal"
  printf '# qantara_%s: a test module.\nadd_library(qantara_%s STATIC)\n' "$1" "$1" > "$tmp/src/$1/CMakeLists.txt"
}
expect() {  # expect WHAT PATTERN: the check fails and prints PATTERN
  local out
  out=$("$check" "$tmp" 2>&1) && { echo "FAIL ($1): the check passed"; fail=1; return; }
  grep -qF -- "$2" <<< "$out" || { echo "FAIL ($1): expected '$2' in:"; echo "$out"; fail=1; }
}
expect_ok() {
  local out
  out=$("$check" "$tmp" 2>&1) || { echo "FAIL ($1):"; echo "$out"; fail=1; }
}

for m in base io text names lists screen news store cli; do module "$m"; done
printf '#include "news/model.h"\n#include "lists/entity.h"\n#include "store/internal/vfs.h"\n' > "$tmp/src/store/news_store.h"
printf '#include "base/status.h"\n#include "io/gzip.h"\n#include "news/internal/scan.h"\n' > "$tmp/src/news/read.cc"
printf '#include "store/news_store.h"\n#include "news/read.h"\n#include "generated/x.inc"\n' > "$tmp/src/cli/cmd.cc"
expect_ok "a tree that keeps the rule"

printf '#include "news/model.h"\n#include "news/read.h"\n' > "$tmp/src/store/news_store.cc"
expect "store sees the news pipeline" "src/store/news_store.cc:2 includes news/read.h, which src/store/ may not depend on"
rm "$tmp/src/store/news_store.cc"

printf '#include "lists/entity.h"\n#include "news/read.h"\n' > "$tmp/src/news/model.h"
expect "the news pipeline through an allowed header" "src/store/news_store.h:1 brings in news/read.h (src/news/model.h:2)"
printf '#include "lists/entity.h"\n' > "$tmp/src/news/model.h"
expect_ok "a model header that includes only what store/ may see"

printf '\n#include "store/news_store.h"\n' > "$tmp/src/names/up.cc"
expect "a dependency pointing up" "src/names/up.cc:2 includes store/news_store.h, which src/names/ may not depend on"
rm "$tmp/src/names/up.cc"

printf '#include "news/internal/scan.h"\n' > "$tmp/src/cli/peek.cc"
expect "another module's internal header" "src/cli/peek.cc:1 includes news/internal/scan.h, internal to src/news/"
rm "$tmp/src/cli/peek.cc"

mkdir -p "$tmp/src/news/dates"
printf '#include "store/news_store.h"\n' > "$tmp/src/news/dates/deep.cc"
expect "a violation in a sub-folder" "src/news/dates/deep.cc:1 includes store/news_store.h"
rm -r "$tmp/src/news/dates"

printf '# qantara_names: a test module.\nadd_library(qantara_names STATIC)\ntarget_link_libraries(qantara_names PUBLIC qantara_text\n  qantara_store)\n' > "$tmp/src/names/CMakeLists.txt"
expect "a link line that breaks the rule" "src/names/CMakeLists.txt links qantara_store"
module names

mkdir -p "$tmp/src/utils"; printf '# utils\n' > "$tmp/src/utils/CMakeLists.txt"
expect "a folder that is not a module" "src/utils is not a module of DESIGN.md"
rm -r "$tmp/src/utils"

printf 'add_library(qantara_names STATIC)\n' > "$tmp/src/names/CMakeLists.txt"
expect "a module without its comment" "src/names/CMakeLists.txt does not open with a comment"
module names
expect_ok "the tree restored"

[ $fail -eq 0 ] && echo "check_includes_test: OK"
exit $fail
