#!/usr/bin/env python3
"""Validates NN.quotes.jsonl against NN.txt: every text found, fields present."""
import json, sys, os
art = sys.argv[1]
text = open(art, encoding='utf-8').read()
labels = os.path.splitext(art)[0] + '.quotes.jsonl'
bad = 0
rows = []
for n, line in enumerate(open(labels, encoding='utf-8'), 1):
    if not line.strip():
        continue
    try:
        q = json.loads(line)
    except Exception as e:
        print(f'{labels}:{n}: bad JSON: {e}'); bad += 1; continue
    for k in ('speaker', 'kind', 'text'):
        if k not in q: print(f'{labels}:{n}: missing {k}'); bad += 1
    if q.get('kind') not in ('direct', 'reported'):
        print(f'{labels}:{n}: kind must be direct or reported'); bad += 1
    t = q.get('text', '')
    occ = q.get('occurrence', 0)
    pos = -1
    for _ in range(occ + 1):
        pos = text.find(t, pos + 1)
        if pos < 0: break
    if not t or pos < 0:
        print(f'{labels}:{n}: text not found (occurrence {occ}): {t[:60]!r}'); bad += 1; continue
    if '\n' in t:
        print(f'{labels}:{n}: text crosses a line break'); bad += 1
    rows.append((pos, n, q))
rows.sort()
for pos, n, q in rows:
    print(f"{pos:6d} {q['kind']:8s} {q['speaker'][:28]:28s} {q['text'][:70]!r}")
print(f'{len(rows)} labels, {bad} problems,',
      sum(1 for r in rows if r[2]['kind'] == 'direct'), 'direct,',
      sum(1 for r in rows if r[2]['kind'] == 'reported'), 'reported,',
      sum(1 for r in rows if r[2]['speaker'] == 'UNNAMED'), 'unnamed')
sys.exit(1 if bad else 0)
