#!/usr/bin/env bash
# Installs the Debian 12 packages Qantara builds and runs with (as root, or with sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libicu-dev libxml2-dev zlib1g-dev libssl-dev nlohmann-json3-dev libcli11-dev
  libcld2-dev libsqlite3-dev libcpp-httplib-dev iso-codes xxd
  libgtest-dev libgmock-dev libbenchmark-dev
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
