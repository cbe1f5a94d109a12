"""What a classifier sees of a sentence: its word n-grams and a few named cues.

Word n-grams carry the vocabulary; the cues carry what a bag of words misses or spreads too
thin: who speaks (quotation, attribution), modality, hedges, stance, person. Every cue is a
pattern with spans, so whatever it contributes can be shown in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .cue_scan import CueScanner
from .names import mask_words, masked
from .word_patterns import whole_words

# Tokens: words with inner apostrophes or hyphens, numbers, and ! ? as tokens of their own.
TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*|[!?]")


CUES: dict[str, re.Pattern] = {
    "possibility": whole_words("could", "might", "may", "maybe", "perhaps", "possibly", "possible",
                                "potentially", "potential"),
    "future": whole_words("will", "won['\u2019]t", "shall", "going to", "expected to", "expects?",
                           "likely", "unlikely", "forecasts?", "predicts?", "predicted", "projected",
                           "next (?:week|month|year)", "soon"),
    "conditional": whole_words("if", "unless", "whether", "in case", "provided that", "would",
                                "without"),
    "hedge": whole_words("appears?", "appeared", "seems?", "seemed", "suggests?", "suggested",
                          "reportedly", "allegedly", "apparently", "probably", "presumably",
                          "believed", "thought to", "some say", "wondered", "arguably", "unclear",
                          "estimated", "rumou?red", "supposedly", "indicates?"),
    "deontic": whole_words("should", "must", "ought to", "need to", "needs to", "have to",
                            "has to", "responsibility"),
    "stance": whole_words("certainly", "clearly", "obviously", "surely", "undoubtedly",
                           "of course", "indeed", "truly", "simply", "frankly", "sadly",
                           "unfortunately", "fortunately", "however", "in fact", "actually",
                           "absurd", "ridiculous", "shameful", "disgraceful", "outrageous"),
    "intensifier": whole_words("very", "extremely", "incredibly", "utterly", "totally",
                                "absolutely", "really", "deeply", "vastly", "highly", "so much",
                                "such a", "ever", "easily", "completely", "entirely"),
    "superlative": whole_words("most", "least", "best", "worst", "greatest", "biggest",
                                r"\w{3,}iest"),
    "escalation": whole_words("war", "world war(?: iii| 3| three)?", r"catastroph\w*",
                               r"disaster\w*", "crisis", "collapse", "chaos", r"devastat\w*",
                               r"apocalyp\w*", "spill over", r"escalat\w*", r"annihilat\w*",
                               "doom", r"threat\w*"),
    # Case-sensitive so that "US" (the country) is not "us".
    "first_person": re.compile(r"(?<![\w'\u2019-])(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Oo]urselves)"
                               r"(?![\w'\u2019-])"),
    "second_person": whole_words("you", "your", "yourself"),
    "question": re.compile(r"\?"),
    "exclamation": re.compile(r"!"),
}


# Words too common to show as evidence, though the classifiers may weigh them.
FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet for of to in on at by with from into onto over under about as
than then that this these those there here it its it's he she they them their his her him we
our us you your i me my is are was were be been being am do does did done have has had having
not no yes if when while where who whom whose which what why how all any each some such both
also just only very can will would shall should may might must could up down out off again
""".split())

# Cues that come from the segmenter's marks and the voice model rather than from patterns:
# "not_writer" is the voice model's log-odds that the sentence is not in the writer's voice
# (framing.classifiers.voice), read with the sentences around it.
VOICE_CUE = "not_writer"
CONTEXT_CUES = ("attributed", "quoted", VOICE_CUE)
# Context cues about the whole sentence: placed on all of it, they add to the sum a verdict
# splits into but point at no words, so they are never shown as triggers.
SENTENCE_CUES = (VOICE_CUE,)
PATTERN_CUES = tuple(CUES)
LEXICON_PREFIX = "lexicon:"


