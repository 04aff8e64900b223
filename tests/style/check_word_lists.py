#!/usr/bin/env python3
"""No word list of a language in the C++ sources (issue 18): every word dossier
matches in text lives in data/<lang>/*.txt, where --data-dir can replace it.

A list is flagged when at least three of its distinct string literals, and at
least half of them, are entries of a data file (the first column of a row, in
any language; three letters or more) and not kind names (the other columns,
and snake_case setting keys, which the code must name to read the files). Lists are brace initializers ({"a", "b", "c"}, arrays, sets,
IsOneOf(x, {...})) and runs of `== "word"` comparisons. A list that is not
language knowledge (protocol tokens, HTML names) says so in a comment on its
line or one of the two lines above: `// not-language: RFC 822 day names`.
Prints FILE:LINE and the words for each one and fails.

  check_word_lists.py SOURCE_DIR
"""
import glob
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from check_function_size import blank_out  # noqa: E402 (after the line above)

LITERAL = r'"(?:[^"\\\n]|\\.)*"'
BRACE_LIST = re.compile(r"\{\s*(" + LITERAL + r"(?:\s*,\s*" + LITERAL + r"){2,})\s*,?\s*\}")
COMPARISON = re.compile(r'==\s*"((?:[^"\\\n]|\\.)*)"')
EXEMPT = "not-language:"


def data_words(root):
    """(entries, kinds) over data/*/*.txt, lower case."""
    entries, kinds = set(), set()
    for path in glob.glob(os.path.join(root, "data", "*", "*.txt")):
        if os.path.basename(path) == "term_df.txt":  # numbers per word, not a list
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                parts = [p.strip().lower() for p in line.split("|")]
                if parts[0] and "_" not in parts[0]:  # snake_case: a setting's key
                    entries.add(parts[0])
                for part in parts[1:]:
                    kinds.add(part)
                    kinds.update(re.split(r"[\s,]+", part))
    return entries - kinds, kinds


def exempt(lines, line_no):
    return any(EXEMPT in lines[k] for k in range(max(0, line_no - 3), line_no))


def flagged(words, entries):
    """The distinct words of a list that are data entries of three letters or
    more, if they are three or more and half the distinct words or more."""
    words = list(dict.fromkeys(w.lower() for w in words))
    hits = [w for w in words if len(w) >= 3 and w in entries]
    return hits if len(hits) >= 3 and 2 * len(hits) >= len(words) else []


def scan(path, entries):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    lines = raw.split("\n")
    text = blank_out(raw, keep_strings=True)
    found = []
    for m in BRACE_LIST.finditer(text):
        words = [s[1:-1] for s in re.findall(LITERAL, m.group(1))]
        line_no = text.count("\n", 0, m.start()) + 1
        hits = flagged(words, entries)
        if hits and not exempt(lines, line_no):
            found.append((line_no, hits))
    run = []
    for m in list(COMPARISON.finditer(text)) + [None]:
        if m is not None and (not run or m.start() - run[-1].start() < 200):
            run.append(m)
            continue
        if run:
            line_no = text.count("\n", 0, run[0].start()) + 1
            hits = flagged([r.group(1) for r in run], entries)
            if hits and not exempt(lines, line_no):
                found.append((line_no, hits))
        run = [m] if m is not None else []
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    entries, _ = data_words(root)
    if not entries:
        print(f"no data lists under {root}/data", file=sys.stderr)
        return 2
    bad = 0
    for pattern in ("src/**/*.cc", "src/**/*.h", "include/**/*.h", "tools/**/*.cc", "python/**/*.cc"):
        for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
            for line_no, hits in scan(path, entries):
                rel = os.path.relpath(path, root)
                print(f"{rel}:{line_no}: a word list in C++ ({', '.join(hits[:6])}): "
                      f"move it to data/<lang>/ or mark it '// {EXEMPT} why'")
                bad += 1
    if bad:
        print(f"{bad} word list(s) in C++", file=sys.stderr)
        return 1
    print("no word list of a language in the C++ sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
