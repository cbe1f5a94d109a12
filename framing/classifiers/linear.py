"""A trained sentence classifier as plain arrays: TF-IDF weights plus a logistic regression.

Scoring needs no scikit-learn object: the vocabulary, idf weights, coefficients and cue
word lists are enough, which keeps model files free of pickles, start-up fast, and every
contribution to a verdict countable term by term. `training/fit.py` checks that these arrays
reproduce the scikit-learn pipeline they were exported from.
"""
from __future__ import annotations

import io
import json
import math
import operator
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..errors import ModelError
from ..text.cue_set import CueSet
from ..text.features import Analyzer, TextFeatures, text_features
from ..text.names import PLACEHOLDER
from ..text.vectorize import sublinear_tf
from .article_context import ARTICLE_CONTEXT, context_term
from .evaluation import Contribution, Evaluation
from .manifest import verify
from .triggers import MIN_TRIGGER_WEIGHT, TOP_TRIGGERS, choose, cue_contributions

# /3 stores terms and word lists as UTF-8 text (`_packed`); /2, as fixed-width unicode arrays,
# still loads.
FORMAT = "framing-linear/3"
_READABLE = (FORMAT, "framing-linear/2")
KIND_MARGIN = 1.0  # a second kind needs a head's probability of about 0.73


def _packed(strings: list[str]) -> np.ndarray:
    """Strings as the bytes of one UTF-8 text, each ended by a line break: a tenth of the size of
    NumPy's fixed-width unicode arrays before compression, and decoded into strings in one go
    where those are converted one by one (most of a model's load time)."""
    text = "".join(string + "\n" for string in strings)
    if text.count("\n") != len(strings):
        raise ValueError("a term or word list entry holds a line break")
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _unpacked(array: np.ndarray) -> list[str]:
    """The strings `_packed` stored, or those of a fixed-width unicode array (framing-linear/2)."""
    if array.dtype != np.uint8:
        return array.tolist()
    return array.tobytes().decode("utf-8").split("\n")[:-1]


