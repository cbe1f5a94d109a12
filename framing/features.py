"""What a classifier sees of a sentence: its word n-grams and a few named cues.

Word n-grams carry the vocabulary; the cues carry what a bag of words misses or spreads too
thin: who speaks (quotation, attribution), modality, hedges, stance, person. Every cue is a
pattern with spans, so whatever it contributes can be shown in the text.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Tokens: words with inner apostrophes or hyphens, numbers, and ! ? as tokens of their own.
TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*|[!?]")
NGRAM_RANGE = (1, 2)


def _words(*words: str) -> re.Pattern:
    return re.compile(r"(?i)(?<![\w'\u2019-])(?:" + "|".join(words) + r")(?![\w'\u2019-])")


CUES: dict[str, re.Pattern] = {
    "possibility": _words("could", "might", "may", "maybe", "perhaps", "possibly", "possible",
                          "potentially", "potential"),
    "future": _words("will", "won['\u2019]t", "shall", "going to", "expected to", "expects?",
                     "likely", "unlikely", "forecasts?", "predicts?", "predicted", "projected",
                     "next (?:week|month|year)", "soon"),
    "conditional": _words("if", "unless", "whether", "in case", "provided that", "would",
                          "without"),
    "hedge": _words("appears?", "appeared", "seems?", "seemed", "suggests?", "suggested",
                    "reportedly", "allegedly", "apparently", "probably", "presumably",
                    "believed", "thought to", "some say", "wondered", "arguably", "unclear",
                    "estimated", "rumou?red", "supposedly", "indicates?"),
    "deontic": _words("should", "must", "ought to", "need to", "needs to", "have to",
                      "has to", "responsibility"),
    "stance": _words("certainly", "clearly", "obviously", "surely", "undoubtedly",
                     "of course", "indeed", "truly", "simply", "frankly", "sadly",
                     "unfortunately", "fortunately", "however", "in fact", "actually",
                     "absurd", "ridiculous", "shameful", "disgraceful", "outrageous"),
    "intensifier": _words("very", "extremely", "incredibly", "utterly", "totally",
                          "absolutely", "really", "deeply", "vastly", "highly", "so much",
                          "such a", "ever", "easily", "completely", "entirely"),
    "superlative": _words("most", "least", "best", "worst", "greatest", "biggest",
                          r"\w{3,}iest"),
    "escalation": _words("war", "wwiii", "world war(?: iii| 3| three)?", r"catastroph\w*",
                         r"disaster\w*", "crisis", "collapse", "chaos", r"devastat\w*",
                         r"apocalyp\w*", "spill over", r"escalat\w*", r"annihilat\w*",
                         "doom", r"threat\w*"),
    # Case-sensitive so that "US" (the country) is not "us".
    "first_person": re.compile(r"(?<![\w'\u2019-])(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Oo]urselves)"
                               r"(?![\w'\u2019-])"),
    "second_person": _words("you", "your", "yourself"),
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
CUE_NAMES = tuple(CUES) + CONTEXT_CUES


@dataclass(frozen=True)
class CueMatch:
    cue: str
    start: int
    end: int


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens of `text` with their offsets."""
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def ngrams(text: str) -> list[tuple[str, int, int]]:
    """Word n-grams with the offsets of the stretch they cover, as the vectorizer counts them."""
    toks = tokens(text)
    grams = []
    for n in range(NGRAM_RANGE[0], NGRAM_RANGE[1] + 1):
        for i in range(len(toks) - n + 1):
            grams.append((" ".join(t[0] for t in toks[i:i + n]), toks[i][1], toks[i + n - 1][2]))
    return grams


def analyzer(text: str) -> list[str]:
    """The n-gram strings of `text`: the analyzer the TF-IDF vectorizer trains with."""
    return [g for g, _, _ in ngrams(text)]


def cue_matches(text: str) -> list[CueMatch]:
    return [CueMatch(name, m.start(), m.end())
            for name, pattern in CUES.items() for m in pattern.finditer(text)]


def cue_values(text: str, attributed: bool, quoted_share: float) -> list[float]:
    """One value per name in CUE_NAMES: log-scaled pattern counts and the context cues."""
    counts = dict.fromkeys(CUES, 0)
    for match in cue_matches(text):
        counts[match.cue] += 1
    return [math.log1p(counts[name]) for name in CUES] + [float(attributed), quoted_share]
