#!/usr/bin/env bash
# The inputs of issue 17, end to end, against a server this script starts on
# 127.0.0.1 (tests/http/serve.py) and archives it writes itself:
#  1. a served RSS feed of 20 saved news pages (and one link that 404s),
#     `digest URL --follow`: the same stories as the 20 pages given as files;
#     the 404 named and skipped; with --cache, a second run with the server
#     stopped gives the same digest, offline;
#  2. a file listing web addresses, one a line, is fetched like the addresses,
#     and a list of feed addresses with --follow gives the feed's stories;
#  3. a web archive of the same pages (WARC 1.1, gzip per record): `cluster`
#     reads all 20; a truncated copy keeps the whole records before the cut and
#     names the byte where it stopped.
# The pages are the article-extraction benchmark's (../shared/data); without
# them the script says so and passes as skipped (exit 0, "SKIP").
# Usage: inputs.sh DOSSIER SOURCE_DIR WORK_DIR SHARED_DATA
source "$(dirname "${BASH_SOURCE[0]}")/script_setup.sh"
shared=${4:-}
pages_dir=$shared/article-extraction/html
if [ -z "$shared" ] || [ ! -d "$pages_dir" ]; then
  echo "SKIP: $pages_dir not found (set DOSSIER_SHARED_DATA)"; exit 0
fi
py=/usr/bin/python3

mkdir -p served/files files
i=0
for f in $(ls "$pages_dir"/*.html.gz | head -n 20); do
  i=$((i + 1)); gzip -dc "$f" > "files/page$i.html"; cp "files/page$i.html" served/files/
done
"$py" "$src/tests/http/serve.py" served > port.txt &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
for _ in $(seq 50); do [ -s port.txt ] && break; sleep 0.1; done
port=$(head -n 1 port.txt)
base=http://127.0.0.1:$port/files
"$py" - "$base" > served/files/feed.xml <<'PY'
import sys
base = sys.argv[1]
items = "".join(f"<item><title>Item {i}</title><link>{base}/page{i}.html</link>"
                f"<pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate></item>\n" for i in range(1, 21))
items += f"<item><title>Gone</title><link>{base}/missing.html</link></item>\n"
print(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
      f'<link>{base}/</link>{items}</channel></rss>')
PY

# The stories of a digest as sets of page numbers, one sorted line each.
stories() {
  "$py" - "$1" <<'PY'
import json, re, sys
rows = []
for line in open(sys.argv[1]):
    ids = [a["id"] if isinstance(a, dict) else a for a in json.loads(line)["story"]["articles"]]
    rows.append(" ".join(sorted(re.search(r"page(\d+)", str(i)).group(1) for i in ids)))
print("\n".join(sorted(rows)))
PY
}

# 1. The feed, followed, against the files.
expect_rc 0 "$cli" digest -q files -o from-files
expect_rc 1 "$cli" digest -q "$base/feed.xml" --follow --cache cache -o from-feed
grep -q "$base/missing.html: HTTP 404" stderr.txt || { cat stderr.txt; fail "the 404 is not named"; }
[ "$(stories from-files/stories.jsonl)" = "$(stories from-feed/stories.jsonl)" ] ||
  fail "the followed feed gives other stories than the files"
[ "$(grep -c . from-feed/stories.jsonl)" -ge 10 ] || fail "too few stories from the feed"
grep -q '"url":"http://127.0.0.1' from-feed/stories.jsonl || fail "the pages lost their address"

# 2. A list of addresses, one a line (with a comment), fetched like them.
{ echo "# the morning's pages"; for k in 1 2 3; do echo "$base/page$k.html"; done; } > list.txt
expect_rc 0 "$cli" cluster -q list.txt -o listed.jsonl
[ "$(grep -o '"size":[0-9]*' listed.jsonl | awk -F: '{s += $2} END {print s + 0}')" -eq 3 ] ||
  fail "the list did not give its 3 pages"

# A newsroom's morning run: a list of feed addresses, their items followed.
echo "$base/feed.xml" > feeds.txt
expect_rc 1 "$cli" digest -q feeds.txt --follow -o morning
[ "$(stories from-files/stories.jsonl)" = "$(stories morning/stories.jsonl)" ] ||
  fail "the list of feeds gives other stories than the files"

# The cache: the server gone, the same run reads the pages from disk.
kill $server; wait $server 2> /dev/null || true
expect_rc 1 "$cli" digest -q "$base/feed.xml" --follow --cache cache -o offline
diff -r from-feed offline > /dev/null || fail "the cached re-run differs"
grep -q "missing.html" stderr.txt || fail "the 404, not cached, is not named offline"

# 3. A web archive of the same pages.
"$py" - files archive.warc.gz <<'PY'
import glob, gzip, sys
def record(headers, block):
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    return (head + f"Content-Length: {len(block)}\r\n\r\n").encode() + block + b"\r\n\r\n"
out = open(sys.argv[2], "wb")
out.write(gzip.compress(record([("WARC-Type", "warcinfo"), ("WARC-Date", "2019-11-20T00:00:00Z"),
                                ("Content-Type", "application/warc-fields")], b"software: test\r\n")))
for i in range(1, 21):
    body = open(f"{sys.argv[1]}/page{i}.html", "rb").read()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    uri = f"http://archive.example/page{i}.html"
    for kind, block, ctype in (("request", b"GET / HTTP/1.1\r\n\r\n", "request"),
                               ("response", http, "response")):
        out.write(gzip.compress(record([("WARC-Type", kind), ("WARC-Target-URI", uri),
                                        ("WARC-Date", "2019-11-20T01:00:00Z"),
                                        ("Content-Type", f"application/http; msgtype={ctype}")],
                                       block)))
PY
expect_rc 0 "$cli" cluster archive.warc.gz -o archived.jsonl
grep -q "41 record(s), 20 HTML page(s) read; skipped: 20 request, 1 warcinfo" stderr.txt ||
  { cat stderr.txt; fail "the archive's records are not all accounted for"; }
[ "$(grep -o '"size":[0-9]*' archived.jsonl | awk -F: '{s += $2} END {print s + 0}')" -eq 20 ] ||
  fail "not every page of the archive was read"
size=$(stat -c %s archive.warc.gz)
head -c $((size / 2)) archive.warc.gz > cut.warc.gz
expect_rc 1 "$cli" cluster cut.warc.gz -o cut.jsonl
grep -Eq "cut.warc.gz: truncated at byte [0-9]+ \(record [0-9]+ is cut\)" stderr.txt ||
  { cat stderr.txt; fail "the cut is not reported with its byte"; }
whole=$(grep -o '"size":[0-9]*' cut.jsonl | awk -F: '{s += $2} END {print s + 0}')
[ "$whole" -ge 5 ] && [ "$whole" -lt 20 ] || fail "the cut archive gave $whole pages"
echo "OK: feeds followed, lists and archives read, cached pages read offline"
