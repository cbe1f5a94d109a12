"""Loaded language: emotionally charged or slanted wording, down to the words that carry it."""
from __future__ import annotations

from . import Dimension


def _per_100_words(count: int, words: int) -> float:
    return round(100 * count / words, 2) if words else 0.0


def extras(scored: list, flagged: list, words: int) -> dict:
    """Trigger terms of flagged sentences per 100 words: the writer's, and those in quotes."""
    terms = [t for _, s in flagged for t in s.verdicts["loaded"].triggers]
    return {"terms_per_100_words": _per_100_words(sum(not t.quoted for t in terms), words),
            "quoted_terms_per_100_words": _per_100_words(sum(t.quoted for t in terms), words)}


def summary(scores) -> str:
    """The summary line's tail, from the article's `DimensionScores`."""
    return (f"{scores.extras['terms_per_100_words']} loaded terms per 100 words "
            f"(+{scores.extras['quoted_terms_per_100_words']} quoted)")


DIMENSION = Dimension(
    name="loaded", positive="loaded", negative="neutral",
    purpose="Flags sentences with loaded language: emotionally charged or slanted wording.",
    recipe="framing.training.tasks.loaded:TASK",
    colour="red", html_colour="#d62728", tint="#f8c9c9", letter="L",
    scores_read="triggers", extras=extras,
    extra_columns=("terms_per_100_words", "quoted_terms_per_100_words"), summary=summary,
)
