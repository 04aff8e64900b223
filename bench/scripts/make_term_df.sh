#!/usr/bin/env bash
# Rebuilds data/en/term_df.txt, the background document frequencies of the
# pile analysis, from the Multi-News+ validation articles (counts only: no
# text of the articles leaves the program).
#   bench/scripts/make_term_df.sh [SHARED_DATA] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${1:-../shared/data}
build=${2:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target term_df >/dev/null
"$build/bench/term_df" 10 "$shared/multinews/plus-val.jsonl.gz" > data/en/term_df.txt.tmp
mv data/en/term_df.txt.tmp data/en/term_df.txt
wc -l data/en/term_df.txt
