#!/usr/bin/env python3
"""Story clustering on the dated, labelled development streams: pairwise and
B-cubed F1 of `dossier eval-cluster` on each stream's early and late halves
(cut in time: the protocol of docs/CLUSTERING.md), its halves a and b (the
stories numbered in order of first article, even and odd: the first protocol)
and the whole stream; plus-val's B-cubed F1 (undated).

  cluster_streams.py [--dossier build/dossier] [--data ../shared/data]
                     [--plus-val] [-- extra eval-cluster flags...]
Prints a Markdown table.
"""
import argparse
import json
import os
import subprocess
import sys

# The protocol's halves (the stream cut in time; the weights are fitted on the
# early ones), the first protocol's (every other story) and the whole stream.
PARTS = [("early", "early"), ("late", "late"), ("half a", "a"), ("half b", "b"), ("all", None)]

STREAMS = [
    ("DUC 2003", "duc2003/stream.jsonl"),
    ("BASIL", "stories/basil.jsonl"),
    ("AllSides", "stories/allsides.jsonl"),
]


def run(dossier, path, extra, half=None):
    cmd = [dossier, "eval-cluster", "-q", "-f", "json", path] + extra
    if half:
        cmd += ["--half", half]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default="build/dossier")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--plus-val", action="store_true", help="also plus-val (15k articles)")
    ap.add_argument("extra", nargs="*", help="eval-cluster flags (after --)")
    args = ap.parse_args()
    print("| stream | part | articles | gold stories | stories | pairwise P | R | F1 "
          "| B-cubed F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    f1s = {}
    for name, rel in STREAMS:
        path = os.path.join(args.data, rel)
        if not os.path.exists(path):
            print(f"| {name} | missing: {path} |||||||||")
            continue
        for part, half in PARTS:
            j = run(args.dossier, path, args.extra, half)
            p = j["pairwise"]
            f1s[(name, part)] = p["f1"]
            bold = "**" if part == "all" else ""
            print(f"| {name} | {part} | {j['articles']} | {j['gold_clusters']} | {j['stories']} "
                  f"| {p['precision']:.3f} | {p['recall']:.3f} | {bold}{p['f1']:.3f}{bold} "
                  f"| {j['bcubed']['f1']:.3f} |")
    if args.plus_val:
        path = os.path.join(args.data, "multinews/plus-val.jsonl.gz")
        j = run(args.dossier, path, args.extra)
        p = j["pairwise"]
        print(f"| plus-val (undated, shuffled) | all | {j['articles']} | {j['gold_clusters']} "
              f"| {j['stories']} | {p['precision']:.3f} | {p['recall']:.3f} | {p['f1']:.3f} "
              f"| **{j['bcubed']['f1']:.3f}** |")
    for part, _ in PARTS:
        vals = [v for (n, q), v in f1s.items() if q == part]
        if vals:
            print(f"\nmean pairwise F1 ({part}): {sum(vals) / len(vals):.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
