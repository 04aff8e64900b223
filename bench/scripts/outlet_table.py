#!/usr/bin/env python3
"""The outlets `dossier extract --format json` finds, as Markdown: a summary of the
problems issue 17 names (no outlet, an address, a single lower-case word, a placeholder),
then every outlet with its pages.

  build/dossier extract --format json ../shared/data/article-extraction/html/*.html.gz \\
      2>/dev/null | python3 bench/scripts/outlet_table.py
"""
import collections
import json
import re
import sys

rows = [json.loads(line) for line in sys.stdin if line.strip()]
sites = [r.get("site") or "" for r in rows]
problems = {
    "no outlet": sum(1 for s in sites if not s),
    "an address (scheme or path)": sum(1 for s in sites if re.match(r"https?://", s) or "/" in s.split(" ")[0] and "." in s),
    "a single lower-case word": sum(1 for s in sites if re.fullmatch(r"[a-z0-9-]+", s)),
    "a placeholder (Hosted, U.S., Home, News)": sum(1 for s in sites if s in ("Hosted", "U.S.", "Home", "News")),
    "a byline holding a date or 'Updated'": sum(
        1 for r in rows if re.search(r"\b(19|20)\d\d\b|Updated", r.get("byline") or "")),
    "no date": sum(1 for r in rows if not r.get("date")),
}
print(f"{len(rows)} pages\n")
print("| outlet field | pages |\n|---|---|")
for k, v in problems.items():
    print(f"| {k} | {v} |")
print("\n| outlet | pages |\n|---|---|")
for site, n in sorted(collections.Counter(s or "(none: no address, no site name)" for s in sites).items(),
                      key=lambda x: (-x[1], x[0].lower())):
    print(f"| {site.replace('|', '/')} | {n} |")
