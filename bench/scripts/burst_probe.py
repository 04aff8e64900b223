#!/usr/bin/env python3
"""Would a look-ahead "burst" test undo the clusterer's wrong joins? A probe
for docs/CLUSTERING.md (BASIL), not part of dossier.

For each article the clusterer put into an existing story (STORIES: the
output of `dossier cluster STREAM`), in stream order:
  story = cosine(article, centroid of the story's articles before it)
  burst = best cosine(article, b) over the articles b of another outlet dated
          from its day to `--days` days after it (with --strict, only those b
          closer to the article than to the story's centroid)
A delayed decision could start a new story when burst - story > tau. The
join is right when the story's majority gold "story" is the article's; a
wrong join is decisive when the article is the first of its gold story (the
rest follow it). Plain TF-IDF of lower-cased words without stopwords, over
the whole stream: an estimate, not the engine's vectors.

  bench/scripts/burst_probe.py STREAM.jsonl STORIES.jsonl [--days 1] [--strict]
"""
import argparse
import collections
import datetime
import json
import math
import os
import re


def main():
    p = argparse.ArgumentParser()
    p.add_argument("stream")
    p.add_argument("stories")
    p.add_argument("--days", type=int, default=1)
    p.add_argument("--strict", action="store_true")
    args = p.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    stop = {w.strip() for w in open(os.path.join(here, "../../data/en/stopwords.txt"))
            if w.strip() and not w.startswith("#")}
    arts = [json.loads(line) for line in open(args.stream) if line.strip()]
    number = {a["id"]: i for i, a in enumerate(arts)}
    engine = [None] * len(arts)
    for line in open(args.stories):
        s = json.loads(line)
        for a in s["articles"]:
            engine[number[a]] = s["id"]
    words = []
    for a in arts:
        text = ((a.get("title") or "") + " " + a["text"]).lower()
        words.append([w for w in re.findall(r"[a-z][a-z'\-]+", text)
                      if w not in stop and len(w) > 2])
    df = collections.Counter()
    for w in words:
        df.update(set(w))
    n = len(arts)

    def unit(weights):
        z = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        return {w: x / z for w, x in weights.items()}

    vectors = [unit({w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5))
                     for w, c in collections.Counter(ws).items()}) for ws in words]

    def cos(u, v):
        if len(u) > len(v):
            u, v = v, u
        return sum(x * v.get(w, 0.0) for w, x in u.items())

    def centroid(ids):
        c = collections.Counter()
        for i in ids:
            for w, x in vectors[i].items():
                c[w] += x
        return unit(c)

    day = [datetime.date.fromisoformat(a["date"]).toordinal() for a in arts]
    first = {}
    for i, a in enumerate(arts):
        first.setdefault(a["story"], i)
    rows = []  # (right, burst - story, decisive)
    members = collections.defaultdict(list)
    for i, a in enumerate(arts):
        before = members[engine[i]]
        if before:
            majority = collections.Counter(arts[j]["story"] for j in before).most_common(1)[0][0]
            c = centroid(before)
            story = cos(vectors[i], c)
            burst = 0.0
            for j in range(i + 1, n):
                if day[j] - day[i] > args.days:
                    break
                if day[j] < day[i] or arts[j]["source"] == a["source"]:
                    continue
                if args.strict and cos(vectors[j], c) >= story:
                    continue
                burst = max(burst, cos(vectors[i], vectors[j]))
            right = majority == a["story"]
            rows.append((right, burst - story, not right and first[a["story"]] == i))
        before.append(i)
    wrong = sum(1 for r in rows if not r[0])
    decisive = sum(1 for r in rows if r[2])
    print(f"{os.path.basename(args.stream)}: {len(rows)} joins, {wrong} wrong "
          f"({decisive} decisive); days {args.days}{', strict' if args.strict else ''}")
    for tau in (0.0, 0.1, 0.2, 0.3):
        w = sum(1 for r in rows if not r[0] and r[1] > tau)
        d = sum(1 for r in rows if r[2] and r[1] > tau)
        ok = sum(1 for r in rows if r[0] and r[1] > tau)
        print(f"  burst - story > {tau}: {w} wrong joins flagged ({d} decisive), "
              f"{ok} right joins flagged")


if __name__ == "__main__":
    main()
