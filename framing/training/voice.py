"""`framing train --task voice`: the voice model, from the labelled lines of the news articles.

Articles are segmented as a user's file is (`segment`), and each labelled line is matched to
its longest sentence, as `framing evaluate --news` matches them (`news_eval.line_prediction`).
C is chosen on the dev split with the model trained on the train split; the shipped model is
then refitted on train + dev. The test split is scored once, for the model card; it is never
trained on.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..classifiers.voice import VoiceModel
from ..pipeline.document import Sentence
from ..text.segment import segment
from ..text.voice import voice_features
from . import datasets
from .labelling.build import own_labels_summary
from .news_eval import split_lines
from .tasks.news import OWN_LABELS

VOICES = ("writer", "quoted", "attributed")
C_GRID = (0.03, 0.1, 0.3, 1.0)
SETTINGS = {"context": 1, "words": "small", "penalty": "l2", "multinomial": True, "class_weight": None}


@dataclass
class Lines:
    """Labelled lines as rows: features of the line's longest sentence, gold voice, rule voice."""

    features: list[dict[str, float]]
    gold: list[str]
    rule: list[str]

    def __add__(self, other: Lines) -> Lines:
        return Lines(self.features + other.features, self.gold + other.gold, self.rule + other.rule)


def read_article(text: str, records: list[dict]
                 ) -> tuple[list[Sentence], list[dict[str, float]], list[tuple[dict, int]]]:
    """An article's scored sentences and their voice features, and each record (with `start`
    and `end` in `text`) paired with the sentence that holds most of it (records in none left out)."""
    sentences = segment(text)
    scored = [s for s in sentences if s.scored]
    features = voice_features(text, sentences)
    paired = []
    for r in records:
        overlap = {i: min(s.end, r["end"]) - max(s.start, r["start"]) for i, s in enumerate(scored)
                   if s.start < r["end"] and r["start"] < s.end}
        if overlap:
            paired.append((r, max(overlap, key=overlap.get)))
    return scored, features, paired


def split_rows(root: Path, split: str) -> tuple[Lines, int]:
    """The split's labelled lines, and how many articles they come from."""
    rows = Lines([], [], [])
    by_article = split_lines(root, split)
    for doc_id, records in sorted(by_article.items()):
        scored, features, paired = read_article(datasets.article_text(root, doc_id), records)
        for r, i in paired:
            rows.features.append(features[i])
            rows.gold.append(r["voice"])
            rows.rule.append(scored[i].rule_voice)
    return rows, len(by_article)


def fit(rows: Lines, C: float):
    """scikit-learn's fit: the vectorizer and the classifier (for tests and checks)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    classifier = LogisticRegression(C=C, max_iter=5000)
    classifier.fit(vectorizer.fit_transform(rows.features), rows.gold)
    return vectorizer, classifier


def exported(vectorizer, classifier, settings: dict) -> VoiceModel:
    return VoiceModel(list(classifier.classes_), list(vectorizer.feature_names_), np.round(classifier.coef_, 6),
                      np.round(classifier.intercept_, 6), settings)


def accuracy(gold: list[str], predicted: list[str]) -> float:
    return round(float(np.mean([g == p for g, p in zip(gold, predicted)])), 4)


def confusion(gold: list[str], predicted: list[str]) -> list[list[int]]:
    """Rows gold, columns predicted, both in VOICES order."""
    return [[sum(g == a and p == b for g, p in zip(gold, predicted)) for b in VOICES] for a in VOICES]


def train_voice(root: Path, out: Path) -> Path:
    """Choose C on dev, refit on train + dev, score rule and model on test; write model and card."""
    train, n_train = split_rows(root, "train")
    dev, n_dev = split_rows(root, "dev")
    test, n_test = split_rows(root, "test")
    on_dev = {}
    for C in C_GRID:
        vectorizer, classifier = fit(train, C)
        on_dev[C] = accuracy(dev.gold, list(classifier.predict(vectorizer.transform(dev.features))))
    chosen = max(C_GRID, key=lambda C: (on_dev[C], -C))  # ties: the stronger regularization
    dev_model = exported(*fit(train, chosen), {})
    vectorizer, classifier = fit(train + dev, chosen)
    model = exported(vectorizer, classifier, {**SETTINGS, "C": chosen})
    gap = np.abs(model.decision(test.features) - classifier.decision_function(vectorizer.transform(test.features)))
    if gap.max() > 1e-3:
        raise RuntimeError(f"exported voice model disagrees with scikit-learn by {gap.max():g}")
    predicted = model.predict(test.features)
    dev_predicted = dev_model.predict(dev.features)
    from .fit import versions

    model.metadata = {
        "trained": datetime.date.today().isoformat(), "versions": versions(),
        "data": {"train": [n_train, len(train.gold)], "dev": [n_dev, len(dev.gold)], "test": [n_test, len(test.gold)]},
        "dev_by_C": {str(C): a for C, a in on_dev.items()},
        "dev": {"rule": accuracy(dev.gold, dev.rule), "model": accuracy(dev.gold, dev_predicted),
                "rule_confusion": confusion(dev.gold, dev.rule), "model_confusion": confusion(dev.gold, dev_predicted)},
        "test": {"rule": accuracy(test.gold, test.rule), "model": accuracy(test.gold, predicted),
                 "rule_confusion": confusion(test.gold, test.rule), "model_confusion": confusion(test.gold, predicted)},
        "command": "framing train --data ../shared/data --task voice",
    }
    if OWN_LABELS.exists():
        model.metadata["news_labels"] = own_labels_summary(OWN_LABELS)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "voice.json"
    model.save(path)
    from .model_card import write_voice_card

    write_voice_card(model, out / "voice.md")
    return path
