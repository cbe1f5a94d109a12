"""Train a sentence classifier, cross-validate it, and export it as a `LinearModel`.

Training is deterministic: a fixed analyzer, no sampling, lbfgs (no random state), and
folds from a seeded splitter, so the same data always give the same model.
"""
from __future__ import annotations

import datetime
import platform
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..classifiers.linear import LinearModel
from ..classifiers.manifest import record
from ..text.cue_set import CueSet
from ..text.cues import standalone_context
from .calibration import news_calibration
from .datasets import Example
from .labelling.labels import PRODUCT_KIND
from .metrics import binary_scores
from .tasks import TaskConfig
from .tasks.news import NEWS_SOURCE_NAMES

FOLDS = 5
SEED = 0


def feature_matrix(vectorizer, cues: CueSet, texts: list[str], fit: bool = False,
                   not_writer: list[float] | None = None):
    """TF-IDF columns, then one column per cue, as `LinearModel` computes them; `not_writer`:
    each text's voice log-odds (`Example.not_writer`), 0 where not given."""
    from scipy.sparse import csr_matrix, hstack

    tfidf = vectorizer.fit_transform(texts) if fit else vectorizer.transform(texts)
    if getattr(vectorizer, "term_scale_", None) is not None:
        tfidf = tfidf.multiply(vectorizer.term_scale_).tocsr()
    contexts = [standalone_context(t) if cues.uses_context else (False, 0.0) for t in texts]
    odds = not_writer or [0.0] * len(texts)
    values = np.array([cues.values(t, *c, not_writer=v) for t, c, v in zip(texts, contexts, odds)], dtype=np.float64)
    return hstack([tfidf, csr_matrix(values.reshape(len(texts), len(cues.names)))]).tocsr()


