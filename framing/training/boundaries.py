"""Sentence-boundary evaluation against the PTC articles' one-sentence-per-line layout.

Each paragraph's lines are joined with spaces, the segmenter runs on the joined text, and
the sentence ends it finds are compared with the line ends. Paragraph ends are boundaries
whatever the splitter does, so they are also scored apart ("inside_paragraphs"). Some lines
end without any punctuation (embedded tweets, captions, share links); once joined, no
splitter can find those ends, so "punctuated" scores recall only on lines that end in
sentence punctuation; both sides leave those ends out.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..reading.decoding import decode
from ..text.segment import segment

_PUNCTUATED_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def joined_layout(raw: str) -> tuple[str, set[int], set[int]]:
    """The article as running text, its gold sentence ends, and its paragraph ends."""
    paragraphs = [[line.strip() for line in block.split("\n") if line.strip()]
                  for block in raw.split("\n\n")]
    text, gold, paragraph_ends = "", set(), set()
    for lines in filter(None, paragraphs):
        if text:
            text += "\n\n"
        for i, line in enumerate(lines):
            text += ("" if i == 0 else " ") + line
            gold.add(len(text))
        paragraph_ends.add(len(text))
    return text, gold, paragraph_ends


def boundary_scores(paths: list[Path], splitter_path: str | None = None) -> dict:
    """Precision, recall and F1 of sentence ends, over all ends and inside paragraphs only."""
    counts = {"all": [0, 0, 0], "inside_paragraphs": [0, 0, 0], "punctuated": [0, 0, 0]}
    for path in paths:  # counts are [true positives, predicted, gold]
        text, gold, paragraph_ends = joined_layout(decode(path.read_bytes(), str(path))[0])
        predicted = {s.end for s in segment(text, splitter_path)}
        unpunctuated = {end for end in gold if not _PUNCTUATED_END.search(text[:end])}
        for name, g, p in (("all", gold, predicted),
                           ("inside_paragraphs", gold - paragraph_ends, predicted - paragraph_ends),
                           ("punctuated", gold - unpunctuated, predicted - unpunctuated)):
            counts[name][0] += len(g & p)
            counts[name][1] += len(p)
            counts[name][2] += len(g)
    scores = {"articles": len(paths)}
    for name, (tp, n_pred, n_gold) in counts.items():
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[name] = {"precision": round(precision, 4), "recall": round(recall, 4),
                        "f1": round(f1, 4), "gold": n_gold}
    return scores
