"""Results as flat rows, for CSV and data frames: one row per article or one per sentence.

A result's metadata fields (outlet, date, ...) become columns of their own; across many
results the columns are the union of their keys, in the order first seen. A metadata field
whose name a fixed column already has is prefixed with `metadata_`.
"""
from __future__ import annotations

from collections.abc import Iterable

from .. import dimensions
from ..pipeline.scores import ArticleScores

SHARED_SCORES = ("count", "share", "strong_share", "writer_share", "reported_share", "mean_probability")
ARTICLE_HEAD = ["source", "path", "id", "title", "format", "sentences", "scored_sentences"]
ARTICLE_TAIL = ["flesch_reading_ease", "flesch_kincaid_grade", "words", "models"]
SENTENCE_HEAD = ["source", "id", "index", "start", "end", "kind", "voice", "text"]


def article_columns() -> list[str]:
    """Every dimension's shared scores, then each one's own numbers and kind counts."""
    registered = dimensions.registered()
    return (ARTICLE_HEAD + [f"{d.name}_{m}" for d in registered for m in SHARED_SCORES]
            + [f"{d.name}_{c}" for d in registered for c in d.extra_columns + d.kinds] + ARTICLE_TAIL)


def sentence_columns() -> list[str]:
    registered = dimensions.registered()
    return (SENTENCE_HEAD + [f"{d.name}_{m}" for d in registered for m in ("probability", "label", "triggers")]
            + [f"{d.name}_kinds" for d in registered if d.kinds])


def article_row(result: dict) -> dict:
    """The fixed columns of one article (metadata apart: see `with_metadata`)."""
    s, r = ArticleScores.from_dict(result["scores"]), result.get("readability") or {}
    row = {name: result.get(name) for name in ("source", "path", "id", "title", "format")}
    row.update(sentences=s.sentences, scored_sentences=s.scored_sentences)
    for d in dimensions.registered():
        scores = s[d.name]
        row.update({f"{d.name}_{m}": getattr(scores, m) for m in SHARED_SCORES})
        row.update({f"{d.name}_{c}": scores.extras.get(c) for c in d.extra_columns})
        row.update({f"{d.name}_{k}": scores.kinds[k].count for k in d.kinds})
    row.update(flesch_reading_ease=r.get("flesch_reading_ease"), flesch_kincaid_grade=r.get("flesch_kincaid_grade"),
               words=r.get("words"), models=" ".join((result.get("models") or {}).values()))
    return row


def sentence_rows(result: dict) -> list[dict]:
    """One row per sentence of an article: where it is, who speaks, and each verdict (empty
    for debris, which is not scored); triggers are the trigger words, comma-separated."""
    rows = []
    for s in result["sentences"]:
        row = {"source": result.get("source"), "id": result.get("id"), "index": s["index"], "start": s["start"],
               "end": s["end"], "kind": s["kind"], "voice": s["voice"], "text": s["text"]}
        for d in dimensions.registered():
            verdict = s.get(d.name) or {}
            row[f"{d.name}_probability"] = verdict.get("probability")
            row[f"{d.name}_label"] = verdict.get("label")
            row[f"{d.name}_triggers"] = ", ".join(t["text"] for t in verdict.get("triggers", []))
            if d.kinds:
                row[f"{d.name}_kinds"] = ", ".join(verdict.get("kinds", []))
        rows.append(row)
    return rows


def metadata_columns(results: Iterable[dict], fixed: Iterable[str]) -> dict[str, str]:
    """{metadata key: its column name}, for the union of the results' keys in first-seen order."""
    taken = set(fixed)
    columns: dict[str, str] = {}
    for result in results:
        for key in result.get("metadata") or {}:
            if key not in columns:
                columns[key] = f"metadata_{key}" if key in taken else key
    return columns


def with_metadata(row: dict, result: dict, columns: dict[str, str]) -> dict:
    """`row` with a value (or None) for every metadata column."""
    metadata = result.get("metadata") or {}
    return {**row, **{name: metadata.get(key) for key, name in columns.items()}}
