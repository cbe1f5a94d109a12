"""Each classifier's recipe: its training data, its features, its settings.

One module per dimension holds its `TASK`; the training code is shared and reads only
these recipes, so improving one classifier means editing one file.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...text.features import Analyzer
from ..datasets import SourceSpec


@dataclass(frozen=True)
class LexiconSpec:
    """A word list for a cue, taken from a JSONL lexicon file in the data folder."""

    path: str
    licence: str
    keep: Callable[[dict], bool] = lambda record: True
    field: str = "text"


@dataclass(frozen=True)
class TaskConfig:
    name: str
    sources: list[SourceSpec]
    # Cue names: from `patterns` below, else from features.CUES; features.CONTEXT_CUES;
    # and "lexicon:<name>" for each word list in `lexicons`.
    cues: tuple[str, ...]
    patterns: dict[str, str] = field(default_factory=dict)  # name -> regular expression
    lexicons: dict[str, LexiconSpec] = field(default_factory=dict)
    dev: SourceSpec | None = None
    analyzer: Analyzer = Analyzer()
    min_df: int = 2
    C: float = 1.0
    class_weight: str | dict | None = "balanced"
    # Relative weight of each source's examples (by file stem); 1.0 when not named.
    source_weights: dict[str, float] = field(default_factory=dict)
    # Scale each n-gram column by |log-count ratio| ** nb_power before fitting (0: off), as in
    # NBSVM (Wang and Manning 2012): terms that lean to one label are penalized less. The
    # scale folds into the exported coefficients, so scoring is unchanged.
    nb_power: float = 0.0
    # Learn which kinds a positive verdict is (one head per kind) from the examples that
    # name them, instead of reading kinds off the cues that matched.
    learn_kinds: bool = False
    # Read the article around a sentence: fit the weight of the mean logit of the other
    # sentences of its document beside the news calibration (classifiers.article_context).
    article_context: bool = False
    # Sources that fit the dimension's definition but are not trained on: the cross-source
    # table scores them too, so recipes are compared on the same sources.
    evaluation_sources: list[SourceSpec] = field(default_factory=list)
    # Markdown appended to the model card: error analysis, notes on the data.
    card_notes: str = ""


def task_config(name: str) -> TaskConfig:
    """The recipe of the dimension `name` (its `Dimension.recipe`)."""
    from ... import dimensions

    return dimensions.get(name).task()