class CueMatch(NamedTuple):
    cue: str
    start: int
    end: int


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens of `text` with their offsets."""
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def normalize_term(term: str) -> str:
    """A lexicon entry as the tokenizer would see it: lower-cased tokens joined by spaces."""
    return " ".join(t for t, _, _ in tokens(term))


class TextFeatures:
    """One sentence's n-grams and pattern matches, computed once however many classifiers
    ask for them (the three classifiers share most of their analyzers and cue patterns).

    With a `CueScanner` for the patterns in use, all of them are matched in one pass. Each cue
    set's matches are kept too (`memo`): a sentence scored in a batch and then explained is
    not matched twice. Scoring needs only the n-grams (`terms`); explaining needs their places
    in the text too (`gram_spans`).
    """

    __slots__ = ("text", "_offsets", "_grams", "_words", "_terms", "_matches", "_scanner", "_memo")

    def __init__(self, text: str, scanner: CueScanner | None = None) -> None:
        self.text = text
        self._offsets: list[tuple[int, int]] | None = None
        self._grams: dict[Analyzer, list[tuple[int, int]]] = {}
        self._words: dict[bool, list[str]] = {}
        self._terms: dict[Analyzer, list[str]] = {}
        self._matches: dict[str, list[tuple[int, int]]] | None = None
        self._scanner = scanner
        self._memo: dict = {}

    def memo(self, owner: object, name: str, compute):
        """`compute()` once per `owner` (a cue set, alive as long as this) and name."""
        key = (id(owner), name)
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def gram_spans(self, analyzer: Analyzer) -> list[tuple[int, int]]:
        """Where each of the analyzer's `terms` stands in the text."""
        if analyzer not in self._grams:
            if self._offsets is None:  # the places alone: the words are known already
                self._offsets = [m.span() for m in TOKEN.finditer(self.text)]
            self._grams[analyzer] = analyzer.spans(self._offsets, self.words(analyzer.mask_names))
        return self._grams[analyzer]

    def words(self, mask_names: bool) -> list[str]:
        """The tokens lower-cased, names masked if asked: what the n-grams are made of."""
        if mask_names not in self._words:
            originals = TOKEN.findall(self.text)
            lower = list(map(str.lower, originals))
            self._words[mask_names] = mask_words(lower, originals) if mask_names else lower
        return self._words[mask_names]

    def terms(self, analyzer: Analyzer) -> list[str]:
        """The n-grams `analyzer.grams` makes of the text, without their places."""
        if analyzer not in self._terms:
            self._terms[analyzer] = analyzer.terms(self.words(analyzer.mask_names))
        return self._terms[analyzer]

    def _found(self) -> dict[str, list[tuple[int, int]]]:
        """The scanner's matches (patterns it knows that are missing here do not match)."""
        if self._matches is None:
            self._matches = self._scanner.scan_found(self.text) if self._scanner else {}
        return self._matches

    def spans(self, pattern: re.Pattern) -> list[tuple[int, int]]:
        found, key = self._found(), pattern.pattern
        if key not in found:
            found[key] = [] if self._scanner and key in self._scanner else \
                [m.span() for m in pattern.finditer(self.text)]
        return found[key]

    def span_counts(self, patterns: list[re.Pattern]) -> list[int]:
        """How many times each pattern matches: `len(spans(p))` for each, in one go."""
        found, known = self._found(), self._scanner.keys if self._scanner else ()
        return [len(found[p.pattern]) if p.pattern in found else 0 if p.pattern in known else len(self.spans(p))
                for p in patterns]


    def match_counts(self, index: dict[str, int], patterns: list[re.Pattern]) -> list[tuple[int, int]]:
        """(i, count) of each of `patterns` that matches, `index` numbering them by their
        strings: `span_counts` without its zeros. With a scanner that knows them all, read off
        its matches (a few in a sentence) instead of asking after every pattern."""
        if self._scanner is None or not self._scanner.keys.issuperset(index):
            return [(i, count) for i, count in enumerate(self.span_counts(patterns)) if count]
        return [(index[key], len(spans)) for key, spans in self._found().items() if spans and key in index]


