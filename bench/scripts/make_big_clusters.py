#!/usr/bin/env python3
"""Builds Multi-News-form clusters of growing size from the articles of a
Multi-News file, for the scaling benchmark: each output line is one cluster
made of the first K articles of the input (in file order), for the sizes
given. Usage: make_big_clusters.py DEV.jsonl OUT.jsonl 10 40 160 ..."""
import json, sys

src, out, sizes = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
articles = []
for line in open(src, encoding="utf-8"):
    rec = json.loads(line)
    articles += [a for a in rec["document"].split("|||||") if a.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in sizes:
        docs = [articles[i % len(articles)] for i in range(k)]
        f.write(json.dumps({"id": "articles-%d" % k, "document": " ||||| ".join(docs),
                            "summary": "n/a"}) + "\n")
