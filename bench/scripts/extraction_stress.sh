#!/usr/bin/env bash
# Hostile pages through `dossier extract` (whole process, one core): 100,000
# nested <div>s, a 10 MB article page, and a page with no article.
# Usage: bench/scripts/extraction_stress.sh [path/to/dossier]
set -euo pipefail
cli=${1:-build/dossier}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
depth = 100000
open(f"{d}/deep.html", "w").write(
    "<html><body>" + "<div>" * depth +
    "<p>Deep inside the page, a paragraph of running text that readers came for, long "
    "enough to count as an article, with commas, clauses and a full stop.</p>" +
    "</div>" * depth + "</body></html>")
body = []
n = 0
while sum(map(len, body)) < 10 << 20:
    body.append(f"<p>Section {n} of the report describes, in some detail, the state of the "
                "harbour walls, the cost of repairs and the views of residents.</p>")
    n += 1
open(f"{d}/big.html", "w").write("<html><head><title>Long report</title></head><body>"
                                  "<article>" + "".join(body) + "</article></body></html>")
links = "".join(f'<li><a href="/story/{i}">Headline number {i} of the day</a></li>'
                for i in range(300))
open(f"{d}/index.html", "w").write(f"<html><body><nav>Home</nav><ul>{links}</ul></body></html>")
PY
one="taskset -c 0"
command -v taskset >/dev/null || one=""
echo "| page | bytes | seconds | result |"
echo "|---|---|---|---|"
for p in deep big index; do
  f="$tmp/$p.html"
  start=$(date +%s.%N)
  if $one "$cli" extract -q --format json "$f" > "$tmp/out.json" 2> "$tmp/err.txt"; then
    result="article, $(python3 -c "import json;print(len(json.load(open('$tmp/out.json'))['text']))") chars"
  else
    result="$(head -c 120 "$tmp/err.txt" | tr '\n' ' ' | sed "s|$tmp/||")"
  fi
  end=$(date +%s.%N)
  echo "| $p | $(stat -c %s "$f") | $(python3 -c "print(round($end - $start, 3))") | $result |"
done
