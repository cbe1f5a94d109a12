"""Which parts of a result to compute and write: a corpus run that needs only the article
scores should not pay for trigger words, readability or a copy of every article.

A result always has its identity (schema, source, path, id, title, format, metadata,
warnings), its language check and its model versions. The rest comes in fields:

- scores: the article scores (`scores`);
- sentences: the `sentences` list, each with its offsets, text, kind, voice, quotes,
  attributions and, per dimension, `probability` and `label`;
- triggers: in each sentence's verdicts, `triggers` and (speculative) `kinds`; needs sentences;
- readability: the article's `readability` figures (textstat);
- text: the article's `text` (the sentences keep their own text).

All fields together are the full result, the default. What a field leaves out is not
computed where nothing else needs it: without triggers (and without scores) no verdict is
explained, and without readability only textstat's word count is taken, for the scores.
"""
from __future__ import annotations

from ..errors import FramingError

FIELDS = ("scores", "sentences", "triggers", "readability", "text")
ALL = frozenset(FIELDS)


def parse_fields(value: str) -> frozenset[str]:
    """"scores,sentences" as a set of fields, checked."""
    chosen = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in FIELDS]
    if not chosen or unknown:
        raise FramingError(f"--fields {value!r}: give a comma-separated list of {', '.join(FIELDS)}"
                           + (f" (no field {', '.join(unknown)})" if unknown else ""))
    fields = frozenset(chosen)
    if "triggers" in fields and "sentences" not in fields:
        raise FramingError("--fields: triggers are part of the sentences; add sentences")
    return fields


def fields_tag(fields: frozenset[str]) -> str:
    """The fields as one stable string ("" for the full result): part of a cache key."""
    return "" if fields == ALL else ",".join(f for f in FIELDS if f in fields)
