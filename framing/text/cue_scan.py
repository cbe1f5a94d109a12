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
        split: list[tuple[str, bool, list[tuple[str, set[str] | None]], str]] = []
        for pattern in dict.fromkeys(patterns):
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
            split.append((pattern, ignorecase, [(a, first_characters(a + rest, ignorecase))
                                                for a in alternatives], rest))
        self.keys = frozenset(self.others) | {key for key, *_ in split}
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
        self._candidates_pattern, narrow = candidates_patterns(split)
        needs = anywhere_needs(split)
        # (what a text must hold for the alternatives that can start anywhere to match, the word
        # starts to try without them), or None: they are always tried.
        self._narrow_patterns = (needs, narrow) if needs else None

    @cached_property
    def _candidates(self) -> re.Pattern:
        return re.compile(self._candidates_pattern)

    @cached_property
    def _narrow(self) -> tuple[re.Pattern, re.Pattern] | None:
        return tuple(map(re.compile, self._narrow_patterns)) if self._narrow_patterns else None

    def __contains__(self, pattern: str) -> bool:
        return pattern in self.keys

    def scan(self, text: str) -> dict[str, list[tuple[int, int]]]:
        return {key: [] for key in self.keys} | self.scan_found(text)

    def scan_found(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """`scan` without the patterns that do not match (most of them, in a sentence)."""
        found: dict[str, list[tuple[int, int]]] = {}
        reached: dict[str, int] = {}
        by_first, fallback = self._by_first, self._fallback
        narrow = self._narrow
        candidates = narrow[1] if narrow and not narrow[0].search(text) else self._candidates
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
        literals, needs = self._other_literals, self._other_needs
        for key, pattern in self.others.items():
            if (literals[key] in text) if key in literals else (key not in needs or needs[key].search(text)):
                if spans := [m.span() for m in pattern.finditer(text)]:
                    found[key] = spans
        return found
