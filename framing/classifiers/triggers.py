"""The evidence a positive verdict shows: its strongest contributions that a reader can use,
none overlapping a stronger one, for one sentence explained in full (`LinearModel.triggers`)
or for a batch of positive sentences at once (`batch_triggers`).

The batch way starts from what scoring worked out already (each term's TF-IDF value, each
cue's count) and places in the text only the terms and cues that weigh enough to be shown:
most n-grams of a sentence push too little to matter, and listing all of them cost more than
the rest of explaining. It chooses exactly what `LinearModel.triggers` would.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..text.features import FUNCTION_WORDS, SENTENCE_CUES, TextFeatures
from .article_context import ARTICLE_CONTEXT
from .evaluation import Contribution

if TYPE_CHECKING:
    from .linear import LinearModel, TermValues

TOP_TRIGGERS = 6
MIN_TRIGGER_WEIGHT = 0.05  # smaller pushes are noise to a reader


def choose(text: str, ranked: list[Contribution], limit: int = TOP_TRIGGERS) -> list[Contribution]:
    """From contributions strongest first, those shown: no names, no terms made only of
    function words, no sentence cue (`SENTENCE_CUES`) nor the article context: they point at no
    words; none overlapping a stronger one."""
    chosen: list[Contribution] = []
    for c in ranked:
        if c.weight < MIN_TRIGGER_WEIGHT or len(chosen) == limit:
            break
        if c.kind in ("name", ARTICLE_CONTEXT) or c.kind in SENTENCE_CUES:
            continue
        if c.kind == "term" and FUNCTION_WORDS.issuperset(text[c.start:c.end].lower().split()):
            continue
        if not any(c.start < o.end and o.start < c.end for o in chosen):
            chosen.append(c)
    return chosen


def cue_contributions(model: LinearModel, spans_by_cue: dict[str, list[tuple[int, int]]], cue_values: list[float],
                      context_spans: dict[str, list[tuple[int, int]]] | None = None) -> list[Contribution]:
    """Each cue's contribution shared equally by its places: the matched cues in the order
    given, then the context cues (where `context_spans` places them) the model uses."""
    names = model.cues.names
    spans_by_cue = {**spans_by_cue, **{cue: spans for cue, spans in (context_spans or {}).items()
                                       if spans and cue in names}}
    found = []
    for cue, spans in spans_by_cue.items():
        k = names.index(cue)
        weight = cue_values[k] * model.cue_coef[k] / len(spans)
        found.extend(Contribution(s, t, cue, weight) for s, t in spans)
    return found


def _heavy_occurrences(model: LinearModel, terms: TermValues, n: int) -> tuple[list[int], list[float], list[int]]:
    """Each occurrence of a term that weighs MIN_TRIGGER_WEIGHT or more and is no name, in
    sentence order, then text order: its place among its sentence's terms, its weight, and
    where each sentence's occurrences start (and the last one's end). Found by NumPy: a
    sentence has a few dozen terms, a handful of them heavy."""
    weights = terms.values * model.coef[terms.columns] / terms.counts
    kept = np.flatnonzero((weights >= MIN_TRIGGER_WEIGHT) & ~model.name_mask[terms.columns])
    width = len(model.vocabulary)
    keys = terms.rows[kept] * width + terms.columns[kept]
    order = np.argsort(keys)
    keys, weights = keys[order], weights[kept][order]
    starts = np.asarray(terms.starts)
    rows = np.repeat(np.arange(n), np.diff(starts))
    occurrences = np.where(terms.indices >= 0, rows * width + terms.indices, -1)
    at = np.minimum(np.searchsorted(keys, occurrences), max(len(keys) - 1, 0))
    heavy = np.flatnonzero(keys[at] == occurrences) if len(keys) else np.zeros(0, dtype=np.int64)
    rows = rows[heavy]
    return ((heavy - starts[rows]).tolist(), weights[at[heavy]].tolist(),
            np.searchsorted(rows, np.arange(n + 1)).tolist())


def batch_triggers(model: LinearModel, sentences: list[TextFeatures], attributed: list[bool],
                   quoted_shares: list[float], terms: TermValues,
                   context_spans: list[dict[str, list[tuple[int, int]]]],
                   cue_values: list[list[float]] | None = None,
                   not_writer: list[float] | None = None) -> list[list[Contribution]]:
    """`LinearModel.triggers` of each sentence, from its `terms` (`LinearModel.term_values`)
    and, if worked out already, its `cue_values` (`CueSet.values`; else from `not_writer`, the
    voice model's log-odds of each, 0 where not given).

    A term occurrence weighs its TF-IDF value times its weight, shared by its occurrences, as
    in `LinearModel.contributions` (the same products, worked out by NumPy): only those of
    MIN_TRIGGER_WEIGHT or more are placed, names left out (`choose` passes them over). A cue
    can weigh that much only if it pushes towards positive: only such cues are placed."""
    places, weights, bounds = _heavy_occurrences(model, terms, len(sentences))
    cue_coef, names = model.cue_coef, model.cues.names
    if cue_values is None:
        cue_values = [model.cues.values(f, a, q, not_writer=v) for f, a, q, v in
                      zip(sentences, attributed, quoted_shares, not_writer or [0.0] * len(sentences))]
    out = []
    for row, (features, values, context) in enumerate(zip(sentences, cue_values, context_spans)):
        ranked = []
        first, last = bounds[row], bounds[row + 1]
        if first < last:
            spans = features.gram_spans(model.analyzer)
            ranked = [Contribution(*spans[k], "term", weight) for k, weight in zip(places[first:last], weights[first:last])]
        pushing = {name for name, value, coef in zip(names, values, cue_coef) if value * coef > 0}
        spans_by_cue = model.cues.match_spans(features, pushing) if pushing else {}
        ranked += cue_contributions(model, spans_by_cue, values, context)
        out.append(choose(features.text, sorted(ranked, key=lambda c: -c.weight)))
    return out
