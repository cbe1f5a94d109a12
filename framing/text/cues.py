"""Quotations and attributions: who is speaking in a sentence.

Quotes are found over the whole text, paragraph by paragraph, because a quotation often
spans several sentences (and, in news style, runs on into the next paragraph, which then
opens with a fresh quotation mark). Attribution cues are found per sentence.
"""
from __future__ import annotations

import re

from ..pipeline.document import Span
from .needs import Needs, Seen, any_needed

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
_CLOSE = {"\u201d", "\u00bb"}
# The only characters quote_spans acts on: quotation marks, apostrophes, line ends.
_QUOTE_MARKS = re.compile("[\n\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]")

REPORT_VERBS = (
    "said|says|say|added|adds|stated|states|claimed|claims|claim|warned|warns"
    "|argued|argues|insisted|insists|noted|notes|explained|explains|announced|announces"
    "|reported|reports|wrote|writes|tweeted|posted|acknowledged|acknowledges|alleged|alleges"
    "|asserted|asserts|confirmed|confirms|denied|denies|declared|declares|testified"
    "|admitted|admits|estimated|estimates|predicted|predicts|stressed|stresses|emphasized"
    "|contended|contends|maintained|maintains|recalled|recalls|replied|responded|urged|urges"
    "|cautioned|cautions|concluded|concludes|observed|observes|conceded|concedes|vowed|vows"
    "|believes|believed|thinks|suggested|suggests|accused|accuses|described|describes"
    "|continued|continues"
    # The plural present: "Critics argue", "Economists warn", "Analysts predict".
    "|argue|warn|insist|note|explain|announce|report|write|allege|assert|confirm|deny|declare"
    "|admit|estimate|predict|stress|contend|maintain|recall|reply|respond|urge|caution|conclude"
    "|observe|concede|vow|believe|think|suggest|accuse|describe|acknowledge|fear|expect"
)
# Words that start a sentence but never name who reports: articles, conjunctions, and the writer's
# own "I" and "we".
_NOT_A_SPEAKER = r"(?!(?:I|We|The|A|An|This|That|These|Those|There|Here|But|And|Or|So|If|When|While|As|However)\b)"
_NOT_THE_WRITER = r"(?<!\bI )(?<!\bwe )(?<!\bWe )"
_SUBJECT = (rf"(?:{_NOT_A_SPEAKER}[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the|for|de|al))*"
            r"|he|she|they|it|officials?|police|authorities|experts?|analysts?|researchers?"
            r"|scientists?|sources?|witnesses|residents|critics|spokesm[ae]n|spokeswom[ae]n"
            r"|spokesperson|[Tt]he [a-z]\w+"
            r"|groups|unions|agencies|companies|families|governments|studies|reports|polls|surveys"
            r"|[a-z]+(?:ers|ors|ists|ians|ants|ents|ives)(?=\s))")  # insurers, doctors, economists...
# "tell" reports speech only with a hearer: "told reporters", not "tells a different story".
_HEARER = (r"(?:reporters|journalists|me|us|him|her|them|parliament|congress|lawmakers|investigators"
           r"|police|the [a-z]\w+|[A-Z][\w.'\u2019-]*)")
_VERBS = REPORT_VERBS.split("|")


def _words(words: list[str], **needs) -> Needs:
    return Needs(words=frozenset(words), **needs)


