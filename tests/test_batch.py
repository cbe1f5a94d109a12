"""Batch scoring: folders, globs, collections with metadata, order, workers and the cache."""
import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def tree(tmp_path):
    """corpus articles spread over nested folders, with a hidden file and a symlink loop."""
    root = tmp_path / "news"
    (root / "a" / "deep").mkdir(parents=True)
    (root / "b").mkdir()
    shutil.copy(CORPUS / "wire_port_strike.txt", root / "a" / "wire.txt")
    shutil.copy(CORPUS / "court_fraud_sentencing.txt", root / "a" / "deep" / "court.txt")
    shutil.copy(CORPUS / "oped_school_phones.md", root / "b" / "oped.md")
    shutil.copy(CORPUS / "partisan_mayor.txt", root / "b" / "draft_partisan.txt")
    (root / ".hidden.txt").write_text("Never read.")
    (root / "b" / "loop").symlink_to(root)
    return root


def test_folders_are_walked_recursively_in_order_without_following_symlink_loops(tree):
    result = run("score", tree, "--format", "jsonl", "-j", "1")
    assert result.exit_code == 0
    assert [d["source"] for d in jsonl(result)] == [
        str(tree / "a" / "deep" / "court.txt"), str(tree / "a" / "wire.txt"),
        str(tree / "b" / "draft_partisan.txt"), str(tree / "b" / "oped.md")]


def test_include_and_exclude_globs(tree):
    only_text = run("score", tree, "--format", "jsonl", "--include", "*.txt", "--exclude", "draft_*")
    assert [d["source"].rsplit("/", 1)[1] for d in jsonl(only_text)] == ["court.txt", "wire.txt"]
    by_folder = run("score", tree, "--format", "jsonl", "--include", "b/*")
    assert [d["source"].rsplit("/", 1)[1] for d in jsonl(by_folder)] == ["draft_partisan.txt", "oped.md"]


def articles(n=6):
    texts = sorted(CORPUS.glob("*.txt"))[:n]
    return [{"uid": f"art-{i}", "body": p.read_text(encoding="utf-8"), "outlet": ["Daily", "Weekly"][i % 2],
             "date": f"2026-01-0{i + 1}"} for i, p in enumerate(texts)]


def test_jsonl_collection_with_custom_fields_carries_metadata(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles()))
    result = run("score", path, "--format", "jsonl", "--text-field", "body", "--id-field", "uid")
    rows = jsonl(result)
    assert [r["id"] for r in rows] == [f"art-{i}" for i in range(6)]
    assert rows[1]["metadata"] == {"outlet": "Weekly", "date": "2026-01-02"}
    assert rows[1]["source"] == f"{path}:2" and rows[1]["path"] == str(path)


def test_csv_collection_in_and_csv_report_out(tmp_path):
    path = tmp_path / "articles.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["uid", "outlet", "date", "body"])
        writer.writeheader()
        writer.writerows(articles(3))
    result = run("score", path, "--format", "csv", "--text-field", "body", "--id-field", "uid")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["art-0", "art-1", "art-2"]
    assert list(rows[0])[-2:] == ["outlet", "date"]  # metadata fields are columns of their own
    assert (rows[0]["outlet"], rows[0]["date"]) == ("Daily", "2026-01-01")
    assert 0.0 <= float(rows[0]["loaded_share"]) <= 1.0


def test_csv_cells_never_start_a_formula(tmp_path):
    path = tmp_path / "evil.jsonl"
    path.write_text(json.dumps({"id": "=HYPERLINK(\"http://x\")", "title": "+1 headline",
                                "text": "The council met on Tuesday."}) + "\n")
    rows = list(csv.reader(io.StringIO(run("score", path, "--format", "csv").stdout)))
    assert rows[1][2] == "'=HYPERLINK(\"http://x\")"
    assert rows[1][3] == "'+1 headline"


def test_workers_give_the_same_results_in_the_same_order(tree):
    one = run("score", tree, "--format", "jsonl", "-j", "1", "--no-cache")
    two = run("score", tree, "--format", "jsonl", "-j", "2", "--no-cache")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_bad_inputs_are_collected_and_the_good_results_complete(tree):
    (tree / "a" / "broken.json").write_text("{not json")
    (tree / "a" / "empty.txt").write_text("")
    result = run("score", tree, "--format", "jsonl", "-j", "2")
    assert result.exit_code == 2
    assert len(jsonl(result)) == 4
    assert result.stderr.splitlines() == [
        f"framing: error: {tree / 'a' / 'broken.json'}: invalid JSON at line 1: Expecting property name enclosed in double quotes",
        f"framing: error: {tree / 'a' / 'empty.txt'}: no text",
        "framing: error: 2 of 6 inputs failed",
    ]


