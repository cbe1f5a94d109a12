"""The JSON form of a scored document (schema "framing/1"), both ways.

Per article: source, path, id, title, format, metadata, warnings about the input, the
SHA-256 of the text (`content_sha256`), the unit ("article", or "sentence" for a sentence
record), a language check (scores of text that is not English are unreliable), the text itself (every
offset indexes it), model versions, article scores, readability, and the sentences. Per sentence: index,
start, end, text, kind, voice, quotes, attributions, and one verdict per dimension (null
for debris): probability, label, triggers [{start, end, text, kind, weight, quoted}] and,
for speculation, kinds. Results cross process boundaries and the cache in this form.

With fewer `fields` (framing.pipeline.fields), the keys of the fields left out are left out too:
`scores`, `sentences`, per verdict `triggers` and `kinds`, `readability`, `text`.
"""
from __future__ import annotations

from .. import dimensions
from .document import Document, Sentence, Span, Verdict
from .fields import ALL
from .scores import ArticleScores

SCHEMA = "framing/1"


def _span_dict(span: Span) -> dict:
    d = {"start": span.start, "end": span.end, "text": span.text}
    if span.kind:
        d["kind"] = span.kind
    return d


def _trigger_dict(span: Span) -> dict:
    return {**_span_dict(span), "weight": span.weight, "quoted": span.quoted}


def verdict_dict(task: str, verdict: Verdict, triggers: bool = True) -> dict:
    d = {"probability": verdict.probability, "label": verdict.label}
    if triggers:
        d["triggers"] = [_trigger_dict(t) for t in verdict.triggers]
        if dimensions.get(task).kinds:
            d["kinds"] = verdict.kinds
    return d


def sentence_dict(index: int, sentence: Sentence, triggers: bool = True) -> dict:
    d = {"index": index, "start": sentence.start, "end": sentence.end, "text": sentence.text,
         "kind": sentence.kind, "voice": sentence.voice,
         "quotes": [{"start": q.start, "end": q.end} for q in sentence.quotes],
         "attributions": [_span_dict(a) for a in sentence.attributions]}
    for task in dimensions.names():
        verdict = sentence.verdicts.get(task)
        d[task] = verdict_dict(task, verdict, triggers) if verdict else None
    return d


def document_dict(document: Document, fields: frozenset[str] = ALL) -> dict:
    d = {
        "schema": SCHEMA, "source": document.source, "path": document.path, "id": document.id,
        "title": document.title,
        "format": document.format, "metadata": document.metadata, "warnings": document.warnings,
        "content_sha256": document.content_sha256, "unit": document.unit, "language": document.language, "text": document.text,
        "models": document.models, "scores": document.scores.to_dict() if document.scores else {},
        "readability": document.readability,
    }
    for name in ("text", "scores", "readability"):
        if name not in fields:
            del d[name]
    if "sentences" in fields:
        triggers = "triggers" in fields
        d["sentences"] = [sentence_dict(i, s, triggers) for i, s in enumerate(document.sentences)]
    return d


RECORD_IDENTITY = ("source", "path", "id", "metadata", "warnings", "content_sha256")


def sentence_record(result: dict) -> dict:
    """A `--unit sentence` result as written: the record's identity, then its sentence object
    (as in an article's "sentences", without the index), then the model versions."""
    sentence = {k: v for k, v in result["sentences"][0].items() if k != "index"} if result.get("sentences") else {}
    return {"schema": SCHEMA, "unit": "sentence", **{k: result.get(k) for k in RECORD_IDENTITY},
            **sentence, "models": result.get("models")}


def _span(d: dict, text: str, kind: str = "") -> Span:
    return Span(d["start"], d["end"], text[d["start"]:d["end"]], d.get("kind", kind))


def document_from_dict(d: dict) -> Document:
    """The `Document` a `document_dict` was made from (what fields it lacks stays empty)."""
    text = d.get("text", "")
    sentences = []
    for s in d.get("sentences", []):
        verdicts = {}
        for task in dimensions.names():
            v = s.get(task)
            if v:
                verdicts[task] = Verdict(
                    v["probability"], v["label"], kinds=list(v.get("kinds", [])),
                    triggers=[Span(t["start"], t["end"], t["text"], t.get("kind", ""), t["weight"],
                                   t.get("quoted", False)) for t in v.get("triggers", [])])
        sentences.append(Sentence(s["start"], s["end"], s["text"], s["kind"],
                                  quotes=[_span(q, text, "quote") for q in s["quotes"]],
                                  attributions=[_span(a, text) for a in s["attributions"]],
                                  verdicts=verdicts, voice_label=s.get("voice")))
    return Document(text=text, source=d["source"], path=d.get("path"), title=d.get("title"), id=d.get("id"),
                    format=d.get("format", "txt"), metadata=d.get("metadata") or {},
                    warnings=list(d.get("warnings") or []), unit=d.get("unit", "article"),
                    language=d.get("language") or {},
                    sentences=sentences, readability=d.get("readability") or {},
                    scores=ArticleScores.from_dict(d["scores"]) if d.get("scores") else None,
                    models=d.get("models") or {})
