"""Opinion versus reported fact: the writer's own judgement, apart from what sources say."""
from __future__ import annotations

from . import Dimension


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def extras(scored: list, flagged: list, words: int) -> dict:
    """The opinions in the writer's own voice, and how much of the article is reported speech."""
    return {"sentences": sorted(i for i, s in flagged if s.voice == "writer"),
            "attributed_share": _share(sum(s.voice != "writer" for _, s in scored), len(scored))}


DIMENSION = Dimension(
    name="opinion", positive="opinion", negative="fact",
    purpose="Tells the writer's own judgement (opinion) from reporting, including attributed "
            "statements (fact).",
    recipe="framing.training.tasks.opinion:TASK",
    colour="yellow", html_colour="#e6a100", tint="#ffe08a", letter="O",
    html_flag="box-shadow:inset 0 -4px 0 #f5d37a",
    extras=extras, extra_columns=("attributed_share",),
)
