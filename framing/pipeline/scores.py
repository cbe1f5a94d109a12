"""An article's scores, typed: what `aggregate.article_scores` computes, and its JSON form.

Results cross processes, the cache and files as JSON; whoever reads scores back turns them
into these classes with `from_dict`, so no stage reads them by string key.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import dimensions


@dataclass
class KindScores:
    count: int
    share: float


@dataclass
class DimensionScores:
    """One dimension over one article's scored sentences."""

    count: int  # flagged sentences
    share: float  # of the scored sentences
    strong_share: float  # probability >= aggregate.STRONG
    writer_share: float  # flagged and in the writer's voice
    reported_share: float  # flagged and quoted or attributed
    mean_probability: float
    top: list[int]  # the strongest flagged sentences' indices
    extras: dict = field(default_factory=dict)  # the dimension's own (`Dimension.extras`)
    kinds: dict[str, KindScores] | None = None  # for a dimension that names kinds

    SHARED = ("count", "share", "strong_share", "writer_share", "reported_share", "mean_probability", "top")

    def to_dict(self) -> dict:
        d = {name: getattr(self, name) for name in self.SHARED}
        d.update(self.extras)
        if self.kinds is not None:
            d["kinds"] = {k: {"count": v.count, "share": v.share} for k, v in self.kinds.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> DimensionScores:
        kinds = d.get("kinds")
        return cls(**{name: d[name] for name in cls.SHARED},
                   extras={k: v for k, v in d.items() if k not in cls.SHARED and k != "kinds"},
                   kinds=None if kinds is None else {k: KindScores(v["count"], v["share"]) for k, v in kinds.items()})


@dataclass
class ArticleScores:
    sentences: int
    scored_sentences: int
    voices: dict[str, int]  # scored sentences per voice
    dimensions: dict[str, DimensionScores]

    def __getitem__(self, name: str) -> DimensionScores:
        return self.dimensions[name]

    def to_dict(self) -> dict:
        return {"sentences": self.sentences, "scored_sentences": self.scored_sentences, "voices": dict(self.voices),
                **{name: scores.to_dict() for name, scores in self.dimensions.items()}}

    @classmethod
    def from_dict(cls, d: dict) -> ArticleScores:
        """The scores of a result; a registered dimension it lacks is an error for the caller
        (report.read_results names it)."""
        return cls(d["sentences"], d["scored_sentences"], dict(d.get("voices") or {}),
                   {name: DimensionScores.from_dict(d[name]) for name in dimensions.names() if name in d})
