"""The Python module against the CLI it wraps: same outputs for the same inputs.

Run by CTest (python_pytest) with PYTHONPATH=build/python and DOSSIER_CLI set
to the built `dossier` binary; DOSSIER_SOURCE_DIR is the checkout."""
import gzip
import json
import os
import subprocess
import threading
import warnings

import pytest

import dossier

CLI = os.environ["DOSSIER_CLI"]
SOURCE = os.environ["DOSSIER_SOURCE_DIR"]
HARBOR = os.path.join(SOURCE, "examples", "harbor-bridge")
FEED = os.path.join(SOURCE, "examples", "newsdesk", "feed.jsonl")


def run_cli(*args):
    done = subprocess.run([CLI, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def feed_records():
    with open(FEED, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_version_is_the_cli_version():
    assert dossier.__version__
    assert dossier.__version__ in run_cli("--version")


def test_brief_equals_cli_json():
    got = dossier.brief([HARBOR])
    want = json.loads(run_cli("brief", "--format", "json", HARBOR))
    assert got == want
    assert got["summary"]["sentences"][0]["text"]


def test_languages_detected_forced_and_said():
    typhoon = os.path.join(SOURCE, "tests", "golden", "languages", "typhoon")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = dossier.brief([typhoon])
        forced = dossier.brief([typhoon], language="en")
    assert got == json.loads(run_cli("brief", "--format", "json", typhoon))
    assert [d["language"] for d in got["documents"]] == ["en", "ko", "ja"]
    assert {d["language_origin"] for d in got["documents"]} == {"detected"}
    assert got["language"] == "en"
    kinds = [n["kind"] for n in got["diagnostics"]]
    assert kinds.count("not_available") == 2
    assert [d["language"] for d in forced["documents"]] == ["en", "en", "en"]
    assert {d["language_origin"] for d in forced["documents"]} == {"given"}
    assert "not_available" not in [n["kind"] for n in forced["diagnostics"]]


def test_brief_formats_equal_cli():
    assert dossier.brief(HARBOR, format="json") + "\n" == run_cli("brief", "--format", "json",
                                                                  HARBOR)
    assert dossier.brief(HARBOR, format="markdown") == run_cli("brief", HARBOR)
    assert dossier.brief(HARBOR, words=60, method="lead", format="md") == run_cli(
        "brief", "-w", "60", "-m", "lead", HARBOR)
    page = dossier.brief(HARBOR, format="html")
    assert page.lstrip().lower().startswith("<!doctype html>")


def test_settings_are_the_cli_set(tmp_path):
    name = "plan.events"
    got = dossier.brief(HARBOR, format="json", settings={name: 0})
    assert got + "\n" == run_cli("brief", "--format", "json", "--set", f"{name}=0", HARBOR)
    with pytest.raises(dossier.OptionError, match="no_such_knob"):
        dossier.brief(HARBOR, settings={"no_such_knob": 1})


def test_texts_and_dicts_read_as_files(tmp_path):
    records = feed_records()[:4]
    path = tmp_path / "four.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    from_file = dossier.brief(path)
    from_dicts = dossier.brief(records)
    assert from_dicts["summary"] == from_file["summary"]
    assert [d["id"] for d in from_dicts["documents"]] == [r["id"] for r in records]
    texts = [r["text"] for r in records]
    from_str = dossier.brief(texts)
    from_bytes = dossier.brief([t.encode() for t in texts])
    assert from_str["summary"] == from_bytes["summary"]
    assert len(from_str["documents"]) == 4


def test_brief_all_one_briefing_per_record(tmp_path):
    records = feed_records()
    multinews = tmp_path / "two.jsonl.gz"
    lines = [{"id": f"r{k}", "document": " ||||| ".join(r["text"] for r in records[k:k + 3]),
              "summary": "x"} for k in (0, 6)]
    with gzip.open(multinews, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(x) + "\n" for x in lines)
    got = dossier.brief_all(multinews)
    assert len(got) == 2
    want = [json.loads(line) for line in run_cli("brief", "--format", "json",
                                                 str(multinews)).splitlines()]
    assert got == want
    with pytest.raises(dossier.InputError, match="brief_all"):
        dossier.brief(multinews)


def test_errors_name_the_input(tmp_path):
    with pytest.raises(dossier.NotFoundError, match="no-such-folder"):
        dossier.brief("no-such-folder")
    assert issubclass(dossier.NotFoundError, FileNotFoundError)
    with pytest.raises(dossier.OptionError, match="method"):
        dossier.brief(HARBOR, method="best")
    with pytest.raises(dossier.OptionError):
        dossier.brief(HARBOR, format="pdf")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(dossier.InputError, match="blob.bin") as info:
        dossier.brief(binary)
    assert isinstance(info.value, dossier.Error)
    with pytest.raises(dossier.InputError, match="text"):
        dossier.brief([{"title": "no text"}])


def test_bad_input_warns_and_the_rest_goes_through(tmp_path):
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = dossier.brief([HARBOR, binary])
    assert got["summary"]["sentences"]
    assert any(issubclass(w.category, dossier.InputWarning) and "blob.bin" in str(w.message)
               for w in caught)


def test_limits():
    with pytest.raises(dossier.LimitError):
        dossier.brief([b"word " * 1000], max_input_bytes=100)


def test_extract_equals_cli(tmp_path):
    html = ("<html><head><title>Harbour bridge reopens - The Post</title>"
            "<meta property='og:site_name' content='The Post'></head><body><nav>Home | News</nav>"
            "<article><h1>Harbour bridge reopens</h1><p>The harbour bridge reopened on Monday "
            "after three weeks of repairs, the city's transport office said.</p><p>Engineers "
            "replaced two expansion joints and resurfaced the deck, and traffic returned to all "
            "four lanes by the evening rush hour, officials said.</p><p>The repairs cost 4.2 "
            "million dollars, paid from the city's maintenance fund.</p></article>"
            "<footer>Copyright</footer></body></html>")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    got = dossier.extract(html, url="https://example.org/bridge")
    want = json.loads(run_cli("extract", "--format", "json", str(page)))
    for key in ("title", "byline", "date", "site", "text"):
        assert got[key] == want[key], key
    assert got["url"] == "https://example.org/bridge"
    assert "expansion joints" in got["text"] and "Copyright" not in got["text"]
    with pytest.raises(dossier.InputError):
        dossier.extract(b"<html><body><p>Hi.</p></body></html>")


def test_cluster_equals_cli():
    want = [json.loads(line) for line in run_cli("cluster", "-q", FEED).splitlines()]
    assert dossier.cluster(FEED) == want
    assert dossier.cluster(feed_records()) != []
    assert dossier.cluster(FEED, threads=1, batch=3) == want
    want3 = [json.loads(line) for line in
             run_cli("cluster", "-q", "--window-articles", "3", "--min-cosine", "0.2",
                     FEED).splitlines()]
    got3 = dossier.cluster(FEED, window_articles=3, min_cosine=0.2)
    assert sorted(s["articles"] for s in got3) == sorted(s["articles"] for s in want3)
    with pytest.raises(dossier.OptionError, match="window_dayz"):
        dossier.cluster(FEED, window_dayz=3)
    with pytest.raises(dossier.OptionError, match="min_cosine"):
        dossier.cluster(FEED, min_cosine=3)


def test_story_clusterer_add_and_resume(tmp_path):
    records = feed_records()
    whole = dossier.cluster(records)
    c = dossier.StoryClusterer()
    numbers = [c.add(r) for r in records]
    assert len(c) == len(records)
    assert c.stories() == whole
    by_id = {r["id"]: n for r, n in zip(records, numbers)}
    for story in whole:
        if not story.get("furniture"):
            assert len({by_id[a] for a in story["articles"]}) == 1, story["id"]
    first = dossier.StoryClusterer()
    first.add_all(records[:7])
    state = tmp_path / "state.bin"
    first.save(state)
    second = dossier.StoryClusterer()
    second.load(state)
    second.add_all(records[7:])
    assert second.stories() == whole
    (tmp_path / "bad.bin").write_bytes(b"garbage")
    with pytest.raises(dossier.InputError, match="bad.bin"):
        dossier.StoryClusterer().load(tmp_path / "bad.bin")


def test_digest_equals_cli(tmp_path):
    want = subprocess.run([CLI, "digest", "-q", FEED, "-o", str(tmp_path / "cli.md")],
                          capture_output=True, text=True, check=True)
    assert want.returncode == 0
    report = dossier.digest(FEED, tmp_path / "py.md")
    assert (tmp_path / "py.md").read_text() == (tmp_path / "cli.md").read_text()
    assert report["articles"] == 18 and report["stories"] >= 3 and report["markdown"] is None
    assert not (tmp_path / "py.md.partial").exists()
    again = dossier.digest(feed_records(), words=60)
    assert again["markdown"].startswith("# Digest: 18 articles")
    dossier.digest(FEED, tmp_path / "folder")
    assert (tmp_path / "folder" / "index.html").exists()
    with pytest.raises(dossier.OptionError):
        dossier.digest(FEED, tmp_path / "x.md", min_cosine=5)


def test_rouge():
    ref = "The bridge reopened on Monday.\nRepairs cost 4.2 million dollars."
    same = dossier.rouge(ref, [ref])
    assert set(same) == {"rouge-1", "rouge-2", "rouge-l", "rouge-su4"}
    assert same["rouge-1"] == {"r": 1.0, "p": 1.0, "f": 1.0}
    none = dossier.rouge("Completely unrelated words here.", ref)
    assert none["rouge-2"]["r"] == 0.0
    duc = dossier.rouge(ref, [ref], protocol="duc2004")
    assert "rouge-4" in duc
    with pytest.raises(dossier.OptionError):
        dossier.rouge(ref, [ref], protocol="nope")


def test_rouge_many_equals_cli(tmp_path):
    systems = ["The bridge reopened on Monday after repairs.",
               "Officials said the fund paid 4.2 million dollars.",
               "A storm closed the port."]
    refs = [["The harbour bridge reopened on Monday.", "Monday saw the bridge reopen."],
            ["The repairs cost 4.2 million dollars from the fund."],
            ["The port was closed by a storm on Friday."]]
    sys_file, ref_file = tmp_path / "sys.jsonl", tmp_path / "refs.jsonl"
    sys_file.write_text("".join(json.dumps({"id": str(k + 1), "summary": s}) + "\n"
                                for k, s in enumerate(systems)))
    ref_file.write_text("".join(json.dumps({"id": str(k + 1), "references": r}) + "\n"
                                for k, r in enumerate(refs)))
    want = json.loads(run_cli("rouge", "--system", str(sys_file), "--references", str(ref_file),
                              "--json", "--per-id"))
    assert dossier.rouge(systems, refs, jobs=2) == want
    assert dossier.rouge(systems[0], refs[0]) == want["per_id"]["1"]


def test_rouge_unicode_tokens(tmp_path):
    # ROUGE-1.5.5's tokenizer sees no Cyrillic: nothing to match.
    assert dossier.rouge("Президента России", "президент россию")["rouge-1"]["r"] == 0.0
    plain = dossier.rouge("Президента России", "президента россии", tokenize="unicode")
    assert plain["rouge-2"] == {"r": 1.0, "p": 1.0, "f": 1.0}
    assert dossier.rouge("Президента России", "президент россию",
                         tokenize="unicode")["rouge-1"]["r"] == 0.0
    stemmed = dossier.rouge("Президента России", "президент россию", tokenize="unicode",
                            language="ru")
    assert stemmed["rouge-1"] == {"r": 1.0, "p": 1.0, "f": 1.0}
    with pytest.raises(dossier.OptionError, match="unknown --language 'xx'"):
        dossier.rouge("a", "a", tokenize="unicode", language="xx")
    with pytest.raises(dossier.OptionError, match="--language applies to --tokenize unicode"):
        dossier.rouge("a", "a", language="de")
    with pytest.raises(dossier.OptionError, match="unknown --tokenize 'icu'"):
        dossier.rouge("a", "a", tokenize="icu")
    # Many summaries: what the CLI prints with the same options.
    systems = ["Der Präsident besuchte die Häuser.", "北京大学"]
    refs = [["Der Präsident besucht das Haus."], ["北京"]]
    sys_file, ref_file = tmp_path / "sys.jsonl", tmp_path / "refs.jsonl"
    sys_file.write_text("".join(json.dumps({"id": str(k + 1), "summary": s}) + "\n"
                                for k, s in enumerate(systems)))
    ref_file.write_text("".join(json.dumps({"id": str(k + 1), "references": r}) + "\n"
                                for k, r in enumerate(refs)))
    want = json.loads(run_cli("rouge", "--tokenize", "unicode", "--language", "de", "-m",
                              "--system", str(sys_file), "--references", str(ref_file),
                              "--json", "--per-id"))
    assert dossier.rouge(systems, refs, tokenize="unicode", language="de") == want
    assert want["per_id"]["2"]["rouge-1"] == {"r": 1.0, "p": 0.5, "f": 0.66667}


def test_threads_give_the_same_results():
    want = dossier.brief(HARBOR, format="json")
    want_stories = dossier.cluster(FEED)
    results, errors = [], []

    def work():
        try:
            results.append((dossier.brief(HARBOR, format="json"), dossier.cluster(FEED)))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == [(want, want_stories)] * 4
