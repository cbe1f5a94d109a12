"""Article-level scores, computed from the sentences' verdicts only."""
from __future__ import annotations

from .document import DIMENSIONS, Document

TOP_SENTENCES = 3


def article_scores(document: Document) -> dict:
    """Per dimension: how many scored sentences are flagged, their share, the mean probability,
    and the indices of the strongest flagged sentences."""
    scored = [(i, s) for i, s in enumerate(document.sentences) if s.scored]
    scores = {"sentences": len(document.sentences), "scored_sentences": len(scored)}
    for task in DIMENSIONS:
        verdicts = [(i, s.verdicts[task]) for i, s in scored if task in s.verdicts]
        flagged = sorted(((v.probability, i) for i, v in verdicts if v.positive), reverse=True)
        n = len(verdicts)
        scores[task] = {
            "count": len(flagged),
            "share": round(len(flagged) / n, 4) if n else 0.0,
            "mean_probability": round(sum(v.probability for _, v in verdicts) / n, 4) if n else 0.0,
            "top": [i for _, i in flagged[:TOP_SENTENCES]],
        }
    return scores
