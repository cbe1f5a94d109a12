"""A trained sentence classifier as plain arrays: TF-IDF weights plus a logistic regression.

Scoring needs no scikit-learn object: the vocabulary, idf weights, coefficients and cue
word lists are enough, which keeps model files free of pickles, start-up fast, and every
contribution to a verdict countable term by term. `training.py` checks that these arrays
reproduce the scikit-learn pipeline they were exported from.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import ModelError
from .features import FUNCTION_WORDS, Analyzer, CueSet

FORMAT = "framing-linear/2"
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
    analyzer: Analyzer
    vocabulary: dict[str, int]
    idf: np.ndarray
    cues: CueSet
    coef: np.ndarray  # one weight per vocabulary term, then one per cue in `cues.names`
    intercept: float
    metadata: dict = field(default_factory=dict)

    # ------------------------------------------------------------ scoring

    def _term_values(self, text: str) -> tuple[dict[int, float], list[tuple[int, int, int]]]:
        """TF-IDF value of each known n-gram (sublinear tf, l2-normalized), and where each occurs."""
        occurrences = [(self.vocabulary[g], s, e) for g, s, e in self.analyzer.grams(text)
                       if g in self.vocabulary]
        counts = Counter(index for index, _, _ in occurrences)
        values = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        if norm:
            values = {i: v / norm for i, v in values.items()}
        return values, occurrences

    def _cue_values(self, text: str, attributed: bool, quoted_share: float, matches=None) -> np.ndarray:
        return np.array(self.cues.values(text, attributed, quoted_share, matches))

    def decision(self, text: str, attributed: bool = False, quoted_share: float = 0.0) -> float:
        values, _ = self._term_values(text)
        n = len(self.vocabulary)
        return (self.intercept + sum(v * self.coef[i] for i, v in values.items())
                + float(np.dot(self.coef[n:], self._cue_values(text, attributed, quoted_share))))

    def probability(self, text: str, attributed: bool = False, quoted_share: float = 0.0) -> float:
        return 1.0 / (1.0 + math.exp(-self.decision(text, attributed, quoted_share)))

    def contributions(self, text: str, attributed: bool = False, quoted_share: float = 0.0,
                      context_spans: dict[str, list[tuple[int, int]]] | None = None
                      ) -> list[Contribution]:
        """Per-occurrence contributions to the decision, largest push towards positive first.

        A feature's contribution is shared equally by its occurrences. `context_spans` gives
        where the context cues ("attributed", "quoted") lie in `text`.
        """
        values, occurrences = self._term_values(text)
        per_term = Counter(i for i, _, _ in occurrences)
        found = [Contribution(s, e, "term", float(values[i] * self.coef[i]) / per_term[i])
                 for i, s, e in occurrences]
        matches = self.cues.matches(text)
        n = len(self.vocabulary)
        cue_weights = self._cue_values(text, attributed, quoted_share, matches) * self.coef[n:]
        spans_by_cue: dict[str, list[tuple[int, int]]] = {}
        for match in matches:
            spans_by_cue.setdefault(match.cue, []).append((match.start, match.end))
        spans_by_cue.update({cue: spans for cue, spans in (context_spans or {}).items()
                             if spans and cue in self.cues.names})
        for cue, spans in spans_by_cue.items():
            weight = float(cue_weights[self.cues.names.index(cue)]) / len(spans)
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
                    analyzer=self.analyzer.to_dict(), cues=list(self.cues.names),
                    patterns=self.cues.patterns)
        lexicons = {f"lexicon_{name}": np.array(sorted(terms), dtype=str)
                    for name, terms in self.cues.lexicons.items()}
        with open(path, "wb") as f:  # np.savez would otherwise add ".npz" to a bare name
            np.savez_compressed(f, terms=np.array(terms, dtype=str), idf=self.idf.astype(np.float64),
                                coef=self.coef.astype(np.float64),
                                meta=np.array(json.dumps(meta, sort_keys=True)), **lexicons)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                terms, idf, coef = data["terms"], data["idf"], data["coef"]
                meta = json.loads(str(data["meta"]))
                lexicons = {key.removeprefix("lexicon_"): frozenset(str(t) for t in data[key])
                            for key in data.files if key.startswith("lexicon_")}
        except FileNotFoundError:
            raise ModelError(f"{path}: model file not found") from None
        except (ValueError, KeyError, OSError, EOFError) as exc:
            raise ModelError(f"{path}: not a framing model file ({exc})") from None
        if meta.get("format") != FORMAT:
            raise ModelError(f"{path}: unknown model format {meta.get('format')!r}; retrain it")
        try:
            cues = CueSet(tuple(meta["cues"]), dict(meta["patterns"]), lexicons)
            analyzer = Analyzer.from_dict(meta["analyzer"])
        except (ValueError, KeyError, TypeError, re.error) as exc:
            raise ModelError(f"{path}: model features are not ones this framing knows ({exc})") from None
        if len(idf) != len(terms) or len(coef) != len(terms) + len(cues.names):
            raise ModelError(f"{path}: model arrays do not fit together")
        vocabulary = {str(t): i for i, t in enumerate(terms)}
        return cls(task=meta["task"], analyzer=analyzer, vocabulary=vocabulary, idf=idf, cues=cues,
                   coef=coef, intercept=float(meta["intercept"]), metadata=meta)
