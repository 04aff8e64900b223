#!/usr/bin/env python3
"""A reference-aware extractive oracle for 100-word summaries (docs/SUMMARIZER.md).

For each cluster of a DUC-form file ({"id","task","documents","references"}),
picks whole sentences of its documents greedily by what they add to the
unigram and bigram matches with the four references (clipped counts, bigrams
counting twice), divided by the sentence's words (--density 1) or not (0),
while the words fit the budget. It knows the references, so it is a ceiling
for extraction, not a method. The tokens are crude (lower-case letters and
digits, a final "s" dropped); score its output with ROUGE itself:

  python3 bench/scripts/duc_oracle.py clusters.jsonl oracle.jsonl refs.jsonl
  build/dossier rouge --protocol duc2004 --system oracle.jsonl --references refs.jsonl
"""
import argparse
import collections
import json
import re


def tokens(text):
    return [w[:-1] if len(w) > 3 and w.endswith("s") else w
            for w in re.findall(r"[a-z0-9]+", text.lower())]


def grams(toks, n):
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def sentences(document):
    out = []
    for para in re.split(r"\n", document):
        for piece in re.split(r'(?<=[.!?])\s+(?=["“]?[A-Z])', para.strip()):
            for s in re.split(r'(?<=[.!?]["”])\s+(?=[A-Z])', piece):
                if len(s.split()) >= 5:
                    out.append(s.strip())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("clusters")
    ap.add_argument("output", help="summaries, {id, summary} per line")
    ap.add_argument("references", help="references written here, {id, references} per line")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--density", type=float, default=1.0,
                    help="gain divided by words**density when choosing")
    args = ap.parse_args()
    with open(args.clusters) as f, open(args.output, "w") as out, \
            open(args.references, "w") as refs_out:
        for line in f:
            if not line.strip():
                continue
            c = json.loads(line)
            refs_out.write(json.dumps({"id": c["id"], "references": c["references"]}) + "\n")
            refs = [tokens(r) for r in c["references"]]
            ref1 = [grams(t, 1) for t in refs]
            ref2 = [grams(t, 2) for t in refs]

            def matched(have1, have2):
                v = 0
                for r1, r2 in zip(ref1, ref2):
                    v += sum(min(n, r1[g]) for g, n in have1.items() if g in r1)
                    v += 2 * sum(min(n, r2[g]) for g, n in have2.items() if g in r2)
                return v

            sents = [s for d in c["documents"] for s in sentences(d)]
            toks = [tokens(s) for s in sents]
            chosen, words, base = [], 0, 0
            have1, have2 = collections.Counter(), collections.Counter()
            while True:
                best, best_key, best_gain = None, 0.0, 0
                for i, t in enumerate(toks):
                    n = len(sents[i].split())
                    if i in chosen or words + n > args.words:
                        continue
                    gain = matched(have1 + grams(t, 1), have2 + grams(t, 2)) - base
                    key = gain / n ** args.density if gain > 0 else 0
                    if key > best_key:
                        best, best_key, best_gain = i, key, gain
                if best is None:
                    break
                chosen.append(best)
                words += len(sents[best].split())
                have1 += grams(toks[best], 1)
                have2 += grams(toks[best], 2)
                base += best_gain
            out.write(json.dumps({"id": c["id"],
                                  "summary": "\n".join(sents[i] for i in chosen)}) + "\n")


if __name__ == "__main__":
    main()
