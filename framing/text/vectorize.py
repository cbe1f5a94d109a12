"""Every classifier's features for a batch of sentences at once, each piece worked out once.

The classifiers share their analyzer and most of their cue patterns. So a sentence's words
are found once and its n-grams made once per analyzer; each n-gram is looked up once, in one
dictionary that joins the vocabularies and word lists read with that analyzer; its cue
patterns are scanned once. NumPy then turns the (sentence, n-gram, count) triples into each
classifier's TF-IDF terms and cue counts for the whole batch, and `LinearModel.decisions`
does the sums exactly as it would for one classifier alone.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from itertools import accumulate, chain, count, filterfalse, repeat
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .features import CONTEXT_CUES, LEXICON_PREFIX, Analyzer, TextFeatures

if TYPE_CHECKING:
    from ..classifiers.linear import LinearModel

def _sublinear_tf(count: int) -> float:
    return 1.0 + math.log(count) if count else 0.0


# Functions of counts as `math` works them out in the one-sentence path (NumPy's own may differ
# in the last bit), for the small counts of a sentence: each function's values for 0, 1, ...
_TABLES = {function: np.array([function(count) for count in range(64)]) for function in (math.log1p, _sublinear_tf)}


def per_count(function: Callable[[int], float], counts: np.ndarray) -> np.ndarray:
    """`function` (`math.log1p` or `_sublinear_tf`) of each count, read from a table."""
    top = int(counts.max(initial=0))
    table = _TABLES[function]
    if top >= len(table):
        table = np.array([function(count) for count in range(top + 1)])
    return table[counts]


def log1p_counts(counts: np.ndarray) -> np.ndarray:
    """`math.log1p` of each count: the cue values."""
    return per_count(math.log1p, counts)


def sublinear_tf(counts: np.ndarray) -> np.ndarray:
    """1 + `math.log` of each count (none 0): the TF-IDF vectorizer's sublinear term frequency."""
    return per_count(_sublinear_tf, counts)


class Scored(NamedTuple):
    """One classifier's verdicts on a batch: a probability per sentence, the cue values
    behind each (sentences x its cues, as `CueSet.values` gives them), which explaining reuses,
    and the logit of each (what the article context of the others is worked out from)."""

    probabilities: np.ndarray
    cue_values: np.ndarray
    decisions: np.ndarray


class LookedUp(NamedTuple):
    """A batch's terms numbered in each analyzer's dictionary (-1: in none), all sentences'
    one after the other, and where each sentence's start (and the last one's end)."""

    numbers: dict[Analyzer, np.ndarray]
    starts: dict[Analyzer, list[int]]


