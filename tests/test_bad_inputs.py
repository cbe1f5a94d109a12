"""Every kind of bad input gets a one-line error naming the file, and the batch goes on."""
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main

GOOD = str(CORPUS / "council_budget.txt")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def errors(result):
    return [line for line in result.stderr.splitlines() if line.startswith("framing: error:")]


def check_refused(path, reason):
    """The bad file gets exactly one error line; the good file beside it is scored whole."""
    result = run("score", path, GOOD, "--format", "jsonl")
    assert result.exit_code == 2
    assert errors(result) == [f"framing: error: {path}: {reason}", "framing: error: 1 of 2 inputs failed"]
    [good] = [json.loads(line) for line in result.stdout.splitlines()]
    assert good["source"] == GOOD and good["scores"]["scored_sentences"] == 16
    assert result.exception is None or isinstance(result.exception, SystemExit)


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "no text"),
    ("blank.txt", b"  \n\t\n  \r\n", "no text"),
    ("paper.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document, not text"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a PNG image, not text"),
    ("archive.txt", zip_bytes(), "a zip archive, not text"),
    ("blob.txt", bytes(range(256)) * 8, "binary data, not text"),
    ("page.html", b"<html><head><script>var a = 1;</script><style>p{}</style></head><body><nav>Home</nav></body></html>",
     "no text"),
])
def test_unreadable_content(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    check_refused(path, reason)


@pytest.mark.parametrize("text,encoding,warning", [
    ("Caf\u00e9 owners objected to the new rules on Monday.", "cp1252",
     "not valid UTF-8 (byte 3); read as Windows-1252"),
    ("The council approved the budget on Tuesday.", "utf-16-le", "no byte-order mark; read as UTF-16-LE"),
])
def test_guessed_encodings_are_read_with_a_warning(tmp_path, text, encoding, warning):
    path = tmp_path / "guess.txt"
    path.write_bytes(text.encode(encoding))
    result = run("score", path, "--format", "jsonl")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sentences"][0]["text"] == text
    assert result.stderr == f"framing: warning: {path}: {warning}\n"


def test_html_full_of_scripts_and_styles_keeps_only_the_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><style>body{color:red}</style><script>alert(1)</script></head><body>"
                    + "<script>track();</script>" * 50 + "<nav><a>Home</a></nav><article><h1>Bridge reopens</h1>"
                    "<p>The bridge reopened on Monday.</p><script>ads()</script></article><footer>(c)</footer></body></html>")
    doc = json.loads(run("score", path, "--format", "json").stdout)
    assert [s["text"] for s in doc["sentences"]] == ["Bridge reopens", "The bridge reopened on Monday."]


def test_a_ten_megabyte_line_is_refused_by_the_size_limit(tmp_path):
    path = tmp_path / "one_line.txt"
    path.write_text("The council met again. " * 460_000)
    assert path.stat().st_size > 10_000_000
    check_refused(path, "larger than the 5000000-byte limit (--max-bytes)")


def test_a_long_line_within_the_limit_is_scored_in_bounded_pieces(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("x" * 300_000 + " and the council met.")
    doc = json.loads(run("score", path, "--format", "json").stdout)
    assert max(s["end"] - s["start"] for s in doc["sentences"]) <= 2000
    assert doc["sentences"][-1]["end"] == len(doc["text"])


def peak_memory_mb(args):
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "framing", *args],
                         capture_output=True, text=True, env=dict(os.environ, FRAMING_CACHE=""))
    return int(out.stdout) / 1024


def test_a_200_megabyte_file_is_refused_in_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        chunk = b"The council met again and again. " * 30_000
        while f.tell() < 200_000_000:
            f.write(chunk)
    result = run("score", big, "-q")
    assert errors(result) == [f"framing: error: {big}: larger than the 5000000-byte limit (--max-bytes)"]
    assert peak_memory_mb(["score", str(big), "-q"]) < 150


def test_a_200_megabyte_jsonl_line_is_named_and_the_next_lines_read(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "w") as f:
        f.write('{"id": "huge", "text": "' + "word " * 40_000_000 + '"}\n')
        f.write(json.dumps({"id": "small", "text": "The council met on Tuesday."}) + "\n")
    result = run("score", path, "--format", "jsonl")
    assert errors(result)[0] == f"framing: error: {path}:1: line is longer than the --max-bytes limit"
    assert [json.loads(l)["id"] for l in result.stdout.splitlines()] == ["small"]
    assert peak_memory_mb(["score", str(path), "--format", "jsonl"]) < 250