def test_cache_hits_unchanged_articles_and_misses_changed_ones(tmp_path, private_cache):
    from framing.batch.cache import ResultCache
    from framing.classifiers.models_dir import model_versions

    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy(CORPUS / "wire_port_strike.txt", folder / "wire.txt")
    shutil.copy(CORPUS / "council_budget.txt", folder / "council.txt")
    first = run("score", folder, "--format", "jsonl")
    cache = ResultCache(private_cache, model_versions())
    assert [cache.get((folder / n).read_text(encoding="utf-8")) is not None
            for n in ("council.txt", "wire.txt")] == [True, True]
    second = run("score", folder, "--format", "jsonl")
    assert second.stdout == first.stdout

    (folder / "wire.txt").write_text("Storm nears coast\n\nThe storm could strengthen overnight.\n")
    third = jsonl(run("score", folder, "--format", "jsonl"))
    assert third[1]["sentences"][1]["text"] == "The storm could strengthen overnight."
    assert third[0] == jsonl(first)[0]


def test_cache_is_keyed_by_model_versions(private_cache):
    from framing.batch.cache import ResultCache

    text = (CORPUS / "wire_port_strike.txt").read_text(encoding="utf-8")
    old = ResultCache(private_cache, {"loaded": "loaded-aaa"})
    old.put({"schema": "framing/1", "text": text, "sentences": []})
    old.close()
    assert ResultCache(private_cache, {"loaded": "loaded-aaa"}).get(text) is not None
    assert ResultCache(private_cache, {"loaded": "loaded-bbb"}).get(text) is None


def test_a_cached_result_takes_the_name_and_metadata_of_the_new_input(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    text = (CORPUS / "wire_port_strike.txt").read_text(encoding="utf-8")
    a.write_text(json.dumps({"id": "first", "outlet": "X", "text": text}) + "\n")
    b.write_text(json.dumps({"id": "second", "outlet": "Y", "text": text}) + "\n")
    run("score", a, "--format", "jsonl")
    cached = run("score", b, "--format", "jsonl")
    [row] = jsonl(cached)
    assert (row["source"], row["id"], row["metadata"]) == (f"{b}:1", "second", {"outlet": "Y"})
    assert cached.stdout == run("score", b, "--format", "jsonl", "--no-cache").stdout


def test_a_damaged_cache_is_rebuilt_with_one_warning_and_the_run_goes_on(tmp_path, private_cache):
    from framing.batch.cache import ResultCache
    from framing.classifiers.models_dir import model_versions

    article = CORPUS / "wire_port_strike.txt"
    expected = run("score", article, "--format", "jsonl", "--no-cache").stdout
    private_cache.mkdir()
    database = private_cache / "results.sqlite3"
    database.write_bytes(b"this is not an SQLite database\n" * 200)
    damaged = run("score", article, "--format", "jsonl")
    assert damaged.exit_code == 0
    assert damaged.stdout == expected
    assert damaged.stderr == (f"framing: warning: {database}: the cache was damaged (file is not a database); "
                              "starting an empty one\n")
    again = run("score", article, "--format", "jsonl")
    assert (again.exit_code, again.stdout, again.stderr) == (0, expected, "")
    assert ResultCache(private_cache, model_versions()).get(article.read_text(encoding="utf-8")) is not None


def test_a_cache_that_is_locked_is_not_thrown_away(private_cache, monkeypatch):
    import sqlite3

    from framing.batch.cache import ResultCache

    cache = ResultCache(private_cache, {}, warn=pytest.fail)
    cache.put({"schema": "framing/1", "text": "kept", "sentences": []})
    cache.commit()

    class Locked:
        def execute(self, *args):
            raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cache, "db", Locked())
    with pytest.raises(sqlite3.OperationalError):
        cache.get("kept")
    assert ResultCache(private_cache, {}, warn=pytest.fail).get("kept") is not None


