"""Where an article is in the middle of a quoted block: state carried from line to line.

Block quotations, excerpts, letters and transcripts are often set off by layout alone: a line
ending in a colon or an ellipsis ("The Washington Times reports:", "Note the following
excerpt:"), then paragraphs without a quotation mark. One neighbour each side
(`framing.text.voice`) sees only the block's first line; the run length seen here lets the
voice model carry the quotation on, and learn how far such blocks tend to go.

The run ends where the writer plainly speaks again: a sentence with quotation marks of its
own or an attribution cue ("he said") is the writer quoting or reporting in the usual way.
Where a block without marks ends otherwise cannot be seen in the text; the model weighs the
run's length instead.
"""
from __future__ import annotations

from ..pipeline.document import Sentence

_INTRO_ENDS = (":", "\u2026", "...")
_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
# Lines since the block's introduction, in bins: its first line, the next few, a long block.
_BINS = ((1, "1"), (3, "2-3"), (8, "4-8"))


def _bin(lines: int) -> str:
    return next((name for edge, name in _BINS if lines <= edge), "9+")


def _starts_line(text: str, sentence: Sentence) -> bool:
    """Whether the sentence opens a line (only spaces between it and a line break or the start)."""
    before = text.rfind("\n", 0, sentence.start)
    return not text[before + 1:sentence.start].strip()


def block_runs(text: str, scored: list[Sentence]) -> list[dict[str, float]]:
    """For each scored sentence (in order), `block_run=<bin>` when it stands on a line after one
    that introduces a block, with no quotation mark or attribution cue in between."""
    out: list[dict[str, float]] = []
    run: int | None = None  # lines since the introducing line; None: not in a block
    for sentence in scored:
        if run is not None and _starts_line(text, sentence):
            run += 1
        out.append({f"block_run={_bin(run)}": 1.0} if run else {})
        if sentence.attributions or not _MARKS.isdisjoint(sentence.text):
            run = None
        if sentence.text.rstrip().endswith(_INTRO_ENDS):
            run = 0
    return out
