"""Corpus runs on a Dask cluster: ``python3 -m dossier.dask digest INPUTS... -o OUT``.

The digest is the one ``dossier digest`` writes for the same inputs and options,
byte for byte. The work is spread in three stages (docs/SCALING.md):

1. *Read and analyse*, in partitions across the workers: a partition is a run of
   whole input files, or, when there are fewer files than partitions, every k-th
   document of one file. Each partition's task returns the articles'
   signatures (record and clustering features, a few KB each) and keeps the
   documents on its worker for stage 3.
2. *Cluster*, on this process, while stage 1 goes on: the clusterer is
   sequential (each article is placed against the stories before it), so the
   signatures are added in stream order as the partitions arrive, exactly as
   ``dossier digest`` adds the features it computes itself. Then the stories
   are ranked.
3. *Brief*, in chunks of stories across the workers: each chunk gathers the
   documents of its stories from the partitions that hold them and briefs them.

Every task is a pure function of its inputs, so a worker that dies is replaced
and its tasks (and the partitions it held) are computed again by Dask: no story
is lost or written twice.

Workers need the dossier package importable (PYTHONPATH or installed) and the
input paths readable at the same names.
"""

import argparse
import os
import signal
import sys
import time

from . import _dossier
from .errors import Error

_PROG = "python3 -m dossier.dask"
_EXIT_OK, _EXIT_PARTIAL, _EXIT_USAGE, _EXIT_NO_INPUT, _EXIT_OUTPUT = 0, 1, 2, 3, 4

_STORY_FLAGS = {  # flag name -> (StoryOptions field, type)
    "join-threshold": ("join_threshold", float), "min-cosine": ("min_cosine", float),
    "undated-threshold": ("undated_threshold", float),
    "undated-size-penalty": ("undated_size_penalty", float),
    "window-days": ("window_days", int), "window-articles": ("window_articles", int),
    "duplicate-threshold": ("duplicate_threshold", float), "query-terms": ("query_terms", int),
    "index-terms": ("index_terms", int), "boilerplate-repeats": ("boilerplate_repeats", int),
    "name-weight": ("name_weight", float), "furniture-copies": ("furniture_copies", int),
}

# ---- on the workers ---------------------------------------------------------

_cache = {}


def _cached(kind, settings, make):
    key = (kind, tuple(sorted(settings.items())))
    if key not in _cache:
        _cache[key] = make()
    return _cache[key]


def _story_options(settings):
    o = _dossier.StoryOptions()
    for k, v in settings.items():
        setattr(o, k, v)
    o.threads = 1  # one analysis thread per task: Dask runs the tasks in parallel
    return o


def _digest_options(settings):
    o = _dossier.DigestOptions()
    for k, v in settings.items():
        setattr(o, k, v)
    return o


def _limits(settings):
    limits = _dossier.ReadLimits()
    for k, v in settings.items():
        setattr(limits, k, v)
    return limits


def featurize_partition(files, share, shares, story_settings, limit_settings):
    """Stage 1: (document numbers in the partition's files, signatures, kept documents,
    diagnostics)."""
    blob, numbers, diagnostics = _dossier.read_share(files, _limits(limit_settings), share,
                                                     shares)
    featurizer = _cached("featurizer", story_settings,
                         lambda: _dossier.StoryFeaturizer(_story_options(story_settings)))
    signatures, kept = featurizer.signatures(blob)
    return numbers, signatures, kept, diagnostics


def signatures_of(result):
    numbers, signatures, _, diagnostics = result
    return numbers, signatures, diagnostics


def documents_of(result):
    return result[2]


def take_documents(blob, positions):
    return _dossier.take_documents(blob, positions)


def _debug_fault(debug):
    """Testing: the first briefing task to get here kills (``kill``) or freezes (``freeze``,
    SIGSTOP: a worker that stops answering) its worker, once per marker file."""
    what, marker = debug
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return
    os.close(fd)
    if what == "kill":
        os._exit(1)
    os.kill(os.getpid(), signal.SIGSTOP)


def brief_chunk(ids, refs, digest_settings, debug, *blobs):
    """Stage 3: the briefings of the stories `ids`, from the documents `refs` points to."""
    if debug:
        _debug_fault(debug)
    briefer = _cached("briefer", digest_settings,
                      lambda: _dossier.StoryBriefer(_digest_options(digest_settings)))
    return briefer.brief(ids, refs, list(blobs))


