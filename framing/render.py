"""Renderers: each turns scored documents into one output format and does no I/O.

`document_dict` is the documented JSON schema (SCHEMA); the text renderer reads the same
dict-free object graph and prints one finding per flagged sentence, linter style.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from .document import DIMENSIONS, Document, Sentence, Span, Verdict

SCHEMA = "framing/1"
COLOURS = {"loaded": "red", "opinion": "yellow", "speculative": "cyan"}
MARKERS = ("\u00ab", "\u00bb")  # «word» marks a trigger when colour is off


def _span_dict(span: Span, with_weight: bool = False) -> dict:
    d = {"start": span.start, "end": span.end, "text": span.text}
    if span.kind:
        d["kind"] = span.kind
    if with_weight:
        d["weight"] = span.weight
    return d


def verdict_dict(verdict: Verdict) -> dict:
    return {"probability": verdict.probability, "label": verdict.label,
            "triggers": [_span_dict(t, with_weight=True) for t in verdict.triggers]}


def sentence_dict(index: int, sentence: Sentence) -> dict:
    d = {"index": index, "start": sentence.start, "end": sentence.end, "text": sentence.text,
         "kind": sentence.kind,
         "quotes": [{"start": q.start, "end": q.end} for q in sentence.quotes],
         "attributions": [_span_dict(a) for a in sentence.attributions]}
    for task in DIMENSIONS:
        verdict = sentence.verdicts.get(task)
        d[task] = verdict_dict(verdict) if verdict else None
    return d


def document_dict(document: Document) -> dict:
    return {
        "schema": SCHEMA, "source": document.source, "id": document.id, "title": document.title,
        "format": document.format, "metadata": document.metadata, "models": document.models,
        "scores": document.scores, "readability": document.readability,
        "sentences": [sentence_dict(i, s) for i, s in enumerate(document.sentences)],
    }


def render_json(document: Document, style: Callable | None = None) -> str:
    return json.dumps(document_dict(document), ensure_ascii=False, indent=2)


def render_jsonl(document: Document, style: Callable | None = None) -> str:
    return json.dumps(document_dict(document), ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- text

def _highlight(sentence: Sentence, spans: list[tuple[Span, str]], style: Callable | None) -> str:
    """The sentence with trigger spans marked: coloured when `style` is given, «» otherwise."""
    out, pos = [], sentence.start
    chosen: list[tuple[Span, str]] = []
    for span, task in sorted(spans, key=lambda st: (st[0].start, -st[0].end)):
        if span.start >= pos and span.start >= sentence.start and span.end <= sentence.end:
            chosen.append((span, task))
            pos = span.end
    text, pos = sentence.text, sentence.start
    for span, task in chosen:
        out.append(text[pos - sentence.start:span.start - sentence.start])
        word = text[span.start - sentence.start:span.end - sentence.start]
        out.append(style(word, fg=COLOURS[task], bold=True) if style else f"{MARKERS[0]}{word}{MARKERS[1]}")
        pos = span.end
    out.append(text[pos - sentence.start:])
    return "".join(out)


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _percent(score: dict, total: int) -> str:
    return f"{score['share']:.0%} ({score['count']}/{total})"


def render_text(document: Document, style: Callable | None = None) -> str:
    scores, r = document.scores, document.readability
    total = scores.get("scored_sentences", 0)
    lines = [f"== {document.source}" + (f"  [{document.id}]" if document.id else "")]
    lines.append("   " + "   ".join(f"{task} {_percent(scores[task], total)}" for task in DIMENSIONS))
    if r:
        lines.append(f"   readability: Flesch reading ease {r['flesch_reading_ease']}, "
                     f"grade {r['flesch_kincaid_grade']}, {r['words']} words, "
                     f"{scores.get('sentences', 0)} sentences")
    for sentence in document.sentences:
        flagged = [t for t in DIMENSIONS if t in sentence.verdicts and sentence.verdicts[t].positive]
        if not flagged:
            continue
        labels = ", ".join(f"{t} {sentence.verdicts[t].probability:.2f}" for t in flagged)
        lines.append(f"{document.source}:{_position(document.text, sentence.start)}: {labels}")
        spans = [(trigger, t) for t in flagged for trigger in sentence.verdicts[t].triggers]
        lines.append("    " + _highlight(sentence, spans, style))
        evidence = " | ".join(
            f"{t}: " + ", ".join(f"{tr.text} {tr.weight:+.2f}" for tr in sentence.verdicts[t].triggers)
            for t in flagged if sentence.verdicts[t].triggers)
        if evidence:
            lines.append("    " + evidence)
    return "\n".join(lines) + "\n"


# Each renderer turns one document into text; `style` is click.style when colour is on.
RENDERERS: dict[str, Callable[[Document, Callable | None], str]] = {
    "text": render_text, "json": render_json, "jsonl": render_jsonl,
}


def sentence_record(record: dict, verdicts: dict[str, Verdict]) -> dict:
    """One output line of `--unit sentence`: the record's id and text, then each dimension."""
    out = {"id": record.get("id"), "text": record.get("text")}
    for task in DIMENSIONS:
        out[task] = {"probability": verdicts[task].probability, "label": verdicts[task].label}
    return out
