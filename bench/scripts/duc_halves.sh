#!/usr/bin/env bash
# Short budgets on DUC 2003 (docs/SUMMARIZER.md "Short budgets"): R-1 / R-2
# recall x100 of `dossier eval --protocol duc2004` on the tuning half (A: the
# 1st, 3rd, 5th ... cluster of each task in file order), the held-out half (B:
# the 2nd, 4th ...), each task (2: TDT events, 4: TREC novelty topics) and all
# 60 clusters; one row per variant (--set knobs), extra eval flags after the
# first two arguments apply to every row (e.g. --budget-unit bytes).
# Usage: bench/scripts/duc_halves.sh [clusters.jsonl] [path/to/dossier] [eval flags...]
set -euo pipefail
data=${1:-../shared/data/duc2003/clusters.jsonl}
cli=${2:-build/dossier}
shift $(($# >= 2 ? 2 : $#))
common=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$data" "$tmp" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
seen = {}
out = {}
for r in rows:
    t = r["task"]
    half = "A" if seen.get(t, 0) % 2 == 0 else "B"
    seen[t] = seen.get(t, 0) + 1
    for key in (half, f"task{t}", "all"):
        out.setdefault(key, []).append(json.dumps(r))
for key, lines in out.items():
    open(f"{sys.argv[2]}/{key}.jsonl", "w").write("\n".join(lines) + "\n")
PY
score() {
  "$cli" eval --protocol duc2004 "${common[@]}" "$@" 2>/dev/null |
    awk '/ROUGE-1 /{r1=$3} /ROUGE-2 /{r2=$3} END {printf "%5s / %5s", r1, r2}'
}
row() {
  local name=$1; shift
  printf "| %-34s |" "$name"
  for part in A B task2 task4 all; do printf " %s |" "$(score "$tmp/$part.jsonl" "$@")"; done
  echo
}
echo "| variant | A (tuned on) | B (held out) | task 2 | task 4 | all 60 |"
echo "|---|---|---|---|---|---|"
row "dossier (as shipped)"
row "- search (greedy only)" --set exact_node_limit=1
row "- trimming" --set trim=0
row "- clause trims (rules 4, 5)" --set trim_clauses=0
row "- search and trimming" --set exact_node_limit=1 --set trim=0
row "- short weights (long-budget ones)" --set short_unigram_weight=-1 --set short_position_decay=-1 \
  --set short_single_source_factor=-1 --set short_lead_prior=-1 --set short_min_documents=1 \
  --set short_agreement_exponent=1
row "long-budget method (no short rules)" --set short_budget_words=0
for m in lead roundrobin centroid lexrank textrank mmr; do row "baseline: $m" --method "$m"; done
