#!/usr/bin/env bash
# Fits the story clusterer's built-in weights (StoryModel) on one half of the
# three dated development streams (docs/CLUSTERING.md, "How the weights were
# learned"; the built-in weights: half early, the default, with DUC's rows
# weighing 4 times the others, the default of FIT_ARGS):
#   round 0: every article put in its gold story (teacher forcing), rows of
#            the candidates the model scores -> logistic regression;
#   rounds 1..R: the stream clustered with the last weights, rows from the
#            model's own stories (right when a candidate's majority gold
#            story is the article's), added to all earlier rows -> refit.
# The later rounds teach the model the wrong stories it builds itself (a
# story grown past its gold size, a chain of one topic's events), which
# teacher forcing never shows it.
# Halves: early|late (the stream cut in time), a|b (every other story; the
# first protocol). Half "all" fits on the whole streams: the evaluation data itself, for a
# ceiling of what the features can reach (docs/CLUSTERING.md), never for the
# built-in weights. STREAMS="duc2003/stream stories/basil" fits on some only.
# FIT_ARGS passes flags to fit_cluster_weights.py: --stream-weight NAME=W
# scales the rows of the streams whose rows file starts with NAME (files are
# named after the stream's path: duc2003-stream, stories-basil,
# stories-allsides), --drop FEATURE leaves a feature out.
# Usage: bench/scripts/fit_cluster_weights.sh [dossier] [data dir] [half early|late|a|b|all] [rounds] [l2] > weights.txt
set -euo pipefail
cli=${1:-build/dossier}
data=${2:-../shared/data}
half=${3:-early}
rounds=${4:-5}
l2=${5:-0.3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/dossier-fit.XXXXXX)
trap 'rm -rf "$work"' EXIT
fit_args=${FIT_ARGS---stream-weight duc2003=4}
read -ra streams <<< "${STREAMS:-duc2003/stream stories/basil stories/allsides}"
half_flag=(--half "$half")
[ "$half" = all ] && half_flag=()
for s in "${streams[@]}"; do
  "$cli" eval-cluster -q "${half_flag[@]}" "$data/$s.jsonl" \
    --training-rows "$work/${s//\//-}-0.rows" > /dev/null
done
python3 "$here/fit_cluster_weights.py" --l2 "$l2" $fit_args "$work"/*-0.rows > "$work/w0.txt"
for k in $(seq 1 "$rounds"); do
  for s in "${streams[@]}"; do
    "$cli" eval-cluster -q "${half_flag[@]}" "$data/$s.jsonl" --weights "$work/w$((k - 1)).txt" \
      --rows-from-model --training-rows "$work/${s//\//-}-$k.rows" > /dev/null
  done
  python3 "$here/fit_cluster_weights.py" --l2 "$l2" $fit_args "$work"/*.rows > "$work/w$k.txt"
done
echo "# half $half of ${streams[*]}, $rounds rounds on the model's own stories, L2 $l2, $fit_args"
cat "$work/w$rounds.txt"
