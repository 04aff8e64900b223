#!/usr/bin/env bash
# Installs the Debian 12 packages dossier needs to build and test, when missing.
# Usage: scripts/install-deps.sh [extra-package...]
set -euo pipefail

packages=(
  cmake ninja-build g++ make pkg-config python3
  libicu-dev libstemmer-dev libcld2-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libgumbo-dev zlib1g-dev
  libxml2-dev libpoppler-cpp-dev libcurl4-openssl-dev libbrotli-dev   # feeds, PDF, web addresses
  libgtest-dev libgmock-dev libbenchmark-dev
  libjemalloc-dev
  clang-format
  wordnet-base   # WordNet exception lists for ROUGE-1.5.5 stemming (-m)
  chromium       # headless checks of the HTML page (tests/browser)
  python3-dev pybind11-dev python3-pytest         # the Python module and its tests
  python3-dask python3-distributed                 # python3 -m dossier.dask
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "dossier: installing missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "dossier: need root (or sudo) to run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
