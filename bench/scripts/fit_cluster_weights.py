#!/usr/bin/env python3
"""Fits the story clusterer's linear model (StoryModel) by L2-regularised
logistic regression on training rows written by
`dossier eval-cluster STREAM --training-rows ROWS` (each article put in its
gold story; one row per candidate story the model scores).

Each rows file counts as much as any other (its rows are weighted by one over
its number of articles), so a long stream does not drown a short one;
--stream-weight NAME=W scales the files whose name starts with NAME.

  fit_cluster_weights.py [--l2 1.0] ROWS... > weights.txt
  dossier cluster --weights weights.txt ...

Prints the weights in the format `--weights` reads ("feature value" lines);
the fit's log loss and accuracy go to stderr. Pure Python (no numpy): Newton
steps on a handful of features.
"""
import argparse
import math
import os
import sys


def read_rows(path):
    names, rows = None, []
    with open(path) as f:
        for line in f:
            if line.startswith("#"):
                names = line[1:].split()[2:]
                continue
            parts = line.split()
            if not parts:
                continue
            rows.append((int(parts[0]), int(parts[1]), [float(v) for v in parts[2:]]))
    if names is None:
        sys.exit(f"{path}: no header line")
    return names, rows


def solve(a, b):
    """Solves a x = b (a small dense symmetric positive definite matrix)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] != 0 else 0.0 for i in range(n)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", nargs="+")
    ap.add_argument("--drop", action="append", default=[],
                    help="leave this feature out (its weight is 0); repeatable")
    ap.add_argument("--stream-weight", action="append", default=[], metavar="NAME=W",
                    help="multiply the weight of the rows files whose name starts with NAME "
                         "(e.g. allsides=0.5); repeatable")
    ap.add_argument("--l2", type=float, default=1.0,
                    help="ridge penalty on the weights (not the bias), per unit of total weight")
    args = ap.parse_args()
    names, data = None, []
    for path in args.rows:
        n, rows = read_rows(path)
        if names is not None and n != names:
            sys.exit(f"{path}: features {n} differ from {names}")
        names = n
        articles = len({r[0] for r in rows}) or 1
        scale = 1.0
        for item in args.stream_weight:
            name, _, value = item.partition("=")
            if os.path.basename(path).startswith(name):
                scale *= float(value)
        data += [(y, x, scale / articles) for _, y, x in rows]
    k = len(names)
    keep = [i for i, n in enumerate(names) if n not in args.drop]
    data = [(y, [x[i] for i in keep], sw) for y, x, sw in data]
    all_names, names, k = names, [names[i] for i in keep], len(keep)
    total = sum(w for _, _, w in data)
    w = [0.0] * k
    for it in range(50):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        loss = 0.0
        for y, x, sw in data:
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-z)) if z > -30 else 0.0
            loss -= sw * (math.log(max(p, 1e-12)) if y else math.log(max(1 - p, 1e-12)))
            g = sw * (p - y)
            h = sw * p * (1 - p)
            for i in range(k):
                grad[i] += g * x[i]
                hi = h * x[i]
                row = hess[i]
                for j in range(i, k):
                    row[j] += hi * x[j]
        for i in range(k):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(1, k):  # names[0] is the bias
            grad[i] += args.l2 * total * w[i] / len(data)
            hess[i][i] += args.l2 * total / len(data)
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    correct = sum(sw for y, x, sw in data if (sum(a * b for a, b in zip(w, x)) > 0) == bool(y))
    print(f"rows {len(data)}, positives {sum(y for y, _, _ in data)}, log loss "
          f"{loss / total:.4f}, weighted accuracy {correct / total:.4f}, {it + 1} Newton steps",
          file=sys.stderr)
    print("# fitted by bench/scripts/fit_cluster_weights.py on " + " ".join(args.rows))
    fitted = dict(zip(names, w))
    for name in all_names:
        print(f"{name} {fitted.get(name, 0.0):.6g}")


if __name__ == "__main__":
    main()