def test_a_cache_damaged_during_a_run_is_rebuilt_once(private_cache, monkeypatch):
    import sqlite3

    from framing.batch.cache import ResultCache

    notes = []
    cache = ResultCache(private_cache, {}, warn=notes.append)
    real = cache.db

    class Malformed:
        def execute(self, *args):
            raise sqlite3.DatabaseError("database disk image is malformed")

        def close(self):
            real.close()

    monkeypatch.setattr(cache, "db", Malformed())
    assert cache.get("some text") is None
    cache.put({"schema": "framing/1", "text": "some text", "sentences": []})
    assert cache.get("some text") is not None
    assert notes == [f"{cache.path}: the cache was damaged (database disk image is malformed); starting an empty one"]


def test_output_written_into_the_folder_being_scored_is_not_scored_again(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(CORPUS / "wire_port_strike.txt", folder / "wire.txt")
    shutil.copy(CORPUS / "sports_derby.json", folder / "derby.json")
    out = folder / "out.jsonl"
    for _ in range(3):
        assert run("score", folder, "--format", "jsonl", "-o", out).exit_code == 0
        assert [r["source"] for r in map(json.loads, out.read_text().splitlines())] == [
            str(folder / "derby.json"), str(folder / "wire.txt")]
    # Whatever else framing wrote there, under any name, is not an article either.
    for fmt, name in [("json", "scores.json"), ("csv", "scores.csv"), ("text", "scores.txt")]:
        assert run("score", folder, "--format", fmt, "--no-color", "-o", tmp_path / name).exit_code == 0
        shutil.move(tmp_path / name, folder / name)
    assert run("report", out, "--html", folder / "report.html").exit_code == 0
    again = run("score", folder, "--format", "jsonl")
    assert [r["source"] for r in jsonl(again)] == [str(folder / "derby.json"), str(folder / "wire.txt")]


@pytest.mark.parametrize("head,ours", [
    (b'{"schema": "framing/1", "source": "a.txt"', True),
    (b'[\n  {\n    "schema": "framing/1",', True),
    (b'{"id": "a1", "text": "The council met.", "schema": "framing/1"}', False),
    (b"== Minutes of the council\nThe council met on Tuesday.\n", False),
    (b"source,path,id,title\nx,y,z,w\n", False),
    (b"<!DOCTYPE html><html><head><title>framing report</title>", False),
])
def test_framing_recognizes_its_own_output_by_its_first_bytes(head, ours):
    from framing.output.streams import written_by_framing

    assert written_by_framing(head) is ours


@pytest.mark.parametrize("files,options,note", [
    ({}, [], "no files in it"),
    ({"chart.png": b"\x89PNG\r\n\x1a\n", "photo.png": b"\x89PNG\r\n\x1a\n"}, [],
     "skipped 2 files framing does not read (2 .png)"),
    ({"paper.pdf": b"%PDF-1.7\n", "notes.txt": b"The council met."}, ["--include", "*.pdf"],
     "skipped 1 file framing does not read (1 .pdf)"),
    ({"notes.txt": b"The council met.", "more.txt": b"It met again."}, ["--include", "*.md"],
     "--include/--exclude left out all 2 files"),
])
def test_a_folder_with_nothing_to_score_says_why_and_exits_2(tmp_path, files, options, note):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    result = run("score", folder, "--format", "jsonl", *options)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"framing: warning: {folder}: {note}",
                                          f"framing: error: {folder}: nothing to score"]


def test_files_framing_does_not_read_are_counted_and_the_rest_scored(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "council_budget.txt", folder / "sub" / "council.txt")
    (folder / "a.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "sub" / "b.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "c.docx").write_bytes(b"PK\x03\x04")
    (folder / "README").write_text("Notes on the folder.")
    (folder / ".hidden.txt").write_text("Not mentioned.")
    result = run("score", folder, "--format", "jsonl", "-o", folder / "out.jsonl")
    assert result.exit_code == 0
    assert result.stderr == (f"framing: warning: {folder}: skipped 4 files framing does not read "
                             "(2 .pdf, 1 .docx, 1 without an extension)\n")
    assert len((folder / "out.jsonl").read_text().splitlines()) == 1
    again = run("score", folder, "--format", "jsonl")  # the -o file of the last run is not this run's
    assert again.stderr == (f"framing: warning: {folder}: skipped 4 files framing does not read "
                            "(2 .pdf, 1 .docx, 1 without an extension) and 1 file framing wrote (out.jsonl)\n")
    assert len(again.stdout.splitlines()) == 1


def test_an_empty_folder_beside_an_article_is_a_warning_only(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("score", tmp_path / "empty", CORPUS / "council_budget.txt", "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stderr == f"framing: warning: {tmp_path / 'empty'}: no files in it\n"
    assert len(result.stdout.splitlines()) == 1
