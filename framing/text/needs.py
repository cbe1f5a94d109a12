"""What a text must hold for a pattern to match at all, looked for cheaply before the pattern.

A pattern that starts with a lookbehind is tried at every character; most sentences hold none
of the words it needs. Saying so costs a substring test, or a search that the regex engine
runs at C speed between words: a word must follow a character that is not a letter, so the
search looks for that character first (a text gets a space in front). Where case is ignored,
both look in the lower-cased text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .pattern_parts import CASE_FOLDS_TO_ASCII, trie

_FOLDS = re.compile(f"[{CASE_FOLDS_TO_ASCII}]")


class Seen:
    """A text as `Needs.found` looks at it, worked out once for all the tests: as written and
    lower-cased; `plain` when it has none of the characters that match an ASCII letter only
    when case is ignored. In a plain text, lower-casing and ignoring case agree on every ASCII
    letter, and lower-casing keeps every offset (tests check both on every code point)."""

    __slots__ = ("text", "plain", "lower")

    def __init__(self, text: str) -> None:
        self.text = text
        self.plain = not _FOLDS.search(text)
        self.lower = text.lower() if self.plain else text


@dataclass(frozen=True)
class Needs:
    """One of `literals` anywhere, or one of `words` (of letters a-z) with no letter right
    before it and, unless `then` follows it, none right after; ignoring case or not."""

    literals: tuple[str, ...] = ()
    words: frozenset[str] = field(default_factory=frozenset)
    then: str = ""
    ignorecase: bool = False

    @cached_property
    def regex(self) -> re.Pattern:
        """The same test as one regular expression."""
        alternatives = [re.escape(literal) for literal in self.literals]
        if self.words:
            alternatives.append(f"(?<![a-z]){self._words}")
        return re.compile(("(?i)" if self.ignorecase else "") + "|".join(alternatives))

    @cached_property
    def _words(self) -> str:
        return f"(?:{trie(sorted(self.words))})" + (re.escape(self.then) if self.then else "(?![a-z])")

    @cached_property
    def _after_non_letter(self) -> re.Pattern:
        """The words, in a plain text (lower-cased if case is ignored) with a space in front."""
        return re.compile(f"[^a-z]{self._words}")

    def found(self, seen: Seen) -> bool:
        """Whether the text holds what is needed: `regex.search`, mostly without it."""
        if not seen.plain:
            return bool(self.regex.search(seen.text))
        text = seen.lower if self.ignorecase else seen.text
        for literal in self.literals:  # a loop, not any(...): this runs for most sentences
            if literal in text:
                return True
        return bool(self.words) and bool(self._after_non_letter.search(" " + text))


def any_needed(needs: Iterable[Needs]) -> re.Pattern:
    """A search that finds something in a plain text, lower-cased, if any of `needs` is found
    in it: one of their literals or words anywhere. It rules most sentences out at once."""
    return re.compile(trie(sorted({term.lower() for n in needs for term in (*n.literals, *n.words)})))