def text_features(text: str | TextFeatures) -> TextFeatures:
    return text if isinstance(text, TextFeatures) else TextFeatures(text)


@dataclass(frozen=True)
class Analyzer:
    """Turns a sentence into the n-grams the TF-IDF vectorizer counts, each with its span.

    Word n-grams, and optionally character n-grams inside each word (prefixed "#"); a
    character n-gram's span is its whole word, the unit a reader can see.
    """

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = None
    mask_names: bool = False  # every name one placeholder token (framing.text.names)

    def __post_init__(self) -> None:
        # Each sentence keeps its n-grams by analyzer: hashed once here, not at every look-up.
        object.__setattr__(self, "_hash", hash((self.word_ngrams, self.char_ngrams, self.mask_names)))

    def __hash__(self) -> int:
        return self._hash

    def grams(self, text: str, toks: list[tuple[str, int, int]] | None = None) -> list[tuple[str, int, int]]:
        """N-grams by length, then by position; `toks` are the text's tokens if known."""
        toks = tokens(text) if toks is None else toks
        words = [word for word, _, _ in (masked(text, toks) if self.mask_names else toks)]
        offsets = [(start, end) for _, start, end in toks]
        return [(term, start, end) for term, (start, end) in zip(self.terms(words), self.spans(offsets, words))]

    def spans(self, offsets: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
        """Where each of the n-grams `terms(words)` stands in the text, `offsets` being the
        tokens' places and `words` the tokens as the analyzer sees them (names masked, if it
        masks them)."""
        lo, hi = self.word_ngrams
        spans = list(offsets) if lo == 1 else []
        starts, ends = [start for start, _ in offsets], [end for _, end in offsets]
        for n in range(max(lo, 2), hi + 1):
            spans.extend(zip(starts, ends[n - 1:]))
        if self.char_ngrams:
            lo, hi = self.char_ngrams
            for word, span in zip(words, offsets):  # as many as `terms` makes of the padded word
                spans.extend([span] * sum(max(0, len(word) + 3 - n) for n in range(lo, hi + 1)))
        return spans

    def terms(self, words: list[str]) -> list[str]:
        """The n-grams of `grams` without their spans, from the words (lower-cased, names
        masked if this analyzer masks them): all that scoring needs."""
        lo, hi = self.word_ngrams
        terms = list(words) if lo == 1 else []
        for n in range(max(lo, 2), hi + 1):
            terms.extend(map(" ".join, zip(*(words[k:] for k in range(n)))))
        if self.char_ngrams:
            lo, hi = self.char_ngrams
            for word in words:
                padded = f" {word} "
                terms.extend(f"#{padded[i:i + n]}" for n in range(lo, hi + 1) for i in range(len(padded) - n + 1))
        return terms

    def starts_terms_of(self, other: Analyzer) -> bool:
        """Whether the terms of any text are the first terms `other` makes of it: word n-grams
        from single words up to no longer than the other's, names masked alike."""
        return (self.word_ngrams[0] == other.word_ngrams[0] == 1 and self.word_ngrams[1] <= other.word_ngrams[1]
                and self.char_ngrams is None and self.mask_names == other.mask_names)

    def __call__(self, text: str) -> list[str]:
        return [g for g, _, _ in self.grams(text)]

    def to_dict(self) -> dict:
        return {"word_ngrams": list(self.word_ngrams),
                "char_ngrams": list(self.char_ngrams) if self.char_ngrams else None,
                "mask_names": self.mask_names}

    @classmethod
    def from_dict(cls, d: dict) -> Analyzer:
        return cls(tuple(d["word_ngrams"]), tuple(d["char_ngrams"]) if d.get("char_ngrams") else None,
                   bool(d.get("mask_names", False)))
