"""What a classifier sees of a sentence: its word n-grams and a few named cues.

Word n-grams carry the vocabulary; the cues carry what a bag of words misses or spreads too
thin: who speaks (quotation, attribution), modality, hedges, stance, person. Every cue is a
pattern with spans, so whatever it contributes can be shown in the text.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
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

# Cues that come from the segmenter's marks rather than from patterns.
CONTEXT_CUES = ("attributed", "quoted")
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

    __slots__ = ("text", "_tokens", "_grams", "_words", "_terms", "_matches", "_scanner", "_memo")

    def __init__(self, text: str, scanner: CueScanner | None = None) -> None:
        self.text = text
        self._tokens: list[tuple[str, int, int]] | None = None
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
            if self._tokens is None:
                self._tokens = tokens(self.text)
            self._grams[analyzer] = analyzer.spans(self._tokens, self.words(analyzer.mask_names))
        return self._grams[analyzer]

    def words(self, mask_names: bool) -> list[str]:
        """The tokens lower-cased, names masked if asked: what the n-grams are made of."""
        if mask_names not in self._words:
            originals = TOKEN.findall(self.text)
            lower = [word.lower() for word in originals]
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

    def grams(self, text: str, toks: list[tuple[str, int, int]] | None = None) -> list[tuple[str, int, int]]:
        """N-grams by length, then by position; `toks` are the text's tokens if known."""
        toks = tokens(text) if toks is None else toks
        words = [word for word, _, _ in (masked(text, toks) if self.mask_names else toks)]
        return [(term, start, end) for term, (start, end) in zip(self.terms(words), self.spans(toks, words))]

    def spans(self, toks: list[tuple[str, int, int]], words: list[str]) -> list[tuple[int, int]]:
        """Where each of the n-grams `terms(words)` stands in the text, `words` being `toks`
        as the analyzer sees them (names masked, if it masks them)."""
        lo, hi = self.word_ngrams
        spans = [(start, end) for _, start, end in toks] if lo == 1 else []
        for n in range(max(lo, 2), hi + 1):
            spans.extend((toks[i][1], toks[i + n - 1][2]) for i in range(len(toks) - n + 1))
        if self.char_ngrams:
            lo, hi = self.char_ngrams
            for word, (_, start, end) in zip(words, toks):  # as many as `terms` makes of the padded word
                spans.extend([(start, end)] * sum(max(0, len(word) + 3 - n) for n in range(lo, hi + 1)))
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


@dataclass(frozen=True)
class CueSet:
    """The named cues one classifier uses: patterns, word lists, and the context marks.

    Patterns (regular expressions, by name) and word lists travel inside the model file, so
    a model scores the same wherever it goes, whatever this module's defaults become.
    """

    names: tuple[str, ...]
    patterns: dict[str, str] = field(default_factory=dict)
    lexicons: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.names:
            known = (name in self.patterns or name in CONTEXT_CUES
                     or name.removeprefix(LEXICON_PREFIX) in self.lexicons)
            if not known:
                raise ValueError(f"unknown cue {name!r}")
        longest = max((len(t.split()) for terms in self.lexicons.values() for t in terms), default=1)
        # Names are never word-list evidence: "trump" the verb is in the lists, Trump is not.
        object.__setattr__(self, "_lexicon_grams", Analyzer((1, min(longest, 3)), mask_names=True))
        # Each term with the cues of the word lists holding it: one lookup per n-gram.
        index: dict[str, tuple[str, ...]] = {}
        for lexicon, terms in self.lexicons.items():
            for term in terms:
                index[term] = index.get(term, ()) + (LEXICON_PREFIX + lexicon,)
        object.__setattr__(self, "_lexicon_index", index)
        object.__setattr__(self, "_compiled", {n: re.compile(p) for n, p in self.patterns.items()
                                               if n in self.names})
        object.__setattr__(self, "_pattern_list", list(self._compiled.values()))

    @classmethod
    def build(cls, names: tuple[str, ...], patterns: dict[str, str] | None = None,
              lexicons: dict[str, frozenset[str]] | None = None) -> CueSet:
        """Cues by name: task-specific `patterns` first, then the defaults in CUES."""
        own = patterns or {}
        chosen = {n: own[n] if n in own else CUES[n].pattern for n in names if n in own or n in CUES}
        return cls(tuple(names), chosen, lexicons or {})

    @property
    def compiled(self) -> dict[str, re.Pattern]:
        """The pattern cues in use, by name, compiled."""
        return self._compiled

    @property
    def lexicon_analyzer(self) -> Analyzer:
        """What the word lists are matched against: n-grams up to their longest term, names masked."""
        return self._lexicon_grams

    @property
    def pattern_strings(self) -> list[str]:
        """The regular expressions of the pattern cues in use."""
        return [p.pattern for p in self._compiled.values()]

    @property
    def uses_context(self) -> bool:
        return any(name in CONTEXT_CUES for name in self.names)

    def matches(self, text: str | TextFeatures) -> list[CueMatch]:
        features = text_features(text)
        return features.memo(self, "matches", lambda: self._matches(features))

    def _matches(self, features: TextFeatures) -> list[CueMatch]:
        found = [CueMatch(name, start, end)
                 for name, pattern in self._compiled.items() for start, end in features.spans(pattern)]
        if self.lexicons:
            index = self._lexicon_index
            for cues, (start, end) in zip(map(index.get, features.terms(self._lexicon_grams)),
                                          features.gram_spans(self._lexicon_grams)):
                if cues:
                    found.extend(CueMatch(cue, start, end) for cue in cues)
        return found

    def _counts(self, features: TextFeatures) -> dict[str, int]:
        """Matches of each cue, as `matches` would count them, without listing them: scoring
        needs the counts of every sentence, explaining the matches of a few."""
        counts = dict.fromkeys(self.names, 0)
        counts.update(zip(self._compiled, features.span_counts(self._pattern_list)))
        if self.lexicons:
            for cues in filter(None, map(self._lexicon_index.get, features.terms(self._lexicon_grams))):
                for cue in cues:
                    counts[cue] += 1
        return counts

    def values(self, text: str | TextFeatures, attributed: bool, quoted_share: float,
               matches: list[CueMatch] | None = None) -> list[float]:
        """One value per name: log-scaled counts of pattern and word-list matches, then context."""
        if matches is None:
            counts = self._counts(text_features(text))
        else:
            counts = dict.fromkeys(self.names, 0)
            for match in matches:
                counts[match.cue] += 1
        context = {"attributed": float(attributed), "quoted": quoted_share}
        return [context[n] if n in CONTEXT_CUES else math.log1p(counts[n]) for n in self.names]
