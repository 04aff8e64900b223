#!/usr/bin/env python3
"""No function longer than LIMIT lines (issue 16): every function body in the
C++ sources, from its opening brace to its closing one, comments included (as
clang-tidy's readability-function-size counts them). Lambdas count towards
the function around them. Prints FILE:LINE for each one over and fails.

  check_function_size.py SOURCE_DIR [LIMIT]
"""
import os
import re
import sys

CONTROL = re.compile(r"^(if|for|while|switch|catch|do|else|return|case|namespace|struct|class|"
                     r"enum|union|extern|template|typedef|using)\b")
ENDS_LIKE_SIGNATURE = re.compile(
    r"\)\s*(const)?\s*(noexcept)?\s*(override|final)?\s*(->\s*[\w:<>,\s\*&]+)?\s*$")


def blank_out(text, keep_strings=False):
    """Comments, strings and character literals replaced by spaces (newlines kept); with
    keep_strings, comments only."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and re.match(r'R"([^(\s]*)\(', text[i:]):
            delim = re.match(r'R"([^(\s]*)\(', text[i:]).group(1)
            j = text.find(")" + delim + '"', i)
            j = n if j < 0 else j + len(delim) + 2
            out.append(text[i:j] if keep_strings else re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(text[i:j] if keep_strings else " " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(text):
    """(first line, last line, head) of each outermost function body."""
    code = blank_out(text)
    found = []
    depth = 0
    func_depth = None  # depth of the current function's body
    head_start = 0
    start_line = 0
    line = 1
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == "{":
            head = code[head_start:i].strip()
            if func_depth is None:
                compact = " ".join(head.split())
                first = compact.split("(")[0].split()
                is_func = (ENDS_LIKE_SIGNATURE.search(compact) or
                           re.search(r"\)\s*:\s*[\w:]+[({]", compact)) and \
                    not CONTROL.match(compact) and "=" not in compact.split("(")[0] and \
                    bool(first)
                if is_func:
                    func_depth = depth
                    start_line = line
                    found_head = compact
            depth += 1
            head_start = i + 1
        elif c == "}":
            depth -= 1
            if func_depth is not None and depth == func_depth:
                found.append((start_line, line, found_head))
                func_depth = None
            head_start = i + 1
        elif c == ";":
            head_start = i + 1
    return found


def main():
    root = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    bad = checked = 0
    for top in ("src", "include", "tools", "python"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith((".cc", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for first, last, head in functions(text):
                    checked += 1
                    if last - first + 1 > limit:
                        bad += 1
                        print(f"{os.path.relpath(path, root)}:{first}: {last - first + 1} lines: "
                              f"{head[:100]}")
    if bad:
        sys.exit(f"{bad} function(s) over {limit} lines")
    print(f"ok: {checked} functions, none over {limit} lines")


if __name__ == "__main__":
    main()
