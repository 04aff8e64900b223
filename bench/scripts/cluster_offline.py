#!/usr/bin/python3
"""Offline reference for the clustering benchmark: how well word overlap can
recover the plus-val records when a method sees the whole set at once and the
threshold is picked on the gold labels (an optimistic bound for any streaming
clusterer using the same similarity).

Articles are those `dossier eval-cluster` streams (each record's documents,
split on '|||||', empty ones dropped). Articles whose text (lower-case
letters and digits) also occurs in another record stand alone, as in the
"copied texts apart" reference of eval-cluster. The rest are TF-IDF vectors
(sublinear tf, idf over the set, crude suffix stripping, stopwords removed)
compared by cosine, then:
  - pairs: every pair with cosine >= t is predicted together (no clustering,
    no transitivity: the pair classifier's best F1);
  - single / average / complete link: agglomerative clustering cut at 1 - t.
Scores are over all articles and all gold pairs, like eval-cluster's.

Needs python3-numpy, python3-scipy and python3-sklearn (Debian packages) and
about 4 GB of memory; takes a few minutes.
Usage: bench/scripts/cluster_offline.py [shared data dir] > bench/results/cluster-offline.md
"""
import collections
import gzip
import json
import re
import sys

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.preprocessing import normalize


def load(path):
    docs, gold = [], []
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for record, line in enumerate(f):
            for text in json.loads(line)['document'].split('|||||'):
                text = text.replace('NEWLINE_CHAR', '\n').strip()
                if text:
                    docs.append(text)
                    gold.append(record)
    return docs, np.array(gold)


def stem(word):
    for suffix in ('ings', 'ing', 'edly', 'ed', 'es', 's'):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def words(text):
    return [stem(w) for w in re.findall(r'[a-z]+', text.lower())
            if len(w) > 1 and w not in ENGLISH_STOP_WORDS]


def bigrams(text):
    t = words(text)
    return [a + '_' + b for a, b in zip(t, t[1:])]


def tfidf(docs, with_bigrams):
    counts = CountVectorizer(analyzer=words).fit_transform(docs)
    if with_bigrams:
        counts = sp.hstack([counts, CountVectorizer(analyzer=bigrams, min_df=2)
                            .fit_transform(docs)]).tocsr()
    counts = counts.astype(np.float64)
    n = counts.shape[0]
    df = np.asarray((counts > 0).sum(0)).ravel()
    idf = np.maximum(0, np.log((n + 1) / (df + 0.5)))
    counts.data = 1 + np.log(counts.data)
    return normalize(counts @ sp.diags(idf))


def pair_counts(labels):
    return sum(k * (k - 1) // 2 for k in collections.Counter(labels).values())


def scores(pred, gold):
    joint = collections.Counter(zip(pred, gold))
    both = sum(k * (k - 1) // 2 for k in joint.values())
    pp, gp = pair_counts(pred), pair_counts(gold)
    p = both / pp if pp else 1.0
    r = both / gp if gp else 1.0
    size_p, size_g = collections.Counter(pred), collections.Counter(gold)
    bp = sum(k * k / size_p[a] for (a, _), k in joint.items()) / len(pred)
    br = sum(k * k / size_g[b] for (_, b), k in joint.items()) / len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, 2 * bp * br / (bp + br)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
    docs, gold = load(data + '/multinews/plus-val.jsonl.gz')
    key = [' '.join(re.findall(r'[a-z0-9]+', d.lower())) for d in docs]
    records_of = collections.defaultdict(set)
    for k, g in zip(key, gold):
        records_of[k].add(g)
    copied = np.array([len(records_of[k]) >= 2 for k in key])
    keep = np.where(~copied)[0]
    print('## Offline reference: word overlap with the whole set at once (cluster_offline.py)')
    print()
    print(f'{len(docs)} articles of {len(set(gold))} records; {copied.sum()} copied texts stand '
          'alone; thresholds picked on the gold labels (best pairwise F1).')
    print()
    print('| vectors | method | best t | pairwise P | R | F1 | B-cubed F1 |')
    print('|---|---|---|---|---|---|---|')
    gold_pairs = pair_counts(gold)
    for with_bigrams in (False, True):
        name = 'words + bigrams' if with_bigrams else 'words'
        x = tfidf([docs[i] for i in keep], with_bigrams)
        sim = (x @ x.T).toarray()
        # Pairs: rank every pair of kept articles by cosine.
        upper = np.triu_indices(len(keep), 1)
        s = sim[upper]
        same = gold[keep][upper[0]] == gold[keep][upper[1]]
        order = np.argsort(-s, kind='stable')[:400000]
        hits = np.cumsum(same[order])
        precision = hits / np.arange(1, len(order) + 1)
        recall = hits / gold_pairs
        f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
        b = int(f1.argmax())
        print(f'| {name} | pairs, cosine >= t | {s[order[b]]:.2f} | {precision[b]:.3f} | '
              f'{recall[b]:.3f} | **{f1[b]:.3f}** | - |')
        del s, same, order, upper
        np.fill_diagonal(sim, 1)
        condensed = squareform(np.clip(1 - sim, 0, 2), checks=False)
        del sim
        for method in ('single', 'average', 'complete'):
            tree = linkage(condensed, method=method)
            best = None
            for t in np.arange(0.02, 0.62, 0.02):
                pred = np.arange(len(docs)) + len(docs)  # copies: alone
                pred[keep] = fcluster(tree, 1 - t, 'distance')
                sc = scores(pred.tolist(), gold.tolist())
                if best is None or sc[2] > best[1][2]:
                    best = (t, sc)
            t, (p, r, f, bf) = best
            print(f'| {name} | {method} link | {t:.2f} | {p:.3f} | {r:.3f} | **{f:.3f}** | '
                  f'{bf:.3f} |')
            sys.stdout.flush()
        del condensed


if __name__ == '__main__':
    main()
