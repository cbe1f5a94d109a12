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
from .evaluation import Contribution

if TYPE_CHECKING:
    from .linear import LinearModel, TermValues

TOP_TRIGGERS = 6
MIN_TRIGGER_WEIGHT = 0.05  # smaller pushes are noise to a reader


def choose(text: str, ranked: list[Contribution], limit: int = TOP_TRIGGERS) -> list[Contribution]:
    """From contributions strongest first, those shown: no names, no terms made only of
    function words, no sentence cue (`SENTENCE_CUES`: no words to point at), none overlapping
    a stronger one."""
    chosen: list[Contribution] = []
    for c in ranked:
        if c.weight < MIN_TRIGGER_WEIGHT or len(chosen) == limit:
            break
        if c.kind == "name" or c.kind in SENTENCE_CUES:
            continue
        if c.kind == "term" and all(w in FUNCTION_WORDS for w in text[c.start:c.end].lower().split()):
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
    weights = terms.values * model.coef[terms.columns] / terms.counts
    kept = np.flatnonzero(weights >= MIN_TRIGGER_WEIGHT)
    heavy: list[dict[int, float]] = [{} for _ in sentences]
    name_terms = model.name_terms
    for row, column, weight in zip(terms.rows[kept].tolist(), terms.columns[kept].tolist(), weights[kept].tolist()):
        if column not in name_terms:
            heavy[row][column] = weight
    cue_coef, names = model.cue_coef, model.cues.names
    if cue_values is None:
        cue_values = [model.cues.values(f, a, q, not_writer=v) for f, a, q, v in
                      zip(sentences, attributed, quoted_shares, not_writer or [0.0] * len(sentences))]
    out = []
    for features, found, heavy_terms, values, context in zip(sentences, terms.found, heavy, cue_values, context_spans):
        ranked = []
        if heavy_terms:
            spans = features.gram_spans(model.analyzer)
            ranked = [Contribution(*spans[k], "term", heavy_terms[index]) for k, index in enumerate(found)
                      if index in heavy_terms]
        pushing = {name for name, value, coef in zip(names, values, cue_coef) if value * coef > 0}
        spans_by_cue = model.cues.match_spans(features, pushing) if pushing else {}
        ranked += cue_contributions(model, spans_by_cue, values, context)
        out.append(choose(features.text, sorted(ranked, key=lambda c: -c.weight)))
    return out
