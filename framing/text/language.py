"""Is this English? The classifiers know only English; on other languages their scores mean
nothing, so such text is flagged as unreliable rather than scored silently.

Two signals, both cheap: the share of letters in the Latin alphabet, and the share of words
that are common English function words (a third or more in English prose, a few percent in
French, German or Spanish).
"""
from __future__ import annotations

import re
import string

from .features import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile("[^\x00-\x7f]")
MIN_WORDS = 12  # shorter texts are given the benefit of the doubt
MIN_FUNCTION_SHARE = 0.15
MIN_LATIN_SHARE = 0.7


def language_check(text: str) -> dict:
    """{"english": bool, "function_word_share": float, "latin_share": float}."""
    # ASCII letters counted on the bytes, at C speed; only the rest, usually a few, one by one.
    ascii_bytes = text.encode("ascii", "ignore")
    ascii_letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    others = [c for c in _NON_ASCII.findall(text) if c.isalpha()]
    letters = ascii_letters + len(others)
    latin = (ascii_letters + sum(1 for c in others if c < "\u0250")) / letters if letters else 1.0
    words = _WORD.findall(text)
    function = sum(map(FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words) if words else 1.0
    english = latin >= MIN_LATIN_SHARE and (len(words) < MIN_WORDS or function >= MIN_FUNCTION_SHARE)
    return {"english": english, "function_word_share": round(function, 3), "latin_share": round(latin, 3)}
