#!/usr/bin/env bash
# The include rule of DESIGN.md "Layout and dependency direction", as the compiler cannot
# check it:
#   1. a file of src/<module>/ includes "<other>/..." only when <module> may depend on <other>
#      (the map below; a "module/header.h" entry allows that one header, and only when what
#      it includes is allowed too, transitively: store/ sees news/ through its model and a
#      few leaf headers, never the pipeline);
#   2. "<module>/internal/..." is included only from src/<module>/ (tests may use anything);
#   3. every folder of src/ is a module of the map, and its CMakeLists.txt opens with a
#      comment saying what the library is for;
#   4. a library links (target_link_libraries) only libraries of modules the map allows it, so
#      that the CMake line and this map say the same.
# Usage: tools/ci/check_includes.sh [ROOT]   (default: this checkout). Prints one line per
# violation, naming the file and line; exits 1 when there is one.
# tools/ci/check_includes_test.sh plants violations in a scratch tree and expects them caught.
set -u
root=${1:-"$(dirname "$0")/../.."}
cd "$root" || exit 2
fail=0
say() { echo "check_includes: $*"; fail=1; }

# May include (besides itself). Everything may use base and io.
declare -A allowed=(
  [base]=""
  [io]="base"
  [text]="base io"
  [names]="base io text"
  [lists]="base io text names"
  [screen]="base io text names lists"
  [travel]="base io text names lists screen"
  [news]="base io text names lists screen"
  [export]="base io text names lists screen news"
  [store]="base io text names lists news/model.h news/words.h news/minhash.h news/name_contained.h"
  [service]="base io text names lists screen travel news store"
  [cluster]="base io text names lists screen travel"
  [server]="base io text names lists screen travel news export store service cluster"
  [cli]="base io text names lists screen travel news export store service cluster server"
)

may_include() {  # may_include MODULE HEADER_PATH: allowed directly
  local mod=$1 path=$2 inc=${2%%/*} entry
  for entry in ${allowed[$mod]}; do
    if [[ $entry == */* ]]; then
      [ "$path" = "$entry" ] && return 0
    elif [ "$entry" = "$inc" ]; then
      return 0
    fi
  done
  return 1
}

# A header allowed one by one must not bring in what its own includes would not be allowed:
# closure MODULE HEADER_PATH VIA checks HEADER_PATH's includes, recursively.
declare -A seen=()
closure() {
  local mod=$1 header=$2 via=$3 hit line path
  [ -n "${seen[$mod:$header]+x}" ] && return
  seen[$mod:$header]=1
  [ -f "src/$header" ] || return
  while IFS= read -r hit; do
    line=${hit%%:*}
    path=$(sed -E 's/^[0-9]+:#include "([^"]+)".*/\1/' <<< "$hit")
    [ "${path%%/*}" = "$mod" ] && continue
    [ "${path%%/*}" = generated ] && continue
    if [ "${path%%/*}" = "${header%%/*}" ] && [[ $path != */internal/* ]] && may_include "$mod" "$path"; then
      closure "$mod" "$path" "$via"
    elif [ "${path%%/*}" = "${header%%/*}" ] || ! may_include "$mod" "$path"; then
      say "$via brings in $path (src/$header:$line), which src/$mod/ may not depend on"
    fi
  done < <(grep -nE '^#include "[a-z_0-9]+/' "src/$header")
}

for dir in src/*/; do
  mod=$(basename "$dir")
  if [ -z "${allowed[$mod]+x}" ]; then
    say "src/$mod is not a module of DESIGN.md (add it to the map in tools/ci/check_includes.sh)"
    continue
  fi
  if ! head -1 "$dir/CMakeLists.txt" 2>/dev/null | grep -q '^# '; then
    say "src/$mod/CMakeLists.txt does not open with a comment saying what the library is for"
  fi
  for lib in $(sed -n '/target_link_libraries(qantara_'"$mod"'\(_lib\)\?[ )]/,/)/p' "$dir/CMakeLists.txt" |
      grep -oE 'qantara_[a-z_]+' | sort -u); do
    dep=${lib#qantara_}
    [ "$dep" = "$mod" ] || [ "$dep" = "${mod}_lib" ] || [ "$dep" = base_testing ] && continue
    [[ " ${allowed[$mod]} " == *" $dep "* || " ${allowed[$mod]} " == *" $dep/"* ]] ||
      say "src/$mod/CMakeLists.txt links $lib, which src/$mod/ may not depend on"
  done
  while IFS= read -r hit; do
    file=${hit%%:*}; rest=${hit#*:}; line=${rest%%:*}
    path=$(sed -E 's/^#include "([^"]+)".*/\1/' <<< "${rest#*:}")
    inc=${path%%/*}
    [ "$inc" = "$mod" ] && continue
    [ "$inc" = "generated" ] && continue
    if [[ $path == */internal/* ]]; then
      say "$file:$line includes $path, internal to src/$inc/"
    elif ! may_include "$mod" "$path"; then
      say "$file:$line includes $path, which src/$mod/ may not depend on"
    elif [[ " ${allowed[$mod]} " == *" $path "* ]]; then
      closure "$mod" "$path" "$file:$line"
    fi
  done < <(find "$dir" -name '*.h' -o -name '*.cc' | sort | xargs -r grep -HnE '^#include "[a-z_0-9]+/' 2>/dev/null)
done
[ $fail -eq 0 ] && echo "check_includes: OK"
exit $fail
