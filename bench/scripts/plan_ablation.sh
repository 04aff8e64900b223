#!/usr/bin/env bash
# The briefing's plan on ROUGE: dossier eval on a Multi-News file with every
# part of the plan, then each part switched off (--set plan.<part>=0), then
# no plan at all (--no-plan). Prints a Markdown table (F1 x 100).
#   bench/scripts/plan_ablation.sh [build/dossier] [../shared/data/multinews/dev.jsonl]
set -euo pipefail
cli=${1:-build/dossier}
data=${2:-../shared/data/multinews/dev.jsonl}
row() {
  local name=$1; shift
  "$cli" eval "$@" "$data" 2>&1 | awk -v n="$name" '
    /ROUGE-1 /{r1=$7} /ROUGE-2 /{r2=$7} /ROUGE-L /{rl=$7} /ROUGE-SU4 /{su=$7}
    END {printf "| %s | %s | %s | %s | %s |\n", n, r1, r2, rl, su}'
}
echo "| summary | R-1 | R-2 | R-L | R-SU4 |"
echo "|---|---|---|---|---|"
row "with the plan (as \`brief\`)"
row "copies allowed" --set plan.copies=0
row "documents set aside allowed" --set plan.set_aside=0
row "no event coverage" --set plan.events=0
row "no barred lines" --set plan.barred=0
row "no plan at all" --no-plan