# ---- on the driver ----------------------------------------------------------


def _partitions(files, target):
    """(files, share, shares) runs in stream order: groups of whole files of about equal
    size, or shares of single files when there are fewer files than `target`."""
    if not files:
        return []
    if len(files) < target:
        shares = -(-target // len(files))
        return [([f], s, shares) for f in files for s in range(shares)]
    sizes = []
    for f in files:
        try:
            sizes.append(max(os.path.getsize(f), 1))
        except OSError:
            sizes.append(1)  # reported when read
    per_group = sum(sizes) / target
    groups, current, size = [], [], 0
    for f, n in zip(files, sizes):
        current.append(f)
        size += n
        if size >= per_group and len(groups) < target - 1:
            groups.append(current)
            current, size = [], 0
    if current:
        groups.append(current)
    return [(g, 0, 1) for g in groups]


def _count(n, one, many):
    return f"{n} {one if n == 1 else many}"


class _Log:
    def __init__(self, quiet):
        self.quiet = quiet
        self.errors = 0
        self.start = time.monotonic()

    def diagnostics(self, diagnostics):
        for severity, message in diagnostics:
            if severity == "error":
                self.errors += 1
            if severity == "error" or not self.quiet:
                print(f"{_PROG} digest: {message}", file=sys.stderr)

    def warn(self, message):
        if not self.quiet:
            print(f"{_PROG} digest: warning: {message}", file=sys.stderr)

    def info(self, message):
        if not self.quiet:
            print(f"{_PROG} digest: {message} ({time.monotonic() - self.start:.1f} s)",
                  file=sys.stderr)


# A worker's task states (its heartbeat's task_counts) that wait for the worker to act.
_ASSIGNED = ("ready", "constrained", "waiting", "fetch", "flight", "missing")
_RUNNING = ("executing", "long-running")


class _Watchdog:
    """``as_completed`` that does not wait forever on a stuck worker.

    Dask replaces a worker that dies, but not one that stops answering (it is dropped only
    after ``worker-ttl``, 5 minutes), and a run was seen to stall for ever after a worker
    died (the cause is not pinned down: docs/DESIGN.md). So, while futures are outstanding,
    the driver reads each worker's heartbeat from the scheduler about once a second. A worker is
    *stuck* when for `stall` seconds either its heartbeat has not changed, or it has tasks
    assigned (waiting, fetching, missing data) and runs none. When none of the futures
    has finished for `stall` seconds, the stuck workers are restarted by their nannies
    (those that stopped answering first, as the others may be waiting for their data);
    Dask recomputes what they held, from pure tasks, so nothing is lost or done twice. If
    no worker is running anything at all, every worker is restarted. After `attempts`
    restarts without progress the run stops with an error instead of hanging.
    A task that runs longer than `stall` is not a stall: its worker is busy."""

    def __init__(self, client, stall, log, attempts=3):
        self.client, self.stall, self.log, self.attempts = client, stall, log, attempts
        self.restarts = 0
        self.seen = {}  # worker -> (its last heartbeat time, when that last changed)

    def as_completed(self, futures, stage):
        from distributed import as_completed
        pending = as_completed(futures)
        last_done = time.monotonic()
        uneasy = {}  # worker -> since when it looked stuck
        next_look = last_done
        while not pending.is_empty():
            if pending.has_ready():
                yield from pending.next_batch(block=False)
                last_done, uneasy, self.restarts = time.monotonic(), {}, 0
                continue
            time.sleep(0.05)
            now = time.monotonic()
            if now < next_look:
                continue
            next_look = now + 1.0
            stuck = self._look(now, uneasy)
            if now - last_done >= self.stall and stuck is not None:
                self._restart(stuck, now - last_done, stage, pending.count())
                last_done, uneasy = time.monotonic(), {}

    def _look(self, now, uneasy):
        """The workers stuck for `stall` seconds, those that stopped answering first; every
        worker when none runs anything or waits for anything; None while the cluster works
        or a worker has not yet been stuck for `stall` seconds."""
        workers = self.client.scheduler_info()["workers"]
        seen = self.seen
        # Workers that left (Dask replaces a dead one under a new address) are forgotten:
        # a stale entry must not hold back the restart of the ones there are.
        for gone in [a for a in uneasy if a not in workers]:
            del uneasy[gone]
        for gone in [a for a in seen if a not in workers]:
            del seen[gone]
        running, silent = False, set()
        for address, w in workers.items():
            counts = w.get("metrics", {}).get("task_counts", {})
            beat, changed = seen.get(address, (None, now))
            if w.get("last_seen") != beat:
                beat, changed = w.get("last_seen"), now
            seen[address] = (beat, changed)
            busy = any(counts.get(k, 0) for k in _RUNNING)
            assigned = any(counts.get(k, 0) for k in _ASSIGNED)
            # Heartbeats come every 0.5-5 s (more workers, slower); silent for longer means
            # the worker stopped answering, since its last heartbeat.
            if now - changed >= min(self.stall, 10.0):
                silent.add(address)
                uneasy[address] = changed
            elif assigned and not busy:
                uneasy.setdefault(address, now)
            else:
                uneasy.pop(address, None)
                running = running or busy
        stuck = [a for a, since in uneasy.items() if now - since >= self.stall]
        if stuck:  # a worker that stopped answering first: the others may wait for its data
            return ({a: "stopped answering" for a in stuck if a in silent}
                    or {a: "waited with tasks assigned and ran none" for a in stuck})
        if running or uneasy:
            return None
        return {a: "ran nothing while tasks were outstanding" for a in workers}

    def _restart(self, workers, quiet_for, stage, pending):
        self.restarts += 1
        if self.restarts > self.attempts or not workers:
            raise Error(f"{stage}: no progress on the Dask cluster for {quiet_for:.0f} s "
                        f"({pending} tasks outstanding) after restarting workers "
                        f"{self.restarts - 1} times; giving up")
        said = "; ".join(f"{a} {why}" for a, why in sorted(workers.items()))
        self.log.warn(f"{stage}: no task finished for {quiet_for:.0f} s: {said}; restarting "
                      f"{'it' if len(workers) == 1 else 'them'} (Dask recomputes what was "
                      "lost)")
        try:
            self.client.restart_workers(list(workers), timeout=max(self.stall, 30))
        except Exception as e:  # a worker gone meanwhile is not an error here
            self.log.warn(f"{stage}: restarting workers: {e}")


def _groups(partitions):
    """Runs of partitions [k, j) that share files: one group of the stream each."""
    groups, k = [], 0
    while k < len(partitions):
        j = k + 1
        while j < len(partitions) and partitions[j][0] == partitions[k][0] and partitions[j][1] > 0:
            j += 1
        groups.append((k, j))
        k = j
    return groups


def _cluster(client, partitions, story_settings, limit_settings, run, watch, log):
    """Stages 1 and 2: every partition's signatures, added to `run` in stream order as soon
    as the partitions before it are in (so the driver holds only those that arrived early);
    returns for each article number its (partition, position), and the futures holding
    each partition's documents."""
    signature_futures, document_futures = [], []
    for files, share, shares in partitions:
        f = client.submit(featurize_partition, files, share, shares, story_settings,
                          limit_settings)
        signature_futures.append(client.submit(signatures_of, f))
        document_futures.append(client.submit(documents_of, f))
        del f
    index_of = {f.key: p for p, f in enumerate(signature_futures)}
    arrived = {}
    where = []  # article number -> (partition, position)
    groups = _groups(partitions)
    next_group = 0
    for future in watch.as_completed(signature_futures, "stage 1"):
        arrived[index_of[future.key]] = future.result()
        future.release()
        # Add every group whose partitions are all in, in order. The shares of one file
        # interleave by document number.
        while next_group < len(groups) and all(
                p in arrived for p in range(*groups[next_group])):
            merged = []
            for p in range(*groups[next_group]):
                numbers, signatures, diagnostics = arrived.pop(p)
                log.diagnostics(diagnostics)
                merged.extend((n, p, pos, sig)
                              for pos, (n, sig) in enumerate(zip(numbers, signatures)))
            merged.sort(key=lambda x: x[0])
            run.add_signatures([sig for _, _, _, sig in merged], f"partition group {next_group}")
            where.extend((p, pos) for _, p, pos, _ in merged)
            next_group += 1
    return where, document_futures


def _brief(client, run, ranked, where, document_futures, digest_settings, chunks,
           debug, watch, log):
    """Stage 3: each story's briefing set on `run`."""
    chunk_of = [list(range(c, len(ranked), chunks)) for c in range(min(chunks, len(ranked)))]
    futures = {}
    for c, members in enumerate(chunk_of):
        needed = {}  # partition -> {position in it: position in its take}, in first use
        for i in members:
            for a in ranked[i][1]:
                p, pos = where[a]
                taken = needed.setdefault(p, {})
                if pos not in taken:
                    taken[pos] = len(taken)
        parts = list(needed)
        takes = [client.submit(take_documents, document_futures[p], list(needed[p]))
                 for p in parts]
        index_of = {p: b for b, p in enumerate(parts)}
        refs = [[(index_of[where[a][0]], needed[where[a][0]][where[a][1]])
                 for a in ranked[i][1]] for i in members]
        ids = [ranked[i][0] for i in members]
        futures[client.submit(brief_chunk, ids, refs, digest_settings, debug, *takes)] = members
    done = 0
    for future in watch.as_completed(list(futures), "stage 3"):
        members = futures[future]
        for i, briefed in zip(members, future.result()):
            run.set_briefing(i, briefed)
        done += len(members)
        future.release()
    log.info(f"stage 3: {done} stories briefed on the workers")


def _client(args):
    import logging

    import dask
    from distributed import Client, LocalCluster
    # Dask's own log (workers lost and replaced, retries) only with --verbose:
    # Dask recovers from them, and its tracebacks would bury our messages.
    level = "warning" if args.verbose else "critical"
    os.environ["DASK_LOGGING__DISTRIBUTED"] = level  # worker processes read it at start
    dask.config.set({"logging.distributed": level})
    logging.getLogger("distributed").setLevel(level.upper())
    if args.scheduler:
        return Client(args.scheduler), None
    # On one machine a worker that does not answer within seconds is gone.
    dask.config.set({"distributed.comm.timeouts.connect": "5s"})
    cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    return Client(cluster), cluster


def _debug(args):
    if args.debug_kill_worker_once:
        return ("kill", args.debug_kill_worker_once)
    if args.debug_freeze_worker_once:
        return ("freeze", args.debug_freeze_worker_once)
    return None


def _settings(args):
    story = {field: kind(getattr(args, flag.replace("-", "_")))
             for flag, (field, kind) in _STORY_FLAGS.items()
             if getattr(args, flag.replace("-", "_")) is not None}
    if args.weights:
        with open(args.weights, encoding="utf-8") as f:
            story["weights"] = f.read()
        story["weights_origin"] = args.weights
    if args.data_dir:
        story["data_dir"] = args.data_dir
    to_folder = _dossier.digest_output_kind(args.output or "") == "folder"
    digest = {"words": args.words, "min_articles": args.min_articles,
              "max_story_docs": args.max_story_docs, "data_dir": args.data_dir or "",
              "pages": to_folder}
    limits = {"max_input_bytes": args.max_input_bytes,
              "max_document_bytes": args.max_document_bytes}
    return story, digest, limits


def digest(args):
    log = _Log(args.quiet)
    story_settings, digest_settings, limit_settings = _settings(args)
    _dossier.check_story_options(_story_options(story_settings))  # bad options: before any work
    if args.output:
        _dossier.check_digest_output(args.output)
    if "-" in args.inputs:
        raise Error("standard input cannot be spread over workers; give files")
    files, diagnostics = _dossier.expand_inputs(args.inputs, _limits(limit_settings))
    log.diagnostics(diagnostics)
    client, cluster = _client(args)
    try:
        workers = max(len(client.scheduler_info()["workers"]), 1)
        partitions = _partitions(files, args.partitions or 2 * workers)
        log.info(f"{len(files)} input files in {len(partitions)} partitions on "
                 f"{workers} workers")
        run = _dossier.DigestRun(_story_options(story_settings),
                                 _digest_options(digest_settings))
        watch = _Watchdog(client, args.stall_timeout, log)
        where, document_futures = _cluster(client, partitions, story_settings, limit_settings,
                                           run, watch, log)
        if run.articles() == 0:
            print(f"{_PROG} digest: no article read", file=sys.stderr)
            return _EXIT_NO_INPUT
        ranked = run.rank()
        log.info(f"stages 1-2: {run.articles()} articles read and analysed on the workers, "
                 f"clustered into {len(ranked)} stories on the driver as they came")
        _brief(client, run, ranked, where, document_futures, digest_settings,
               args.chunks or 4 * workers, _debug(args), watch, log)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if args.output:
        run.write(args.output)
    else:
        sys.stdout.write(run.render()[0])
    log.info(f"{_count(run.articles(), 'article', 'articles')}, "
             f"{_count(len(ranked), 'story', 'stories')} briefed"
             + (f"; open {os.path.join(args.output, 'index.html')}"
                if digest_settings["pages"] else ""))
    return _EXIT_PARTIAL if log.errors else _EXIT_OK


def _parser():
    p = argparse.ArgumentParser(prog=_PROG, description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("digest", help="cluster and brief a stream as `dossier digest` does",
                       description="Cluster a stream of articles into stories and brief each, "
                                   "spread over a Dask cluster; the output is the one "
                                   "`dossier digest` writes for the same inputs and options.")
    d.add_argument("inputs", nargs="+", help="input files or folders (read by the workers)")
    d.add_argument("-o", "--output", help="a folder (replaced as a whole), or a .md or .jsonl "
                                          "file; without it the Markdown digest goes to stdout")
    where = d.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--local", type=int, default=2,
                       help="start a local cluster of this many worker processes (default 2)")
    d.add_argument("-w", "--words", type=int, default=120, help="summary budget of each story")
    d.add_argument("--min-articles", type=int, default=1)
    d.add_argument("--max-story-docs", type=int, default=40)
    d.add_argument("--data-dir", help="word lists replacing the built-in ones")
    d.add_argument("--weights", help="the clustering model's weights file")
    for flag, (_, kind) in _STORY_FLAGS.items():
        d.add_argument("--" + flag, type=kind, help="as for `dossier digest`")
    d.add_argument("--max-input-bytes", type=int, default=512 << 20)
    d.add_argument("--max-document-bytes", type=int, default=8 << 20)
    d.add_argument("--partitions", type=int, help="read/analyse partitions (default 2 per worker)")
    d.add_argument("--chunks", type=int, help="briefing chunks (default 4 per worker)")
    d.add_argument("-q", "--quiet", action="store_true", help="errors only")
    d.add_argument("-v", "--verbose", action="store_true",
                   help="also Dask's log: workers lost and replaced, tasks retried")
    d.add_argument("--stall-timeout", type=float, default=120.0,
                   help="seconds without a finished task, while a worker runs nothing or "
                        "stops answering, before that worker is restarted (default 120)")
    d.add_argument("--debug-kill-worker-once", help=argparse.SUPPRESS)
    d.add_argument("--debug-freeze-worker-once", help=argparse.SUPPRESS)
    return p


_DEBIAN_PYTHON = "/usr/bin/python3"


def _need_distributed():
    """Dask's distributed scheduler comes from Debian's python3-distributed, installed for
    Debian's Python. Run from another python3 (a pyenv or venv one first on PATH) that lacks
    it, the command runs itself again under Debian's, which has it."""
    try:
        import distributed  # noqa: F401
        return
    except ImportError as e:
        missing = e
    if (os.path.realpath(sys.executable) != os.path.realpath(_DEBIAN_PYTHON)
            and os.path.exists(_DEBIAN_PYTHON) and not os.environ.get("DOSSIER_DASK_REEXEC")):
        os.environ["DOSSIER_DASK_REEXEC"] = "1"
        os.execv(_DEBIAN_PYTHON, [_DEBIAN_PYTHON, "-m", "dossier.dask", *sys.argv[1:]])
    print(f"{_PROG}: Dask's distributed scheduler cannot be imported ({missing}); install "
          "Debian's python3-distributed (scripts/install-deps.sh does)", file=sys.stderr)
    sys.exit(_EXIT_USAGE)


def main(argv=None):
    args = _parser().parse_args(argv)
    _need_distributed()
    if args.local is not None and args.local < 1:
        print(f"{_PROG}: --local needs at least 1 worker", file=sys.stderr)
        return _EXIT_USAGE
    if not args.stall_timeout > 0:
        print(f"{_PROG}: --stall-timeout must be a positive number of seconds", file=sys.stderr)
        return _EXIT_USAGE
    try:
        return digest(args)
    except Error as e:
        print(f"{_PROG} digest: {e}", file=sys.stderr)
        from .errors import InputError, OptionError
        if isinstance(e, OptionError):
            return _EXIT_USAGE
        return _EXIT_NO_INPUT if isinstance(e, InputError) else _EXIT_OUTPUT


if __name__ == "__main__":
    sys.exit(main())
