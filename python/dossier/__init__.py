"""dossier: sourced briefings from news reports and transcripts, story
clustering of article streams, and an exact ROUGE-1.5.5, from Python.

    import dossier
    b = dossier.brief(["reports/"])              # the dict `dossier brief --format json` prints
    print(b["summary"]["sentences"][0]["text"])
    stories = dossier.cluster(["feed.jsonl"])    # the lines `dossier cluster` prints, as dicts
    page = dossier.extract(html_bytes, url="https://example.org/a")
    scores = dossier.rouge(summary, [reference], protocol="multinews")

Inputs (``brief``, ``cluster``, ``StoryClusterer.add``) are one input or a
list of them, each:

* a ``pathlib.Path`` or a ``str`` naming a file or folder (any format the CLI
  reads: text, HTML, JSONL, Multi-News, gzipped or not; folders recursively),
* ``bytes``, or a ``str`` that is not an existing path and holds whitespace:
  the content of one input (a text, a page, JSONL lines), format detected,
* a ``dict`` with ``text`` and optionally ``id``, ``title``, ``date``,
  ``source``, ``url`` (other keys are ignored, so a document dict of a
  briefing's JSON can be given back).

A ``str`` without whitespace that names no file raises NotFoundError rather
than being read as a text. Inputs that cannot be used while others can give
an ``InputWarning`` each; when none can be used the call raises an
``InputError``. Every call releases the GIL while it works and is safe from
several threads.
"""

import json
import os
import warnings

from . import _dossier
from .errors import (Error, InputError, InputWarning, InternalError, LimitError,
                     NotFoundError, OptionError)

__version__ = _dossier.__version__

__all__ = [
    "brief", "brief_all", "cluster", "digest", "extract", "rouge", "StoryClusterer",
    "Error", "OptionError", "InputError", "NotFoundError", "LimitError",
    "InternalError", "InputWarning", "__version__",
]

_DOC_KEYS = ("id", "title", "date", "source", "url", "text")
_FORMATS = {"dict": "json", "json": "json", "markdown": "markdown", "md": "markdown",
            "html": "html"}


def _inputs(inputs):
    """The (kind, name, bytes) triples of the C++ module."""
    if isinstance(inputs, (str, bytes, bytearray, memoryview, dict, os.PathLike)):
        inputs = [inputs]
    out = []
    dicts = []

    def flush_dicts():
        if dicts:
            out.append(("memory", "<dicts>.jsonl", "".join(dicts).encode("utf-8")))
            dicts.clear()

    for k, x in enumerate(inputs, 1):
        if isinstance(x, dict):
            if not isinstance(x.get("text"), str):
                raise InputError(f"input {k}: a dict needs a \"text\" string")
            doc = {key: x[key] for key in _DOC_KEYS if x.get(key) is not None}
            for key, value in doc.items():
                if not isinstance(value, str):
                    raise InputError(f"input {k}: \"{key}\" must be a string, not "
                                     f"{type(value).__name__}")
            dicts.append(json.dumps(doc, ensure_ascii=False) + "\n")
            continue
        flush_dicts()
        if isinstance(x, os.PathLike):
            out.append(("path", os.fspath(x), b""))
        elif isinstance(x, str):
            if x == "-" or os.path.exists(x):
                out.append(("path", x, b""))
            elif any(c.isspace() for c in x):
                out.append(("memory", f"<text {k}>", x.encode("utf-8")))
            else:
                raise NotFoundError(f"{x}: no such file or folder (give a text as bytes, "
                                    "or as a dict with \"text\")")
        elif isinstance(x, (bytes, bytearray, memoryview)):
            out.append(("memory", f"<text {k}>", bytes(x)))
        else:
            raise OptionError(f"input {k}: a path, str, bytes or dict, not {type(x).__name__}")
    flush_dicts()
    if not out:
        raise InputError("no input given")
    return out


def _limits(max_input_bytes=None, max_document_bytes=None, max_docs=None):
    limits = _dossier.ReadLimits()
    if max_input_bytes is not None:
        limits.max_input_bytes = int(max_input_bytes)
    if max_document_bytes is not None:
        limits.max_document_bytes = int(max_document_bytes)
    if max_docs is not None:
        limits.max_docs = int(max_docs)
    return limits


def _warn(diagnostics):
    for severity, message in diagnostics:
        warnings.warn(f"dossier: {message}", InputWarning, stacklevel=3)


def _brief(inputs, words, method, format, settings, data_dir, analysis, limits, language=None):
    fmt = _FORMATS.get(format)
    if fmt is None:
        raise OptionError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
    args = _dossier.BriefArgs()
    args.words = int(words)
    args.method = method
    args.format = fmt
    args.settings = {str(k): float(v) for k, v in (settings or {}).items()}
    args.data_dir = os.fspath(data_dir) if data_dir else ""
    args.language = language or ""
    args.analysis = bool(analysis)
    args.limits = limits
    rendered, diagnostics = _dossier.brief(_inputs(inputs), args)
    _warn(diagnostics)
    if format == "dict":
        return [json.loads(r) for r in rendered]
    return rendered


