#!/usr/bin/env python3
"""Turns hand labels of quotes into a gold file for `dossier eval-quotes`.

The labels (outside the repository, beside the articles they were made on)
are one NN.quotes.jsonl per article NN.txt, lines
{"speaker", "aliases", "kind", "text", "occurrence"}, with a manifest.json
naming each article's input file and record id; the labelling guidelines are
docs/QUOTES.md. The gold keeps only where each quote stands (byte offsets into
the record's text), its speaker and a hash of its first words: no article text.

usage: quote_gold.py LABEL_DIR SHARED_DATA > tests/data/quotes/attribution-SET.jsonl
"""
import json
import os
import re
import sys


def quote_key(text):
    h = 14695981039346656037
    words = []
    for w in text.split():
        if len(words) == 6:
            break
        clean = ''
        b = w.encode('utf-8')
        i = 0
        while i < len(b):
            c = b[i]
            if c == 0xE2 and i + 2 < len(b):
                i += 3
                continue
            if (c < 0x80 and (chr(c).isalnum() or chr(c) == '-')) or c >= 0x80:
                clean += chr(c).lower() if c < 0x80 else bytes([c]).decode('latin-1')
            i += 1
        if clean:
            words.append(clean)
    for w in words:
        for ch in (w + ' ').encode('latin-1'):
            h = ((h ^ ch) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return f'{h:016x}'


def main():
    labels, shared = sys.argv[1], sys.argv[2]
    manifest = json.load(open(os.path.join(labels, 'manifest.json')))
    records = {}
    for m in manifest:
        path = os.path.join(shared, m['file'])
        if path not in records:
            records[path] = {}
            for line in open(path, encoding='utf-8'):
                r = json.loads(line)
                records[path][r['id']] = r['text']
    for m in manifest:
        text = records[os.path.join(shared, m['file'])][m['id']]
        article = open(os.path.join(labels, f"{m['n']:02d}.txt"), encoding='utf-8').read()
        assert article == text, m
        for line in open(os.path.join(labels, f"{m['n']:02d}.quotes.jsonl"), encoding='utf-8'):
            if not line.strip():
                continue
            q = json.loads(line)
            pos = -1
            for _ in range(q.get('occurrence', 0) + 1):
                pos = text.find(q['text'], pos + 1)
            assert pos >= 0, q
            begin = len(text[:pos].encode('utf-8'))
            end = begin + len(q['text'].encode('utf-8'))
            print(json.dumps({'input': m['file'], 'id': m['id'], 'speaker': q['speaker'],
                              'aliases': q.get('aliases', []), 'kind': q['kind'],
                              'begin': begin, 'end': end, 'key': quote_key(q['text'])},
                             ensure_ascii=False))


if __name__ == '__main__':
    main()
