"""`framing evaluate --cross-source`: how a recipe does on text it was not trained on.

For each source of a dimension, train on all the others and score the one left out; the
news sets are left out together and scored on the news test split (a seeded fifth of the
PTC articles, never trained on by any row). The last two rows train on everything outside
the test split (less the scored articles), calibrate on its news, and score the news dev
split (where recipes are chosen) and the test split (reported once). Examples that share an
article with the scored ones are never trained on.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from ..pipeline.aggregate import STRONG
from . import datasets
from .calibration import calibrated_logits, expected_calibration_error, news_calibration
from .datasets import Example
from .metrics import binary_scores
from .tasks import TaskConfig, task_config
from .tasks.news import NEWS_SOURCE_NAMES, news_sources
from .voice_context import with_voice_context

NEWS = "news"


def _auc(labels: np.ndarray, probabilities: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, probabilities)) if 0 < labels.sum() < len(labels) else float("nan")


def trainable(train: list[Example], held: list[Example]) -> list[Example]:
    """The examples of `train` a row may learn from: trained ones, none from a news document
    (`datasets.article_of`) of `held` or with a sentence of `held`. So leaving out a set that
    holds whole documents (MPQA, MultiDimNews) leaves out our labels of those documents too."""
    articles = {datasets.article_of(e) for e in held}
    texts = {e.text for e in held}
    return [e for e in train if e.trained and datasets.article_of(e) not in articles and e.text not in texts]


def held_out_scores(train: list[Example], held: list[Example], config: TaskConfig, cues,
                    calibrate: bool = False) -> dict:
    """Fit on `train` (minus any article of `held`) and score `held`: at probability 0.5, or,
    with `calibrate`, calibrated on the news of `train` and at the threshold chosen there, each
    sentence with its article context from the others of its article in `held` where the
    recipe reads it."""
    from .fit import feature_matrix, fit, reliability

    train = trainable(train, held)
    vectorizer, classifier = fit(train, config, cues)
    decisions = classifier.decision_function(feature_matrix(vectorizer, cues, [e.text for e in held],
                                                            not_writer=[e.not_writer for e in held]))
    calibration = (news_calibration(train, config, cues) if calibrate
                   else {"slope": 1.0, "offset": 0.0, "threshold": 0.5})
    threshold = calibration["threshold"]
    probabilities = 1 / (1 + np.exp(-calibrated_logits(decisions, calibration, [datasets.article_of(e) for e in held])))
    labels = np.array([e.label for e in held])
    flagged = (probabilities >= threshold).astype(int)
    scores = binary_scores(labels.tolist(), flagged.tolist(), probabilities.tolist())
    return {"n": len(held), "macro_f1": scores["macro_f1"], "auc": round(_auc(labels, probabilities), 4),
            "true_rate": round(float(labels.mean()), 4), "flagged_rate": round(float(flagged.mean()), 4),
            "strong_rate": round(float((probabilities >= STRONG).mean()), 4),
            "mean_probability": round(float(probabilities.mean()), 4),
            "ece": expected_calibration_error(labels, probabilities), "threshold": threshold,
            "reliability": reliability(labels, probabilities),
            "brier": scores["brier"], "trained_on": len(train)}


def source_of(example: Example) -> str:
    return NEWS if example.source in NEWS_SOURCE_NAMES else example.source


def evaluation_examples(task: str, config: TaskConfig, root: Path, voice_dir: str | None = None) -> list[Example]:
    """The recipe's examples (de-duplicated in its order, as training does), then those of
    the other sources that fit the dimension, news included, scored but never trained on.
    A sentence in several sets keeps each set's label; no row trains on a sentence it scores."""
    trained = {Path(spec.path).stem for spec in config.sources}
    examples = datasets.task_examples(task, config.sources, root)
    for spec in config.evaluation_sources + news_sources(task):
        if Path(spec.path).stem not in trained:
            examples += datasets.task_examples(task, [replace(spec, train=lambda record: False)], root)
    return with_voice_context(examples, config, root, voice_dir)


def cross_source(task: str, data: str | None, config: TaskConfig | None = None, test: bool = True,
                 voice_dir: str | None = None) -> dict:
    """The table; `test=False` leaves the news test split unscored (while choosing a recipe);
    `voice_dir` holds the voice model to read the `not_writer` cue with (else the shipped one)."""
    from .commands import cue_set

    root = datasets.require_data_dir(data)
    config = config or task_config(task)
    cues = cue_set(config, root)
    examples = evaluation_examples(task, config, root, voice_dir)
    pool = [e for e in examples if not datasets.in_news_split(e, "test")]
    news_test = [e for e in examples if source_of(e) == NEWS and datasets.in_news_split(e, "test")]
    news_dev = [e for e in pool if source_of(e) == NEWS and datasets.in_news_split(e, "dev")]
    rows = {}
    for source in sorted({source_of(e) for e in examples}):
        held = news_test if source == NEWS else [e for e in pool if source_of(e) == source]
        train = [e for e in pool if source_of(e) != source]
        if len({e.label for e in train if e.trained}) == 2:  # else the recipe has nothing left
            rows[source] = held_out_scores(train, held, config, cues)
    left_out = [r["macro_f1"] for r in rows.values()]
    return {"task": "cross-source", "dimension": task, "left_out": rows,
            "mean_left_out_macro_f1": round(float(np.mean(left_out)), 4),
            "news_dev": held_out_scores(pool, news_dev, config, cues, calibrate=True),
            "news_test": held_out_scores(pool, news_test, config, cues, calibrate=True) if test else None}


def format_cross_source(report: dict) -> str:
    lines = [f"{report['dimension']}: each source scored by a model trained on the others",
             "| left out | sentences | macro-F1 | ROC-AUC | flagged | true rate |",
             "|---|---|---|---|---|---|"]
    rows = list(report["left_out"].items()) + [("all sources -> news dev split", report["news_dev"])]
    test = report["news_test"] or report["news_dev"]
    if report["news_test"]:
        rows.append(("all sources -> news test split", test))
    for name, r in rows:
        lines.append(f"| {name} | {r['n']} | {r['macro_f1']:.3f} | {r['auc']:.3f} | "
                     f"{r['flagged_rate']:.1%} | {r['true_rate']:.1%} |")
    lines.append(f"mean left-out macro-F1 {report['mean_left_out_macro_f1']:.3f}; news {'test' if report['news_test'] else 'dev'} split, "
                 f"calibrated on news, threshold {test['threshold']:.2f}: ECE {test['ece']:.3f}, "
                 f"mean probability {test['mean_probability']:.1%}, strong (>= {STRONG}) {test['strong_rate']:.1%}")
    return "\n".join(lines) + "\n"
