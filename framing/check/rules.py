"""The check rules: one table of stable ids, and how a scored sentence becomes findings.

Ids never change meaning; a retired rule's id is never reused. The first digit is the
dimension (1 loaded, 2 opinion, 3 speculation, 4 sourcing), the rest the kind.

FR401, a claim without a source, is built from what framing already computes: a sentence the
speculative model flags, spoken in the writer's own voice (no quotation marks, no "X said" or
"according to X" in it), with no attribution in the sentence before it in the same paragraph
either ("Forecasters warned of flooding. The river could burst its banks by Friday." is
sourced by its neighbour). News may report speculation; it should say whose it is. Opinion
in the writer's voice has a rule of its own (FR201), so FR401 is about speculation only.
"""
from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str
    summary: str


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("FR101", "loaded-language", "error",
         "Loaded language in the writer's own voice: charged, slanted or sneering words."),
    Rule("FR102", "loaded-language-reported", "warning",
         "Loaded language in reported speech (\"X said ...\") without quotation marks: "
         "the words read as the writer's."),
    Rule("FR103", "loaded-language-quoted", "info",
         "Loaded language inside quotation marks (only with --include-quoted)."),
    Rule("FR201", "writer-opinion", "warning",
         "The writer's opinion among reported facts (writer's voice only)."),
    Rule("FR301", "speculation-hedged", "info",
         "Hedged speculation: may, might, possibly, reportedly."),
    Rule("FR302", "speculation-forecast", "info",
         "A forecast stated as news: will, is set to, is expected to."),
    Rule("FR303", "speculation-hypothetical", "info",
         "A hypothetical: if ..., would ..."),
    Rule("FR304", "speculation-alarmist", "warning",
         "Alarmist speculation: escalation to catastrophe (\"the start of a world war\")."),
    Rule("FR401", "unsourced-speculation", "warning",
         "Speculation in the writer's voice with no source in it or in the sentence before."),
)}

SPECULATION_RULES = {"hedged": "FR301", "forecast": "FR302", "hypothetical": "FR303", "alarmist": "FR304"}
LOADED_RULES = {"writer": "FR101", "attributed": "FR102", "quoted": "FR103"}


def rule_table_markdown() -> str:
    """The rule table as the README shows it (a test keeps the two the same)."""
    rows = [f"| {r.id} | {r.name} | {r.severity} | {r.summary} |" for r in RULES.values()]
    return "\n".join(["| id | name | severity | what it finds |", "|---|---|---|---|", *rows])


def matches(rule_id: str, patterns) -> bool:
    """Whether `rule_id` is named by one of `patterns`: ids or prefixes ("FR3", "FR"), or "*"."""
    return any(p == "*" or rule_id.startswith(p.upper()) for p in patterns)