def brief(inputs, words=250, method="dossier", format="dict", *, settings=None,
          data_dir=None, analysis=False, max_input_bytes=None, max_document_bytes=None,
          max_docs=None, language=None):
    """Brief one story: the inputs together form one cluster, as ``dossier brief``.

    format: ``"dict"`` (the object ``dossier brief --format json`` prints, parsed),
    ``"json"`` (that text), ``"markdown"`` or ``"html"`` (a self-contained page).
    method: dossier, lead, roundrobin, centroid, lexrank, textrank or mmr.
    settings: research knobs of our method, {name: value} as ``--set``.
    analysis: Markdown also lists every document's sentences, turns and clutter.
    language: analyse every document in this language (ISO 639-1, "de") instead of detecting
    each one's, as ``--language``.
    A Multi-News file holds one cluster per record: use ``brief_all`` for it.
    """
    out = _brief(inputs, words, method, format, settings, data_dir, analysis,
                 _limits(max_input_bytes, max_document_bytes, max_docs), language)
    if len(out) != 1:
        raise InputError(f"the inputs form {len(out)} clusters (a Multi-News file?); "
                         "use dossier.brief_all for one briefing per cluster")
    return out[0]


def brief_all(inputs, words=250, method="dossier", format="dict", *, settings=None,
              data_dir=None, analysis=False, max_input_bytes=None, max_document_bytes=None,
              max_docs=None, language=None):
    """Brief every cluster the inputs form (each Multi-News record is one), in order:
    the list of what ``brief`` returns for one."""
    return _brief(inputs, words, method, format, settings, data_dir, analysis,
                  _limits(max_input_bytes, max_document_bytes, max_docs), language)


def extract(html, url=None, *, max_input_bytes=None, max_document_bytes=None):
    """The article of one web page (``bytes`` or ``str``), as ``dossier extract --format json``:
    {"input", "title", "byline", "date", "url", "site", "text"} (missing fields are None).
    ``url`` is the page's address, used when the page names none. Raises InputError when the
    page holds no article."""
    if isinstance(html, str):
        html = html.encode("utf-8")
    elif not isinstance(html, (bytes, bytearray, memoryview)):
        raise OptionError(f"html must be bytes or str, not {type(html).__name__}")
    page = _dossier.extract(bytes(html), url or "<page>", url or "",
                            _limits(max_input_bytes, max_document_bytes))
    keys = ("input", "title", "byline", "date", "url", "site", "text")
    return {k: page[k] if page[k] or k in ("input", "text") else None for k in keys}


_STORY_KEYS = ("join_threshold", "min_cosine", "undated_threshold", "undated_size_penalty",
               "window_days", "window_articles", "duplicate_threshold", "query_terms",
               "index_terms", "boilerplate_repeats", "name_weight", "furniture_copies",
               "data_dir", "language", "threads", "batch")


def _story_options(options):
    o = _dossier.StoryOptions()
    for key, value in options.items():
        if key == "weights":
            if value is not None:
                path = os.fspath(value)
                with open(path, encoding="utf-8") as f:
                    o.weights = f.read()
                o.weights_origin = path
        elif key in _STORY_KEYS:
            setattr(o, key, os.fspath(value) if key == "data_dir" else value)
        else:
            raise OptionError(f"unknown clustering option {key!r} (known: "
                              f"{', '.join(_STORY_KEYS + ('weights',))})")
    _dossier.check_story_options(o)
    return o


def _split_limits(options):
    keys = ("max_input_bytes", "max_document_bytes")
    return _limits(**{k: options.pop(k) for k in keys if k in options})


def cluster(articles, **options):
    """Sort a stream of articles into stories, as ``dossier cluster``: the list of its output
    lines as dicts ({"id", "size", "articles", "duplicates", "sources", "first_date",
    "last_date", "title", "keywords"}), in order of each story's first article.

    Options: the CLI's clustering flags with underscores (join_threshold, min_cosine,
    window_days, window_articles, duplicate_threshold, ..., weights=PATH), data_dir,
    threads, max_input_bytes, max_document_bytes. The stories never depend on threads.
    """
    limits = _split_limits(options)
    lines, diagnostics = _dossier.cluster(_inputs(articles), _story_options(options), limits)
    _warn(diagnostics)
    return [json.loads(line) for line in lines]


