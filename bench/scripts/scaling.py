#!/usr/bin/env python3
"""Per-stage throughput of a digest, one process and one thread each, for
docs/SCALING.md: read, analyse (signatures), cluster (sequential), brief.

  PYTHONPATH=build/python /usr/bin/python3 bench/scripts/scaling.py INPUT [--words 120]

Prints one JSON object: per stage the seconds and items per second, and the
bytes per article that move between processes (signatures, saved documents).
"""
import argparse
import json
import os
import sys
import time

from dossier import _dossier


def main():
    p = argparse.ArgumentParser()
    p.add_argument("inputs", nargs="+")
    p.add_argument("--words", type=int, default=120)
    args = p.parse_args()
    limits = _dossier.ReadLimits()
    options = _dossier.StoryOptions()
    options.threads = 1
    digest = _dossier.DigestOptions()
    digest.words = args.words
    out = {"inputs": args.inputs}

    t = time.perf_counter()
    files, _ = _dossier.expand_inputs(args.inputs, limits)
    blob, numbers, _ = _dossier.read_share(files, limits, 0, 1)
    read_s = time.perf_counter() - t
    n = len(numbers)
    out["articles"] = n
    out["read"] = {"seconds": read_s, "articles_per_s": n / read_s,
                   "saved_document_bytes_per_article": len(blob) / n}

    t = time.perf_counter()
    signatures, kept = _dossier.StoryFeaturizer(options).signatures(blob)
    analyse_s = time.perf_counter() - t
    out["analyse"] = {"seconds": analyse_s, "articles_per_s": n / analyse_s,
                      "signature_bytes_per_article": sum(map(len, signatures)) / n}

    t = time.perf_counter()
    run = _dossier.DigestRun(options, digest)
    run.add_signatures(signatures, "bench")
    ranked = run.rank()
    cluster_s = time.perf_counter() - t
    out["cluster"] = {"seconds": cluster_s, "articles_per_s": n / cluster_s,
                      "stories": len(ranked)}

    briefer = _dossier.StoryBriefer(digest)
    ids = [sid for sid, _ in ranked]
    refs = [[(0, a) for a in articles] for _, articles in ranked]
    t = time.perf_counter()
    briefer.brief(ids, refs, [kept])
    brief_s = time.perf_counter() - t
    briefed = sum(len(r) for r in refs)
    out["brief"] = {"seconds": brief_s, "stories_per_s": len(ids) / brief_s,
                    "articles_per_s": briefed / brief_s}
    out["cpu"] = os.cpu_count()
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
