"""Punkt's sentence-break decisions at run time, from its learned parameters, without NLTK.

The parameters are learned with NLTK's Punkt trainer (`splitter.train_parameters`), but
importing NLTK costs most of a second, more than scoring an article. Splitting needs only
the decision rules of Kiss and Strunk (2006) as NLTK applies them, which this module
re-states; tests check that it splits exactly as NLTK's `PunktSentenceTokenizer` does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

# Orthographic contexts a word type was seen in, as bit flags (NLTK's encoding).
_BEG_UC, _MID_UC, _UNK_UC = 1 << 1, 1 << 2, 1 << 3
_BEG_LC, _MID_LC, _UNK_LC = 1 << 4, 1 << 5, 1 << 6
_UC = _BEG_UC | _MID_UC | _UNK_UC
_LC = _BEG_LC | _MID_LC | _UNK_LC

_SENT_END = frozenset(".?!")
_NOT_A_SENTENCE_START = frozenset(";:,.!?")
# Characters that end a word; curly quotes and guillemets count as closing punctuation.
_NON_WORD = r"(?:[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"
_MULTI_CHAR = r"(?:-{2,}|\.{2,}|(?:\.\s){2,}\.)"
# Characters that cannot start a word; opening curly quotes are split off the word they
# open, so that in `he said. “It was` the capital of `It` is seen (see splitter.py).
_WORD_START = "[^(\"`{\\[:;&#*@)}\\]\\-,\u201c\u2018\u00ab]"
_WORD = re.compile(
    rf"({_MULTI_CHAR}|(?={_WORD_START})\S+?(?=\s|$|{_NON_WORD}|{_MULTI_CHAR}"
    rf"|,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR}))|\S)")
# A candidate break, and what follows it: punctuation, or spaces and the next token.
_CANDIDATE = re.compile(rf"[.?!](?=(?P<after>{_NON_WORD}|\s+(?P<next>\S+)))")
_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*\.?")
_INITIAL = re.compile(r"[^\W\d]\.")
_ELLIPSIS = re.compile(r"\.\.+$")
# Closing quotes and brackets after a break belong to the sentence before it.
_CLOSING = re.compile("[\"')\\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\\s+|(?=--)|$)", re.MULTILINE)
_ASCII_SPACE = " \t\n\r\x0b\x0c"


@dataclass(frozen=True)
class PunktParameters:
    abbreviations: frozenset[str]
    collocations: frozenset[tuple[str, str]]
    sentence_starters: frozenset[str]
    orthography: dict[str, int]


class _Token:
    __slots__ = ("abbr", "ellipsis", "period_final", "sentbreak", "text", "type")

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        self.type = "##number##" if _NUMBER.fullmatch(lower) else lower
        self.period_final = text.endswith(".")
        self.sentbreak = self.abbr = self.ellipsis = False

    @property
    def type_no_period(self) -> str:
        return self.type[:-1] if len(self.type) > 1 and self.type.endswith(".") else self.type

    @property
    def type_no_sentperiod(self) -> str:
        return self.type_no_period if self.sentbreak else self.type


class PunktSplitter:
    """Splits text into sentence spans as NLTK's Punkt tokenizer does with these parameters."""

    def __init__(self, params: PunktParameters) -> None:
        self.params = params

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence, closing quotes and brackets kept with their sentence."""
        return self._realigned(text, self._slices(text))

    # ------------------------------------------------------------ candidates

    def _contexts(self, text: str) -> Iterator[tuple[re.Match, str]]:
        """Each candidate break with the word before it, the mark and what follows.

        A run of marks ("!!!") is one candidate, at its last mark: a candidate whose word
        would overlap the previous candidate's replaces it.
        """
        previous: tuple[re.Match, int, int] | None = None
        for match in _CANDIDATE.finditer(text):
            word_start = self._word_start(text, match.start(), previous)
            if previous and previous[2] <= word_start:
                yield self._context(text, *previous)
            previous = (match, word_start, match.start())
        if previous:
            yield self._context(text, *previous)

    @staticmethod
    def _word_start(text: str, end: int, previous: tuple[re.Match, int, int] | None) -> int:
        """Where the word before a candidate starts: after the last (ASCII) space since the
        previous candidate's word; with no such space, where that word started."""
        since = previous[2] if previous else 0
        for i in range(end - 1, since, -1):
            if text[i] in _ASCII_SPACE:
                return i + 1
        return previous[1] if previous else 0

    @staticmethod
    def _context(text: str, match: re.Match, start: int, end: int) -> tuple[re.Match, str]:
        return match, text[start:end] + match.group() + match.group("after")

    def _slices(self, text: str) -> Iterator[tuple[int, int]]:
        last_break = 0
        for match, context in self._contexts(text):
            if self._breaks(context):
                yield last_break, match.end()
                last_break = match.start("next") if match.group("next") else match.end()
        yield last_break, len(text.rstrip())

    @staticmethod
    def _realigned(text: str, slices: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        pending = next(slices, None)
        shift = 0
        for following in slices:
            start, end = pending[0] + shift, pending[1]
            closing = _CLOSING.match(text, following[0], following[1])
            if closing:
                yield start, following[0] + len(closing.group().rstrip())
                shift = closing.end() - following[0]
            else:
                shift = 0
                if end > start:
                    yield start, end
            pending = following
        if pending is not None:
            start, end = pending[0] + shift, pending[1]
            if end > start:
                yield start, end

    # ------------------------------------------------------------ decisions

    def _breaks(self, context: str) -> bool:
        """Whether a sentence ends inside `context` (before its last token)."""
        tokens = [_Token(t) for line in context.split("\n") if line.strip() for t in _WORD.findall(line)]
        for token in tokens:
            self._first_pass(token)
        for token, following in pairwise(tokens):
            self._second_pass(token, following)
            if token.sentbreak:
                return True
        return False

    def _first_pass(self, token: _Token) -> None:
        """Decisions from the word alone: marks break, known abbreviations do not."""
        text = token.text
        if text in _SENT_END:
            token.sentbreak = True
        elif _ELLIPSIS.match(text):
            token.ellipsis = True
        elif token.period_final and not text.endswith(".."):
            stem = text[:-1].lower()
            abbreviations = self.params.abbreviations
            if stem in abbreviations or stem.split("-")[-1] in abbreviations:
                token.abbr = True
            else:
                token.sentbreak = True

    def _second_pass(self, token: _Token, following: _Token) -> None:
        """Decisions from the word and the one after it: collocations, orthography, starters."""
        if not token.period_final:
            return
        typ, next_typ = token.type_no_period, following.type_no_sentperiod
        initial = bool(_INITIAL.fullmatch(token.text))
        if (typ, next_typ) in self.params.collocations:
            token.sentbreak, token.abbr = False, True
            return
        if (token.abbr or token.ellipsis) and not initial:
            starts = self._starts_sentence(following)
            if starts is True or (following.text[0].isupper() and next_typ in self.params.sentence_starters):
                token.sentbreak = True
                return
        if initial or typ == "##number##":
            starts = self._starts_sentence(following)
            # Orthography says it does not start a sentence; or, for an initial, nothing is known
            # but the next word is capitalised and never seen in lower case (J. Bach).
            always_capital = (starts is None and initial and following.text[0].isupper()
                              and not self.params.orthography.get(next_typ, 0) & _LC)
            if starts is False or always_capital:
                token.sentbreak, token.abbr = False, True

    def _starts_sentence(self, token: _Token) -> bool | None:
        """Orthographic evidence that `token` starts a sentence; None when there is none."""
        if token.text in _NOT_A_SENTENCE_START:
            return False
        context = self.params.orthography.get(token.type_no_sentperiod, 0)
        first = token.text[0]
        if first.isupper() and context & _LC and not context & _MID_UC:
            return True
        if first.islower() and (context & _UC or not context & _BEG_LC):
            return False
        return None
