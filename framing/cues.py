"""Quotations and attributions: who is speaking in a sentence.

Quotes are found over the whole text, paragraph by paragraph, because a quotation often
spans several sentences (and, in news style, runs on into the next paragraph, which then
opens with a fresh quotation mark). Attribution cues are found per sentence.
"""
from __future__ import annotations

import re

from .document import Span

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
_CLOSE = {"\u201d", "\u00bb"}

REPORT_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|claimed|claims|claim|warned|warns"
    "|argued|argues|insisted|insists|noted|notes|explained|explains|announced|announces"
    "|reported|reports|wrote|writes|tweeted|posted|acknowledged|acknowledges|alleged|alleges"
    "|asserted|asserts|confirmed|confirms|denied|denies|declared|declares|testified"
    "|admitted|admits|estimated|estimates|predicted|predicts|stressed|stresses|emphasized"
    "|contended|contends|maintained|maintains|recalled|recalls|replied|responded|urged|urges"
    "|cautioned|cautions|concluded|concludes|observed|observes|conceded|concedes|vowed|vows"
    "|believes|believed|thinks|thought|suggested|suggests|accused|accuses|described|describes"
)
_SUBJECT = (r"(?:[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|the|for|de|al))*"
            r"|he|she|they|we|it|officials?|police|authorities|experts?|analysts?|researchers?"
            r"|scientists?|sources?|witnesses|residents|critics|spokesm[ae]n|spokeswom[ae]n"
            r"|spokesperson|the \w+(?: \w+)?)")
_ATTRIBUTION = [
    ("according_to", re.compile(r"(?i)\baccording to\b[^,.;:!?\u201c\u201d\"]{1,80}")),
    ("report_verb", re.compile(rf"\b{_SUBJECT}\s+(?:also\s+|later\s+|previously\s+|has\s+|have\s+|had\s+)?"
                               rf"(?:{REPORT_VERBS})\b")),
    ("report_verb", re.compile(rf"(?i)[,\u201d\"]\s*(?:{REPORT_VERBS})\s+{_SUBJECT}")),
    ("report_verb", re.compile(r"(?i)\b(?:in a statement|in an interview|in a post|in a tweet"
                               r"|in a report|in a press release|in remarks)\b")),
    ("report_verb", re.compile(r"(?i)\b(?:reportedly|allegedly|purportedly)\b")),
]


def quote_spans(text: str) -> list[Span]:
    """Spans inside double quotation marks (straight or curly), including the marks.

    An unclosed quotation ends at the end of its paragraph.
    """
    spans: list[Span] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in _OPEN or ch == '"':
                open_at = i
        elif ch in _CLOSE or ch == '"':
            spans.append(Span(open_at, i + 1, text[open_at:i + 1], "quote"))
            open_at = None
        elif ch == "\n" and text.startswith("\n", i + 1):
            spans.append(Span(open_at, i, text[open_at:i], "quote"))
            open_at = None
    if open_at is not None:
        spans.append(Span(open_at, len(text), text[open_at:], "quote"))
    return spans


def attribution_spans(sentence: str) -> list[Span]:
    """Attribution cues in a sentence: "according to X", "X said", "said X", "in a statement"."""
    found: list[Span] = []
    for kind, pattern in _ATTRIBUTION:
        for m in pattern.finditer(sentence):
            start, end = m.span()
            while start < end and not sentence[start].isalnum():
                start += 1
            while end > start and sentence[end - 1].isspace():
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
