#!/usr/bin/env python3
"""The stage order, enforced: a file in src/<stage>/ may include the headers of
its own stage and of the stages its library depends on (directly or not), as
CMake links them (the graph CMake writes to stage_graph.txt), and the public
headers "dossier/...". Anything else -- a stage reaching a later one -- is
printed as FILE:LINE and fails the test.

  check_layers.py SOURCE_DIR STAGE_GRAPH
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')


def stage_includes(top, folders):
    """(path, line number, stage folder) of each include of a src/ stage's header under top."""
    for root, _, files in os.walk(top):
        for name in sorted(files):
            if not name.endswith((".h", ".cc")):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                for no, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) in folders:
                        yield path, no, m.group(1)


def main():
    src = os.path.join(sys.argv[1], "src")
    deps = {}
    with open(sys.argv[2]) as f:
        for line in f:
            if ":" in line:
                name, rest = line.split(":", 1)
                deps[name.strip()] = rest.split()
    # A folder's stage: src/X/ is dossier_X; src/*.cc and src/brief/ are the
    # top library, dossier.
    def stage_of(folder):
        return "dossier" if folder in ("", "brief", "corpus", "evaluate") else "dossier_" + folder

    def reach(stage, seen=None):
        seen = set() if seen is None else seen
        for d in deps.get(stage, []):
            if d not in seen:
                seen.add(d)
                reach(d, seen)
        return seen

    missing = [s for s in {stage_of(f) for f in os.listdir(src)
                           if os.path.isdir(os.path.join(src, f))} if s not in deps]
    if missing:
        sys.exit(f"stage_graph.txt has no stage for {sorted(missing)}")
    folders = {f for f in os.listdir(src) if os.path.isdir(os.path.join(src, f))}
    bad = checked = 0
    for path, no, included in stage_includes(src, folders):
        rel = os.path.relpath(os.path.dirname(path), src)
        stage = stage_of("" if rel == "." else rel.split(os.sep)[0])
        checked += 1
        if stage_of(included) not in reach(stage) | {stage}:
            bad += 1
            print(f"{os.path.relpath(path, sys.argv[1])}:{no}: {stage} includes "
                  f"{included}/ ({stage_of(included)}), a stage it does not depend on")
    # The CLI and the Python module are built on the public headers alone.
    outside = 0
    for top, allowed_folders in (("tools", set()), ("python", set())):
        for path, no, included in stage_includes(os.path.join(sys.argv[1], top), folders):
            outside += 1
            if included not in allowed_folders:
                bad += 1
                print(f"{os.path.relpath(path, sys.argv[1])}:{no}: {top}/ includes "
                      f"{included}/, not a public header (include/dossier/)")
    if bad:
        sys.exit(f"{bad} include(s) against the stage order")
    print(f"ok: {checked} includes between stages follow the stage graph; "
          f"tools/ and python/ use public headers only")


if __name__ == "__main__":
    main()
