"""Probabilities that mean what they say on news, and the decision threshold.

The classifiers are trained on a mix of sources with class-balanced weights, so their raw
probabilities follow the mix, not news. Out-of-fold decision values of the news training
sentences (folds grouped by article) fit a one-variable logistic regression (Platt
scaling); its slope and offset fold into the exported coefficients, so every verdict still
sums per-word contributions. The threshold, chosen on the same out-of-fold news values,
is the one that maximizes macro-F1 there; it never sees the news test split.
"""
from __future__ import annotations

import numpy as np

from .datasets import Example
from .metrics import binary_scores
from .tasks.news import NEWS_SOURCE_NAMES

FOLDS = 5
SEED = 0


def out_of_fold_news(examples: list[Example], config, cues) -> tuple[np.ndarray, np.ndarray]:
    """Decision values and labels of the news examples, each from a model that did not see its article."""
    from sklearn.model_selection import GroupKFold

    from .datasets import article_of
    from .fit import feature_matrix, fit

    trained = [e for e in examples if e.trained]
    groups = [article_of(e) for e in trained]
    decisions, labels = [], []
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(trained, groups=groups):
        news = [trained[i] for i in test_idx if trained[i].source in NEWS_SOURCE_NAMES]
        if not news:
            continue
        vectorizer, classifier = fit([trained[i] for i in train_idx], config, cues)
        matrix = feature_matrix(vectorizer, cues, [e.text for e in news], not_writer=[e.not_writer for e in news])
        decisions += classifier.decision_function(matrix).tolist()
        labels += [e.label for e in news]
    return np.array(decisions), np.array(labels)


def fit_calibration(decisions: np.ndarray, labels: np.ndarray) -> dict:
    """Platt slope and offset, and the macro-F1-best threshold of the calibrated probability."""
    from sklearn.linear_model import LogisticRegression

    platt = LogisticRegression(C=1e6).fit(decisions.reshape(-1, 1), labels)
    slope, offset = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    probabilities = 1 / (1 + np.exp(-(slope * decisions + offset)))
    candidates = np.round(np.arange(0.2, 0.71, 0.05), 2)
    f1s = [binary_scores(labels.tolist(), (probabilities >= t).astype(int).tolist())["macro_f1"] for t in candidates]
    return {"slope": round(slope, 6), "offset": round(offset, 6), "threshold": float(candidates[int(np.argmax(f1s))]),
            "news_sentences": int(len(labels))}


def expected_calibration_error(labels: np.ndarray, probabilities: np.ndarray, bins: int = 10) -> float:
    """Mean gap between probability and positive rate over equal-width bins, weighted by size."""
    edges = np.minimum((probabilities * bins).astype(int), bins - 1)
    gap = sum(abs(probabilities[edges == b].mean() - labels[edges == b].mean()) * (edges == b).sum()
              for b in range(bins) if (edges == b).any())
    return round(float(gap / len(labels)), 4)
