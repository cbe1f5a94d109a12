"""Speculative claims: hedges, forecasts, hypotheticals and alarmist escalation as news."""
from __future__ import annotations

from . import Dimension

KINDS = ("hedged", "forecast", "hypothetical", "alarmist")
# The kind a cue signals, by the cue's name or its name's prefix (the recipe names its own
# cues "hedge_...", "forecast_...", and so on).
CUE_KINDS = {"hedge": "hedged", "possibility": "hedged", "forecast": "forecast",
             "future": "forecast", "conditional": "hypothetical", "escalation": "alarmist"}


def cue_kind(cue: str) -> str | None:
    return CUE_KINDS.get(cue) or CUE_KINDS.get(cue.split("_", 1)[0])


def summary(scores) -> str:
    """The summary line's tail, from the article's `DimensionScores`: the kinds found."""
    return ", ".join(f"{k} {v.count}" for k, v in (scores.kinds or {}).items() if v.count)


DIMENSION = Dimension(
    name="speculative", positive="speculative", negative="factual",
    purpose="Flags speculative claims: hedges, forecasts, conditionals and alarmist escalation.",
    recipe="framing.training.tasks.speculative:TASK",
    colour="cyan", html_colour="#1f77b4", tint="#cfe3f5", letter="S",
    html_flag="outline:1px dashed #1f77b4",
    kinds=KINDS, cue_kind=cue_kind, scores_read="kinds", summary=summary,
)
