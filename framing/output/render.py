"""Renderers: each turns one scored document into one output format and does no I/O.

JSON and JSONL follow the schema in `schema.py`; the text renderer prints one finding per
flagged sentence, linter style.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import dimensions
from ..pipeline.document import Document, Sentence, Span, Verdict
from .highlight import MIN_WEIGHT, marks
from .summary import article_lines

MARKERS = ("\u00ab", "\u00bb")  # «word» marks a trigger when colour is off


# ---------------------------------------------------------------- text


@dataclass(frozen=True)
class TextOptions:
    """What the text renderer shows: which findings, and which of their trigger words."""

    dimensions: tuple[str, ...] = ()  # none named: all
    min_probability: float = 0.0  # findings below this probability are not printed
    min_weight: float = MIN_WEIGHT  # triggers below this weight are neither marked nor listed
    findings: bool = True  # False: the summary only

    def flagged(self, sentence: Sentence) -> list[str]:
        """The dimensions of `sentence` to print: flagged, chosen, and probable enough."""
        return [t for t in self.dimensions or dimensions.names() if t in sentence.verdicts and sentence.verdicts[t].positive
                and sentence.verdicts[t].probability >= self.min_probability]

    def triggers(self, verdict: Verdict) -> list[Span]:
        return [t for t in verdict.triggers if t.weight >= self.min_weight]


def _highlight(sentence: Sentence, spans: list[tuple[Span, str]], style: Callable | None) -> str:
    """The sentence with trigger spans marked: coloured when `style` is given, «» otherwise."""
    out, text, pos = [], sentence.text, sentence.start
    for mark in marks(sentence.start, sentence.end, ((s.start, s.end, task, s.quoted) for s, task in spans)):
        out.append(text[pos - sentence.start:mark.start - sentence.start])
        word = text[mark.start - sentence.start:mark.end - sentence.start]
        out.append(style(word, fg=dimensions.get(mark.dimension).colour, bold=True) if style else f"{MARKERS[0]}{word}{MARKERS[1]}")
        pos = mark.end
    out.append(text[pos - sentence.start:])
    return "".join(out)


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _evidence(task: str, triggers: list[Span]) -> str:
    terms = ", ".join(f"{t.text} {t.weight:+.2f}" + (" (quoted)" if t.quoted else "") for t in triggers)
    return f"{task}: {terms}"


def render_text(document: Document, style: Callable | None = None, options: TextOptions = TextOptions()) -> str:
    """An article's summary lines, then its findings (unless `options` asks for the summary only)."""
    scores, r = document.scores, document.readability
    lines = [f"== {document.source}" + (f"  [{document.id}]" if document.id else "")]
    if document.language and not document.language.get("english", True):
        lines.append("   warning: this text does not look like English; the scores below are unreliable")
    lines += article_lines(scores)
    if r:
        lines.append(f"   readability: Flesch reading ease {r['flesch_reading_ease']}, "
                     f"grade {r['flesch_kincaid_grade']}, {r['words']} words, "
                     f"{scores.sentences} sentences")
    return "\n".join(lines) + "\n" + (render_findings(document, style, options) if options.findings else "")


def render_findings(document: Document, style: Callable | None = None, options: TextOptions = TextOptions()) -> str:
    """Each flagged sentence: where it is, its verdicts and voice, the sentence with its trigger
    words marked, and their weights."""
    lines = []
    for sentence in document.sentences:
        flagged = options.flagged(sentence)
        if not flagged:
            continue
        labels = ", ".join(f"{t} {sentence.verdicts[t].probability:.2f}"
                           + (f" [{', '.join(sentence.verdicts[t].kinds)}]" if sentence.verdicts[t].kinds else "")
                           for t in flagged)
        where = (f"{document.source}" + (f" [{document.id}]" if document.id else "") if document.unit == "sentence"
                 else f"{document.source}:{_position(document.text, sentence.start)}")
        lines.append(f"{where}: {labels} ({sentence.voice})")
        triggers = {t: options.triggers(sentence.verdicts[t]) for t in flagged}
        spans = [(trigger, t) for t in flagged for trigger in triggers[t]]
        lines.append("    " + _highlight(sentence, spans, style))
        evidence = " | ".join(_evidence(t, triggers[t]) for t in flagged if triggers[t])
        if evidence:
            lines.append("    " + evidence)
    return "".join(line + "\n" for line in lines)
