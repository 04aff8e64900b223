#!/usr/bin/env bash
# The installed package works for a program outside the tree: `cmake --install`
# into a temporary prefix, then a small consumer (tests/package/consumer) is
# built twice against that prefix only, with find_package(dossier) and with
# pkg-config (dossier.pc), and each build briefs the harbor-bridge example
# exactly as `dossier brief --format json` does.
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1; src=$2; work=$3
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$work"; mkdir -p "$work"; cd "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" > install.log
[ -f "$prefix/include/dossier/briefing.h" ] || fail "headers not installed"
config=$(find "$prefix" -name dossierConfig.cmake | head -n 1)
[ -n "$config" ] || fail "no dossierConfig.cmake installed"
pc=$(find "$prefix" -name dossier.pc | head -n 1)
[ -n "$pc" ] || fail "no dossier.pc installed"
example=$src/examples/harbor-bridge
"$build/dossier" brief --format json "$example" > expected.json 2> /dev/null

# 1. CMake: find_package(dossier) -> dossier::dossier
cmake -S "$src/tests/package/consumer" -B cmake-build -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release > configure.log 2>&1 || { cat configure.log; fail "find_package(dossier) failed"; }
cmake --build cmake-build > build.log 2>&1 || { cat build.log; fail "the CMake consumer did not build"; }
cmake-build/consumer "$example" > cmake.json 2> cmake.err || { cat cmake.err; fail "the CMake consumer failed"; }
cmp -s cmake.json expected.json || fail "the CMake consumer's briefing differs from dossier brief's"

# 2. pkg-config: the flags of dossier.pc alone
export PKG_CONFIG_PATH=$(dirname "$pc")
flags=$(pkg-config --cflags --libs dossier) || fail "pkg-config cannot read dossier.pc"
c++ -std=c++20 -O1 "$src/tests/package/consumer/consumer.cc" -o pc-consumer $flags \
  2> pc-build.log || { cat pc-build.log; fail "the pkg-config consumer did not build: $flags"; }
./pc-consumer "$example" > pc.json 2> pc.err || { cat pc.err; fail "the pkg-config consumer failed"; }
cmp -s pc.json expected.json || fail "the pkg-config consumer's briefing differs from dossier brief's"

# 3. Python: the installed package, when the build made it
if [ -f "$build/CMakeCache.txt" ] && grep -q "^Python_EXECUTABLE:" "$build/CMakeCache.txt" \
   && ls "$build"/python/dossier/_dossier*.so > /dev/null 2>&1; then
  python=$(sed -n 's/^Python_EXECUTABLE:[A-Z]*=//p' "$build/CMakeCache.txt")
  init=$(find "$prefix" -path '*/dossier/__init__.py' | head -n 1)
  [ -n "$init" ] || fail "the Python package was not installed"
  PYTHONPATH=$(dirname "$(dirname "$init")") "$python" -c \
    'import dossier, json, sys; sys.stdout.write(dossier.brief([sys.argv[1]], format="json") + "\n")' \
    "$example" > py.json 2> py.err || { cat py.err; fail "the installed Python package failed"; }
  cmp -s py.json expected.json || fail "the installed Python package's briefing differs from dossier brief's"
fi
echo "ok: installed into a temporary prefix; find_package, pkg-config and Python consumers brief as the CLI does"
