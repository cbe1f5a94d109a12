"""score --format html, CSV with metadata columns, and --unit sentence --format csv."""
import csv
import io
import json
import re
from html import unescape

from click.testing import CliRunner

from framing.cli import main
from framing.document import DIMENSIONS
from framing.output import written_by_framing
from framing.rows import ARTICLE_COLUMNS

from conftest import CORPUS

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
    assert rows[0] == ARTICLE_COLUMNS + ["outlet", "date", "section", "metadata_words"]
    assert [r[-4:] for r in rows[1:]] == [["Herald", "2024-05-01", "", ""], ["Globe", "", "'=world", "12"]]
    assert written_by_framing(result.stdout.encode())


def test_csv_without_metadata_has_the_fixed_columns_only():
    rows = list(csv.DictReader(io.StringIO(run("score", WIRE, "--format", "csv").stdout)))
    result = json.loads(run("score", WIRE, "--format", "json").stdout)
    assert list(rows[0]) == ARTICLE_COLUMNS
    assert float(rows[0]["speculative_strong_share"]) == result["scores"]["speculative"]["strong_share"]
    assert int(rows[0]["scored_sentences"]) == result["scores"]["scored_sentences"]


def test_sentence_unit_in_csv_is_one_row_per_sentence(tmp_path):
    path = tmp_path / "sentences.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Officials said the bridge could close next week."}),
        "{not json",
        json.dumps({"id": "c", "text": "The council approved the budget on Tuesday."}),
    ]) + "\n")
    as_csv = run("score", "--unit", "sentence", path, "--format", "csv")
    as_jsonl = [json.loads(line) for line in run("score", "--unit", "sentence", path, "--format", "jsonl").stdout.splitlines()]
    assert as_csv.exit_code == 2
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(rows[0]) == ["id", "text"] + [f"{t}_{m}" for t in DIMENSIONS for m in ("probability", "label")] + ["error"]
    assert [r["id"] for r in rows] == ["a", "", "c"]
    for row, line in zip(rows, as_jsonl):
        for task in DIMENSIONS:
            if line.get(task):
                assert float(row[f"{task}_probability"]) == line[task]["probability"]
                assert row[f"{task}_label"] == line[task]["label"]
    assert rows[1]["error"].startswith(f"{path}:2: invalid JSON")
    assert rows[0]["speculative_label"] == "speculative" and rows[2]["speculative_label"] == "factual"
