"""The named cues of one classifier: its patterns, its word lists and the context marks, and
what they find in a sentence (matches with spans, and the values the model weighs)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .features import CONTEXT_CUES, CUES, LEXICON_PREFIX, VOICE_CUE, Analyzer, CueMatch, TextFeatures, text_features


@dataclass(frozen=True)
class CueSet:
    """The named cues one classifier uses: patterns, word lists, and the context marks.

    Patterns (regular expressions, by name) and word lists travel inside the model file, so
    a model scores the same wherever it goes, whatever this module's defaults become.
    """

    names: tuple[str, ...]
    patterns: dict[str, str] = field(default_factory=dict)
    lexicons: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.names:
            known = (name in self.patterns or name in CONTEXT_CUES
                     or name.removeprefix(LEXICON_PREFIX) in self.lexicons)
            if not known:
                raise ValueError(f"unknown cue {name!r}")
        longest = max((len(t.split()) for terms in self.lexicons.values() for t in terms), default=1)
        # Names are never word-list evidence: "trump" the verb is in the lists, Trump is not.
        object.__setattr__(self, "_lexicon_grams", Analyzer((1, min(longest, 3)), mask_names=True))
        # Each term with the cues of the word lists holding it: one lookup per n-gram.
        index: dict[str, tuple[str, ...]] = {}
        for lexicon, terms in self.lexicons.items():
            for term in terms:
                index[term] = index.get(term, ()) + (LEXICON_PREFIX + lexicon,)
        object.__setattr__(self, "_lexicon_index", index)
        object.__setattr__(self, "_compiled", {n: re.compile(p) for n, p in self.patterns.items()
                                               if n in self.names})
        object.__setattr__(self, "_pattern_list", list(self._compiled.values()))

    @classmethod
    def build(cls, names: tuple[str, ...], patterns: dict[str, str] | None = None,
              lexicons: dict[str, frozenset[str]] | None = None) -> CueSet:
        """Cues by name: task-specific `patterns` first, then the defaults in CUES."""
        own = patterns or {}
        chosen = {n: own[n] if n in own else CUES[n].pattern for n in names if n in own or n in CUES}
        return cls(tuple(names), chosen, lexicons or {})

    @property
    def compiled(self) -> dict[str, re.Pattern]:
        """The pattern cues in use, by name, compiled."""
        return self._compiled

    @property
    def lexicon_analyzer(self) -> Analyzer:
        """What the word lists are matched against: n-grams up to their longest term, names masked."""
        return self._lexicon_grams

    @property
    def pattern_strings(self) -> list[str]:
        """The regular expressions of the pattern cues in use."""
        return [p.pattern for p in self._compiled.values()]

    @property
    def uses_context(self) -> bool:
        return any(name in CONTEXT_CUES for name in self.names)

    def matches(self, text: str | TextFeatures) -> list[CueMatch]:
        features = text_features(text)
        return features.memo(self, "matches", lambda: self._matches(features))

    def _matches(self, features: TextFeatures) -> list[CueMatch]:
        found = [CueMatch(name, start, end)
                 for name, pattern in self._compiled.items() for start, end in features.spans(pattern)]
        if self.lexicons:
            index = self._lexicon_index
            for cues, (start, end) in zip(map(index.get, features.terms(self._lexicon_grams)),
                                          features.gram_spans(self._lexicon_grams)):
                if cues:
                    found.extend(CueMatch(cue, start, end) for cue in cues)
        return found

    def match_spans(self, text: str | TextFeatures, wanted: set[str]) -> dict[str, list[tuple[int, int]]]:
        """The places of each cue in `wanted` that matches, cues in the order `matches` first
        lists them: a few cues placed without listing the matches of all."""
        features = text_features(text)
        found = {name: spans for name, pattern in self._compiled.items() if name in wanted
                 and (spans := features.spans(pattern))}
        if any(LEXICON_PREFIX + name in wanted for name in self.lexicons):
            for cues, span in zip(map(self._lexicon_index.get, features.terms(self._lexicon_grams)),
                                  features.gram_spans(self._lexicon_grams)):
                for cue in cues or ():
                    if cue in wanted:
                        found.setdefault(cue, []).append(span)
        return found

    def _counts(self, features: TextFeatures) -> dict[str, int]:
        """Matches of each cue, as `matches` would count them, without listing them: scoring
        needs the counts of every sentence, explaining the matches of a few."""
        counts = dict.fromkeys(self.names, 0)
        counts.update(zip(self._compiled, features.span_counts(self._pattern_list)))
        if self.lexicons:
            for cues in filter(None, map(self._lexicon_index.get, features.terms(self._lexicon_grams))):
                for cue in cues:
                    counts[cue] += 1
        return counts

    def values(self, text: str | TextFeatures, attributed: bool, quoted_share: float,
               matches: list[CueMatch] | None = None, not_writer: float = 0.0) -> list[float]:
        """One value per name: log-scaled counts of pattern and word-list matches, then context."""
        if matches is None:
            counts = self._counts(text_features(text))
        else:
            counts = dict.fromkeys(self.names, 0)
            for match in matches:
                counts[match.cue] += 1
        context = {"attributed": float(attributed), "quoted": quoted_share, VOICE_CUE: not_writer}
        return [context[n] if n in CONTEXT_CUES else math.log1p(counts[n]) for n in self.names]
