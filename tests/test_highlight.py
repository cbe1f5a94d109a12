"""One highlighter: the terminal and the HTML report mark the same words (issue 12)."""
from __future__ import annotations

import json
import re
from html import unescape

from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main
from framing.output.highlight import marks


def test_overlapping_triggers_become_one_mark_the_first_and_longest():
    chosen = marks(0, 40, [(8, 13, "opinion", False), (0, 13, "loaded", False), (20, 25, "loaded", True),
                           (22, 30, "speculative", False), (35, 45, "loaded", False)])
    assert [(m.start, m.end, m.dimension) for m in chosen] == [(0, 13, "loaded"), (20, 25, "loaded")]


def test_terminal_and_html_mark_the_same_words_on_the_whole_corpus(tmp_path):
    runner = CliRunner()
    scored = tmp_path / "corpus.jsonl"
    assert runner.invoke(main, ["score", str(CORPUS), "--format", "jsonl", "-o", str(scored), "--no-cache"]).exit_code == 0
    text = runner.invoke(main, ["score", str(CORPUS), "--no-color", "--no-cache"]).output
    terminal = [re.findall("\u00ab(.*?)\u00bb", line) for line in text.splitlines()
                if line.startswith("    ") and "\u00ab" in line]
    html_path = tmp_path / "report.html"
    assert runner.invoke(main, ["report", str(scored), "--html", str(html_path)]).exit_code == 0
    html = html_path.read_text(encoding="utf-8")
    flagged = re.findall(r'<span class="flag [^"]*" title="[^"]*">(.*?)</span><span class="tag"', html)
    in_html = [[unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", s)] for s in flagged]
    in_html = [m for m in in_html if m]
    articles = [json.loads(line) for line in scored.read_text(encoding="utf-8").splitlines()]
    assert sum(len(a["sentences"]) for a in articles) > 100
    assert len(terminal) > 30
    assert terminal == in_html


def test_html_marks_carry_their_dimensions_colour(tmp_path):
    page = CliRunner().invoke(main, ["score", str(CORPUS / "partisan_mayor.txt"), "--format", "html", "--no-cache"]).output
    classes = set(re.findall(r'<mark class="([a-z ]+)">', page))
    assert {c.split()[0] for c in classes} <= {"loaded", "opinion", "speculative"}
    assert "loaded" in {c.split()[0] for c in classes}
    for dimension in ("loaded", "opinion", "speculative"):
        assert f"mark.{dimension}{{background:" in page
