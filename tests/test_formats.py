"""score --format html, CSV with metadata columns, and --unit sentence --format csv."""
import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main
from framing.dimensions import BUILT_IN as DIMENSIONS
from framing.output.rows import article_columns
from framing.output.streams import written_by_framing

WIRE = str(CORPUS / "wire_port_strike.txt")
MAYOR = str(CORPUS / "partisan_mayor.txt")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_html_of_a_few_articles_is_the_reports_article_view(tmp_path):
    scored = tmp_path / "two.jsonl"
    assert run("score", WIRE, MAYOR, "--format", "jsonl", "-o", scored).exit_code == 0
    report = tmp_path / "report.html"
    assert run("report", scored, "--html", report).exit_code == 0
    result = run("score", WIRE, MAYOR, "--format", "html")
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</body></html>\n")
    assert written_by_framing(page.encode()[:4096])
    articles = re.findall(r'<details class="article" open>.*?</details>', page, re.S)
    in_report = re.findall(r'<details class="article">.*?</details>', report.read_text(encoding="utf-8"), re.S)
    assert [a.replace(" open>", ">", 1) for a in articles] == in_report
    assert "<title>framing: 2 articles</title>" in page


def test_html_of_one_article_is_titled_by_it():
    page = run("score", WIRE, "--format", "html").stdout
    assert f"<title>framing: {WIRE}</title>" in page
    assert page.count('<details class="article" open>') == 1


def test_csv_metadata_fields_are_columns_union_in_first_seen_order(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "outlet": "Herald", "date": "2024-05-01", "text": "The council met on Tuesday."},
        {"id": "b", "section": "=world", "outlet": "Globe", "words": 12, "text": "The brutal regime lied again."},
    ]) + "\n")
    result = run("score", path, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == article_columns() + ["outlet", "date", "section", "metadata_words"]
    assert [r[-4:] for r in rows[1:]] == [["Herald", "2024-05-01", "", ""], ["Globe", "", "'=world", "12"]]
    assert written_by_framing(result.stdout.encode())


def test_csv_without_metadata_has_the_fixed_columns_only():
    rows = list(csv.DictReader(io.StringIO(run("score", WIRE, "--format", "csv").stdout)))
    result = json.loads(run("score", WIRE, "--format", "json").stdout)
    assert list(rows[0]) == article_columns()
    assert float(rows[0]["speculative_strong_share"]) == result["scores"]["speculative"]["strong_share"]
    assert int(rows[0]["scored_sentences"]) == result["scores"]["scored_sentences"]


def test_sentence_unit_in_csv_is_one_row_per_sentence(tmp_path):
    from framing.output.rows import sentence_columns

    path = tmp_path / "sentences.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Officials said the bridge could close next week.", "outlet": "Herald"}),
        "{not json",
        json.dumps({"id": "c", "text": "The council approved the budget on Tuesday.", "outlet": "Times"}),
    ]) + "\n")
    as_csv = run("score", "--unit", "sentence", path, "--format", "csv")
    as_jsonl = [json.loads(line) for line in run("score", "--unit", "sentence", path, "--format", "jsonl").stdout.splitlines()]
    assert as_csv.exit_code == 2 and f"{path}:2: invalid JSON" in as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(rows[0]) == sentence_columns() + ["outlet"]
    assert [(r["id"], r["outlet"], r["voice"]) for r in rows] == [("a", "Herald", "attributed"), ("c", "Times", "writer")]
    for row, line in zip(rows, as_jsonl):
        for task in DIMENSIONS:
            assert float(row[f"{task}_probability"]) == line[task]["probability"]
            assert row[f"{task}_label"] == line[task]["label"]
            assert row[f"{task}_triggers"] == ", ".join(t["text"] for t in line[task]["triggers"])
    assert rows[0]["speculative_kinds"] == ", ".join(as_jsonl[0]["speculative"]["kinds"]) != ""


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "html"])
def test_sentence_unit_honours_every_format_folders_filters_and_jobs(tmp_path, fmt):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "lines.txt").write_text("Critics argue the plan could trigger a disaster.\n\nThe council met.\n")
    (folder / "records.jsonl").write_text(json.dumps({"id": "r1", "text": "The storm may worsen overnight."}) + "\n")
    (folder / "skip.md").write_text("This file is excluded.\n")
    args = ["score", "--unit", "sentence", folder, "--format", fmt, "--exclude", "*.md", "--jobs", "2",
            "--cache-dir", tmp_path / "cache"]
    first, second = run(*args), run(*args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    out = first.stdout
    assert "excluded" not in out
    if fmt in ("json", "jsonl"):
        records = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        assert [r["source"] for r in records] == [f"{folder}/records.jsonl:1", f"{folder}/sub/lines.txt:1",
                                                  f"{folder}/sub/lines.txt:3"]
        assert all(r["unit"] == "sentence" and "voice" in r and "triggers" in r["loaded"] for r in records)
    elif fmt == "csv":
        assert [r["text"] for r in csv.DictReader(io.StringIO(out))] == [
            "The storm may worsen overnight.", "Critics argue the plan could trigger a disaster.", "The council met."]
    elif fmt == "text":
        assert f"{folder}/records.jsonl:1 [r1]: " in out and "== corpus: 3 articles" in out
    else:
        assert "<html" in out and all(f"{name}</" in out for name in ("records.jsonl:1", "lines.txt:1", "lines.txt:3"))


def test_sentence_unit_refuses_what_an_article_option_means_for_articles_only(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"text": "The council met on Tuesday and approved a budget."}) + "\n")
    chosen = run("score", "--unit", "sentence", path, "--format", "jsonl", "--fields", "scores")
    assert chosen.exit_code == 2 and "--fields chooses parts of an article" in chosen.stderr
    too_big = run("score", "--unit", "sentence", path, "--max-bytes", "10")
    assert too_big.exit_code == 2 and "--max-bytes" in too_big.stderr
    bare = [json.loads(line) for line in run("score", "--unit", "sentence", path, "--format", "jsonl",
                                              "--no-triggers").stdout.splitlines()]
    assert "triggers" not in bare[0]["loaded"]
