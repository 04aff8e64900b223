#!/usr/bin/env bash
# Corpus mode: clustering quality on plus-val (Multi-News+) shuffled into one
# stream, and the speed and memory of `dossier cluster` / `dossier digest` on
# streams of 1k, 5k, 15k and a synthetic 200k articles.
# Usage: bench/scripts/cluster.sh [path/to/dossier] [shared data dir] > bench/results/cluster.md
set -euo pipefail
cli=${1:-build-bench/dossier}
data=${2:-../shared/data}
plus=$data/multinews/plus-val.jsonl.gz
dev=$data/multinews/dev.jsonl
tmp=$(mktemp -d /tmp/dossier-cluster-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

row() {  # label, eval-cluster args...
  local label=$1; shift
  "$cli" eval-cluster -q -f json "$@" | awk -v label="$label" '
    { gsub(/[{}"]/, ""); n = split($0, kv, ",");
      for (i = 1; i <= n; i++) { split(kv[i], p, ":"); key = p[1]; val = p[length(p)];
        if (key == "articles") a = val; if (key == "gold_clusters") g = val;
        if (key == "stories") s = val; if (kv[i] ~ /^pairwise:precision/) pp = val;
        if (kv[i] ~ /^bcubed:precision/) bp = val; }
      # recall and f1 follow precision inside each object
      match($0, /pairwise:precision:[^,]*,recall:[^,]*,f1:[^,]*/); split(substr($0, RSTART, RLENGTH), q, /[:,]/);
      match($0, /bcubed:precision:[^,]*,recall:[^,]*,f1:[^,]*/); split(substr($0, RSTART, RLENGTH), b, /[:,]/);
      # the reference labeling "copied texts apart": the best text alone allows
      match($0, /copies_apart:stories:[^,]*,pairwise:precision:[^,]*,recall:[^,]*,f1:[^,]*/);
      split(substr($0, RSTART, RLENGTH), c, /[:,]/);
      printf "| %s | %d | %d | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f | %.3f |\n",
             label, a, g, s, q[3], q[5], q[7], b[3], b[5], b[7], c[10] }'
}

echo "## Clustering quality (dossier eval-cluster, seed 20261121, default settings)"
echo
echo "| stream | articles | gold clusters | stories | pairwise P | R | F1 | B-cubed P | R | F1 | pairwise F1 of the records with copied texts apart |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
row "plus-val records 0-1999 (tuning)" "$plus" --records 0:2000
row "plus-val records 2000-5621 (held out)" "$plus" --records 2000:5622
row "plus-val, all 5,622 clusters" "$plus"
row "dev.jsonl (full cased articles)" "$dev"
echo

echo "## Speed and memory (whole process, 2 threads unless said; wall s, peak RSS MB)"
echo
"$cli" eval-cluster -q "$plus" --limit 1000 --write-stream "$tmp/s1k.jsonl" >/dev/null
"$cli" eval-cluster -q "$plus" --limit 5000 --write-stream "$tmp/s5k.jsonl" >/dev/null
"$cli" eval-cluster -q "$plus" --write-stream "$tmp/s15k.jsonl" >/dev/null
"$cli" eval-cluster -q "$plus" --repeat 13 --write-stream "$tmp/s200k.jsonl" >/dev/null
measure() {  # runs; prints "median_wall max_rss_mb"
  local n=$1; shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
  done | sort -n | awk '{w[NR]=$1; if ($2 > m) m = $2} END {printf "%.2f %.0f\n", w[int((NR+1)/2)], m/1024}'
}
echo "| command | stream | articles | wall s (median of runs) | articles/s | peak MB |"
echo "|---|---|---|---|---|---|"
for s in s1k s5k s15k s200k; do
  n=$(wc -l < "$tmp/$s.jsonl")
  runs=3; [ "$s" = s200k ] && runs=1
  read -r wall mb < <(measure $runs "$cli" cluster -q -j 2 "$tmp/$s.jsonl" -o "$tmp/$s.stories")
  echo "| cluster -j 2 | $s | $n | $wall | $(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%d", n/w}') | $mb |"
done
n=$(wc -l < "$tmp/s15k.jsonl")
read -r wall mb < <(measure 3 "$cli" cluster -q -j 1 "$tmp/s15k.jsonl" -o "$tmp/s15k.j1.stories")
echo "| cluster -j 1 | s15k | $n | $wall | $(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%d", n/w}') | $mb |"
for j in 1 2; do
  read -r wall mb < <(measure 1 "$cli" digest -q -j $j "$tmp/s15k.jsonl" -o "$tmp/digest-j$j")
  echo "| digest -j $j (folder: index, digest.md, stories.jsonl, a page per story) | s15k | $n | $wall | $(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%d", n/w}') | $mb |"
done
echo
if cmp -s "$tmp/s15k.stories" "$tmp/s15k.j1.stories" && cmp -s "$tmp/digest-j1/stories.jsonl" "$tmp/digest-j2/stories.jsonl"; then
  echo "Outputs with 1 and 2 threads: identical (stories.jsonl of cluster and of digest)."
else
  echo "Outputs with 1 and 2 threads: DIFFERENT"
fi
echo "Stories in the 15k digest: $(wc -l < "$tmp/digest-j2/stories.jsonl"), pages: $(ls "$tmp/digest-j2/stories" | wc -l)."
echo
echo "Machine: $(nproc) cores, $(uname -r); $("$cli" --version)."
