"""Which words of a sentence are marked: one choice that every output format renders.

Triggers of all flagged dimensions are merged; where they overlap, the one starting first
(the longer at the same start) wins, so "Critics argue" is one mark, not two.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

# A trigger adding less than this to a verdict's score is too weak to point at: not marked
# (by default; `framing score --min-weight` chooses another), though the JSON keeps it.
MIN_WEIGHT = 0.1


class Mark(NamedTuple):
    start: int
    end: int
    dimension: str
    quoted: bool


def marks(start: int, end: int, triggers: Iterable[tuple[int, int, str, bool]]) -> list[Mark]:
    """The non-overlapping trigger spans inside [start, end), in text order."""
    chosen: list[Mark] = []
    position = start
    for trigger in sorted(triggers, key=lambda t: (t[0], -t[1])):
        if trigger[0] >= position and trigger[1] <= end:
            chosen.append(Mark(*trigger))
            position = trigger[1]
    return chosen