def fit(examples: list[Example], config: TaskConfig, cues: CueSet):
    """Fit the TF-IDF + cues + logistic-regression pipeline; returns (vectorizer, classifier)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        raise ValueError("training data hold only one label")
    vectorizer = TfidfVectorizer(analyzer=config.analyzer, sublinear_tf=True,
                                 min_df=config.min_df if len(texts) >= 50 else 1)
    weights = [config.source_weights.get(e.source, 1.0) for e in examples]
    if config.nb_power:
        vectorizer.fit(texts)
        vectorizer.term_scale_ = term_scale(vectorizer.transform(texts), labels, weights, config.nb_power)
    features = feature_matrix(vectorizer, cues, texts, fit=not config.nb_power,
                              not_writer=[e.not_writer for e in examples])
    classifier = LogisticRegression(C=config.C, class_weight=config.class_weight, max_iter=5000)
    with threadpool_limits(limits=1):  # threaded BLAS sums in another order: not bit-identical
        classifier.fit(features, labels, sample_weight=weights)
    return vectorizer, classifier


def term_scale(tfidf, labels: list[int], weights: list[float], power: float) -> np.ndarray:
    """|log-count ratio| ** power of each term: how far its (weighted, add-one) share of the
    positive sentences differs from its share of the negative ones."""
    present = (tfidf > 0).astype(np.float64)
    y, w = np.array(labels), np.array(weights, dtype=np.float64)
    pos = 1.0 + present[y == 1].T @ w[y == 1]
    neg = 1.0 + present[y == 0].T @ w[y == 0]
    ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
    return np.abs(ratio) ** power


def export(config: TaskConfig, cues: CueSet, vectorizer, classifier, metadata: dict) -> LinearModel:
    vocabulary = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
    coef = np.array(classifier.coef_[0], dtype=np.float64)
    scale = getattr(vectorizer, "term_scale_", None)
    if scale is not None:  # the term scale folds into the coefficients: same arrays to score
        coef[:len(vocabulary)] *= scale
    return LinearModel(task=config.name, analyzer=config.analyzer, vocabulary=vocabulary,
                       idf=np.asarray(vectorizer.idf_), cues=cues,
                       coef=coef, intercept=float(classifier.intercept_[0]),
                       metadata=metadata)


def calibrated(model: LinearModel, calibration: dict) -> LinearModel:
    """The model with Platt scaling folded into its coefficients, and its threshold (and the
    article context's weight and centre, which the model reads from `calibration`)."""
    slope, offset = calibration["slope"], calibration["offset"]
    return replace(model, coef=model.coef * slope, intercept=model.intercept * slope + offset,
                   metadata={**model.metadata, "calibration": calibration})


def with_kind_heads(model: LinearModel, vectorizer, examples: list[Example], config: TaskConfig) -> LinearModel:
    """`model` with one class-balanced logistic regression per kind, trained on the positive
    examples that name their kinds, over the model's own features; `model` as it is when the
    examples do not show every kind both present and absent (kinds then come from the cues)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    named = [e for e in examples if e.trained and e.label and e.kinds]
    if any(len({kind in e.kinds for e in named}) < 2 for kind in PRODUCT_KIND):
        return model
    features = feature_matrix(vectorizer, model.cues, [e.text for e in named], not_writer=[e.not_writer for e in named])
    rows, intercepts = [], []
    for kind in PRODUCT_KIND:
        labels = [int(kind in e.kinds) for e in named]
        head = LogisticRegression(C=config.C, class_weight="balanced", max_iter=5000)
        with threadpool_limits(limits=1):
            head.fit(features, labels)
        coef = np.array(head.coef_[0], dtype=np.float64)
        if getattr(vectorizer, "term_scale_", None) is not None:
            coef[:len(model.vocabulary)] *= vectorizer.term_scale_
        rows.append(coef)
        intercepts.append(float(head.intercept_[0]))
    return replace(model, kind_names=tuple(PRODUCT_KIND.values()), kind_coef=np.array(rows),
                   kind_intercept=np.array(intercepts),
                   metadata={**model.metadata, "kind_examples": len(named)})


def check_export(model: LinearModel, vectorizer, classifier, examples: list[Example]) -> float:
    """Largest gap between the exported model's decisions and scikit-learn's on `examples`."""
    expected = classifier.decision_function(feature_matrix(vectorizer, model.cues, [e.text for e in examples],
                                                           not_writer=[e.not_writer for e in examples]))
    return max((abs(model.decision(e.text, *standalone_context(e.text), e.not_writer) - want)
                for e, want in zip(examples, expected)), default=0.0)


def cross_validate(examples: list[Example], config: TaskConfig, cues: CueSet, folds: int = FOLDS) -> dict:
    """Out-of-fold scores, folds grouped by article and stratified by label, overall and per source."""
    from sklearn.model_selection import StratifiedGroupKFold

    labels = np.array([e.label for e in examples])
    groups = [e.group for e in examples]
    probabilities = np.zeros(len(examples))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels, groups):
        vectorizer, classifier = fit([examples[i] for i in train_idx if examples[i].trained], config, cues)
        features = feature_matrix(vectorizer, cues, [examples[i].text for i in test_idx],
                                  not_writer=[examples[i].not_writer for i in test_idx])
        probabilities[test_idx] = classifier.predict_proba(features)[:, 1]
    predicted = (probabilities >= 0.5).astype(int)
    result = {"folds": folds, "overall": binary_scores(labels.tolist(), predicted.tolist(),
                                                       probabilities.tolist()),
              "reliability": reliability(labels, probabilities)}
    by_source = defaultdict(list)
    for i, e in enumerate(examples):
        by_source[e.source].append(i)
    if len(by_source) > 1:
        result["by_source"] = {
            source: binary_scores(labels[idx].tolist(), predicted[idx].tolist(),
                                  probabilities[idx].tolist())
            for source, idx in sorted(by_source.items())}
    return result


def reliability(labels: np.ndarray, probabilities: np.ndarray, bins: int = 10) -> list[dict]:
    """Per probability bin: how many sentences, their mean probability, the share truly
    positive, and that share with both labels weighted equally (the classifiers are trained
    with class-balanced weights, which pull their probabilities towards equal priors)."""
    positives = max(int(labels.sum()), 1)
    negatives = max(len(labels) - int(labels.sum()), 1)
    rows = []
    for b in range(bins):
        inside = (probabilities >= b / bins) & ((probabilities < (b + 1) / bins) if b < bins - 1 else True)
        if inside.any():
            pos = labels[inside].sum() / positives
            neg = (inside.sum() - labels[inside].sum()) / negatives
            rows.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": int(inside.sum()),
                         "mean_probability": round(float(probabilities[inside].mean()), 3),
                         "positive_rate": round(float(labels[inside].mean()), 3),
                         "balanced_positive_rate": round(float(pos / (pos + neg)), 3)})
    return rows


def score_examples(model: LinearModel, examples: list[Example]) -> dict:
    """Scores of one classifier on labelled sentences, each seen on its own."""
    probabilities = [model.probability(e.text, *standalone_context(e.text), e.not_writer) for e in examples]
    return binary_scores([e.label for e in examples], [int(p >= model.threshold) for p in probabilities],
                         probabilities)


def versions() -> dict:
    import nltk
    import sklearn

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "nltk": nltk.__version__}


def describe(config: TaskConfig) -> dict:
    """The recipe in words, for the model card."""
    a = config.analyzer
    chars = f" + character {a.char_ngrams[0]}-{a.char_ngrams[1]}-grams" if a.char_ngrams else ""
    return {"features": f"word {a.word_ngrams[0]}-{a.word_ngrams[1]}-grams{chars}, TF-IDF "
                        f"(sublinear tf, min_df {config.min_df}) + cue features",
            "classifier": f"LogisticRegression(C={config.C}, class_weight={config.class_weight!r}, lbfgs)"
                          + (f", source weights {config.source_weights}" if config.source_weights else "")
                          + (f", n-gram columns scaled by |log-count ratio|^{config.nb_power} (NBSVM)"
                             if config.nb_power else ""),
            "cues": list(config.cues)}


def train_model(config: TaskConfig, cues: CueSet, examples: list[Example], sources: list[dict],
                dev: list[Example] | None = None, cv: bool = True) -> LinearModel:
    """Cross-validate, fit on everything, export, and record what the model card needs."""
    dev_texts = {e.text for e in dev or []}
    examples = [e for e in examples if e.text not in dev_texts]  # the dev set stays unseen
    metadata: dict = {
        "trained": datetime.date.today().isoformat(),
        "examples": sum(e.trained for e in examples), "positives": sum(e.label for e in examples if e.trained),
        "scored_only": sum(not e.trained for e in examples),
        "sources": sources, "versions": versions(), "method": describe(config),
    }
    if cv:
        metadata["cross_validation"] = cross_validate(examples, config, cues)
    vectorizer, classifier = fit([e for e in examples if e.trained], config, cues)
    model = export(config, cues, vectorizer, classifier, metadata)
    gap = check_export(model, vectorizer, classifier, examples[:300])
    if gap > 1e-6:
        raise RuntimeError(f"exported {config.name} model disagrees with scikit-learn by {gap:g}")
    if config.learn_kinds:
        model = with_kind_heads(model, vectorizer, examples, config)
    if any(e.source in NEWS_SOURCE_NAMES and e.trained for e in examples):
        model = calibrated(model, news_calibration(examples, config, cues))
    if dev:
        model.metadata["dev"] = score_examples(model, dev)
    return model


def save_model(model: LinearModel, out_dir: Path) -> Path:
    from .model_card import write_model_card

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{model.task}.npz"
    model.save(path)
    record(path)
    write_model_card(model, out_dir / f"{model.task}.md")
    return path
