#!/usr/bin/env bash
# Clang's thread-safety analysis over every file of src/ (the product is built with g++, where
# GUARDED_BY and friends are no-ops; base/thread_annotations.h). Each translation unit is
# parsed with clang++ -fsyntax-only and the flags of BUILD_DIR/compile_commands.json;
# a -Wthread-safety warning fails the check.
# Usage: tools/ci/check_thread_safety.sh [BUILD_DIR]   (default: build)
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
command -v clang++ >/dev/null || { echo "check_thread_safety: clang++ is not installed (apt-get install clang)"; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "check_thread_safety: no $build/compile_commands.json (configure first)"; exit 2; }
/usr/bin/python3 - "$build/compile_commands.json" "$PWD/src/" > "$build/thread_safety_commands" <<'PY' ||
import json, shlex, sys
root = sys.argv[2]
for entry in json.load(open(sys.argv[1])):
    if not entry["file"].startswith(root):
        continue
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    keep = []
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c"):
            skip = a == "-o"
            continue
        if a.startswith("-fsanitize") or a == "-fno-sanitize-recover=undefined":
            continue
        keep.append(a)
    if args[0].endswith("ccache"):  # ccache COMPILER ARGS...: drop the compiler too
        keep = keep[1:]
    cmd = ["clang++", "-fsyntax-only", "-Wthread-safety", "-Werror=thread-safety",
           "-Wno-unknown-warning-option"] + [a for a in keep if a != entry["file"]] + [entry["file"]]
    print("cd " + shlex.quote(entry["directory"]) + " && " + " ".join(shlex.quote(a) for a in cmd))
PY
  { echo "check_thread_safety: cannot read $build/compile_commands.json"; exit 2; }
n=$(wc -l < "$build/thread_safety_commands")
[ "$n" -gt 0 ] || { echo "check_thread_safety: no file of src/ in $build/compile_commands.json"; exit 2; }
echo "check_thread_safety: $n files of src/ with clang++ -Wthread-safety" >&2
# Each command prints its diagnostics, and a line "FAILED: ..." when clang itself failed.
xargs -P "$(nproc)" -d '\n' -I{} sh -c '{} 2>&1 || echo "FAILED: clang++ exit status $?"' \
  < "$build/thread_safety_commands" | grep -E "(error|warning):|^FAILED: " > "$build/thread_safety.log"
if grep -q 'thread-safety\|error:\|^FAILED: ' "$build/thread_safety.log"; then
  cat "$build/thread_safety.log"
  echo "check_thread_safety: FAILED"
  exit 1
fi
echo "check_thread_safety: OK"
