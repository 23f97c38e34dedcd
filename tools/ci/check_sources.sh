#!/usr/bin/env bash
# Source checks that the compiler cannot make (STYLE.md):
#  1. the dependency rule of DESIGN.md: an #include "<module>/..." that the rule forbids;
#  2. bidi controls or zero-width characters anywhere in the sources;
#  3. non-ASCII characters in src/ (write code points as escapes there);
#  4. a *_test.cc that no CMakeLists registers;
#  5. generated tables that differ from their resources/.
set -u
cd "$(dirname "$0")/../.."
fail=0
say() { echo "check_sources: $*"; fail=1; }

# 1. Allowed dependencies per module (base is allowed everywhere).
declare -A allowed=(
  [base]=""
  [text]="base"
  [names]="base text"
  [lists]="base text names"
  [screen]="base text names lists"
  [news]="base text names lists screen"
  [export]="base text names lists screen news"
  [store]="base text names lists screen news"
  [server]="base text names lists screen news store"
  [cli]="base text names lists screen news export store server"
)
for dir in src/*/; do
  mod=$(basename "$dir")
  [ -n "${allowed[$mod]+x}" ] || { say "src/$mod is not a module of DESIGN.md"; continue; }
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(echo "$line" | sed -E 's/.*#include "([a-z_]+)\/.*/\1/')
    [ "$inc" = "$mod" ] && continue
    [ "$inc" = "generated" ] && continue
    case " ${allowed[$mod]} " in *" $inc "*) ;; *) say "$file includes $inc/, which $mod may not depend on";; esac
  done < <(grep -HnE '^#include "[a-z_]+/' "$dir"*.{h,cc} 2>/dev/null)
done

# 2. Bidi controls and zero-width characters (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+FEFF).
bad=$(git ls-files -z -- src tests bench eval tools resources generated docs '*.md' 2>/dev/null |
  xargs -0 -r grep -lP '\x{200B}|\x{200C}|\x{200D}|\x{200E}|\x{200F}|[\x{202A}-\x{202E}]|[\x{2066}-\x{2069}]|\x{FEFF}' 2>/dev/null)
[ -n "$bad" ] && say "bidi or zero-width characters in: $bad"

# 3. Non-ASCII in src/.
nonascii=$(grep -rlP '[^\x00-\x7F]' src 2>/dev/null)
[ -n "$nonascii" ] && say "non-ASCII characters in src/ (use escapes): $nonascii"

# 4. Every *_test.cc is registered.
for t in $(find tests -name '*_test.cc'); do
  d=$(dirname "$t"); b=$(basename "$t")
  grep -q "$b" "$d/CMakeLists.txt" 2>/dev/null || say "$t is not registered in $d/CMakeLists.txt"
done

# 5. Generated tables are up to date.
for g in tools/gen/*.py; do
  /usr/bin/python3 "$g" --check || say "$g: generated output is stale"
done

[ $fail -eq 0 ] && echo "check_sources: OK"
exit $fail
