#!/usr/bin/env bash
# Renders briefings as HTML and checks them in headless Chromium:
#  - the example page renders its sections, and a citation target named in the
#    URL fragment is highlighted by the page's script;
#  - a hostile cluster (script tags, event handlers, javascript: URLs,
#    closing-tag tricks, markup that loads things: img, link, @import, iframe,
#    meta refresh, base, srcset, object, svg, forms, beacons; hostile JSONL
#    metadata) runs nothing: the title is untouched, the page holds exactly one
#    script (ours), and its text shows the markup as text;
#  - the digest of the same files (index page and every story page) runs
#    nothing either;
#  - no page makes a request: Chromium's network log of each page load holds
#    no URL with "exfil" (every hostile URL carries it). A control page with
#    one live <img> and <script> proves the checks see both.
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
run() {  # dump the DOM after scripts ran; the network log goes to $work/net.json
  rm -f "$work/net.json"
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --virtual-time-budget=2000 \
    --log-net-log="$work/net.json" --net-log-capture-mode=Default --dump-dom "$1" 2>/dev/null
}
fail() { echo "FAIL: $*"; exit 1; }
requests() {  # the hostile URLs the last page load asked for
  grep -o '[a-z]*://[^" ]*exfil[^" ]*' "$work/net.json" | sort -u || true
}
no_requests() {  # page name
  [ -s "$work/net.json" ] || fail "$1: no network log written"
  local r; r=$(requests)
  [ -z "$r" ] || fail "$1 made requests: $r"
}

# The control: a page that does run a script and load an image.
printf '%s\n' '<html><head><title>control</title></head><body>' \
  '<img src="http://127.0.0.1:9/exfil-control"><script>document.title="RAN"</script></body></html>' \
  > "$work/control.html"
dom=$(run "file://$work/control.html")
grep -q '<title>RAN</title>' <<< "$dom" || fail "control: the script check cannot see a script run"
grep -q 'exfil-control' <<< "$(requests)" || fail "control: the network log does not show requests"

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
check_hostile() {  # page file, expected title pattern
  local page=$1 name; name=$(basename "$1")
  dom=$(run "file://$page")
  no_requests "$name"
  grep -q 'PWNED</title>' <<< "$dom" && fail "$name: a source script changed the title"
  grep -q "<title>$2" <<< "$dom" || fail "$name: unexpected title"
  scripts=$({ grep -o '<script' <<< "$dom" || true; } | wc -l)
  [ "$scripts" -le 1 ] || fail "$name: $scripts script elements (only ours expected)"
  for tag in img iframe object embed video svg form input link base meta style; do
    # our own <meta> and <style> live in the head: look at the body only
    grep -qE "<$tag[ >]" <<< "${dom#*<body}" && fail "$name: a <$tag> element was created"
  done
  # (Text nodes keep quotes unescaped in the dump: look for real tags only.)
  grep -qE '<a [^>]*href="javascript:' <<< "$dom" && fail "$name: a javascript: link was created"
  grep -qE '<[a-z]+ [^>]*on(error|click|load|focus)=' <<< "$dom" &&
    fail "$name: an event handler survived"
  grep -q "default-src 'none'" "$page" || fail "$name: no Content-Security-Policy"
  return 0
}
check_hostile "$work/hostile.html" '.*dossier briefing</title>\|<title>tests/browser/hostile'
grep -q '&lt;script&gt;document.title' <<< "$dom" || fail "hostile: markup not shown as text"
grep -q '&lt;iframe src=' <<< "$dom" || fail "hostile: the iframe markup not shown as text"

# The digest of the same files: its index and every story page.
rm -rf "$work/digest"
"$cli" digest -q "$src/tests/browser/hostile" -o "$work/digest" || true
[ -s "$work/digest/index.html" ] || fail "digest: no index written"
check_hostile "$work/digest/index.html" 'dossier digest'
pages=0
for page in "$work"/digest/stories/*.html; do
  check_hostile "$page" '.*dossier briefing</title>\|<title>s[0-9]'
  pages=$((pages + 1))
done
[ "$pages" -ge 1 ] || fail "digest: no story page"
echo "OK: example, hostile and digest pages ($pages stories) checked in $("$browser" --version 2>/dev/null | head -1)"