class TermValues(NamedTuple):
    indices: np.ndarray  # every term's vocabulary index (-1: not in it), sentence after sentence,
    starts: list[int]  # where each sentence's terms start in `indices`, and where the last ends
    rows: np.ndarray  # then each sentence's distinct terms, sentence by sentence:
    columns: np.ndarray
    counts: np.ndarray
    values: np.ndarray
    bounds: list[int]  # where each sentence's terms start in rows..values, and where the last ends


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
    # Optional kind heads: one logistic regression per kind over the same features, asked
    # only of positive verdicts ("which kinds of speculation is this?").
    kind_names: tuple[str, ...] = ()
    kind_coef: np.ndarray | None = None  # one row per kind, laid out like `coef`
    kind_intercept: np.ndarray | None = None

    # Worked out on first use, by explaining only: start-up does not pay for them.
    @cached_property
    def _coef(self) -> list[float]:
        """Plain floats: per-sentence arithmetic on a handful of terms is faster than NumPy's."""
        return self.coef.tolist()

    @cached_property
    def cue_coef(self) -> list[float]:
        return self._coef[len(self.vocabulary):]

    @cached_property
    def name_terms(self) -> frozenset[int]:
        """Terms with a masked name: they count, but a name is never shown as evidence."""
        return frozenset(i for term, i in self.vocabulary.items() if PLACEHOLDER in term)

    @cached_property
    def name_mask(self) -> np.ndarray:
        """`name_terms` as a mask over the vocabulary."""
        mask = np.zeros(len(self.vocabulary), dtype=bool)
        mask[list(self.name_terms)] = True
        return mask

    # ------------------------------------------------------------ scoring

    def evaluate(self, text: str | TextFeatures, attributed: bool = False,
                 quoted_share: float = 0.0, not_writer: float = 0.0, others: float | None = None) -> Evaluation:
        """Decision value and the feature values behind it, ready to be explained; `others`:
        the mean logit of the other scored sentences of its document (`article_context`),
        None for a sentence read alone."""
        return self.evaluations([text_features(text)], [attributed], [quoted_share], [not_writer], [others])[0]

    def evaluations(self, sentences: list[TextFeatures], attributed: list[bool],
                    quoted_shares: list[float], not_writer: list[float] | None = None,
                    others: list[float | None] | None = None) -> list[Evaluation]:
        """`evaluate` of many sentences, the arithmetic done by NumPy for all at once
        (`not_writer`: the voice model's log-odds of each, 0 where not given; `others`: as in
        `evaluate`, each read alone where not given)."""
        terms = self.term_values(sentences)
        dots = np.bincount(terms.rows, terms.values * self.coef[terms.columns], minlength=len(sentences)).tolist()
        columns, values, counts = terms.columns.tolist(), terms.values.tolist(), terms.counts.tolist()
        indices = terms.indices.tolist()
        evaluations = []
        for row, (features, begin, finish, attributed_, quoted_share, not_writer_, others_) in enumerate(
                zip(sentences, terms.starts, terms.starts[1:], attributed, quoted_shares,
                    not_writer or [0.0] * len(sentences), others or [None] * len(sentences))):
            found = indices[begin:finish]
            first, last = terms.bounds[row], terms.bounds[row + 1]
            occurrences = [(index, start, end) for index, (start, end) in zip(found, features.gram_spans(self.analyzer))
                           if index >= 0]
            matches = self.cues.matches(features)
            cue_values = self.cues.values(features, attributed_, quoted_share, matches, not_writer_)
            decision = self.intercept + dots[row] + sum(map(operator.mul, cue_values, self.cue_coef))
            context = context_term(self.context_weight, self.context_centre, others_)
            evaluations.append(Evaluation(features.text, float(decision + context),
                                          dict(zip(columns[first:last], values[first:last])),
                                          occurrences, dict(zip(columns[first:last], counts[first:last])),
                                          matches, cue_values, context))
        return evaluations

    def term_values(self, sentences: list[TextFeatures], indices: np.ndarray | None = None) -> TermValues:
        """Each sentence's vocabulary terms in order of first occurrence, with their counts and
        TF-IDF values as the vectorizer computes them (sublinear tf times idf, l2-normalized);
        every sum is added up term by term in that order, so one sentence comes out the same
        whatever else is in the batch. `indices`: every term's vocabulary index (-1: none),
        sentence after sentence, if already looked up."""
        n, width = len(sentences), len(self.vocabulary)
        terms = [features.terms(self.analyzer) for features in sentences]
        if indices is None:
            indices = np.fromiter(map(self.vocabulary.get, chain.from_iterable(terms), repeat(-1)), np.int64)
        lengths = [len(t) for t in terms]
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        known = indices >= 0
        keys, first, counts = np.unique(rows[known] * width + indices[known], return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        row, column = np.divmod(keys[order], width)
        counts = counts[order]
        values = sublinear_tf(counts) * self.idf[column]
        norms = np.sqrt(np.bincount(row, values * values, minlength=n))[row]
        values = np.divide(values, norms, out=values.copy(), where=norms != 0)
        return TermValues(indices, [0, *accumulate(lengths)], row, column, counts, values,
                          np.searchsorted(row, np.arange(n + 1)).tolist())

    def probabilities(self, sentences: list[TextFeatures], attributed: list[bool],
                      quoted_shares: list[float], not_writer: list[float] | None = None) -> np.ndarray:
        """`probability` of many sentences at once: the same sums, done by NumPy for the batch.

        Scoring every sentence this way and calling `evaluate` only for the few that need
        explaining saves most of the per-sentence arithmetic in Python.
        """
        from ..text.vectorize import Vectorizer

        return Vectorizer({self.task: self}).probabilities(sentences, attributed, quoted_shares,
                                                           not_writer=not_writer)[self.task]

    def decisions(self, n: int, rows: np.ndarray, columns: np.ndarray, counts: np.ndarray,
                  cue_values: np.ndarray) -> np.ndarray:
        """Decision values of `n` sentences from the occurrences of each vocabulary term in
        each (`rows`, `columns`, `counts`: sorted by row, then column) and their cue values
        (an n x cues array)."""
        decision = np.full(n, self.intercept)
        if len(columns):
            # TF-IDF as the vectorizer computes it: sublinear tf times idf, l2-normalized.
            values = (1.0 + np.log(counts)) * self.idf[columns]
            norms = np.sqrt(np.bincount(rows, values * values, minlength=n))
            dots = np.bincount(rows, values * self.coef[columns], minlength=n)
            decision += np.divide(dots, norms, out=np.zeros(n), where=norms > 0)
        decision += cue_values @ self.coef[len(self.vocabulary):]
        return decision

    @property
    def threshold(self) -> float:
        """The probability from which a verdict is positive: chosen on news when calibrated."""
        return float(self.metadata.get("calibration", {}).get("threshold", 0.5))

    @property
    def context_weight(self) -> float:
        """How much the mean logit of the other sentences of a document moves a sentence's
        (`article_context`); 0 for a model fitted without it, or older than it."""
        return float(self.metadata.get("calibration", {}).get("context_weight", 0.0))

    @property
    def context_centre(self) -> float:
        """The mean logit of the others at which the article context adds nothing."""
        return float(self.metadata.get("calibration", {}).get("context_centre", 0.0))

    def decision(self, text: str | TextFeatures, attributed: bool = False, quoted_share: float = 0.0,
                 not_writer: float = 0.0) -> float:
        return self.evaluate(text, attributed, quoted_share, not_writer).decision

    def probability(self, text: str | TextFeatures, attributed: bool = False,
                    quoted_share: float = 0.0, not_writer: float = 0.0) -> float:
        return self.evaluate(text, attributed, quoted_share, not_writer).probability

    def contributions(self, evaluation: Evaluation,
                      context_spans: dict[str, list[tuple[int, int]]] | None = None,
                      min_weight: float = -math.inf) -> list[Contribution]:
        """Per-occurrence contributions to the decision, largest push towards positive first.

        A feature's contribution is shared equally by its occurrences. `context_spans` gives
        where the context cues ("attributed", "quoted") lie in the text. Only terms that
        contribute `min_weight` or more are listed (cues all, and the article context of a
        sentence scored in its document, spanning the whole sentence).
        """
        e = evaluation
        coef, values, counts = self._coef, e.values, e.counts
        found = [Contribution(s, t, "name" if i in self.name_terms else "term", weight)
                 for i, s, t in e.occurrences if (weight := values[i] * coef[i] / counts[i]) >= min_weight]
        spans_by_cue: dict[str, list[tuple[int, int]]] = {}
        for match in e.matches:
            spans_by_cue.setdefault(match.cue, []).append((match.start, match.end))
        found += cue_contributions(self, spans_by_cue, e.cue_values, context_spans)
        if e.context:
            found.append(Contribution(0, len(e.text), ARTICLE_CONTEXT, e.context))
        return sorted(found, key=lambda c: -c.weight)

    def kinds(self, sentences: list[TextFeatures], attributed: list[bool],
              quoted_shares: list[float], terms: TermValues | None = None,
              cue_values: np.ndarray | None = None, not_writer: list[float] | None = None) -> list[list[str]]:
        """Each sentence's likeliest kind, and any other its head is confident of (most
        speculative sentences are of one kind; the margin was chosen on the news dev split).

        A head's decision is `evaluate`'s sum with the head's weights: the same TF-IDF values,
        added in the same order (terms by first occurrence, then cues), for all sentences at once;
        `terms` are `term_values(sentences)` and `cue_values` the sentences' `cues.values`
        (sentences x cues), if worked out already."""
        if not self.kind_names:
            return [[] for _ in sentences]
        n, width = len(sentences), len(self.vocabulary)
        terms = self.term_values(sentences) if terms is None else terms
        if cue_values is None:
            cue_values = np.array([self.cues.values(f, a, q, not_writer=v) for f, a, q, v in
                                   zip(sentences, attributed, quoted_shares, not_writer or [0.0] * n)],
                                  dtype=float).reshape(n, len(self.cues.names))
        # Every head's cue sums at once (sentence by head), cue after cue as `evaluate` adds them.
        cues = np.zeros((n, len(self.kind_names)))
        for j, weights in enumerate(self.kind_coef[:, width:].T):
            cues = cues + np.multiply.outer(cue_values[:, j], weights)
        decisions = [intercept + np.bincount(terms.rows, terms.values * head[terms.columns], minlength=n) + cues[:, k]
                     for k, (head, intercept) in enumerate(zip(self.kind_coef, self.kind_intercept))]
        return [self._kinds(d) for d in np.column_stack(decisions).tolist()]

    def _kinds(self, decisions: list[float]) -> list[str]:
        top = int(np.argmax(decisions))
        return [name for i, (name, d) in enumerate(zip(self.kind_names, decisions))
                if i == top or d >= KIND_MARGIN]

    def triggers(self, sentence: Evaluation | str, attributed: bool = False, quoted_share: float = 0.0,
                 context_spans: dict[str, list[tuple[int, int]]] | None = None,
                 limit: int = TOP_TRIGGERS, not_writer: float = 0.0) -> list[Contribution]:
        """The strongest positive contributions, none overlapping a stronger one (`triggers.choose`:
        never a name, the voice cue or the article context).

        `sentence` is an `Evaluation` from `evaluate`, or a text to evaluate first.
        """
        evaluation = sentence if isinstance(sentence, Evaluation) else self.evaluate(
            sentence, attributed, quoted_share, not_writer)
        return choose(evaluation.text, self.contributions(evaluation, context_spans, MIN_TRIGGER_WEIGHT), limit)

    # ------------------------------------------------------------ files

    def save(self, path: Path) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.get)
        meta = dict(self.metadata, format=FORMAT, task=self.task, intercept=self.intercept,
                    analyzer=self.analyzer.to_dict(), cues=list(self.cues.names),
                    patterns=self.cues.patterns, kind_names=list(self.kind_names))
        heads = ({"kind_coef": self.kind_coef.astype(np.float64), "kind_intercept": self.kind_intercept.astype(np.float64)}
                 if self.kind_names else {})
        lexicons = {f"lexicon_{name}": _packed(sorted(terms)) for name, terms in self.cues.lexicons.items()}
        with open(path, "wb") as f:  # np.savez would otherwise add ".npz" to a bare name
            np.savez_compressed(f, terms=_packed(terms), idf=self.idf.astype(np.float64),
                                coef=self.coef.astype(np.float64),
                                meta=np.array(json.dumps(meta, sort_keys=True)), **lexicons, **heads)

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Load a model file, once its checksum matches the manifest; never unpickles."""
        if not path.is_file():
            raise ModelError(f"{path}: model file not found")
        raw = verify(path)
        try:
            with np.load(io.BytesIO(raw), allow_pickle=False) as data:
                terms, idf, coef = _unpacked(data["terms"]), data["idf"], data["coef"]
                meta = json.loads(str(data["meta"]))
                lexicons = {key.removeprefix("lexicon_"): frozenset(_unpacked(data[key]))
                            for key in data.files if key.startswith("lexicon_")}
                kind_names = tuple(meta.get("kind_names", ()))
                heads = (data["kind_coef"], data["kind_intercept"]) if kind_names else (None, None)
        except FileNotFoundError:
            raise ModelError(f"{path}: model file not found") from None
        except (ValueError, KeyError, OSError, EOFError) as exc:
            raise ModelError(f"{path}: not a framing model file ({exc})") from None
        if meta.get("format") not in _READABLE:
            raise ModelError(f"{path}: unknown model format {meta.get('format')!r}; retrain it")
        try:
            cues = CueSet(tuple(meta["cues"]), dict(meta["patterns"]), lexicons)
            analyzer = Analyzer.from_dict(meta["analyzer"])
        except (ValueError, KeyError, TypeError, re.error) as exc:
            raise ModelError(f"{path}: model features are not ones this framing knows ({exc})") from None
        if (len(idf) != len(terms) or len(coef) != len(terms) + len(cues.names)
                or (kind_names and heads[0].shape != (len(kind_names), len(coef)))):
            raise ModelError(f"{path}: model arrays do not fit together")
        vocabulary = dict(zip(terms, range(len(terms))))
        return cls(task=meta["task"], analyzer=analyzer, vocabulary=vocabulary, idf=idf, cues=cues,
                   coef=coef, intercept=float(meta["intercept"]), metadata=meta,
                   kind_names=kind_names, kind_coef=heads[0], kind_intercept=heads[1])
