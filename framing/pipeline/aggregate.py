"""Article-level scores, computed from the sentences' verdicts and voices only.

Shares are of the scored sentences (debris is not counted). The writer's own voice is kept
apart from quoted and attributed speech throughout: a quoted "atrocities" is the speaker's
language, not the outlet's.
"""
from __future__ import annotations

from collections import Counter

from .. import dimensions
from .document import Document, Sentence
from .scores import ArticleScores, DimensionScores, KindScores

TOP_SENTENCES = 3
VOICES = ("writer", "attributed", "quoted")
STRONG = 0.8  # probabilities are calibrated on news: a strong verdict is right about 80% of the time or more


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _flagged(scored: list[tuple[int, Sentence]], task: str) -> list[tuple[int, Sentence]]:
    """Flagged sentences of `task`, strongest first."""
    flagged = [(i, s) for i, s in scored if s.verdicts[task].positive]
    return sorted(flagged, key=lambda item: (-item[1].verdicts[task].probability, item[0]))


def _dimension(scored: list[tuple[int, Sentence]], dimension: dimensions.Dimension, words: int) -> DimensionScores:
    task = dimension.name
    flagged = _flagged(scored, task)
    probabilities = [s.verdicts[task].probability for _, s in scored]
    kinds = None
    if dimension.kinds:
        counts = Counter(k for _, s in flagged for k in s.verdicts[task].kinds)
        kinds = {k: KindScores(counts[k], _share(counts[k], len(scored))) for k in dimension.kinds}
    return DimensionScores(
        count=len(flagged),
        share=_share(len(flagged), len(scored)),
        strong_share=_share(sum(p >= STRONG for p in probabilities), len(scored)),
        writer_share=_share(sum(s.voice == "writer" for _, s in flagged), len(scored)),
        reported_share=_share(sum(s.voice != "writer" for _, s in flagged), len(scored)),
        mean_probability=round(sum(probabilities) / len(probabilities), 4) if probabilities else 0.0,
        top=[i for i, _ in flagged[:TOP_SENTENCES]],
        extras=dimension.extras(scored, flagged, words) if dimension.extras else {},
        kinds=kinds)


def article_scores(document: Document, words: int | None = None) -> ArticleScores:
    """Per dimension: flagged count, share (all, writer's voice, reported speech), mean
    probability and the strongest sentences; the counts of its kinds, if it names kinds; and
    what the dimension adds of its own (`Dimension.extras`). `words` is textstat's word count
    (by default the readability figures')."""
    scored = [(i, s) for i, s in enumerate(document.sentences) if s.scored]
    words = (document.readability.get("words") if words is None else words) or sum(len(s.text.split()) for _, s in scored)
    return ArticleScores(len(document.sentences), len(scored), {v: sum(s.voice == v for _, s in scored) for v in VOICES},
                         {d.name: _dimension(scored, d, words) for d in dimensions.registered()})
