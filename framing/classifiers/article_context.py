"""The article around a sentence as one term of its verdict.

How likely a writer is to opine, or to use loaded words, shows in the rest of the article:
an op-ed judges from end to end, a wire report hardly ever. So a sentence scored inside a
document with other scored sentences gets, beside its own logit L_i (the sum of its words'
and cues' contributions), the term

    w * (mean of L_j over the document's other scored sentences - mu)

where the L_j are the other sentences' own logits, without this term, and the weight w and
the centre mu are fitted with the news calibration (`training.calibration`) and stored in the
model file. A sentence read alone, or the only one scored in its document, keeps L_i: mu is
the mean context of the training sentences, so L_i is the verdict at an average article. The
term points at no words: it is a contribution of its own (`ARTICLE_CONTEXT`), never a trigger.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

ARTICLE_CONTEXT = "article_context"  # the contribution's kind; shown to readers as "article context"


def others_mean(values: np.ndarray, groups: Sequence | None = None) -> np.ndarray:
    """Each value's mean over the other values of its group (all one group when `groups` is
    None); NaN where its group holds no other."""
    values = np.asarray(values, dtype=float)
    numbers: dict = {}
    inverse = np.zeros(len(values), dtype=np.int64) if groups is None else \
        np.fromiter((numbers.setdefault(g, len(numbers)) for g in groups), np.int64, len(values))
    sums = np.bincount(inverse, values, minlength=1)[inverse]
    others = np.bincount(inverse, minlength=1)[inverse] - 1
    return np.where(others > 0, (sums - values) / np.maximum(others, 1), np.nan)


def context_term(weight: float, centre: float, mean_of_others: float | None) -> float:
    """The term one sentence's logit gets from the mean logit of the others (None: read alone)."""
    return 0.0 if mean_of_others is None or not weight else weight * (mean_of_others - centre)


def context_terms(logits: np.ndarray, weight: float, centre: float, groups: Sequence | None = None) -> np.ndarray:
    """`context_term` of each sentence, from the logits of the sentences of its group (its
    document; all one document when `groups` is None)."""
    if not weight or len(logits) < 2:
        return np.zeros(len(logits))
    means = others_mean(logits, groups)
    return np.where(np.isnan(means), 0.0, weight * (np.nan_to_num(means, nan=centre) - centre))
