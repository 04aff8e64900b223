#!/usr/bin/env python3
"""Picks the articles of the quote-attribution gold sets by a fixed rule, before
any look at the extractor: BASIL and DUC 2003 articles of 2,500-6,000
characters with at least six quotation marks and three "said", ordered by the
SHA-1 of their id, alternating outlets (New York Times, Fox News, HuffPost;
AP, NYT). The first six of each source are the development set, the next six
the held-out set. Writes each article as NN.txt with a manifest.json into
dev/ and heldout/ under the current folder (outside the repository: the text
is the datasets').

usage: cd LABEL_DIR && python3 quote_articles.py   (reads /work/shared/data; edit the paths)
"""
import json, hashlib, os
def load(p): return [json.loads(l) for l in open(p)]
def key(d): return hashlib.sha1(d['id'].encode()).hexdigest()
def ok(d):
    t = d['text']
    return 2500 <= len(t) <= 6000 and t.count('"') + t.count('\u201c') >= 6 and t.count(' said') >= 3
def pick(rows, sources, n):
    rows = sorted([r for r in rows if ok(r)], key=key)
    out, i = [], 0
    used = set()
    while len(out) < n:
        want = sources[len(out) % len(sources)]
        for r in rows:
            if r['id'] not in used and r['source'] == want:
                used.add(r['id']); out.append(r); break
    return out
basil = pick(load('/work/shared/data/stories/basil.jsonl'), ['New York Times', 'Fox News', 'HuffPost'], 12)
duc = pick(load('/work/shared/data/duc2003/stream.jsonl'), ['APW', 'NYT'], 12)
sets = {'dev': basil[:6] + duc[:6], 'heldout': basil[6:] + duc[6:]}
for name, rows in sets.items():
    os.makedirs(name, exist_ok=True)
    man = []
    for i, r in enumerate(rows):
        f = 'stories/basil.jsonl' if r['id'].startswith('basil/') else 'duc2003/stream.jsonl'
        path = f'{name}/{i:02d}.txt'
        open(path, 'w').write(r['text'])
        man.append({'n': i, 'file': f, 'id': r['id'], 'source': r['source'], 'chars': len(r['text'])})
    json.dump(man, open(f'{name}/manifest.json', 'w'), indent=1)
    print(name, [(m['source'], m['chars']) for m in man])
