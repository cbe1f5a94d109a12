"""Check output formats: one pure function per format, from checked files to a string.

Every format reads the same `CheckedFile`s; line and column are computed here, from the
findings' offsets into the original text.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from .. import __version__
from .engine import CheckedFile, Finding
from .rules import RULES

JSON_SCHEMA_VERSION = 1
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _located(files: list[CheckedFile]):
    for checked in files:
        for finding in checked.findings:
            yield checked, finding, checked.position(finding.start), checked.position(finding.end)


def _tally(files: list[CheckedFile]) -> str:
    counts = Counter(f.severity for c in files for f in c.findings)
    total = sum(counts.values())
    parts = ", ".join(f"{counts[s]} {s}" + ("s" if counts[s] != 1 and s != "info" else "")
                      for s in ("error", "warning", "info") if counts[s])
    files_word = "file" if len(files) == 1 else "files"
    return (f"{total} finding{'s' if total != 1 else ''} ({parts}) in {len(files)} {files_word}" if total
            else f"no findings in {len(files)} {files_word}")


def render_text(files: list[CheckedFile]) -> str:
    lines = [f"{c.path}:{line}:{column}: {f.rule} {f.message}" for c, f, (line, column), _ in _located(files)]
    return "\n".join([*lines, _tally(files)]) + "\n"


def _finding_record(checked: CheckedFile, finding: Finding, start: tuple[int, int], end: tuple[int, int]) -> dict:
    return {"path": checked.path, "line": start[0], "column": start[1], "end_line": end[0], "end_column": end[1],
            "start": finding.start, "end": finding.end, "rule": finding.rule, "name": finding.name,
            "severity": finding.severity, "message": finding.message, "probability": finding.probability,
            "text": checked.text[finding.start:finding.end]}


def render_json(files: list[CheckedFile]) -> str:
    """{"version", "findings": [...], "files": N}; `start`/`end` are character offsets."""
    findings = [_finding_record(*item) for item in _located(files)]
    return json.dumps({"version": JSON_SCHEMA_VERSION, "files": len(files), "findings": findings},
                      indent=2, ensure_ascii=False) + "\n"


def render_sarif(files: list[CheckedFile]) -> str:
    """One SARIF 2.1.0 run; columns count characters (`columnKind` "unicodeCodePoints")."""
    rule_ids = list(RULES)
    rules = [{"id": r.id, "name": r.name, "shortDescription": {"text": r.summary},
              "defaultConfiguration": {"level": SARIF_LEVELS[r.severity]}} for r in RULES.values()]
    results = [{
        "ruleId": f.rule, "ruleIndex": rule_ids.index(f.rule), "level": SARIF_LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": c.path.replace("\\", "/")},
            "region": {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1],
                       "charOffset": f.start, "charLength": f.end - f.start}}}],
        "properties": {"probability": f.probability},
    } for c, f, start, end in _located(files)]
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "framing", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints", "results": results}]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(files: list[CheckedFile]) -> str:
    """GitHub Actions workflow commands: an annotation per finding on the file's line."""
    lines = [f"::{GITHUB_COMMANDS[f.severity]} file={_escape_property(c.path)},line={start[0]},col={start[1]},"
             f"endLine={end[0]},endColumn={end[1]},title={_escape_property(f.rule + ' ' + f.name)}::"
             f"{_escape_data(f.rule + ' ' + f.message)}"
             for c, f, start, end in _located(files)]
    return "".join(line + "\n" for line in lines)


FORMATS: dict[str, Callable[[list[CheckedFile]], str]] = {
    "text": render_text, "json": render_json, "sarif": render_sarif, "github": render_github}
