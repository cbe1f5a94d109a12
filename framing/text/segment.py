"""Split a document into sentences with character offsets, and mark what they contain.

Layout comes first: paragraphs (blank lines), list items and lone unpunctuated lines
(headlines, subheadings) are units of their own; Punkt then splits the prose inside each
unit. Bylines, credits and other debris are kept but marked so they are never scored.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import takewhile

from ..pipeline.document import Document, Sentence, Span
from .cues import attribution_spans, quote_spans
from .splitter import load_tokenizer

MAX_SENTENCE_CHARS = 2000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_BULLET = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u2013]|\d{1,3}[.)])[ \t]+(?=\S)")
# A line is punctuated when it ends in one of these marks, closing quotes and brackets after it allowed.
_FINAL_MARKS = ".!?:;\u2026"
_CLOSING = "\"'\u201d\u2019)]"
# A line ending in a colon or an ellipsis introduces what the next line holds (a block quotation,
# a letter, a list): Punkt would run the two together, and they often speak with different voices.
_INTRODUCES = re.compile(r"(?::|\u2026|\.\.\.)[ \t]*$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_DEBRIS_START = re.compile(
    r"(?i)^(by\s|photo|image|picture|credit|source:|file photo|read more|related|advertisement"
    r"|share|subscribe|sign up|click here|follow us|copyright|\u00a9|all rights reserved)")
_URL_OR_EMAIL = re.compile(r"^(https?://|www\.)\S+$|^\S+@\S+\.\w+$")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _punctuated(line: str) -> bool:
    last = line.rstrip().rstrip(_CLOSING)[-1:]
    return bool(last) and last in _FINAL_MARKS


def _starts_upper(line: str) -> bool:
    first = line.lstrip("\"'\u201c\u2018([ \t")[:1]
    return first.isupper() or first.isdigit()


def _layout_units(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each stretch Punkt should split on its own.

    A line without final punctuation stands alone when it is a paragraph of its own, when
    most lines of its paragraph end in punctuation (one sentence per line: the odd one out is
    a heading, a byline or a caption), or when it opens the document and the next line starts
    a new sentence (a headline). In hard-wrapped prose it is just part of a sentence. A line
    that introduces the next (`_INTRODUCES`) ends its stretch.
    """
    for p_start, p_end in _paragraphs(text):
        lines = [(s, e) for s, e in _lines(text, p_start, p_end) if text[s:e].strip()]
        one_per_line = len(lines) > 1 and 2 * sum(_punctuated(text[s:e]) for s, e in lines) > len(lines)
        prose_start = prose_end = None
        for n, (s, e) in enumerate(lines):
            bullet = _BULLET.match(text, s, e)
            headline = (p_start == 0 and n == 0 and len(lines) > 1
                        and _starts_upper(text[lines[1][0]:lines[1][1]]))
            alone = not _punctuated(text[s:e]) and (len(lines) == 1 or one_per_line or headline)
            if bullet or alone:
                if prose_start is not None:
                    yield prose_start, prose_end, "sentence"
                    prose_start = None
                yield (bullet.end() if bullet else s), e, ("list_item" if bullet else "headline")
            else:
                prose_start = s if prose_start is None else prose_start
                prose_end = e
                if n < len(lines) - 1 and _INTRODUCES.search(text, s, e):
                    yield prose_start, prose_end, "sentence"
                    prose_start = None
        if prose_start is not None:
            yield prose_start, prose_end, "sentence"


def is_debris(text: str) -> bool:
    """Bylines, photo credits, share buttons, URLs: text around an article, not of it."""
    stripped = text.strip()
    if not _WORD.search(stripped) or _URL_OR_EMAIL.match(stripped):
        return True
    if _punctuated(stripped):
        return False
    words = _WORD.findall(stripped)
    if len(words) < 2 or stripped.endswith("/"):
        return True
    if len(words) <= 8 and ("/" in stripped or "|" in stripped or _DEBRIS_START.match(stripped)):
        return True
    return False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A stretch cut at spaces into pieces of at most MAX_SENTENCE_CHARS (hard, if need be).

    Text with no sentence ends (a minified blob, a list run together) would otherwise make
    one "sentence" as long as the file, and cost the classifiers time quadratic in it.
    """
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
    yield start, end


def segment(text: str, splitter_path: str | None = None) -> list[Sentence]:
    """Sentences of `text`, in order, with offsets into it, quotes and attributions marked."""
    tokenizer = load_tokenizer(splitter_path)
    quotes = quote_spans(text)
    # Quotations never overlap: sorted by start, they are sorted by end too, and each sentence's
    # are found from the first that ends after it starts.
    quote_ends = [q.end for q in quotes]
    sentences = []
    for u_start, u_end, kind in _layout_units(text):
        unit = text[u_start:u_end]
        spans = (piece for s, e in tokenizer.span_tokenize(unit)
                 for piece in _pieces(text, u_start + s, u_start + e))
        for s, e in spans:
            start, end = _trimmed(text, s, e)
            if start == end:
                continue
            sentence_text = text[start:end]
            sentences.append(Sentence(
                start=start, end=end, text=sentence_text,
                kind="debris" if is_debris(sentence_text) else kind,
                quotes=[Span(max(q.start, start), min(q.end, end),
                             text[max(q.start, start):min(q.end, end)], "quote")
                        for q in takewhile(lambda q: q.start < end, quotes[bisect_right(quote_ends, start):])],
                attributions=[Span(start + a.start, start + a.end, a.text, a.kind)
                              for a in attribution_spans(sentence_text)],
            ))
    return sentences


def one_sentence(text: str) -> list[Sentence]:
    """`text` as a single sentence (trimmed), with its quotes and attributions marked."""
    start, end = _trimmed(text, 0, len(text))
    sentence_text = text[start:end]
    return [Sentence(start=start, end=end, text=sentence_text,
                     quotes=[Span(start + q.start, start + q.end, q.text, "quote") for q in quote_spans(sentence_text)],
                     attributions=[Span(start + a.start, start + a.end, a.text, a.kind)
                                   for a in attribution_spans(sentence_text)])]


def segment_document(document: Document, splitter_path: str | None = None) -> Document:
    """The document's sentences; a `Document` whose unit is "sentence" is one already."""
    document.sentences = one_sentence(document.text) if document.unit == "sentence" \
        else segment(document.text, splitter_path)
    return document
