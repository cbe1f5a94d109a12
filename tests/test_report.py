"""`framing report`: group comparison, and the HTML report rendered in a real browser."""
import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main
from framing.output.report import Interval

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOAD = '<script>document.title="pwned"</script><img src=x onerror="document.body.dataset.pwned=1">'


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture
def results(tmp_path):
    """Scored corpus articles as a JSONL collection with an outlet field, one of them hostile."""
    records = []
    for i, path in enumerate(sorted(CORPUS.glob("*.txt"))):
        records.append({"id": path.stem, "outlet": "Tribune" if i % 2 else "Courier",
                        "text": path.read_text(encoding="utf-8")})
    records.append({"id": "hostile", "outlet": PAYLOAD,
                    "text": f"Hostile page\n\nThe mayor said {PAYLOAD} was a brutal, disgraceful lie."})
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "results.jsonl"
    assert run("score", source, "--format", "jsonl", "-o", out).exit_code == 0
    return out


def test_confidence_interval_of_a_mean():
    interval = Interval.of([0.1, 0.2, 0.3, 0.4])
    assert interval.mean == pytest.approx(0.25)
    # t(0.975, 3) = 3.182; sd = 0.1291; half width = 3.182 * 0.1291 / 2 = 0.2054
    assert interval.low == pytest.approx(0.0446, abs=1e-3)
    assert interval.high == pytest.approx(0.4554, abs=1e-3)


def test_report_groups_by_a_metadata_field(results):
    table = run("report", results, "--by", "outlet")
    assert table.exit_code == 0
    lines = table.output.splitlines()
    assert lines[0].split()[:3] == ["outlet", "articles", "sentences"]
    assert [l.split()[0] for l in lines[2:]] == ["<script>document.title=\"pwned\"</script><img", "Courier", "Tribune"]
    summary = json.loads(run("report", results, "--by", "outlet", "--format", "json").output)
    groups = {g["group"]: g for g in summary["groups"]}
    assert groups["Courier"]["articles"] + groups["Tribune"]["articles"] == 10
    for g in summary["groups"]:
        for task in ("loaded", "opinion", "speculative"):
            low, high = g[task]["ci95"]
            assert low <= g[task]["mean_share"] <= high


def test_report_names_a_line_that_is_not_a_result(tmp_path, results):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "not scored"}\n')
    result = run("report", results, bad)
    assert result.exit_code == 2
    assert result.stderr == f"framing: error: {bad}:1: not a framing result (no scores)\n"


def test_html_escapes_every_piece_of_article_text(tmp_path, results):
    html_path = tmp_path / "report.html"
    assert run("report", results, "--by", "outlet", "--html", html_path).exit_code == 0
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in html


def dump_dom(path):
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={path.parent / 'chromium-profile'}", "--virtual-time-budget=2000",
               "--dump-dom", path.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_html_report_renders_in_a_real_browser_and_runs_nothing(tmp_path, results):
    html_path = tmp_path / "report.html"
    run("report", results, "--by", "outlet", "--html", html_path)
    dom = dump_dom(html_path)
    assert "<h1>framing report</h1>" in dom
    assert "11 articles in 3 groups by <b>outlet</b>" in dom
    text = re.sub(r"<[^>]+>", "", dom)
    assert "Unless our navy answers swiftly and with overwhelming force, this skirmish could" in text
    assert dom.count("<svg") == 6  # three comparison charts, three distributions
    assert "<mark" in dom and 'class="flag flag-' in dom
    assert "<title>framing report by outlet</title>" in dom  # the payload did not retitle the page
    assert "data-pwned" not in dom and "<img" not in dom
    assert "&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;" in dom


def test_html_into_a_missing_folder_is_a_one_line_error(tmp_path, results):
    page = tmp_path / "nodir" / "r.html"
    result = run("report", results, "--html", page)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"framing: error: {page}: cannot write it: folder {page.parent} does not exist\n"


@pytest.fixture
def nested(tmp_path):
    """Scores of articles in nested outlet/section folders, deep below the file system root."""
    root = tmp_path / "deep" / "down" / "corpus"
    for folder, article in [("", "feature_flood_town.txt"), ("globe_herald/world", "council_budget.txt"),
                            ("globe_herald/politics", "wire_port_strike.txt"),
                            ("daily_star/world", "court_fraud_sentencing.txt")]:
        (root / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / article, root / folder / article)
    out = tmp_path / "scores.jsonl"
    assert run("score", root, "--format", "jsonl", "-o", out).exit_code == 0
    return out


def test_by_folder_names_each_folder_by_its_whole_path_from_the_common_root(nested):
    summary = json.loads(run("report", nested, "--format", "json").output)
    assert [g["group"] for g in summary["groups"]] == [
        "corpus", "corpus/daily_star/world", "corpus/globe_herald/politics", "corpus/globe_herald/world"]
    table = run("report", nested).output.splitlines()
    assert [line.split()[0] for line in table[2:]] == [g["group"] for g in summary["groups"]]


def test_html_charts_show_whole_group_labels(tmp_path, nested):
    page = tmp_path / "report.html"
    assert run("report", nested, "--html", page).exit_code == 0
    labels = re.findall(r'<text [^>]*text-anchor="end" font-size="12">(.*?)</text>', page.read_text())
    assert labels[:4] == ["corpus", "corpus/daily_star/world", "corpus/globe_herald/politics",
                          "corpus/globe_herald/world"]


