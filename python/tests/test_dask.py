"""python3 -m dossier.dask digest against dossier digest: the same files for the same
inputs, on a LocalCluster of 2 worker processes on 127.0.0.1, also when a worker dies."""
import filecmp
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("distributed", reason="Debian's python3-distributed is not installed")

CLI = os.environ["DOSSIER_CLI"]
SOURCE = os.environ["DOSSIER_SOURCE_DIR"]
FEED = os.path.join(SOURCE, "examples", "newsdesk", "feed.jsonl")


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.diff_files or cmp.funny_files:
        return False
    return all(same_tree(os.path.join(a, d), os.path.join(b, d)) for d in cmp.common_dirs)


def run_dask(*args, expect=0):
    done = subprocess.run([sys.executable, "-m", "dossier.dask", "digest", "--local", "2", *args],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == expect, done.stderr
    return done


def run_cli(*args, expect=0):
    done = subprocess.run([CLI, "digest", "-q", *args], capture_output=True, text=True,
                          check=False)
    assert done.returncode == expect, done.stderr
    return done


def test_folder_digest_equals_cli(tmp_path):
    run_cli(FEED, "-o", str(tmp_path / "cli"))
    run_dask(FEED, "-o", str(tmp_path / "dask"), "-q")
    assert same_tree(tmp_path / "cli", tmp_path / "dask")
    assert len(os.listdir(tmp_path / "dask" / "stories")) >= 3


def test_many_files_and_options_equal_cli(tmp_path):
    # Eighteen articles in six files: partitions of whole files.
    folder = tmp_path / "feed"
    folder.mkdir()
    with open(FEED, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    for k in range(0, len(lines), 3):
        (folder / f"part-{k // 3:02d}.jsonl").write_text("".join(lines[k:k + 3]), encoding="utf-8")
    options = ["--words", "60", "--min-articles", "2", "--window-articles", "6"]
    run_cli(str(folder), "-o", str(tmp_path / "cli.md"), *options)
    run_dask(str(folder), "-o", str(tmp_path / "dask.md"), "-q", *options)
    assert (tmp_path / "cli.md").read_text() == (tmp_path / "dask.md").read_text()
    run_cli(str(folder), "-o", str(tmp_path / "cli.jsonl"), *options)
    run_dask(str(folder), "-o", str(tmp_path / "dask.jsonl"), "-q", "--partitions", "5",
             "--chunks", "3", *options)
    cli = (tmp_path / "cli.jsonl").read_text()
    assert cli == (tmp_path / "dask.jsonl").read_text()
    assert all(json.loads(line)["story"]["size"] >= 2 for line in cli.splitlines())


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path):
    marker = tmp_path / "killed"
    run_cli(FEED, "-o", str(tmp_path / "cli"))
    # A short stall timeout: should Dask leave a task waiting for the dead worker's data,
    # the watchdog restarts that worker within seconds instead of the run hanging.
    run_dask(FEED, "-o", str(tmp_path / "dask"), "-q", "--stall-timeout", "15",
             "--debug-kill-worker-once", str(marker))
    assert marker.exists()  # a briefing task did kill its worker
    assert same_tree(tmp_path / "cli", tmp_path / "dask")


def test_a_worker_that_stops_answering_is_restarted(tmp_path):
    # A briefing task stops its own worker process (SIGSTOP): the worker neither dies nor
    # answers, which Dask alone would wait 5 minutes (worker-ttl) to notice.
    marker = tmp_path / "frozen"
    run_cli(FEED, "-o", str(tmp_path / "cli"))
    done = run_dask(FEED, "-o", str(tmp_path / "dask"), "--stall-timeout", "3",
                    "--debug-freeze-worker-once", str(marker))
    assert marker.exists()
    assert "stopped answering; restarting it" in done.stderr
    assert same_tree(tmp_path / "cli", tmp_path / "dask")


def test_bad_input_is_reported_and_the_rest_goes_through(tmp_path):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    cli = run_cli(FEED, str(blob), "-o", str(tmp_path / "cli.md"), expect=1)
    dask = run_dask(FEED, str(blob), "-o", str(tmp_path / "dask.md"), expect=1)
    assert "blob.bin" in cli.stderr and "blob.bin" in dask.stderr
    assert (tmp_path / "cli.md").read_text() == (tmp_path / "dask.md").read_text()


def test_no_input_and_bad_options(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_dask(str(empty), "-o", str(tmp_path / "x.md"), expect=3)
    assert "no article" in done.stderr or "no files" in done.stderr
    assert not (tmp_path / "x.md").exists()
    done = run_dask(FEED, "--min-cosine", "7", expect=2)
    assert "min_cosine" in done.stderr
    done = run_dask(FEED, "--stall-timeout", "0", expect=2)
    assert "--stall-timeout" in done.stderr
