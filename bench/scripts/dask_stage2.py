#!/usr/bin/env python3
"""Stage 2 of a Dask digest (docs/SCALING.md), alone: the driver adding
signatures in stream order, in partition groups as they arrive, until the
last is added. The signatures are made first (stage 1, not timed).

  PYTHONPATH=build/python python3 bench/scripts/dask_stage2.py INPUT... [--group N] [--runs R]

Prints, per run, the articles and the seconds and articles per second of
adding them (DigestRun.add_signatures per group of N, then articles(),
which waits for the last batch).
"""
import argparse
import time

from dossier import _dossier
from dossier import dask as dossier_dask


def main():
    p = argparse.ArgumentParser()
    p.add_argument("inputs", nargs="+")
    p.add_argument("--group", type=int, default=25000, help="signatures per add_signatures call")
    p.add_argument("--runs", type=int, default=2)
    args = p.parse_args()
    limits = _dossier.ReadLimits()
    files, _ = _dossier.expand_inputs(args.inputs, limits)
    blob, _, _ = _dossier.read_share(files, limits, 0, 1)
    story = dossier_dask._story_options({})
    signatures, _ = _dossier.StoryFeaturizer(story).signatures(blob)
    groups = [signatures[i:i + args.group] for i in range(0, len(signatures), args.group)]
    for _ in range(args.runs):
        run = _dossier.DigestRun(story, dossier_dask._digest_options({}))
        t = time.perf_counter()
        for k, g in enumerate(groups):
            run.add_signatures(g, f"group {k}")
        n = run.articles()
        s = time.perf_counter() - t
        print(f"stage 2: {n} articles in {len(groups)} groups, {s:.2f} s, {n / s:.0f} articles/s")


if __name__ == "__main__":
    main()
