"""Train a sentence classifier, cross-validate it, and export it as a `LinearModel`.

Training is deterministic: a fixed analyzer, no sampling, lbfgs (no random state), and
folds from a seeded splitter, so the same data always give the same model.
"""
from __future__ import annotations

import datetime
import platform
from collections import defaultdict
from pathlib import Path

import numpy as np

from .cues import standalone_context
from .datasets import Example
from .features import CUE_NAMES, analyzer, cue_values
from .linear import LinearModel
from .metrics import binary_scores

C = 1.0
MIN_DF = 2
FOLDS = 5
SEED = 0
# Who speaks matters for opinion: a judgement attributed to a source is reporting. Loaded
# language is loaded, and a forecast speculative, whoever utters it.
USES_CONTEXT = {"loaded": False, "opinion": True, "speculative": False}


def feature_matrix(vectorizer, texts: list[str], context: bool, fit: bool = False):
    """TF-IDF columns, then one column per cue, as `LinearModel` computes them."""
    from scipy.sparse import csr_matrix, hstack

    tfidf = vectorizer.fit_transform(texts) if fit else vectorizer.transform(texts)
    contexts = [standalone_context(t) if context else (False, 0.0) for t in texts]
    cues = np.array([cue_values(t, *c) for t, c in zip(texts, contexts)], dtype=np.float64)
    return hstack([tfidf, csr_matrix(cues.reshape(len(texts), len(CUE_NAMES)))]).tocsr()


def fit(examples: list[Example], context: bool):
    """Fit the TF-IDF + cues + logistic-regression pipeline; returns (vectorizer, classifier)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        raise ValueError("training data hold only one label")
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True,
                                 min_df=MIN_DF if len(texts) >= 50 else 1)
    features = feature_matrix(vectorizer, texts, context, fit=True)
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    classifier.fit(features, labels)
    return vectorizer, classifier


def export(task: str, vectorizer, classifier, metadata: dict) -> LinearModel:
    vocabulary = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
    return LinearModel(task=task, vocabulary=vocabulary, idf=np.asarray(vectorizer.idf_),
                       coef=np.asarray(classifier.coef_[0]), intercept=float(classifier.intercept_[0]),
                       metadata=metadata)


def check_export(model: LinearModel, vectorizer, classifier, texts: list[str]) -> float:
    """Largest gap between the exported model's decisions and scikit-learn's on `texts`."""
    expected = classifier.decision_function(feature_matrix(vectorizer, texts, model.uses_context))
    return max((abs(model.decision(t, *standalone_context(t)) - want)
                for t, want in zip(texts, expected)), default=0.0)


def cross_validate(examples: list[Example], context: bool, folds: int = FOLDS) -> dict:
    """Out-of-fold scores, folds grouped by article and stratified by label, overall and per source."""
    from sklearn.model_selection import StratifiedGroupKFold

    labels = np.array([e.label for e in examples])
    groups = [e.group for e in examples]
    probabilities = np.zeros(len(examples))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels, groups):
        vectorizer, classifier = fit([examples[i] for i in train_idx], context)
        texts = [examples[i].text for i in test_idx]
        features = feature_matrix(vectorizer, texts, context)
        probabilities[test_idx] = classifier.predict_proba(features)[:, 1]
    predicted = (probabilities >= 0.5).astype(int)
    result = {"folds": folds, "overall": binary_scores(labels.tolist(), predicted.tolist(),
                                                       probabilities.tolist())}
    by_source = defaultdict(list)
    for i, e in enumerate(examples):
        by_source[e.source].append(i)
    if len(by_source) > 1:
        result["by_source"] = {
            source: binary_scores(labels[idx].tolist(), predicted[idx].tolist(),
                                  probabilities[idx].tolist())
            for source, idx in sorted(by_source.items())}
    return result


def score_examples(model: LinearModel, examples: list[Example]) -> dict:
    probabilities = [model.probability(e.text, *standalone_context(e.text)) for e in examples]
    return binary_scores([e.label for e in examples], [int(p >= 0.5) for p in probabilities],
                         probabilities)


def versions() -> dict:
    import nltk
    import sklearn

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "nltk": nltk.__version__}


def train_model(task: str, examples: list[Example], sources: list[dict],
                dev: list[Example] | None = None, cv: bool = True) -> LinearModel:
    """Cross-validate, fit on everything, export, and record what the model card needs."""
    dev_texts = {e.text for e in dev or []}
    examples = [e for e in examples if e.text not in dev_texts]  # the dev set stays unseen
    context = USES_CONTEXT.get(task, True)
    metadata: dict = {
        "trained": datetime.date.today().isoformat(), "uses_context": context,
        "examples": len(examples), "positives": sum(e.label for e in examples),
        "sources": sources, "versions": versions(),
        "method": {"features": "word 1-2-gram TF-IDF (sublinear tf, min_df 2) + cue features",
                   "classifier": f"LogisticRegression(C={C}, class_weight='balanced', lbfgs)",
                   "cues": list(CUE_NAMES)},
    }
    if cv:
        metadata["cross_validation"] = cross_validate(examples, context)
    vectorizer, classifier = fit(examples, context)
    model = export(task, vectorizer, classifier, metadata)
    gap = check_export(model, vectorizer, classifier, [e.text for e in examples[:300]])
    if gap > 1e-6:
        raise RuntimeError(f"exported {task} model disagrees with scikit-learn by {gap:g}")
    if dev:
        model.metadata["dev"] = score_examples(model, dev)
    return model


def save_model(model: LinearModel, out_dir: Path) -> Path:
    from .model_card import write_model_card

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{model.task}.npz"
    model.save(path)
    write_model_card(model, out_dir / f"{model.task}.md")
    return path
