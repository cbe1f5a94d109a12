"""The fixed words and phrases of cue patterns, found by looking a sentence's words up.

Most alternatives of a cue pattern are plain words or phrases ("would", "in case",
"so[- ]called", "expects?"): each matches a finite list of strings. A regular expression tries
them at every word start; here a sentence's words are intersected with the first words of all
those strings at once (one set operation at C speed), and only the few words found are looked
at in Python. `cue_scan.CueScanner` leaves the other alternatives (`threat\\w*`) to regexes.

A match of a word-start pattern starts where no character of `[\\w'\u2019-]` stands before it
and ends where none follows, so each string's first word (up to its first other character) is
a whole run of those characters in the text. This holds only for plain texts
(`needs.Seen.plain`): lower-casing them agrees with ignoring case, offset for offset.
"""
from __future__ import annotations

import re
from itertools import product
from operator import itemgetter

from .pattern_parts import WORD_END, flat_alternatives, literal_beginnings, sre, sre_parse

WORD = re.compile(r"[\w'\u2019-]+")  # what a word-start pattern sees as one word
MAX_STRINGS = 256  # an alternative spelled out as more strings than this stays a regex


def in_word(char: str) -> bool:
    """Whether `char` is in `[\\w'\u2019-]` (\\w: `str.isalnum` or "_"; a test checks every code point)."""
    return char.isalnum() or char in "_'\u2019-"


def _strings(items) -> list[str] | None:
    """The strings a parsed sequence of literals, small character sets, groups, alternatives
    and optional parts matches, in the order the regex engine tries them; None for any other."""
    found = [""]
    for op, av in items:
        if op is sre.LITERAL:
            options = [chr(av)]
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            options = [chr(value) for _, value in av]
        elif op is sre.BRANCH:
            branches = [_strings(branch) for branch in av[1]]
            if any(branch is None for branch in branches):
                return None
            options = [s for branch in branches for s in branch]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
            options = _strings(av[3])
        elif op is sre.MAX_REPEAT and av[1] <= 2:  # greedy: the most repeats first
            inner = _strings(av[2])
            options = None if inner is None else [
                "".join(parts) for n in range(av[1], av[0] - 1, -1) for parts in product(inner, repeat=n)]
        else:
            return None
        if options is None:
            return None
        found = [a + b for a, b in product(found, options)]
        if len(found) > MAX_STRINGS:
            return None
    return found


def _plain(char: str) -> bool:
    """Characters that lower-casing compares as ignoring case does: ASCII, and caseless ones."""
    return char.isascii() or char.lower() == char.upper() == char


def fixed_strings(alternative: str, rest: str, ignorecase: bool) -> list[str] | None:
    """What the word-start body `alternative` + `rest` matches, if `rest` ends the word and the
    rest is a list of strings that open with a word character (lower-cased when case is ignored),
    in the order they are tried; else None."""
    if not rest.endswith(WORD_END):
        return None
    try:
        strings = _strings(sre_parse.parse(alternative + rest[:-len(WORD_END)], re.IGNORECASE if ignorecase else 0))
    except Exception:  # a parser we do not know: not known to be fixed
        return None
    if not strings or not all(s and in_word(s[0]) and all(map(_plain, s)) for s in strings):
        return None
    return list(dict.fromkeys(s.lower() for s in strings)) if ignorecase else strings


def split_fixed(alternatives: list[str], rest: str, ignorecase: bool) -> tuple[list[str], list[str]]:
    """The fixed strings of a word-start body's alternatives (`fixed_strings`), in the order
    they are tried, and the alternatives that are not fixed (spread out by `flat_alternatives`)."""
    fixed, other = [], []
    for alternative in flat_alternatives(alternatives):
        strings = fixed_strings(alternative, rest, ignorecase)
        if strings is None:
            other.append(alternative)
        else:
            fixed += strings
    return list(dict.fromkeys(fixed)), other


def signature(string: str) -> str:
    """The word of a fixed string that a text must hold for it to match: its longest word (the
    last of the longest), lower-cased. A word of the string stands whole in any text it matches."""
    words = WORD.findall(string.lower())
    return max(reversed(words), key=len)


