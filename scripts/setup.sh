#!/usr/bin/env bash
# Installs the Debian 12 packages Qantara builds and runs with (as root, or with sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libicu-dev libxml2-dev zlib1g-dev libssl-dev nlohmann-json3-dev libcli11-dev
  libcld2-dev libsqlite3-dev libcpp-httplib-dev iso-codes xxd
  libgtest-dev libgmock-dev libbenchmark-dev
  clang  # tools/ci/check_thread_safety.sh: clang's -Wthread-safety over src/
  chromium
  python3 python3-jellyfish python3-readability python3-langdetect python3-dateparser
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The review page's browser test (tests/e2e) drives Debian's Chromium with playwright-core from
# the npm registry; without Node.js 20 and npm, or when the registry cannot be reached, that
# one test is skipped (it says so) and everything else runs.
web="$(cd "$(dirname "$0")/.." && pwd)/web"
if command -v npm >/dev/null 2>&1 && [ -f "$web/package-lock.json" ] && [ ! -d "$web/node_modules" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) ||
    echo "setup: npm ci in web/ failed; the review page's browser test will be skipped" >&2
fi
