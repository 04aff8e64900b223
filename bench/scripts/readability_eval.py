#!/usr/bin/env python3
"""Scores `dossier extract` on Mozilla Readability's 116 test pages with the article
extraction benchmark's own metric (`dossier eval-extract`).

  python3 bench/scripts/readability_eval.py build/dossier ../shared/data [--per-page OUT.jsonl]

The pages' expected outputs (GoldStandard/NAME.txt) are Readability's simplified HTML: their
text (tags stripped, block elements as line breaks, entities decoded) is the ground truth. The
script lays the set out as the benchmark does (a temporary folder with ground-truth.json and
html/NAME.html.gz, no baselines), runs `dossier eval-extract --system-only --per-page`, and
prints the F1 over all pages and over the pages not in English (named in the set's README).
The metric splits text at white space, so pages in Chinese or Japanese count whole runs of
characters as one token: their figures are coarse.
"""
import argparse
import gzip
import html.parser
import json
import os
import subprocess
import sys
import tempfile

NOT_ENGLISH = {
    "aktualne": "cs", "folha": "pt", "heise": "de", "la-nacion": "es", "lemonde-1": "fr",
    "liberation-1": "fr", "gmw": "zh", "qq": "zh", "pixnet": "zh", "hukumusume": "ja",
    "rtl-1": "ar/he", "rtl-2": "ar/he", "rtl-3": "ar/he", "rtl-4": "ar/he", "youth": "zh",
}
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
          "pre", "section", "article", "figcaption", "dd", "dt", "table", "ul", "ol"}


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def gold_text(markup):
    p = _Text()
    p.feed(markup)
    lines = [" ".join(line.split()) for line in "".join(p.parts).split("\n")]
    return "\n".join(line for line in lines if line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dossier")
    ap.add_argument("shared")
    ap.add_argument("--per-page")
    args = ap.parse_args()
    root = os.path.join(args.shared, "article-extraction", "readability")
    names = sorted(n[:-5] for n in os.listdir(os.path.join(root, "input")) if n.endswith(".html"))
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "html"))
        os.makedirs(os.path.join(tmp, "baseline_outputs"))
        truth = {}
        for name in names:
            with open(os.path.join(root, "input", name + ".html"), "rb") as f:
                page = f.read()
            with gzip.open(os.path.join(tmp, "html", name + ".html.gz"), "wb") as f:
                f.write(page)
            with open(os.path.join(root, "GoldStandard", name + ".txt"), encoding="utf-8") as f:
                truth[name] = {"articleBody": gold_text(f.read()), "url": ""}
        with open(os.path.join(tmp, "ground-truth.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f)
        per_page = args.per_page or os.path.join(tmp, "pages.jsonl")
        done = subprocess.run([args.dossier, "eval-extract", "--system-only", "--per-page",
                               per_page, tmp], capture_output=True, text=True, check=False)
        sys.stdout.write(done.stdout)
        rows = [json.loads(line) for line in open(per_page, encoding="utf-8")]
    key = next(k for k in ("f1", "ours_f1", "f") if k in rows[0])

    def mean(rs):
        return sum(r[key] for r in rs) / len(rs) if rs else float("nan")

    other = [r for r in rows if r.get("id", r.get("page")) in NOT_ENGLISH]
    english = [r for r in rows if r.get("id", r.get("page")) not in NOT_ENGLISH]
    print(f"pages {len(rows)}: mean F1 {mean(rows):.3f}; English {len(english)}: "
          f"{mean(english):.3f}; not English {len(other)}: {mean(other):.3f}")
    for r in sorted(other, key=lambda r: r.get("id", r.get("page"))):
        name = r.get("id", r.get("page"))
        print(f"  {name} ({NOT_ENGLISH[name]}): F1 {r[key]:.3f}")


if __name__ == "__main__":
    main()