class CueWords:
    """Where each pattern's fixed strings match in a plain text, as its `finditer` would find them.

    `strings` holds, for each pattern (key), whether it ignores case and its strings in the order
    they are tried: at a word start the first that matches wins, and a match is not overlapped.
    Only the strings whose `signature` is among a text's words are looked for in it.
    """

    def __init__(self, strings: dict[str, tuple[bool, list[str]]]) -> None:
        self.keys = tuple(strings)
        # By signature: (pattern number, rank in the pattern, the string lower-cased, the string
        # as written when case counts) of each string.
        index: dict[str, list[tuple[int, int, str, str | None]]] = {}
        for number, (ignorecase, options) in enumerate(strings.values()):
            for rank, string in enumerate(options):
                index.setdefault(signature(string), []).append(
                    (number, rank, string.lower(), None if ignorecase else string))
        self._index = {word: tuple(entries) for word, entries in index.items()}
        self._signatures = frozenset(index)

    def find(self, text: str, lower: str, words: list[str]) -> dict[str, list[tuple[int, int]]]:
        """The matches of each pattern that has some in `text` (`lower`: it lower-cased, `words`
        the `WORD`s of that)."""
        hits = self._signatures.intersection(words)
        if not hits:
            return {}
        length = len(text)
        places = []
        for word in hits:
            for number, rank, string, cased in self._index[word]:
                start = lower.find(string)
                while start >= 0:
                    end = start + len(string)
                    if ((start == 0 or not in_word(text[start - 1])) and (end == length or not in_word(text[end]))
                            and (cased is None or text.startswith(cased, start))):
                        places.append((number, start, rank, end))
                    start = lower.find(string, start + 1)
        # Each pattern's places from the left, the first-tried string first where several start
        # at one place: a place the pattern's last match reaches over is not one.
        found: dict[str, list[tuple[int, int]]] = {}
        number, reached, spans = -1, 0, []
        for place, start, _, end in sorted(places):
            if place != number:
                number, reached, spans = place, 0, found.setdefault(self.keys[place], [])
            if start >= reached:
                spans.append((start, end))
                reached = end
        return found


class WordGate:
    """Whether any of some alternatives can match in a plain text, told from its words: each
    alternative's matches open with one of its literal beginnings (`literal_beginnings`), so the
    text holds a beginning that goes on past its first word, that word among its words ("many "
    of `many (?:critics|...)`), or a word that opens with a beginning that does not ("threat" of
    `threat\\w*`). Most sentences hold none, and need no regex for these alternatives."""

    def __init__(self, whole: dict[str, tuple[str, ...]], begun: dict[str, tuple[str, ...]], size: int) -> None:
        self._whole, self._begun, self._size = whole, begun, size
        self._opening = itemgetter(slice(0, size))

    @classmethod
    def of(cls, alternatives: list[tuple[str, bool]]) -> WordGate | None:
        """The gate of (alternative, ignore case) pairs; None when some beginning is not known."""
        whole: dict[str, set[str]] = {}
        begun: set[str] = set()
        for alternative, ignorecase in alternatives:
            beginnings = literal_beginnings(alternative, ignorecase)
            if beginnings is None or not all(in_word(b[0]) and all(map(_plain, b)) for b in beginnings):
                return None
            for beginning in map(str.lower, beginnings):
                word = first_word(beginning)
                if len(word) < len(beginning):
                    whole.setdefault(word, set()).add(beginning)
                else:
                    begun.add(beginning)
        size = min(map(len, begun), default=1)
        by_opening: dict[str, set[str]] = {}
        for beginning in begun:  # by their first letters, all as long as the shortest
            by_opening.setdefault(beginning[:size], set()).add(beginning)
        return cls({w: tuple(sorted(b)) for w, b in whole.items()},
                   {o: tuple(sorted(b)) for o, b in by_opening.items()}, size)

    def open(self, lower: str, words: list[str]) -> bool:
        """Whether the alternatives may match in a text, lower-cased, with these `WORD`s."""
        whole = self._whole
        if any(beginning in lower for word in whole.keys() & words for beginning in whole[word]):
            return True
        begun = self._begun
        if begun.keys().isdisjoint(map(self._opening, words)):
            return False
        size = self._size
        return any(word.startswith(begun[word[:size]]) for word in words if word[:size] in begun)


def first_word(string: str) -> str:
    return WORD.match(string).group()
