"""Results as flat rows, for CSV and data frames: one row per article or one per sentence.

A result's metadata fields (outlet, date, ...) become columns of their own; across many
results the columns are the union of their keys, in the order first seen. A metadata field
whose name a fixed column already has is prefixed with `metadata_`.
"""
from __future__ import annotations

from collections.abc import Iterable

from .aggregate import KINDS
from .document import DIMENSIONS

SHARED_SCORES = ("count", "share", "strong_share", "writer_share", "reported_share", "mean_probability")
ARTICLE_COLUMNS = (
    ["source", "path", "id", "title", "format", "sentences", "scored_sentences"]
    + [f"{task}_{m}" for task in DIMENSIONS for m in SHARED_SCORES]
    + ["loaded_terms_per_100_words", "loaded_quoted_terms_per_100_words", "opinion_attributed_share"]
    + [f"speculative_{k}" for k in KINDS]
    + ["flesch_reading_ease", "flesch_kincaid_grade", "words", "models"]
)
SENTENCE_COLUMNS = (
    ["source", "id", "index", "start", "end", "kind", "voice", "text"]
    + [f"{task}_{m}" for task in DIMENSIONS for m in ("probability", "label", "triggers")]
    + ["speculative_kinds"]
)


def article_row(result: dict) -> dict:
    """The fixed columns of one article (metadata apart: see `with_metadata`)."""
    s, r = result["scores"], result.get("readability") or {}
    row = {name: result.get(name) for name in ("source", "path", "id", "title", "format")}
    row.update(sentences=s["sentences"], scored_sentences=s["scored_sentences"])
    row.update({f"{task}_{m}": s[task].get(m) for task in DIMENSIONS for m in SHARED_SCORES})
    row.update(loaded_terms_per_100_words=s["loaded"]["terms_per_100_words"],
               loaded_quoted_terms_per_100_words=s["loaded"]["quoted_terms_per_100_words"],
               opinion_attributed_share=s["opinion"]["attributed_share"])
    row.update({f"speculative_{k}": s["speculative"]["kinds"][k]["count"] for k in KINDS})
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
        for task in DIMENSIONS:
            verdict = s.get(task) or {}
            row[f"{task}_probability"] = verdict.get("probability")
            row[f"{task}_label"] = verdict.get("label")
            row[f"{task}_triggers"] = ", ".join(t["text"] for t in verdict.get("triggers", []))
        row["speculative_kinds"] = ", ".join((s.get("speculative") or {}).get("kinds", []))
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
