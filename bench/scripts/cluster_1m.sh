#!/usr/bin/env bash
# Speed and memory of `dossier cluster` on a long dated stream: N synthetic
# articles (bench/scripts/make_synthetic_stream.py, default seed; ~2,000 a
# day, so ~500 days for a million) clustered in one pass with 2 threads, and
# the same on its first 100k lines (N/10 when N <= 100k), to show how the
# peak memory grows with the stream. Quality is not measured: the text is
# invented (dossier eval-cluster can score the stream, its lines carry their
# true "story").
# Needs ~1 KB of /tmp per article (~1 GB for a million).
# Each input file is read whole, so the stream is given as files of 50,000
# lines (a day's or a week's feed each, in order): the peak RSS is then the
# clusterer's, plus one file.
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
mkdir "$tmp/small" "$tmp/all"
split -l 50000 -d -a 4 --additional-suffix=.jsonl "$tmp/stream-small.jsonl" "$tmp/small/part-"
split -l 50000 -d -a 4 --additional-suffix=.jsonl "$tmp/stream.jsonl" "$tmp/all/part-"
rm "$tmp/stream.jsonl"

row() {  # folder of stream files
  local d=$1 articles bytes wall kb stories gold
  articles=$(cat "$d"/*.jsonl | wc -l)
  bytes=$(cat "$d"/*.jsonl | wc -c)
  /usr/bin/time -f "%e %M" -o "$tmp/time" \
    "$cli" cluster -q -j 2 "$d"/*.jsonl -o "$tmp/stories.jsonl"
  read -r wall kb < <(tail -n 1 "$tmp/time")
  stories=$(wc -l < "$tmp/stories.jsonl")
  gold=$(cat "$d"/*.jsonl | grep -o '"story": "[^"]*"' | sort -u | wc -l)
  awk -v a="$articles" -v b="$bytes" -v w="$wall" -v kb="$kb" -v s="$stories" -v g="$gold" 'BEGIN {
    printf "| %d | %.0f | %.2f | %d | %.0f | %d | %d |\n", a, b / 1048576, w, (w > 0 ? a / w : 0), kb / 1024, s, g }'
}

echo "## dossier cluster on a synthetic dated stream (-j 2, default settings)"
echo
echo "| articles | input MB | wall s | articles/s | peak RSS MB | stories | true stories |"
echo "|---|---|---|---|---|---|---|"
row "$tmp/small"
row "$tmp/all"
echo
echo "Stream: make_synthetic_stream.py --articles $n (default seed), made in ${gen_s} s: $(tail -n 1 "$tmp/gen.log" | sed 's/^make_synthetic_stream: //'); the small row is its first $small lines."
echo "Machine: $(nproc) cores, $(uname -r); $("$cli" --version)."
