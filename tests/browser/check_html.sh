#!/usr/bin/env bash
# Renders briefings as HTML and checks them in headless Chromium:
#  - the example page renders its sections, and a citation target named in the
#    URL fragment is highlighted by the page's script;
#  - a hostile cluster (script tags, event handlers, javascript: URLs,
#    closing-tag tricks) runs nothing: the title is untouched, the page holds
#    exactly one script (ours), and its text shows the markup as text.
# (grep reads here-strings, not pipes: with pipefail, grep -q closing a pipe
# early would fail the check.)
# Usage: check_html.sh DOSSIER SOURCE_DIR WORK_DIR. Exit 77 (skip) without Chromium.
set -euo pipefail
cli=$1; src=$2; work=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium not installed (Debian package chromium)"; exit 77
fi
mkdir -p "$work"
run() {  # dump the DOM after scripts ran
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --virtual-time-budget=2000 --dump-dom "$1" 2>/dev/null
}
fail() { echo "FAIL: $*"; exit 1; }

"$cli" brief --format html -o "$work/example.html" "$src/examples/harbor-bridge"
dom=$(run "file://$work/example.html#d1s0")
grep -q '<h2>Summary</h2>' <<< "$dom" || fail "example: no summary section"
grep -q '<h2>Who said what</h2>' <<< "$dom" || fail "example: no speakers section"
grep -q '<h2>Coverage</h2>' <<< "$dom" || fail "example: no coverage table"
grep -q '<ul class="timeline">' <<< "$dom" || fail "example: no timeline"
grep -q '<h2>Key figures</h2>' <<< "$dom" || fail "example: no figures"
grep -q '<h2>Entities</h2>' <<< "$dom" || fail "example: no entities"
grep -q 'class="s hit" id="d1s0"' <<< "$dom" || fail "example: fragment target not highlighted"
n=$(grep -o 'class="cite"' <<< "$dom" | wc -l)
[ "$n" -ge 10 ] || fail "example: only $n citations"

"$cli" brief --format html -o "$work/hostile.html" "$src/tests/browser/hostile" || true
[ -s "$work/hostile.html" ] || fail "hostile: no page written"
dom=$(run "file://$work/hostile.html")
grep -q 'PWNED</title>' <<< "$dom" && fail "hostile: a source script changed the title"
grep -q '<title>tests/browser/hostile\|<title>.*dossier briefing</title>' <<< "$dom" ||
  fail "hostile: unexpected title"
scripts=$(grep -o '<script' <<< "$dom" | wc -l)
[ "$scripts" -eq 1 ] || fail "hostile: $scripts script elements (only ours expected)"
grep -q '<img' <<< "$dom" && fail "hostile: an img element was created"
# (Text nodes keep quotes unescaped in the dump: look for real tags only.)
grep -qE '<a [^>]*href="javascript:' <<< "$dom" && fail "hostile: a javascript: link was created"
grep -qE '<[a-z]+ [^>]*on(error|click|load)=' <<< "$dom" && fail "hostile: an event handler survived"
grep -q '&lt;script&gt;document.title' <<< "$dom" || fail "hostile: markup not shown as text"
grep -q "default-src 'none'" "$work/hostile.html" || fail "hostile: no Content-Security-Policy"
echo "OK: example and hostile pages checked in $("$browser" --version 2>/dev/null | head -1)"
