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
    for root, _, files in os.walk(src):
        rel = os.path.relpath(root, src)
        folder = "" if rel == "." else rel.split(os.sep)[0]
        stage = stage_of(folder)
        allowed = reach(stage) | {stage}
        for name in sorted(files):
            if not name.endswith((".h", ".cc")):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                for no, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m or m.group(1) not in folders:
                        continue
                    checked += 1
                    if stage_of(m.group(1)) not in allowed:
                        bad += 1
                        print(f"{os.path.relpath(path, sys.argv[1])}:{no}: {stage} includes "
                              f"{m.group(1)}/ ({stage_of(m.group(1))}), a stage it does not "
                              f"depend on")
    # The CLI and the Python module are built on the public headers; the CLI
    # may also use the util/ helpers (file I/O, strings, threads).
    outside = 0
    for top, allowed_folders in (("tools", {"util"}), ("python", set())):
        for root, _, files in os.walk(os.path.join(sys.argv[1], top)):
            for name in sorted(files):
                if not name.endswith((".h", ".cc")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    for no, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m or m.group(1) not in folders:
                            continue
                        outside += 1
                        if m.group(1) not in allowed_folders:
                            bad += 1
                            print(f"{os.path.relpath(path, sys.argv[1])}:{no}: {top}/ includes "
                                  f"{m.group(1)}/, not a public header (include/dossier/)")
    if bad:
        sys.exit(f"{bad} include(s) against the stage order")
    print(f"ok: {checked} includes between stages follow the stage graph; "
          f"tools/ and python/ use public headers (and util/: {outside})")


if __name__ == "__main__":
    main()