# Each pattern with what a sentence must hold for it to match at all: looking for that first
# rules most sentences out faster than the pattern, which tries its lookbehinds at every word.
_ATTRIBUTION: list[tuple[str, re.Pattern, Needs]] = [
    # Initials and titles ("the U.S. Navy", "Dr. Ruiz") do not end the source's name.
    ("according_to", re.compile(r"\b(?i:according to)\b(?:(?:[A-Z]\.){2,}|[A-Z][a-z]?\.(?=\s[A-Z])"
                                r"|[^,.;:!?\u201c\u201d\"]){1,80}"), Needs(("according to",), ignorecase=True)),
    ("report_verb", re.compile(rf"\b{_SUBJECT}\s+(?:also\s+|later\s+|previously\s+|has\s+|have\s+|had\s+)?"
                               rf"(?:{REPORT_VERBS})\b"), _words(_VERBS)),
    ("report_verb", re.compile(rf"\b{_SUBJECT}\s+(?:also\s+|later\s+)?(?:told|tells)\s+{_HEARER}"),
     Needs(("told", "tells"))),
    ("report_verb", re.compile(rf"(?i)[,\u201d\"\u2019']\s*(?:{REPORT_VERBS}|told)\s+{_SUBJECT}"),
     _words(_VERBS + ["told"], ignorecase=True)),
    ("report_verb", re.compile(r"(?i)\b(?:in a statement|in an interview|in a post|in a tweet"
                               r"|in a report|in a press release|in remarks)\b"),
     Needs(("in a", "in remarks"), ignorecase=True)),
    ("report_verb", re.compile(r"(?i)\btook to (?:twitter|x|facebook|instagram|tiktok|social media|the airwaves)\b"),
     Needs(("took to ",), ignorecase=True)),
    # "said" reports speech wherever it stands ("The senator apologized but said ..."), and so
    # does a verb of saying with its "that" clause ("declares that"), unless the writer speaks.
    ("report_verb", re.compile(rf"{_NOT_THE_WRITER}\b(?:said|says)\b"), Needs(("said", "says"))),
    ("report_verb", re.compile(rf"{_NOT_THE_WRITER}\b(?:{REPORT_VERBS}|promised|promises|revealed|reveals) that\b"),
     _words(_VERBS + ["promised", "promises", "revealed", "reveals"], then=" that")),
]
_ANY_NEEDED = any_needed(needs for _, _, needs in _ATTRIBUTION)


def _opens_single(text: str, i: int) -> bool:
    """A single quote opens a quotation after a space or an opening mark, before a letter;
    elsewhere it is an apostrophe (don't, the players' union, '90s)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-") and after.isalpha()


def _closes_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and not after.isalnum()


def quote_spans(text: str) -> list[Span]:
    """Spans inside quotation marks, including the marks: double (straight or curly) and
    single ones (British style), told apart from apostrophes by what stands around them.

    An unclosed double quotation ends at the end of its paragraph; an unclosed single one
    was an apostrophe after all, and is dropped.
    """
    spans: list[Span] = []
    double_at: int | None = None
    single_at: int | None = None
    for mark in _QUOTE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n" and text.startswith("\n", i + 1):  # a paragraph ends
            if double_at is not None:
                spans.append(Span(double_at, i, text[double_at:i], "quote"))
            double_at = single_at = None
        elif double_at is not None:
            if ch in _CLOSE or ch == '"':
                spans.append(Span(double_at, i + 1, text[double_at:i + 1], "quote"))
                double_at = None
        elif ch in _OPEN or ch == '"':
            double_at, single_at = i, None
        elif single_at is not None:
            if ch in "'\u2019" and _closes_single(text, i):
                spans.append(Span(single_at, i + 1, text[single_at:i + 1], "quote"))
                single_at = None
        elif ch in "'\u2018" and _opens_single(text, i):
            single_at = i
    if double_at is not None:
        spans.append(Span(double_at, len(text), text[double_at:], "quote"))
    return sorted(spans, key=lambda span: span.start)


def attribution_spans(sentence: str) -> list[Span]:
    """Attribution cues in a sentence: "according to X", "X said", "said X", "in a statement"."""
    found: list[Span] = []
    seen = Seen(sentence)
    if seen.plain and not _ANY_NEEDED.search(seen.lower):
        return found
    for kind, pattern, needs in _ATTRIBUTION:
        if not needs.found(seen):
            continue
        for m in pattern.finditer(sentence):
            start, end = m.span()
            while start < end and not sentence[start].isalnum():
                start += 1
            while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in ".,;:"):
                end -= 1
            if any(s.start < end and start < s.end for s in found):
                continue
            found.append(Span(start, end, sentence[start:end], kind))
    return sorted(found, key=lambda s: s.start)


def standalone_context(sentence: str) -> tuple[bool, float]:
    """Whether a sentence seen without its article is attributed, and its quoted share.

    Training sentences come without their articles; this is the context the classifiers
    learn from, and the same that `Sentence` gives them inside an article.
    """
    inside = sum(q.end - q.start for q in quote_spans(sentence))
    return bool(attribution_spans(sentence)), min(1.0, inside / len(sentence)) if sentence else 0.0
