#!/usr/bin/env bash
# Speed of the summarizer end to end (whole processes, wall clock, best of N).
# Usage: bench/scripts/speed.sh [path/to/dossier] [shared data dir]
set -euo pipefail
cli=${1:-build/dossier}
data=${2:-../shared/data}
dev=$data/multinews/dev.jsonl
plus=$data/multinews/plus-val.jsonl.gz
best() {  # best wall time (s) of $1 runs of the rest
  local n=$1; shift
  for _ in $(seq "$n"); do /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; done | sort -n | head -1
}
echo "## dossier eval, whole process (best of 10; $(nproc) cores)"
t=$(best 10 "$cli" eval "$dev")
echo "dev.jsonl: 105 clusters, $(du -k "$dev" | cut -f1) KiB: summarized + scored in $t s"
echo
echo "## plus-val.jsonl.gz: 5,622 clusters end to end (best of 3)"
raw=$(zcat "$plus" | wc -c)
t=$(best 3 "$cli" eval --no-score "$plus")
echo "summarized (reading the .gz included): $t s = $(python3 -c "print(round(5622/$t))") clusters/s, $(python3 -c "print(round($raw/1e6/$t,1))") MB/s of JSON"
t=$(best 3 "$cli" eval "$plus")
echo "summarized and scored (ROUGE-1.5.5, 1000 bootstrap samples): $t s"
echo
echo "## Cost against cluster size (one cluster of the first K dev articles; brief, 300 words)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$(dirname "$0")/make_big_clusters.py" "$dev" "$tmp/big.jsonl" 10 40 80 160 313
echo "| articles | sentences | dossier s | lead s | lexrank s | textrank s |"
echo "|---|---|---|---|---|---|"
i=0
for k in 10 40 80 160 313; do
  i=$((i + 1))
  sed -n "${i}p" "$tmp/big.jsonl" > "$tmp/one.jsonl"
  n=$("$cli" brief --format json "$tmp/one.jsonl" | python3 -c "import json,sys; print(sum(len(d['sentences']) for d in json.load(sys.stdin)['documents']))")
  row="| $k | $n |"
  for m in dossier lead lexrank textrank; do
    row="$row $(best 3 "$cli" brief --method $m --words 300 "$tmp/one.jsonl") |"
  done
  echo "$row"
done
