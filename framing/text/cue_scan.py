"""Many word patterns matched in one pass over a sentence, with what each would find alone.

Cue patterns start at a word boundary, `(?<![\\w'\u2019-])`. Run one by one, each is tried at
every character of every sentence: most of the scoring time. Here they are tried only at word
starts, and at each word start only those whose first character can be the one there (worked
out from the parsed pattern), all in one regular expression per first character; a pattern
that is a list of alternatives brings only those that can start there. Each pattern keeps
its leftmost, non-overlapping matches, exactly as `finditer` would give them.
"""
from __future__ import annotations

import re
from functools import cached_property
from itertools import compress, repeat
from operator import is_not

from .cue_words import WORD, CueWords, WordGate, split_fixed
from .needs import Needs, Seen
from .pattern_parts import (
    ASCII,
    Alternatives,
    anywhere_needs,
    candidates_patterns,
    first_characters,
    literal_text,
    needed_text,
    top_alternatives,
    word_start_body,
)


class CueScanner:
    """The matches of many patterns in a text, as each pattern's `finditer` would give them."""

    def __init__(self, patterns) -> None:
        self.others: dict[str, re.Pattern] = {}
        # Those of plain characters ("!"), looked for with a substring test, and the others'
        # `needed_text`, searched before them: most sentences hold neither.
        self._other_literals: dict[str, str] = {}
        self._other_needs: dict[str, re.Pattern] = {}
        # Fixed strings are looked up as words (`CueWords`); the key of the other alternatives
        # of a pattern that has both is the pattern in a tuple, never a pattern itself.
        fixed: dict[str, tuple[bool, list[str]]] = {}
        self._regex_part: dict[str, tuple[str]] = {}
        split: list[tuple[str | tuple[str], bool, list[tuple[str, set[str] | None]], str]] = []
        patterns = tuple(dict.fromkeys(patterns))
        for pattern in patterns:
            word_start = word_start_body(pattern)
            if word_start is None:
                self.others[pattern] = re.compile(pattern)
                if literal := literal_text(pattern):
                    self._other_literals[pattern] = literal
                elif needed := needed_text(pattern):
                    self._other_needs[pattern] = re.compile(needed)
                continue
            body, ignorecase = word_start
            alternatives, rest = top_alternatives(body)
            strings, other = split_fixed(alternatives, rest, ignorecase)
            key: str | tuple[str] = pattern
            if strings:
                fixed[pattern] = (ignorecase, strings)
                if not other:
                    continue
                key = self._regex_part[pattern] = (pattern,)
                alternatives = other
            split.append((key, ignorecase, [(a, first_characters(a + rest, ignorecase))
                                            for a in alternatives], rest))
        self.keys = frozenset(patterns)
        self._other_tests = [(key, pattern, self._other_literals.get(key), self._other_needs.get(key))
                             for key, pattern in self.others.items()]
        self._words = CueWords(fixed)
        self._fallback = Alternatives([(k, body, i) for k, i, alts, rest in split
                                        for body in [f"(?:{'|'.join(a for a, _ in alts)}){rest}"]])
        shared: dict[tuple, Alternatives] = {}  # one regex for characters that choose alike
        self._by_first: dict[str, Alternatives] = {}
        for c in ASCII:
            chosen = tuple((key, f"(?:{'|'.join(starting)}){rest}", ignorecase)
                           for key, ignorecase, alts, rest in split
                           if (starting := [a for a, first in alts if first is None or c in first]))
            if chosen:
                if chosen not in shared:
                    shared[chosen] = Alternatives(list(chosen))
                self._by_first[c] = shared[chosen]
        # The word starts that can start with a known character, tried in a plain text only
        # when its words let them (where all of them have literal beginnings).
        self._gate = WordGate.of([(a, ignorecase) for _, ignorecase, alts, _ in split for a, first in alts
                                  if first is not None])
        self._candidates_pattern, narrow = candidates_patterns(split)
        needs = anywhere_needs(split)
        # What a text must hold for the alternatives that can start anywhere to match, and the
        # word starts to try without them; None: they are always tried.
        self._anywhere = [Needs(tuple(literal for literal, i in needs if i == ignorecase), ignorecase=ignorecase)
                          for ignorecase in (False, True) if any(i == ignorecase for _, i in needs)] if needs else None
        self._narrow_pattern = narrow

    @cached_property
    def _candidates(self) -> re.Pattern:
        return re.compile(self._candidates_pattern)

    @cached_property
    def _narrow(self) -> re.Pattern:
        return re.compile(self._narrow_pattern)

    def __contains__(self, pattern: str) -> bool:
        return pattern in self.keys

    def scan(self, text: str) -> dict[str, list[tuple[int, int]]]:
        return {key: [] for key in self.keys} | self.scan_found(text)

    def scan_found(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """`scan` without the patterns that do not match (most of them, in a sentence)."""
        seen = Seen(text)
        found = self._others_found(text)
        if not seen.plain:  # rare: each pattern with fixed strings matched whole
            found.update(self._starts_found(text, self._start_candidates(seen)))
            for key in self._words.keys:
                found.pop(self._regex_part.get(key), None)
                if spans := [m.span() for m in _compiled(key).finditer(text)]:
                    found[key] = spans
            return found
        words = WORD.findall(seen.lower)
        candidates = self._start_candidates(seen, words)
        starts = self._starts_found(text, candidates) if candidates else {}
        for key, spans in self._words.find(text, seen.lower, words).items():
            other = starts.pop(self._regex_part.get(key), None)
            found[key] = (_merged(spans, other) or [m.span() for m in _compiled(key).finditer(text)]) \
                if other else spans
        for key, spans in starts.items():
            found[key[0] if type(key) is tuple else key] = spans
        return found

    def _start_candidates(self, seen: Seen, words: list[str] | None = None) -> re.Pattern | None:
        """The search for the word starts to try in a text; None when there are none. `words`:
        the `WORD`s of a plain text lower-cased, if known."""
        if self._anywhere is None or any(needs.found(seen) for needs in self._anywhere):
            return self._candidates
        if words is None or self._gate is None or self._gate.open(seen.lower, words):
            return self._narrow
        return None

    def _starts_found(self, text: str, candidates: re.Pattern) -> dict[str | tuple[str], list[tuple[int, int]]]:
        """The matches of the word-start alternatives that are not fixed strings, at the word
        starts `candidates` finds."""
        found: dict[str | tuple[str], list[tuple[int, int]]] = {}
        reached: dict[str | tuple[str], int] = {}
        by_first, fallback = self._by_first, self._fallback
        for start in candidates.finditer(text):
            p = start.start()
            c = text[p]
            alternatives = by_first.get(c) if c.isascii() else fallback
            if alternatives is None:
                continue
            groups = alternatives.regex.match(text, p).groups()
            if groups.count(None) == len(groups):
                continue
            for key, matched in compress(zip(alternatives.keys, groups), map(is_not, groups, repeat(None))):
                if key is not None and p >= reached.get(key, 0):
                    end = p + len(matched)
                    found.setdefault(key, []).append((p, end))
                    reached[key] = end if end > p else p + 1
        return found

    def _others_found(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """The matches of the patterns that are not word-start ones, in a text that holds what they need."""
        found = {}
        for key, pattern, literal, needs in self._other_tests:
            if (literal in text) if literal else (needs is None or needs.search(text)):
                if spans := [m.span() for m in pattern.finditer(text)]:
                    found[key] = spans
        return found


def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)  # the re module keeps the compiled patterns


def _merged(words: list[tuple[int, int]], regex: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The matches of a pattern's fixed strings and of its other alternatives together, as its
    `finditer` gives them when none of them overlaps or starts where another does; else None
    (the pattern as a whole decides which wins)."""
    spans = sorted(words + regex)
    if any(start < end or start == first for (first, end), (start, _) in zip(spans, spans[1:])):
        return None
    return spans
