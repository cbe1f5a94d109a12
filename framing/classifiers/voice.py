"""The voice model: a multinomial logistic regression over `framing.text.voice` features,
stored as plain JSON arrays (classes, feature names, coefficients, intercepts, settings) and
scored with NumPy alone; nothing executes on load.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..pipeline.document import Sentence
from ..text.segment import one_sentence
from ..text.voice import voice_features
from .manifest import record, verify
from .models_dir import voice_file

FORMAT = "framing-voice/1"
# The log-odds classifiers read (the `not_writer` cue) are clipped: a sentence the voice model is
# all but sure of would otherwise weigh without bound.
ODDS_LIMIT = 8.0


@dataclass
class VoiceModel:
    """Coefficients of shape (classes, features), one intercept per class."""

    classes: list[str]
    features: list[str]
    coef: np.ndarray
    intercept: np.ndarray
    settings: dict = field(default_factory=dict)
    metadata: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.coef = np.asarray(self.coef, dtype=float)
        self.intercept = np.asarray(self.intercept, dtype=float)
        if self.coef.shape != (len(self.classes), len(self.features)) or self.intercept.shape != (len(self.classes),):
            raise ModelError("voice model: coefficients do not match its classes and features")
        self._index = {name: j for j, name in enumerate(self.features)}
        self._weights = np.ascontiguousarray(self.coef.T)  # (features, classes): one row per feature

    def decision(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Each row's score per class (features the model does not know count for nothing).
        Every feature value is looked up at C speed, all rows at once; the weights are added
        row by row in the rows' order, as one by one."""
        lengths = [len(row) for row in rows]
        total = sum(lengths)
        columns = np.fromiter(map(self._index.get, chain.from_iterable(rows), repeat(-1)), np.int64, total)
        values = np.fromiter(chain.from_iterable(map(dict.values, rows)), float, total)
        sentence = np.repeat(np.arange(len(rows)), lengths)
        kept = (columns >= 0) & (values != 0)
        scores = np.tile(self.intercept, (len(rows), 1))
        if kept.any():
            np.add.at(scores, sentence[kept], self._weights[columns[kept]] * values[kept][:, None])
        return scores

    def predict(self, rows: list[dict[str, float]]) -> list[str]:
        if not rows:
            return []
        return [self.classes[k] for k in self.decision(rows).argmax(axis=1)]

    def not_writer(self, decisions: np.ndarray) -> np.ndarray:
        """Each row's log-odds that its voice is not the writer's, log(p(quoted) + p(attributed))
        - log p(writer), clipped to +-ODDS_LIMIT."""
        writer = self.classes.index("writer")
        others = np.delete(decisions, writer, axis=1)
        return np.clip(np.logaddexp.reduce(others, axis=1) - decisions[:, writer], -ODDS_LIMIT, ODDS_LIMIT)

    def assign(self, text: str, sentences: list[Sentence]) -> None:
        """Give each scored sentence of an article its voice, and the log-odds that it is not
        the writer's (what the classifiers weigh as the `not_writer` cue)."""
        scored = [s for s in sentences if s.scored]
        if not scored:
            return
        decisions = self.decision(voice_features(text, sentences))
        for sentence, best, odds in zip(scored, decisions.argmax(axis=1).tolist(), self.not_writer(decisions).tolist()):
            sentence.voice_label = self.classes[best]
            sentence.not_writer = odds

    def alone(self, texts: list[str]) -> list[float]:
        """The `not_writer` log-odds of each text read as one sentence without its article, as
        a sentence scored on its own (a dataset's, or `--unit sentence`) gets it."""
        rows = [voice_features(text, one_sentence(text))[0] for text in texts]
        return self.not_writer(self.decision(rows)).tolist() if rows else []

    def to_dict(self) -> dict:
        return {"format": FORMAT, "classes": self.classes, "features": self.features,
                "coef": np.round(self.coef, 6).tolist(), "intercept": np.round(self.intercept, 6).tolist(),
                "settings": self.settings, "metadata": self.metadata}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
        record(path)

    @classmethod
    def from_dict(cls, data: dict) -> VoiceModel:
        if data.get("format") != FORMAT:
            raise ModelError(f"voice model of an unknown format {data.get('format')!r} (expected {FORMAT})")
        return cls(list(data["classes"]), list(data["features"]), np.array(data["coef"]),
                   np.array(data["intercept"]), data.get("settings", {}), data.get("metadata", {}))

    @classmethod
    def load(cls, path: Path) -> VoiceModel:
        try:
            return cls.from_dict(json.loads(verify(path).decode("utf-8")))
        except (ValueError, UnicodeDecodeError, KeyError, TypeError):
            raise ModelError(f"{path}: not a valid voice model") from None


@lru_cache(maxsize=4)
def load_voice_model(directory: str | None = None) -> VoiceModel | None:
    """The voice model in `directory` where it has one, else the shipped one; None when there
    is none at all (sentences then keep the rule's voice)."""
    path = voice_file(directory)
    return VoiceModel.load(path) if path.is_file() else None
