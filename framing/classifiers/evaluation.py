"""What a linear classifier computed for one sentence, and what each term or cue added: the
material of every explanation (`LinearModel.evaluate`, `LinearModel.contributions`)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..text.features import CueMatch


@dataclass
class Contribution:
    """How much one term or cue, at one place in the sentence, pushed the decision."""

    start: int
    end: int
    kind: str  # "term", "name", a cue name, or `article_context.ARTICLE_CONTEXT`
    weight: float


@dataclass
class Evaluation:
    """What one classifier computed for one sentence."""

    text: str
    decision: float
    values: dict[int, float]  # TF-IDF value of each vocabulary term present
    occurrences: list[tuple[int, int, int]]  # (term index, start, end) of each occurrence
    counts: dict[int, int]  # occurrences of each vocabulary term present
    matches: list[CueMatch]
    cue_values: list[float]
    context: float = 0.0  # the article-context term included in `decision` (0: read alone)

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + math.exp(-self.decision))
