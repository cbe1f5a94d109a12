"""Regular expressions for lists of whole words, built so that long lists stay fast."""
from __future__ import annotations

import re

from .pattern_parts import trie


def whole_words(*words: str) -> re.Pattern:
    """A compiled case-insensitive pattern matching any of `words` (regular expressions) as whole words."""
    return re.compile(r"(?i)(?<![\w'\u2019-])(?:" + "|".join(words) + r")(?![\w'\u2019-])")


def word_pattern(*words: str) -> str:
    """A case-insensitive regular expression matching any of `words` as whole words."""
    return whole_words(*words).pattern



def word_trie(*words: str) -> str:
    """Like `word_pattern` for literal words, but as a trie: one pass over the
    alternatives instead of one per word, which keeps long word lists fast. Each word with a
    straight apostrophe also matches with a curly one."""
    variants = {variant.lower() for word in words for variant in (word, word.replace("'", "\u2019"))}
    return r"(?i)(?<![\w'\u2019-])(?:" + trie(variants) + r")(?![\w'\u2019-])"


def word_class(*words: str) -> str:
    """Like `word_pattern`, with the alternatives grouped by their first letter.

    Python's regex engine tries alternatives one by one at every word start; grouping them
    (a(?:ttack|ssault)|b(?:...)) lets it reject most of them on one letter, which keeps scoring
    fast with long word classes. Every alternative must start with a plain letter.
    """
    by_letter: dict[str, list[str]] = {}
    for word in words:
        if not word[0].isalpha() or (len(word) > 1 and word[1] in "?*+{"):
            raise ValueError(f"{word!r}: a word class entry must start with a plain letter")
        by_letter.setdefault(word[0].lower(), []).append(word[1:])
    groups = [f"{letter}(?:{'|'.join(rests)})" for letter, rests in sorted(by_letter.items())]
    return word_pattern(*groups)
