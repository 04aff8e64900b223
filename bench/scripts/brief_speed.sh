#!/usr/bin/env bash
# Speed of the whole briefing (summary, quotes, figures, entities, timeline,
# coverage, rendering), whole processes on one core (taskset -c 0).
# Usage: bench/scripts/brief_speed.sh [path/to/dossier] [shared data dir]
set -euo pipefail
cli=${1:-build/dossier}
data=${2:-../shared/data}
dev=$data/multinews/dev.jsonl
one="taskset -c 0"
command -v taskset >/dev/null || one=""
stats() {  # runs the rest $1 times; prints "median min" wall seconds (microsecond clock)
  local n=$1; shift
  for _ in $(seq "$n"); do
    local t0=$EPOCHREALTIME
    $one "$@" >/dev/null 2>&1
    local t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", b - a}'
  done | sort -n | awk '{a[NR]=$1} END {printf "%.4f %.4f\n", a[int((NR+1)/2)], a[1]}'
}
echo "## dossier brief, whole process, one core (median and best of N runs)"
echo
echo "| input | format | runs | median s | best s | clusters/s (median) |"
echo "|---|---|---|---|---|---|"
for fmt in md json html; do
  out=()
  [ "$fmt" = html ] && out=(-o /tmp/dossier-brief-speed.html)
  read -r med best < <(stats 20 "$cli" brief -q --format "$fmt" "${out[@]}" "$data"/seeds/*)
  echo "| seeds (5 reports, 1 cluster) | $fmt | 20 | $med | $best | $(python3 -c "print(round(1/$med))") |"
done
for fmt in md json; do
  read -r med best < <(stats 11 "$cli" brief -q --format "$fmt" "$dev")
  echo "| dev.jsonl (105 clusters) | $fmt | 11 | $med | $best | $(python3 -c "print(round(105/$med))") |"
done
rm -f /tmp/dossier-brief-speed.html
