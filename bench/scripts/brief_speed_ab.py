#!/usr/bin/env python3
"""Two dossier binaries compared on `dossier brief`, whole processes on one
core, runs interleaved (A, B, A, B, ...) so that a noisy machine slows both
alike; prints the best and median wall time of each and B's ratio to A.

usage: brief_speed_ab.py A/dossier B/dossier [--shared ../shared/data] [--runs 11]
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('a')
    ap.add_argument('b')
    ap.add_argument('--shared', default='../shared/data')
    ap.add_argument('--runs', type=int, default=11)
    args = ap.parse_args()
    seeds = sorted(glob.glob(os.path.join(args.shared, 'seeds', '*')))
    dev = os.path.join(args.shared, 'multinews', 'dev.jsonl')
    pin = ['taskset', '-c', '0'] if shutil.which('taskset') else []
    cases = [('seeds (5 reports)', 'md', seeds), ('seeds (5 reports)', 'json', seeds),
             ('dev.jsonl (105 clusters)', 'md', [dev]), ('dev.jsonl (105 clusters)', 'json', [dev])]
    print(f'A = {args.a}, B = {args.b}; {args.runs} interleaved runs each, one core\n')
    print('| input | format | A best s | B best s | B/A best | A median s | B median s | B/A median |')
    print('|---|---|---|---|---|---|---|---|')
    for name, fmt, inputs in cases:
        times = {args.a: [], args.b: []}
        for _ in range(args.runs):
            for binary in (args.a, args.b):
                cmd = pin + [binary, 'brief', '-q', '--format', fmt] + inputs
                t = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                times[binary].append(time.perf_counter() - t)
        a, b = times[args.a], times[args.b]
        ma, mb = statistics.median(a), statistics.median(b)
        print(f'| {name} | {fmt} | {min(a):.4f} | {min(b):.4f} | {min(b) / min(a):.3f} | '
              f'{ma:.4f} | {mb:.4f} | {mb / ma:.3f} |')


if __name__ == '__main__':
    main()
