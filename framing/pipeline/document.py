"""The one data model that flows through every stage.

A `Document` owns its text; a `Sentence` is a view into it by character offsets; each
sentence carries one `Verdict` per dimension, and each verdict the `Trigger` spans behind it.
Offsets always index `Document.text`, so renderers highlight without re-tokenizing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..dimensions import positive_labels
from .scores import ArticleScores


@dataclass(frozen=True)
class Span:
    """A stretch of the document text: a quotation, an attribution cue, a trigger word."""

    start: int
    end: int
    text: str
    kind: str = ""
    weight: float = 0.0
    quoted: bool = False  # inside a quotation: the speaker's words, not the writer's

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")


@dataclass
class Verdict:
    """One classifier's answer for one sentence."""

    probability: float
    label: str
    triggers: list[Span] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # for speculation: hedged, forecast, ...

    @property
    def positive(self) -> bool:
        return self.label in positive_labels()


@dataclass
class Sentence:
    """A sentence of a document: offsets into the document text and what was found in it.

    `kind` is "sentence", "headline", "list_item" or "debris"; debris (bylines, credits,
    stray markup) is kept for completeness but never scored.
    """

    start: int
    end: int
    text: str
    kind: str = "sentence"
    quotes: list[Span] = field(default_factory=list)
    attributions: list[Span] = field(default_factory=list)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    # The voice the article's voice model gave it (framing.classifiers.voice), or as read back
    # from a result; None until then.
    voice_label: str | None = None
    # The voice model's log-odds that the voice is not the writer's (the `not_writer` cue);
    # 0 (undecided) where no voice model read the article.
    not_writer: float = 0.0

    @property
    def scored(self) -> bool:
        return self.kind != "debris"

    @property
    def voice(self) -> str:
        """Whose claim the sentence makes: "writer", "quoted" or "attributed" (ANNOTATION.md).
        The voice model's answer where the article went through it (it reads the sentences
        around), else the rule."""
        return self.voice_label or self.rule_voice

    @property
    def rule_voice(self) -> str:
        """The voice this sentence shows on its own: "quoted" (mostly inside quotation marks,
        or a good part of it when attributed: `X said, "..."`), "attributed" (reported with an
        attribution cue such as "X said" or "according to X"), or "writer"."""
        return self.rule_voice_at(self.quoted_share)

    def rule_voice_at(self, quoted_share: float) -> str:
        """`rule_voice`, for a caller that has worked out the quoted share already."""
        if quoted_share >= 0.5 or (self.attributions and quoted_share >= 0.3):
            return "quoted"
        return "attributed" if self.attributions else "writer"

    @property
    def quoted_share(self) -> float:
        """Share of the sentence's characters inside quotation marks."""
        if self.end <= self.start:
            return 0.0
        inside = sum(q.end - q.start for q in self.quotes)
        return min(1.0, inside / (self.end - self.start))


@dataclass
class Document:
    """An article as read from its source, before and after analysis."""

    text: str
    source: str = "<text>"  # the file, "file:line" for a record of a collection, or "<stdin>"
    path: str | None = None  # the file it came from
    title: str | None = None
    id: str | None = None
    format: str = "txt"
    metadata: dict = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    readability: dict = field(default_factory=dict)
    scores: ArticleScores | None = None  # pipeline.scores, once scored
    models: dict = field(default_factory=dict)
    # What a reader of the results should know about the input, such as a guessed encoding.
    warnings: list[str] = field(default_factory=list)
    language: dict = field(default_factory=dict)  # language.language_check: English or not
    # "article", or "sentence": the text is one sentence, its segmentation given (`--unit sentence`).
    unit: str = "article"

    @property
    def content_sha256(self) -> str:
        """The SHA-256 of the text as scored: a result says what it was computed from, so that
        a re-run can tell an unchanged article from a changed one without its old text."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def to_dict(self) -> dict:
        """The document in its JSON form (schema "framing/1"), as `--format json` writes it."""
        from .schema import document_dict

        return document_dict(self)

    def _repr_html_(self) -> str | None:
        """A scored document as Jupyter shows it: the report's article view, highlighted;
        None (the plain repr) before it is scored."""
        if not self.scores:
            return None
        from ..output.html_report import article_fragment

        return article_fragment(self.to_dict())
