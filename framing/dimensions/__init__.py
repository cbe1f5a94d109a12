"""The dimensions framing scores, each a `Dimension` registered in one place.

A dimension says everything the rest of framing needs to know about it: its name and
labels, its training recipe (imported only to train or evaluate), the kinds its positive
verdicts name, what it adds to an article's scores and to the summary line, its colours,
and its model card's purpose. Every stage loops over `registered()`; none names a dimension.

The built-in ones are the modules beside this file. Another package adds one by calling
`register` when imported, or by naming a `Dimension` under the entry-point group
"framing.dimensions" (the way flake8 finds plug-ins); its model file `<name>.npz` goes in a
models folder (`--models DIR`).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

BUILT_IN = ("loaded", "opinion", "speculative")
ENTRY_POINTS = "framing.dimensions"


@dataclass(frozen=True)
class Dimension:
    name: str
    positive: str  # the label of a positive verdict, as the training data spells it
    negative: str
    purpose: str  # one sentence: what it flags (model card, help)
    recipe: str  # "module:attribute" of its `training.tasks.TaskConfig`
    colour: str  # terminal colour of its trigger words (a click.style name)
    html_colour: str  # its colour in the HTML report
    tint: str  # background of its trigger words in the HTML report
    letter: str  # its tag beside a flagged sentence in the HTML report
    html_flag: str = ""  # CSS declarations marking a flagged sentence (default: underlined)
    # Names of the kinds a positive verdict can be (speculation: hedged, forecast, ...); each
    # article counts them. `cue_kind` names a cue's kind, for models without learned kind heads.
    kinds: tuple[str, ...] = ()
    cue_kind: Callable[[str], str | None] | None = None
    # What the article scores read of a positive verdict besides its probability: "triggers",
    # "kinds" or "" (scoring works it out even when the output shows no triggers).
    scores_read: str = ""
    # Scores of its own for an article: (scored sentences as (index, Sentence), flagged ones,
    # words) -> a dict, its `DimensionScores.extras`.
    extras: Callable[[list, list, int], dict] | None = None
    extra_columns: tuple[str, ...] = ()  # those of `extras` that are numbers, as CSV columns
    summary: Callable[..., str] | None = None  # its article's `DimensionScores` -> the summary line's tail

    @property
    def flag_css(self) -> str:
        return self.html_flag or f"border-bottom:2px solid {self.html_colour}"

    def task(self):
        """Its training recipe (a `training.tasks.TaskConfig`), imported on first use."""
        module, attribute = self.recipe.split(":")
        return getattr(importlib.import_module(module), attribute)


_registry: dict[str, Dimension] = {}
_loaded = False
_positive_labels: frozenset[str] = frozenset()


def register(dimension: Dimension) -> Dimension:
    """Add `dimension` (after the built-in ones); registering a name again replaces it."""
    _load()
    _registry[dimension.name] = dimension
    _changed()
    return dimension


def unregister(name: str) -> None:
    _load()
    _registry.pop(name, None)
    _changed()


def positive_labels() -> frozenset[str]:
    """The labels of positive verdicts, of every dimension."""
    _load()
    return _positive_labels


def registered() -> tuple[Dimension, ...]:
    """Every dimension, built-in ones first, in registration order."""
    _load()
    return tuple(_registry.values())


def names() -> tuple[str, ...]:
    return tuple(d.name for d in registered())


def get(name: str) -> Dimension:
    _load()
    try:
        return _registry[name]
    except KeyError:
        raise KeyError(f"no dimension {name!r} (registered: {', '.join(_registry)})") from None


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in BUILT_IN:
        module = importlib.import_module(f"{__name__}.{name}")
        _registry[module.DIMENSION.name] = module.DIMENSION
    for plugin in _entry_points():
        dimension = plugin.load()
        _registry[dimension.name] = dimension
    _changed()


def _changed() -> None:
    global _positive_labels
    _positive_labels = frozenset(d.positive for d in _registry.values())


def _entry_points():
    from importlib.metadata import entry_points

    return entry_points(group=ENTRY_POINTS)