class Vectorizer:
    """Scores batches of sentences with several classifiers (`probabilities`)."""

    def __init__(self, classifiers: dict[str, LinearModel]) -> None:
        self.classifiers = classifiers
        # One dictionary per analyzer: the terms of every vocabulary and word list it feeds,
        # each numbered once. The largest vocabulary keeps its own numbers (its columns).
        vocabularies: dict[Analyzer, list[dict[str, int] | frozenset[str]]] = {}
        for model in sorted(classifiers.values(), key=lambda m: -len(m.vocabulary)):
            vocabularies.setdefault(model.analyzer, []).append(model.vocabulary)
            for terms in model.cues.lexicons.values():
                vocabularies.setdefault(model.cues.lexicon_analyzer, []).append(terms)
        # An analyzer whose terms of any sentence are the first of another's (words, and words
        # and word pairs) is looked up in the other's dictionary, its numbers picked out of the
        # other's (`look_up`): each term of a sentence is looked up once.
        def starts_another(analyzer: Analyzer) -> bool:
            return any(other != analyzer and analyzer.starts_terms_of(other) for other in vocabularies)

        hosts = [analyzer for analyzer in vocabularies if not starts_another(analyzer)]
        self._hosts = {analyzer: next(host for host in hosts if analyzer.starts_terms_of(host))
                       for analyzer in vocabularies if starts_another(analyzer)}
        for analyzer, host in self._hosts.items():
            vocabularies[host] += vocabularies[analyzer]
        self._lookups: dict[Analyzer, dict[str, int]] = {}
        seeds: list[dict[str, int]] = []  # the vocabularies whose numbers their lookups keep
        for analyzer, term_sets in vocabularies.items():
            if analyzer in self._hosts:
                continue
            first = term_sets[0]
            # A model's vocabulary numbers its terms 0..n-1: they can stand as they are.
            lookup = dict(first) if isinstance(first, dict) else {}
            if isinstance(first, dict):
                seeds.append(first)
            others = chain.from_iterable(term_sets[1:] if isinstance(first, dict) else term_sets)
            # The others' terms not numbered yet, each once, in the order met, numbered next.
            lookup.update(zip(dict.fromkeys(filterfalse(lookup.__contains__, others)), count(len(lookup))))
            self._lookups[analyzer] = lookup
        self._lookups.update((analyzer, self._lookups[host]) for analyzer, host in self._hosts.items())
        self._columns = {task: self._indexed(self._lookups[m.analyzer], m.vocabulary,
                                             any(m.vocabulary is seed for seed in seeds))
                         for task, m in classifiers.items()}
        self._lexicons = {(task, LEXICON_PREFIX + name): self._members(self._lookups[m.cues.lexicon_analyzer], terms)
                          for task, m in classifiers.items() for name, terms in m.cues.lexicons.items()}
        patterns = {p.pattern: p for m in classifiers.values() for p in m.cues.compiled.values()}
        self._patterns = list(patterns.values())
        self._pattern_index = {key: i for i, key in enumerate(patterns)}
        # Where each classifier's cues stand among all the cue values of a batch (`probabilities`).
        lexicon_index = {cue: len(patterns) + i for i, cue in enumerate(self._lexicons)}
        context_index = {name: len(patterns) + len(self._lexicons) + i for i, name in enumerate(CONTEXT_CUES)}
        self._cue_columns = {task: [context_index[name] if name in CONTEXT_CUES
                                    else self._pattern_index[m.cues.compiled[name].pattern] if name in m.cues.compiled
                                    else lexicon_index[task, name] for name in m.cues.names]
                             for task, m in classifiers.items()}

    @staticmethod
    def _indexed(lookup: dict[str, int], vocabulary: dict[str, int], seed: bool = False) -> np.ndarray:
        """Each looked-up number's column in `vocabulary`, -1 where it has none. `seed`: the
        lookup numbers the vocabulary's terms as it does (it was made from it)."""
        columns = np.full(len(lookup), -1, dtype=np.int64)
        if seed:
            columns[:len(vocabulary)] = np.arange(len(vocabulary))
            return columns
        columns[np.fromiter(map(lookup.__getitem__, vocabulary), np.int64, len(vocabulary))] = \
            np.fromiter(vocabulary.values(), np.int64, len(vocabulary))
        return columns

    @staticmethod
    def _members(lookup: dict[str, int], terms: frozenset[str]) -> np.ndarray:
        members = np.zeros(len(lookup), dtype=np.int64)
        members[np.fromiter(map(lookup.__getitem__, terms), np.int64, len(terms))] = 1
        return members

    def look_up(self, features: list[TextFeatures]) -> LookedUp:
        """Every term of the sentences numbered, once per analyzer."""
        numbers, starts = {}, {}
        for analyzer, lookup in self._lookups.items():
            if analyzer not in self._hosts:
                terms = [sentence.terms(analyzer) for sentence in features]
                numbers[analyzer] = np.fromiter(map(lookup.get, chain.from_iterable(terms), repeat(-1)), np.int64)
                starts[analyzer] = [0, *accumulate(map(len, terms))]
        for analyzer, host in self._hosts.items():
            lengths = [len(sentence.terms(analyzer)) for sentence in features]
            starts[analyzer] = [0, *accumulate(lengths)]
            # Each sentence's first terms among its host's: where they stand in the host's numbers.
            shift = np.subtract(starts[host][:-1], starts[analyzer][:-1], dtype=np.int64)
            numbers[analyzer] = numbers[host][np.repeat(shift, lengths) + np.arange(starts[analyzer][-1])]
        return LookedUp(numbers, starts)

    def vocabulary_indices(self, looked_up: LookedUp, task: str, chosen: list[int]) -> np.ndarray:
        """The terms of the chosen sentences, one after the other, as indices into the task's
        vocabulary (-1 where it has none): what `LinearModel` would look up itself."""
        analyzer = self.classifiers[task].analyzer
        numbers, starts = looked_up.numbers[analyzer], looked_up.starts[analyzer]
        picked = np.concatenate([numbers[starts[i]:starts[i + 1]] for i in chosen]) if chosen else numbers[:0]
        return np.where(picked >= 0, self._columns[task][picked], -1)

    def _counted(self, looked_up: LookedUp, analyzer: Analyzer) -> tuple[np.ndarray, ...]:
        """(sentence, term number, occurrences) of every known term, by sentence then number."""
        numbers, starts = looked_up.numbers[analyzer], looked_up.starts[analyzer]
        rows = np.repeat(np.arange(len(starts) - 1, dtype=np.int64), np.diff(starts))
        known = numbers >= 0
        width = len(self._lookups[analyzer])
        pairs, counts = np.unique(rows[known] * width + numbers[known], return_counts=True)
        row, term = np.divmod(pairs, width)
        return row, term, counts

    def probabilities(self, features: list[TextFeatures], attributed: list[bool],
                      quoted_shares: list[float], looked_up: LookedUp | None = None,
                      not_writer: list[float] | None = None) -> dict[str, np.ndarray]:
        """Each classifier's probability for each sentence (`LinearModel.probability`);
        `looked_up` is `look_up(features)` if already known; `not_writer` the voice model's
        log-odds of each (0 where not given)."""
        return {task: scored.probabilities for task, scored
                in self.score(features, attributed, quoted_shares, looked_up, not_writer).items()}

    def score(self, features: list[TextFeatures], attributed: list[bool], quoted_shares: list[float],
              looked_up: LookedUp | None = None, not_writer: list[float] | None = None) -> dict[str, Scored]:
        """`probabilities`, with each classifier's cue values."""
        n = len(features)
        looked_up = self.look_up(features) if looked_up is None else looked_up
        counted = {analyzer: self._counted(looked_up, analyzer) for analyzer in self._lookups}
        pattern_counts = np.zeros((n, len(self._patterns)), dtype=np.int64)
        matched = [(row, column, count) for row, f in enumerate(features)
                   for column, count in f.match_counts(self._pattern_index, self._patterns)]
        if matched:
            rows, columns, counts = zip(*matched)
            pattern_counts[list(rows), list(columns)] = counts
        # Every cue value of every classifier side by side, each classifier's picked out at once:
        # the pattern counts, then the word-list counts, then the context.
        lexicon_counts = []
        for (task, _), members in self._lexicons.items():
            rows, terms, counts = counted[self.classifiers[task].cues.lexicon_analyzer]
            lexicon_counts.append(np.bincount(rows, members[terms] * counts, minlength=n).astype(np.int64))
        counts_matrix = np.column_stack([pattern_counts, *lexicon_counts])
        values = np.column_stack([log1p_counts(counts_matrix), np.asarray(attributed, dtype=float),
                                  np.asarray(quoted_shares, dtype=float),
                                  np.zeros(n) if not_writer is None else np.asarray(not_writer, dtype=float)])
        scored = {}
        for task, model in self.classifiers.items():
            rows, terms, counts = counted[model.analyzer]
            columns = self._columns[task][terms]
            kept = columns >= 0
            rows, columns, counts = rows[kept], columns[kept], counts[kept]
            order = np.argsort(rows * len(model.vocabulary) + columns, kind="stable")
            cue_values = np.ascontiguousarray(values[:, self._cue_columns[task]])
            decisions = model.decisions(n, rows[order], columns[order], counts[order], cue_values)
            scored[task] = Scored(1.0 / (1.0 + np.exp(-decisions)), cue_values, decisions)
        return scored