def test_text_that_is_not_english_is_flagged_unreliable(tmp_path):
    path = tmp_path / "french.txt"
    path.write_text("Le gouvernement a annonc\u00e9 mardi une nouvelle r\u00e9forme des retraites, qui "
                    "suscite la col\u00e8re des syndicats et de nombreux citoyens dans tout le pays.")
    result = run("score", path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["language"]["english"] is False
    assert "does not look like English" in result.stderr and "unreliable" in result.stderr
    text = run("score", path, "--no-color")
    assert "warning: this text does not look like English" in text.stdout


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.")
    real_open = open

    def guarded(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("framing.reading.files.open", guarded, raising=False)
    check_refused(path, "permission denied")


def test_a_broken_symlink_is_named(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    check_refused(link, "not a regular file (a broken link or a device)")


def test_file_names_with_spaces_quotes_and_accents(tmp_path):
    folder = tmp_path / "dossier \u00e9t\u00e9"
    folder.mkdir()
    good = folder / 'the "final" r\u00e9sum\u00e9 \u2014 v2.txt'
    good.write_text("The council approved the budget on Tuesday.")
    bad = folder / "l'\u00e9mpty file.txt"
    bad.write_text("")
    result = run("score", folder, "--format", "jsonl")
    assert [json.loads(l)["source"] for l in result.stdout.splitlines()] == [str(good)]
    assert errors(result)[0] == f"framing: error: {bad}: no text"


def test_ctrl_c_keeps_completed_results_and_a_rerun_resumes(tmp_path, monkeypatch):
    import framing.batch.local

    folder = tmp_path / "c"
    folder.mkdir()
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    for name, source in zip(names, sorted(CORPUS.glob("*.txt"))):
        (folder / name).write_text(source.read_text(encoding="utf-8"))
    out = tmp_path / "out.jsonl"
    real_score, calls = framing.batch.local._score, []

    def interrupted_on_third(document, *fields):
        calls.append(document.source)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_score(document, *fields)

    monkeypatch.setattr(framing.batch.local, "_score", interrupted_on_third)
    result = run("score", folder, "--format", "jsonl", "-j", "1", "-o", out)
    assert result.exit_code == 130
    assert "interrupted after 2 articles" in result.stderr and "resume" in result.stderr
    assert [json.loads(l)["source"].rsplit("/", 1)[1] for l in out.read_text().splitlines()] == ["a.txt", "b.txt"]

    calls.clear()
    monkeypatch.setattr(framing.batch.local, "_score", lambda d, *f: (calls.append(d.source), real_score(d, *f))[1])
    again = run("score", folder, "--format", "jsonl", "-j", "1", "-o", out)
    assert again.exit_code == 0
    assert [c.rsplit("/", 1)[1] for c in calls] == ["c.txt", "d.txt"]  # a and b came from the cache
    assert len(out.read_text().splitlines()) == 4


def test_a_failing_run_never_leaves_a_partial_output_file(tmp_path, monkeypatch):
    import framing.output.streams

    out = tmp_path / "out.jsonl"
    out.write_text("previous complete results\n")

    def broken(self, result):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(framing.output.formatters.JsonlFormatter, "write", broken)
    result = run("score", GOOD, "--format", "jsonl", "-o", out)
    assert result.exit_code != 0
    assert out.read_text() == "previous complete results\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == ["out.jsonl"]


def test_a_character_cut_off_at_the_end_does_not_turn_the_file_into_windows_1252(tmp_path):
    text = "The minister\u2019s plan was \u201cbold\u201d, aides said on Tuesday."
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode("utf-8") + "\u2019".encode("utf-8")[:2])
    result = run("score", path, "--format", "jsonl")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == text + "\ufffd"
    assert result.stderr == (f"framing: warning: {path}: not valid UTF-8 (1 bad sequence, the first at byte "
                             f"{len(text.encode('utf-8'))}); read as UTF-8, the bad bytes replaced by U+FFFD\n")


def test_a_wrong_text_field_is_one_error_per_file_listing_the_fields_found(tmp_path):
    text = (CORPUS / "council_budget.txt").read_text(encoding="utf-8")
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"uid": i, "headline": "Budget", "body": text, "outlet": "Courier"}) + "\n"
                            for i in range(4)))
    result = run("score", path, "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert errors(result) == [
        f'framing: error: {path}: none of its 4 records has a "text" field (name the text field with '
        "--text-field); fields found: uid, headline, body, outlet",
        "framing: error: 1 of 1 inputs failed"]
    assert len(run("score", path, "--format", "jsonl", "--text-field", "body").stdout.splitlines()) == 4


def test_a_wrong_text_field_of_sentence_records_is_said_once_with_the_fields_there(tmp_path):
    from click.testing import CliRunner

    from framing.cli import main

    path = tmp_path / "sentences.jsonl"
    path.write_text("".join(f'{{"id": {i}, "body": "The vote was held on Tuesday."}}\n' for i in range(5)))
    result = CliRunner().invoke(main, ["score", "--unit", "sentence", str(path), "--no-cache"])
    assert result.exit_code == 2
    said = [line for line in result.stderr.splitlines() if "\"text\" field" in line]
    assert said == [f'framing: error: {path}: none of its 5 records has a "text" field (name the text field '
                    f"with --text-field); fields found: id, body"]
    assert result.stdout == ""
