#!/usr/bin/env bash
# Ablations of our summarizer: each row switches one component off with
# `dossier eval --set`, on a Multi-News-form file (default: the dev set).
# Usage: bench/scripts/ablations.sh [DATA.jsonl] [path/to/dossier]
set -euo pipefail
data=${1:-../shared/data/multinews/dev.jsonl}
cli=${2:-build/dossier}
row() {
  local name=$1; shift
  "$cli" eval "$data" "$@" 2>/dev/null |
    awk -v n="$name" '/ROUGE-1 /{r1=$7} /ROUGE-2 /{r2=$7} /ROUGE-L /{rl=$7} /ROUGE-SU4 /{su=$7}
      END {printf "| %-42s | %5s | %5s | %5s | %5s |\n", n, r1, r2, rl, su}'
}
echo "| variant ($(basename "$data")) | R-1 | R-2 | R-L | R-SU4 |"
echo "|---|---|---|---|---|"
row "dossier (all components)"
row "- document centrality" --set document_centrality=0
row "- early-mention bonus in concept weights" --set position_decay=1e9
row "- lead prior" --set lead_prior=0
row "- unigram concepts (bigrams only)" --set unigram_weight=0
row "- single-source discount" --set single_source_factor=1
row "- dangling-opener penalty" --set dangling_penalty=1
row "length: gain/words (exponent 1)" --set length_exponent=1
row "length: gain, no length cost (exponent 0)" --set length_exponent=0
row "redundancy filter off" --set redundancy_cosine=1
for m in lead roundrobin centroid lexrank textrank mmr; do row "baseline: $m" --method "$m"; done