def test_a_very_long_group_label_loses_its_middle_and_keeps_the_whole_as_a_tooltip(tmp_path):
    outlet = "The Globe and Herald of the Northern Counties, Weekend Edition"
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"id": "a", "outlet": outlet,
                                  "text": (CORPUS / "council_budget.txt").read_text(encoding="utf-8")}) + "\n")
    scores, page = tmp_path / "scores.jsonl", tmp_path / "report.html"
    assert run("score", source, "--format", "jsonl", "-o", scores).exit_code == 0
    assert run("report", scores, "--by", "outlet", "--html", page).exit_code == 0
    labels = re.findall(r'<text [^>]*text-anchor="end" font-size="12">(.*?)</text>', page.read_text())
    assert labels[0] == f"<title>{outlet}</title>The Globe and\u2026 Counties, Weekend Edition"
    assert len("The Globe and\u2026 Counties, Weekend Edition") == 40


def test_by_a_field_no_article_has_is_an_error_listing_the_fields_there_are(results):
    result = run("report", results, "--by", "outlett")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "framing: error: --by outlett: no article has this field; choose from folder, outlet, id, format\n"


def test_by_a_field_some_articles_lack_groups_those_as_none(tmp_path):
    source = tmp_path / "articles.jsonl"
    text = (CORPUS / "council_budget.txt").read_text(encoding="utf-8")
    source.write_text(json.dumps({"outlet": "Courier", "text": text}) + "\n" + json.dumps({"text": text}) + "\n")
    scores = tmp_path / "scores.jsonl"
    assert run("score", source, "--format", "jsonl", "-o", scores).exit_code == 0
    summary = json.loads(run("report", scores, "--by", "outlet", "--format", "json").output)
    assert [(g["group"], g["articles"]) for g in summary["groups"]] == [("(none)", 1), ("Courier", 1)]


def test_report_reads_json_output_as_well_as_json_lines(tmp_path):
    articles = [CORPUS / "council_budget.txt", CORPUS / "wire_port_strike.txt"]
    as_lines, as_list, as_one = tmp_path / "s.jsonl", tmp_path / "s.json", tmp_path / "one.json"
    assert run("score", *articles, "--format", "jsonl", "-o", as_lines).exit_code == 0
    assert run("score", *articles, "--format", "json", "-o", as_list).exit_code == 0
    assert run("score", articles[0], "--format", "json", "-o", as_one).exit_code == 0
    assert as_list.read_text().startswith("[\n") and as_one.read_text().startswith("{\n")
    expected = run("report", as_lines, "--format", "json")
    assert expected.exit_code == 0
    listed = run("report", as_list, "--format", "json")
    assert (listed.exit_code, listed.output) == (0, expected.output)
    both = json.loads(run("report", as_one, as_list, "--format", "json").output)
    assert [g["articles"] for g in both["groups"]] == [3]
    piped = run("report", "-", "--format", "json", input=as_list.read_text())
    assert piped.output == expected.output


def test_report_names_a_json_list_item_that_is_not_a_result(tmp_path):
    path = tmp_path / "mixed.json"
    scored = json.loads(run("score", CORPUS / "council_budget.txt", "--format", "json").output)
    path.write_text(json.dumps([scored, {"text": "not scored"}], indent=2))
    result = run("report", path)
    assert result.exit_code == 2
    assert result.stderr == f"framing: error: {path}#2: not a framing result (no scores)\n"


def test_report_reads_the_lines_after_a_broken_first_line_of_json_lines(tmp_path):
    good = run("score", CORPUS / "council_budget.txt", "--format", "jsonl").output
    path = tmp_path / "broken.jsonl"
    path.write_text('{"schema": "framing/1", "trunc\n' + good)
    result = run("report", path, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"framing: error: {path}:1: invalid JSON")
    assert [g["articles"] for g in json.loads(result.stdout)["groups"]] == [1]


def test_top_ranks_articles_by_a_dimensions_share(tmp_path):
    runner = CliRunner()
    scored = tmp_path / "corpus.jsonl"
    assert runner.invoke(main, ["score", str(CORPUS), "--format", "jsonl", "-o", str(scored)]).exit_code == 0
    results = [json.loads(line) for line in scored.read_text(encoding="utf-8").splitlines()]
    for dimension in ("loaded", "speculative"):
        ranked = sorted(results, key=lambda r: (-r["scores"][dimension]["share"], -r["scores"][dimension]["count"]))[:3]
        text = runner.invoke(main, ["report", str(scored), "--top", "3", "--rank-by", dimension]).output
        lines = text.split("\n\n")[1].splitlines()
        assert lines[0] == f"the 3 most {dimension} articles ({dimension} share of their own scored sentences):"
        assert [line.split()[0] for line in lines[1:]] == ["1", "2", "3"]
        assert [line.split()[3] for line in lines[1:]] == [r["source"] for r in ranked]
        assert [line.split()[1] for line in lines[1:]] == [f"{r['scores'][dimension]['share']:.0%}" for r in ranked]
        as_json = json.loads(runner.invoke(main, ["report", str(scored), "--top", "3", "--rank-by", dimension,
                                                  "--format", "json"]).output)
        assert [a["source"] for a in as_json["top"]] == [r["source"] for r in ranked]
        assert [a["count"] for a in as_json["top"]] == [r["scores"][dimension]["count"] for r in ranked]
    plain = runner.invoke(main, ["report", str(scored)]).output
    assert "most loaded" not in plain
