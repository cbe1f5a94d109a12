"""A trained sentence classifier as plain arrays: TF-IDF weights plus a logistic regression.

Scoring needs no scikit-learn object: the vocabulary, idf weights and coefficients are
enough, which keeps model files free of pickles, start-up fast, and every contribution to a
verdict countable term by term. `training.py` checks that these arrays reproduce the
scikit-learn pipeline they were exported from.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import ModelError
from .features import CUE_NAMES, FUNCTION_WORDS, cue_matches, cue_values, ngrams

FORMAT = "framing-linear/1"
TOP_TRIGGERS = 6
MIN_TRIGGER_WEIGHT = 0.05  # smaller pushes are noise to a reader


@dataclass
class Contribution:
    """How much one term or cue, at one place in the sentence, pushed the decision."""

    start: int
    end: int
    kind: str  # "term" or a cue name
    weight: float


@dataclass
class LinearModel:
    task: str
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # one weight per vocabulary term, then one per cue in CUE_NAMES
    intercept: float
    metadata: dict = field(default_factory=dict)

    @property
    def uses_context(self) -> bool:
        """Whether the model weighs who speaks (quotation, attribution); see training.USES_CONTEXT."""
        return bool(self.metadata.get("uses_context", True))

    def _cues(self, text: str, attributed: bool, quoted_share: float) -> list[float]:
        if not self.uses_context:
            attributed, quoted_share = False, 0.0
        return cue_values(text, attributed, quoted_share)

    # ------------------------------------------------------------ scoring

    def _term_weights(self, text: str) -> tuple[dict[int, float], list[tuple[int, int, int]]]:
        """TF-IDF value of each known n-gram (sublinear tf, l2-normalized), and where each occurs."""
        occurrences = [(self.vocabulary[g], s, e) for g, s, e in ngrams(text) if g in self.vocabulary]
        counts = Counter(index for index, _, _ in occurrences)
        values = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        if norm:
            values = {i: v / norm for i, v in values.items()}
        return values, occurrences

    def decision(self, text: str, attributed: bool = False, quoted_share: float = 0.0) -> float:
        values, _ = self._term_weights(text)
        cues = self._cues(text, attributed, quoted_share)
        n = len(self.vocabulary)
        return (self.intercept + sum(v * self.coef[i] for i, v in values.items())
                + float(np.dot(self.coef[n:], cues)))

    def probability(self, text: str, attributed: bool = False, quoted_share: float = 0.0) -> float:
        return 1.0 / (1.0 + math.exp(-self.decision(text, attributed, quoted_share)))

    def contributions(self, text: str, attributed: bool = False, quoted_share: float = 0.0,
                      context_spans: dict[str, list[tuple[int, int]]] | None = None
                      ) -> list[Contribution]:
        """Per-occurrence contributions to the decision, largest push towards positive first.

        `context_spans` gives where the context cues ("attributed", "quoted") lie in `text`.
        """
        values, occurrences = self._term_weights(text)
        # A feature's contribution is shared equally by its occurrences.
        per_term = Counter(i for i, _, _ in occurrences)
        found = [Contribution(s, e, "term", float(values[i] * self.coef[i]) / per_term[i])
                 for i, s, e in occurrences]
        n = len(self.vocabulary)
        values_by_cue = dict(zip(CUE_NAMES, self._cues(text, attributed, quoted_share)))
        spans_by_cue: dict[str, list[tuple[int, int]]] = {}
        for match in cue_matches(text):
            spans_by_cue.setdefault(match.cue, []).append((match.start, match.end))
        spans_by_cue.update({cue: spans for cue, spans in (context_spans or {}).items() if spans})
        for cue, spans in spans_by_cue.items():
            weight = values_by_cue[cue] * float(self.coef[n + CUE_NAMES.index(cue)]) / len(spans)
            found.extend(Contribution(s, e, cue, weight) for s, e in spans)
        return sorted(found, key=lambda c: -c.weight)

    def triggers(self, text: str, attributed: bool = False, quoted_share: float = 0.0,
                 context_spans: dict[str, list[tuple[int, int]]] | None = None,
                 limit: int = TOP_TRIGGERS) -> list[Contribution]:
        """The strongest positive contributions, none overlapping a stronger one.

        Terms made only of function words are left out: they are not evidence a reader can use.
        """
        chosen: list[Contribution] = []
        for c in self.contributions(text, attributed, quoted_share, context_spans):
            if c.weight < MIN_TRIGGER_WEIGHT or len(chosen) == limit:
                break
            if c.kind == "term" and all(w in FUNCTION_WORDS for w in text[c.start:c.end].lower().split()):
                continue
            if not any(c.start < o.end and o.start < c.end for o in chosen):
                chosen.append(c)
        return chosen

    # ------------------------------------------------------------ files

    def save(self, path: Path) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.get)
        meta = dict(self.metadata, format=FORMAT, task=self.task, intercept=self.intercept,
                    cues=list(CUE_NAMES))
        with open(path, "wb") as f:  # np.savez would otherwise add ".npz" to a bare name
            np.savez_compressed(f, terms=np.array(terms, dtype=str), idf=self.idf.astype(np.float64),
                                coef=self.coef.astype(np.float64),
                                meta=np.array(json.dumps(meta, sort_keys=True)))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                terms, idf, coef = data["terms"], data["idf"], data["coef"]
                meta = json.loads(str(data["meta"]))
        except FileNotFoundError:
            raise ModelError(f"{path}: model file not found") from None
        except (ValueError, KeyError, OSError, EOFError) as exc:
            raise ModelError(f"{path}: not a framing model file ({exc})") from None
        if meta.get("format") != FORMAT:
            raise ModelError(f"{path}: unknown model format {meta.get('format')!r}")
        if meta.get("cues") != list(CUE_NAMES):
            raise ModelError(f"{path}: model was trained with other cue features; retrain it")
        if len(idf) != len(terms) or len(coef) != len(terms) + len(CUE_NAMES):
            raise ModelError(f"{path}: model arrays do not fit together")
        vocabulary = {str(t): i for i, t in enumerate(terms)}
        return cls(task=meta["task"], vocabulary=vocabulary, idf=idf, coef=coef,
                   intercept=float(meta["intercept"]), metadata=meta)
