#!/usr/bin/env bash
# Speed and memory of `dossier cluster` on a long dated stream: N synthetic
# articles (bench/scripts/make_synthetic_stream.py, default seed; ~2,000 a
# day, so ~500 days for a million) clustered in one pass with 2 threads, and
# the same on its first 100k lines (N/10 when N <= 100k), to show how the
# peak memory grows with the stream. Quality is not measured: the text is
# invented (dossier eval-cluster can score the stream, its lines carry their
# true "story").
# Needs ~1 KB of /tmp per article (~1 GB for a million).
# The input is read whole, so the peak RSS includes the stream's bytes;
# --max-input-bytes is raised to the stream's size (the default, 512 MiB, is
# below a million articles).
# Usage: bench/scripts/cluster_1m.sh [path/to/dossier] [N] > bench/results/cluster_1m.md
set -euo pipefail
cli=${1:-build/dossier}
n=${2:-1000000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d /tmp/dossier-cluster-1m.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

if [ "$n" -gt 100000 ]; then small=100000; else small=$((n / 10)); fi
start=$(date +%s.%N)
python3 "$here/make_synthetic_stream.py" --articles "$n" -o "$tmp/stream.jsonl" 2>"$tmp/gen.log"
gen_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
head -n "$small" "$tmp/stream.jsonl" > "$tmp/stream-small.jsonl"

row() {  # stream file
  local f=$1 articles bytes wall kb stories gold
  articles=$(wc -l < "$f")
  bytes=$(stat -c %s "$f")
  /usr/bin/time -f "%e %M" -o "$tmp/time" \
    "$cli" cluster -q -j 2 --max-input-bytes $((bytes + (1 << 20))) "$f" -o "$tmp/stories.jsonl"
  read -r wall kb < <(tail -n 1 "$tmp/time")
  stories=$(wc -l < "$tmp/stories.jsonl")
  gold=$(grep -o '"story": "[^"]*"' "$f" | sort -u | wc -l)
  awk -v a="$articles" -v b="$bytes" -v w="$wall" -v kb="$kb" -v s="$stories" -v g="$gold" 'BEGIN {
    printf "| %d | %.0f | %.2f | %d | %.0f | %d | %d |\n", a, b / 1048576, w, (w > 0 ? a / w : 0), kb / 1024, s, g }'
}

echo "## dossier cluster on a synthetic dated stream (-j 2, default settings)"
echo
echo "| articles | input MB | wall s | articles/s | peak RSS MB | stories | true stories |"
echo "|---|---|---|---|---|---|---|"
row "$tmp/stream-small.jsonl"
row "$tmp/stream.jsonl"
echo
echo "Stream: make_synthetic_stream.py --articles $n (default seed), made in ${gen_s} s: $(tail -n 1 "$tmp/gen.log" | sed 's/^make_synthetic_stream: //'); the small row is its first $small lines."
echo "Machine: $(nproc) cores, $(uname -r); $("$cli" --version)."