def digest(inputs, output=None, *, words=120, min_articles=1, max_story_docs=40,
           restart=False, **options):
    """Cluster a stream into stories, brief each and write the digest, as ``dossier digest``.

    output: a folder (index.html, digest.md, stories.jsonl, stories/<id>.html; replaced
    whole), a ``.md`` or ``.jsonl`` file, or None (the Markdown comes back under
    "markdown"). Resumable: an interrupted call keeps its work in OUTPUT.partial/ and the
    same call resumes (``restart=True`` discards it). Clustering options as for ``cluster``.
    Returns {"articles", "stories", "furniture", "resumed", "checkpoint", "markdown"}.
    """
    limits = _split_limits(options)
    clustering = _story_options(options)
    settings = _dossier.DigestOptions()
    settings.words = int(words)
    settings.min_articles = int(min_articles)
    settings.max_story_docs = int(max_story_docs)
    report, diagnostics = _dossier.digest(_inputs(inputs), os.fspath(output) if output else "",
                                          clustering, settings, limits, bool(restart))
    _warn(diagnostics)
    return report


class StoryClusterer:
    """Incremental clustering: ``add`` places articles one at a time, as they arrive.

        c = dossier.StoryClusterer(window_days=7)
        n = c.add({"id": "a1", "date": "2025-03-01", "source": "Wire", "text": "..."})
        c.stories()   # what `dossier cluster` would print for the articles so far

    Options as for ``cluster``. The stories equal those of ``cluster`` over the same
    articles in the same order. Calls are serialized (safe from several threads).
    """

    def __init__(self, **options):
        limits = _split_limits(options)
        self._native = _dossier.StoryClusterer(_story_options(options), limits)

    def add(self, article):
        """Adds one article (a dict, a text, bytes or a path of one document) and returns the
        number of the story it joined: articles given the same number are in one story (a
        page-furniture copy is later listed alone). An input that holds several articles
        (a JSONL file) adds them all and returns the last one's number."""
        numbers, diagnostics = self._native.add(_inputs(article))
        _warn(diagnostics)
        if not numbers:
            raise InputError("the input holds no article")
        return numbers[-1]

    def add_all(self, articles):
        """Adds every article of the inputs in order, analysed in parallel batches (the
        ``threads`` option); returns their story numbers, the same as ``add`` one by one."""
        numbers, diagnostics = self._native.add(_inputs(articles))
        _warn(diagnostics)
        return numbers

    def stories(self):
        """The stories so far, as ``cluster`` lists them."""
        return [json.loads(line) for line in self._native.stories()]

    def save(self, path):
        """Saves the state (``dossier cluster --state`` format) to ``path``, atomically."""
        self._native.save(os.fspath(path))

    def load(self, path):
        """Restores a saved state into this new clusterer (same options); errors name the
        file and the byte where it is damaged."""
        self._native.load(os.fspath(path))

    def __len__(self):
        return self._native.articles()


def rouge(system, references, protocol="multinews", *, jobs=1, tokenize="rouge155",
          language=None):
    """ROUGE-1.5.5, exactly (or, with tokenize="unicode", on the words of any language).

    One summary: ``system`` a str (its lines are the units) and ``references`` a str or a
    list of str; returns {"rouge-1": {"r", "p", "f"}, ...}, the per-id scores ROUGE prints.

    Many summaries: ``system`` a list of str and ``references`` a list with a list of
    references (or one str) for each; returns what ``dossier rouge --json --per-id``
    prints: ROUGE's bootstrap averages with confidence intervals, {"rouge-1": {"r", "p", "f",
    "r_ci", "p_ci", "f_ci"}, ..., "per_id": {"1": {...}, ...}} (ids count from 1).

    protocol: "multinews" (-n 2 -2 4 -u -m -l 300; ROUGE-1, 2, L, SU4) or "duc2004"
    (-n 4 -m -l 100 -x; ROUGE-1 to 4). jobs: scoring threads (results do not depend on it).

    tokenize: "rouge155" (ROUGE-1.5.5's ASCII tokens) or "unicode", a documented extension
    (``dossier rouge --tokenize unicode``): case-folded NFC words of any script, one token per
    character of Chinese, Japanese and Thai. With "unicode" the protocol's stemming uses the
    Snowball stemmer of ``language`` ("en", "de", "ru", ...), and there is none when
    ``language`` is None; ``language`` is refused with "rouge155".
    """
    if isinstance(system, str):
        if isinstance(references, str):
            references = [references]
        scores = _dossier.rouge_one(system, list(references), protocol, tokenize, language or "")
        return {name: {"r": t[0], "p": t[1], "f": t[2]} for name, t in scores.items()}
    systems = list(system)
    refs = [[r] if isinstance(r, str) else list(r) for r in references]
    return json.loads(_dossier.rouge_many(systems, refs, protocol, tokenize, language or "",
                                          int(jobs)))
