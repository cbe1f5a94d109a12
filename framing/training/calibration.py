"""Probabilities that mean what they say on news, and the decision threshold.

The classifiers are trained on a mix of sources with class-balanced weights, so their raw
probabilities follow the mix, not news. Out-of-fold decision values of the news training
sentences (folds grouped by article) fit a one-variable logistic regression (Platt
scaling); its slope and offset fold into the exported coefficients, so every verdict still
sums per-word contributions. A recipe that reads the article around a sentence
(`TaskConfig.article_context`) fits a second variable beside it: the mean out-of-fold value
of the other news sentences of the article, which becomes the model's context weight and
centre (`classifiers.article_context`). The threshold, chosen on the same out-of-fold news
values (with their context), is the one that maximizes macro-F1 there; it never sees the
news test split.
"""
from __future__ import annotations

import numpy as np

from ..classifiers.article_context import context_terms, others_mean
from .datasets import Example
from .metrics import binary_scores
from .tasks.news import NEWS_SOURCE_NAMES

FOLDS = 5
SEED = 0


def out_of_fold_news(examples: list[Example], config, cues) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Decision values, labels and articles (`article_of`) of the news examples, each value
    from a model that did not see its article."""
    from sklearn.model_selection import GroupKFold

    from .datasets import article_of
    from .fit import feature_matrix, fit

    trained = [e for e in examples if e.trained]
    groups = [article_of(e) for e in trained]
    decisions, labels, articles = [], [], []
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(trained, groups=groups):
        news = [trained[i] for i in test_idx if trained[i].source in NEWS_SOURCE_NAMES]
        if not news:
            continue
        vectorizer, classifier = fit([trained[i] for i in train_idx], config, cues)
        matrix = feature_matrix(vectorizer, cues, [e.text for e in news], not_writer=[e.not_writer for e in news])
        decisions += classifier.decision_function(matrix).tolist()
        labels += [e.label for e in news]
        articles += [article_of(e) for e in news]
    return np.array(decisions), np.array(labels), articles


def _best_threshold(labels: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    """The macro-F1-best threshold among 0.20, 0.25, ..., 0.70, and its macro-F1."""
    candidates = np.round(np.arange(0.2, 0.71, 0.05), 2)
    f1s = [binary_scores(labels.tolist(), (probabilities >= t).astype(int).tolist())["macro_f1"] for t in candidates]
    best = int(np.argmax(f1s))
    return float(candidates[best]), float(f1s[best])


def news_calibration(examples: list[Example], config, cues) -> dict:
    """`fit_calibration` on the out-of-fold news values of `examples`, with the article
    context where the recipe reads it."""
    decisions, labels, articles = out_of_fold_news(examples, config, cues)
    return fit_calibration(decisions, labels, articles if config.article_context else None)


def fit_calibration(decisions: np.ndarray, labels: np.ndarray, articles: list[str] | None = None) -> dict:
    """Platt slope and offset, and the macro-F1-best threshold of the calibrated probability;
    with `articles`, the article context's weight and centre too (`calibrated_logits`).

    With the context, a logistic regression on [d_i, c_i] (c_i: the mean decision of the other
    news sentences of i's article; the mean of those, m, for a sentence alone in it) gives
    b_d, b_c, b_0. In the exported units L = slope * d + offset, its logit is
    L_i + w * (mean_j L_j - mu) with slope = b_d, offset = b_0 + b_c * m, w = b_c / b_d and
    mu = slope * m + offset: a sentence read alone is scored as at an average article."""
    from sklearn.linear_model import LogisticRegression

    platt = LogisticRegression(C=1e6).fit(decisions.reshape(-1, 1), labels)
    slope, offset = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    threshold, alone_f1 = _best_threshold(labels, 1 / (1 + np.exp(-(slope * decisions + offset))))
    calibration = {"slope": round(slope, 6), "offset": round(offset, 6), "threshold": threshold,
                   "news_sentences": int(len(labels))}
    others = others_mean(decisions, articles) if articles is not None else np.full(len(decisions), np.nan)
    inside = ~np.isnan(others)
    if not inside.any():
        return calibration
    mean = float(others[inside].mean())
    stacked = LogisticRegression(C=1e6).fit(np.column_stack([decisions, np.where(inside, others, mean)]), labels)
    (b_d, b_c), b_0 = stacked.coef_[0].tolist(), float(stacked.intercept_[0])
    if b_d <= 0:  # the sentence's own evidence must count for it: no context without that
        return calibration
    slope, offset = b_d, b_0 + b_c * mean
    context = {"slope": round(slope, 6), "offset": round(offset, 6), "context_weight": round(b_c / b_d, 6),
               "context_centre": round(slope * mean + offset, 6)}
    threshold, f1 = _best_threshold(labels, 1 / (1 + np.exp(-calibrated_logits(decisions, context, articles))))
    return {**calibration, **context, "threshold": threshold, "in_article": int(inside.sum()),
            "out_of_fold_macro_f1": {"alone": round(alone_f1, 4), "with_context": round(f1, 4)}}


def calibrated_logits(decisions: np.ndarray, calibration: dict, articles: list[str] | None = None) -> np.ndarray:
    """The logits of the calibrated model: slope and offset applied, then, where `articles`
    are given, each sentence's article context from the others of its article."""
    logits = calibration["slope"] * decisions + calibration["offset"]
    if articles is None:
        return logits
    return logits + context_terms(logits, calibration.get("context_weight", 0.0),
                                  calibration.get("context_centre", 0.0), articles)


def expected_calibration_error(labels: np.ndarray, probabilities: np.ndarray, bins: int = 10) -> float:
    """Mean gap between probability and positive rate over equal-width bins, weighted by size."""
    edges = np.minimum((probabilities * bins).astype(int), bins - 1)
    gap = sum(abs(probabilities[edges == b].mean() - labels[edges == b].mean()) * (edges == b).sum()
              for b in range(bins) if (edges == b).any())
    return round(float(gap / len(labels)), 4)
