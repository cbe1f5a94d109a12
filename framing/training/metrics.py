"""Classification scores, computed one way for cross-validation, dev sets and `evaluate`."""
from __future__ import annotations

from collections.abc import Sequence


def binary_scores(gold: Sequence[int], predicted: Sequence[int],
                  probabilities: Sequence[float] | None = None) -> dict:
    """Precision, recall and F1 of each class, macro-F1, accuracy, and the Brier score."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    scores: dict = {"n": len(gold), "positives": int(sum(gold))}
    f1s = []
    for cls, name in ((1, "positive"), (0, "negative")):
        tp = sum(1 for g, p in zip(gold, predicted) if g == cls and p == cls)
        n_pred = sum(1 for p in predicted if p == cls)
        n_gold = sum(1 for g in gold if g == cls)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[name] = {"precision": round(precision, 4), "recall": round(recall, 4),
                        "f1": round(f1, 4), "support": n_gold}
        f1s.append(f1)
    scores["macro_f1"] = round(sum(f1s) / 2, 4)
    scores["accuracy"] = round(sum(g == p for g, p in zip(gold, predicted)) / len(gold), 4) if gold else 0.0
    if probabilities is not None and len(gold):
        scores["brier"] = round(sum((p - g) ** 2 for g, p in zip(gold, probabilities)) / len(gold), 4)
    return scores
