#!/usr/bin/env bash
# Fuzzing campaign: runs libFuzzer targets (clang, ASan+UBSan, see docs/HACKING.md)
# for SECONDS each, two at a time, starting from the seed corpus in tests/fuzz/corpus/
# (and the regressions), and prints one Markdown row per target: executions,
# executions/s, edge coverage ("cov"), features ("ft"), corpus size, peak RSS and
# the crashes, leaks, timeouts and out-of-memory inputs found. Found inputs are kept in
# WORK/<target>/artifacts/ for triage; copy real ones to tests/fuzz/regressions/<target>/.
# Usage: bench/scripts/fuzz.sh BUILD_FUZZ_DIR SECONDS WORK target... > rows.md
set -euo pipefail
build=$1; seconds=$2; work=$3; shift 3
src=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"

campaign() {  # target
  local t=$1 dir=$work/$1
  mkdir -p "$dir/corpus" "$dir/artifacts"
  local seeds=("$src/tests/fuzz/corpus/$t")
  [ -d "$src/tests/fuzz/regressions/$t" ] && seeds+=("$src/tests/fuzz/regressions/$t")
  # -fork would hide the per-run stats; one process, crashes end the run early, so
  # keep going after a crash by re-running for the time left.
  local start end left
  start=$(date +%s); end=$((start + seconds))
  : > "$dir/log"
  while left=$((end - $(date +%s))); [ "$left" -gt 5 ]; do
    "$build/tests/fuzz/$t" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 \
      -max_len=16384 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
      "$dir/corpus" "${seeds[@]}" >> "$dir/log" 2>&1 || true
  done
}

summarize() {  # target
  local t=$1 dir=$work/$1
  awk -v t="$t" -v arts="$(ls "$dir/artifacts" | tr '\n' ' ')" '
    /^stat::number_of_executed_units:/ { execs += $2 }
    /^stat::peak_rss_mb:/ { if ($2 > rss) rss = $2 }
    /cov: [0-9]+ ft: [0-9]+/ { for (i = 1; i <= NF; i++) { if ($i == "cov:") cov = $(i+1);
                                  if ($i == "ft:") ft = $(i+1); if ($i == "corp:") corp = $(i+1) } }
    /Done [0-9]+ runs in [0-9]+ second/ { secs += $(NF-1) }
    END {
      n = split(arts, a, " "); crash = leak = slow = oom = 0
      for (i = 1; i <= n; i++) { if (a[i] ~ /^crash-/) crash++; else if (a[i] ~ /^leak-/) leak++;
        else if (a[i] ~ /^timeout-/) slow++; else if (a[i] ~ /^oom-/) oom++ }
      printf "| %s | %d | %d | %d | %d | %s | %d | %d | %d / %d / %d / %d |\n", t, secs, execs,
             (secs > 0 ? execs / secs : 0), cov, ft, corp, rss, crash, leak, slow, oom }' "$dir/log"
}

if [ "${FUZZ_SUMMARY_ONLY:-0}" = 1 ]; then  # the table from an earlier run's logs
  echo "| target | seconds | executions | exec/s | edges (cov) | features (ft) | corpus | peak RSS MB | crash / leak / timeout / oom |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for t in "$@"; do summarize "$t"; done
  exit 0
fi
running=0
for t in "$@"; do
  campaign "$t" &
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait
echo "| target | seconds | executions | exec/s | edges (cov) | features (ft) | corpus | peak RSS MB | crash / leak / timeout / oom |"
echo "|---|---|---|---|---|---|---|---|---|"
for t in "$@"; do summarize "$t"; done
