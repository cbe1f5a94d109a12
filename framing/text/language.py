"""Is this English? The classifiers know only English; on other languages their scores mean
nothing, so such text is flagged as unreliable rather than scored silently.

Two signals, both cheap: the share of letters in the Latin alphabet, and the share of words
that are common English function words (a third or more in English prose, a few percent in
French, German or Spanish).
"""
from __future__ import annotations

import re

from .features import FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 12  # shorter texts are given the benefit of the doubt
MIN_FUNCTION_SHARE = 0.15
MIN_LATIN_SHARE = 0.7


def language_check(text: str) -> dict:
    """{"english": bool, "function_word_share": float, "latin_share": float}."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250") / len(letters) if letters else 1.0
    words = [w.lower() for w in _WORD.findall(text)]
    function = sum(w in FUNCTION_WORDS for w in words) / len(words) if words else 1.0
    english = latin >= MIN_LATIN_SHARE and (len(words) < MIN_WORDS or function >= MIN_FUNCTION_SHARE)
    return {"english": english, "function_word_share": round(function, 3), "latin_share": round(latin, 3)}
