"""Renderers: each turns one scored document into one output format and does no I/O.

JSON and JSONL follow the schema in `schema.py`; the text renderer prints one finding per
flagged sentence, linter style.
"""
from __future__ import annotations

from collections.abc import Callable

from .document import DIMENSIONS, Document, Sentence, Span, Verdict
from .highlight import marks

COLOURS = {"loaded": "red", "opinion": "yellow", "speculative": "cyan"}
MARKERS = ("\u00ab", "\u00bb")  # «word» marks a trigger when colour is off


# ---------------------------------------------------------------- text

def _highlight(sentence: Sentence, spans: list[tuple[Span, str]], style: Callable | None) -> str:
    """The sentence with trigger spans marked: coloured when `style` is given, «» otherwise."""
    out, text, pos = [], sentence.text, sentence.start
    for mark in marks(sentence.start, sentence.end, ((s.start, s.end, task, s.quoted) for s, task in spans)):
        out.append(text[pos - sentence.start:mark.start - sentence.start])
        word = text[mark.start - sentence.start:mark.end - sentence.start]
        out.append(style(word, fg=COLOURS[mark.dimension], bold=True) if style else f"{MARKERS[0]}{word}{MARKERS[1]}")
        pos = mark.end
    out.append(text[pos - sentence.start:])
    return "".join(out)


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _summary(scores: dict) -> list[str]:
    total = scores.get("scored_sentences", 0)
    loaded, opinion, spec = scores["loaded"], scores["opinion"], scores["speculative"]
    kinds = ", ".join(f"{k} {v['count']}" for k, v in spec["kinds"].items() if v["count"])
    return [
        f"   loaded {loaded['share']:.0%} ({loaded['count']}/{total}; strong {loaded['strong_share']:.0%}): writer {loaded['writer_share']:.0%}, "
        f"reported {loaded['reported_share']:.0%}; {loaded['terms_per_100_words']} loaded terms per 100 words "
        f"(+{loaded['quoted_terms_per_100_words']} quoted)",
        f"   opinion {opinion['share']:.0%} ({opinion['count']}/{total}; strong {opinion['strong_share']:.0%}): writer {opinion['writer_share']:.0%}; "
        f"attributed or quoted sentences {opinion['attributed_share']:.0%}",
        f"   speculative {spec['share']:.0%} ({spec['count']}/{total}; strong {spec['strong_share']:.0%}): writer {spec['writer_share']:.0%}, "
        f"reported {spec['reported_share']:.0%}" + (f"; {kinds}" if kinds else ""),
    ]


def _evidence(task: str, verdict: Verdict) -> str:
    terms = ", ".join(f"{t.text} {t.weight:+.2f}" + (" (quoted)" if t.quoted else "") for t in verdict.triggers)
    return f"{task}: {terms}"


def render_text(document: Document, style: Callable | None = None) -> str:
    scores, r = document.scores, document.readability
    lines = [f"== {document.source}" + (f"  [{document.id}]" if document.id else "")]
    if document.language and not document.language.get("english", True):
        lines.append("   warning: this text does not look like English; the scores below are unreliable")
    lines += _summary(scores)
    if r:
        lines.append(f"   readability: Flesch reading ease {r['flesch_reading_ease']}, "
                     f"grade {r['flesch_kincaid_grade']}, {r['words']} words, "
                     f"{scores.get('sentences', 0)} sentences")
    for sentence in document.sentences:
        flagged = [t for t in DIMENSIONS if t in sentence.verdicts and sentence.verdicts[t].positive]
        if not flagged:
            continue
        labels = ", ".join(f"{t} {sentence.verdicts[t].probability:.2f}"
                           + (f" [{', '.join(sentence.verdicts[t].kinds)}]" if sentence.verdicts[t].kinds else "")
                           for t in flagged)
        lines.append(f"{document.source}:{_position(document.text, sentence.start)}: {labels} ({sentence.voice})")
        spans = [(trigger, t) for t in flagged for trigger in sentence.verdicts[t].triggers]
        lines.append("    " + _highlight(sentence, spans, style))
        evidence = " | ".join(_evidence(t, sentence.verdicts[t]) for t in flagged if sentence.verdicts[t].triggers)
        if evidence:
            lines.append("    " + evidence)
    return "\n".join(lines) + "\n"


def sentence_record(record: dict, verdicts: dict[str, Verdict], fields=None) -> dict:
    """One output line of `--unit sentence`: the record's id and text, then each dimension."""
    id_field, text_field = (fields.id, fields.text) if fields else ("id", "text")
    out = {"id": record.get(id_field), "text": record.get(text_field)}
    for task in DIMENSIONS:
        out[task] = {"probability": verdicts[task].probability, "label": verdicts[task].label}
    return out
