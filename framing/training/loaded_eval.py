"""Checks of the `loaded` classifier beyond its model card: word level and across datasets.

Word level: BABE lists, for each sentence, the words its annotators found biased. The words a
verdict points at (its triggers) should be those words. Scored out of fold: every sentence's
triggers come from a model that did not see it, with the folds `framing train` uses.

Across datasets: train the recipe on one dataset, score another it never saw (other outlets,
other years, other annotation guidelines).

    python -m framing.training.loaded_eval --data ../shared/data [--words] [--cross]
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..classifiers.linear import LinearModel
from ..errors import run_main
from ..text.cues import standalone_context
from ..text.features import CONTEXT_CUES, tokens
from . import datasets
from . import fit as training
from .commands import cue_set
from .datasets import Example, SourceSpec
from .metrics import binary_scores
from .tasks import TaskConfig, task_config

BABE_PATH = "loaded/babe.jsonl"
# Cues whose spans are not words: who speaks, and punctuation.
NOT_WORD_CUES = frozenset(CONTEXT_CUES) | {"question", "exclamation"}


@dataclass
class TokenCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int], gold: set[int]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "gold_tokens": self.tp + self.fn, "predicted_tokens": self.tp + self.fp}


def covered(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens of `text` that overlap any of `spans`."""
    return {i for i, (_, start, end) in enumerate(tokens(text))
            for a, b in spans if start < b and a < end}


def trigger_spans(model: LinearModel, text: str, cues_too: bool = True) -> list[tuple[int, int]]:
    """Where the verdict's word-level triggers lie: terms, word lists and (with `cues_too`)
    the word-pattern cues; not the quotation, attribution or punctuation cues."""
    found = []
    for c in model.triggers(text, *standalone_context(text)):
        if c.kind == "term" or c.kind.startswith("lexicon:") or (cues_too and c.kind not in NOT_WORD_CUES):
            found.append((c.start, c.end))
    return found


def babe_word_spans(root: Path) -> dict[str, list[tuple[int, int]]]:
    """BABE's biased-word spans, by sentence text."""
    spans = {}
    with open(root / BABE_PATH, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            spans[record["text"]] = [(int(s[0]), int(s[1])) for s in record.get("spans", [])]
    return spans


def out_of_fold(examples: list[Example], config: TaskConfig, cues, folds: int = training.FOLDS):
    """Out-of-fold probabilities and the exported model of each example's fold (training/fit.py's folds)."""
    from sklearn.model_selection import StratifiedGroupKFold

    labels = np.array([e.label for e in examples])
    probabilities = np.zeros(len(examples))
    fold_models: list[LinearModel | None] = [None] * len(examples)
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=training.SEED)
    for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels, [e.group for e in examples]):
        vectorizer, classifier = training.fit([examples[i] for i in train_idx], config, cues)
        features = training.feature_matrix(vectorizer, cues, [examples[i].text for i in test_idx])
        probabilities[test_idx] = classifier.predict_proba(features)[:, 1]
        model = training.export(config, cues, vectorizer, classifier, {})
        for i in test_idx:
            fold_models[i] = model
    return labels, probabilities, fold_models


def word_scores(examples: list[Example], probabilities: np.ndarray, fold_models: list[LinearModel],
                gold_spans: dict[str, list[tuple[int, int]]]) -> dict:
    """Token-level precision, recall and F1 of trigger words against BABE's biased words.

    - `localization`: BABE sentences labelled loaded that list biased words; the triggers of
      each are compared with its biased words, whatever the verdict (does the model point at
      the right words?).
    - `end_to_end`: every BABE sentence; triggers count only when the out-of-fold verdict is
      loaded (as a reader sees them), biased words only in sentences labelled loaded.
    Both with all word-level triggers, and with terms and word lists only (`terms_only`).
    """
    result = {}
    for cues_too, suffix in ((True, ""), (False, "_terms_only")):
        local, full = TokenCounts(), TokenCounts()
        for example, p, model in zip(examples, probabilities, fold_models):
            if example.source != Path(BABE_PATH).stem:
                continue
            spans = gold_spans.get(example.text, [])
            gold = covered(example.text, spans) if example.label == 1 else set()
            predicted = covered(example.text, trigger_spans(model, example.text, cues_too))
            if example.label == 1 and spans:
                local.add(predicted, gold)
            full.add(predicted if p >= 0.5 else set(), gold)
        result["localization" + suffix] = local.scores()
        result["end_to_end" + suffix] = full.scores()
    return result


def cross_validated_word_scores(root: Path, config: TaskConfig | None = None, limit: int | None = None,
                                folds: int = training.FOLDS) -> dict:
    """Word-level scores of the recipe (default: the shipped one), cross-validated on its own
    sources. `limit` keeps only the first `limit` BABE sentences and drops the other sources
    (a quick check)."""
    config = config or task_config("loaded")
    if limit is not None:
        config = replace(config, sources=[s for s in config.sources if s.path == BABE_PATH])
    examples = datasets.task_examples("loaded", config.sources, root)
    if limit is not None:
        examples = examples[:limit]
    cues = cue_set(config, root)
    labels, probabilities, fold_models = out_of_fold(examples, config, cues, folds)
    return word_scores(examples, probabilities, fold_models, babe_word_spans(root))


def train_and_score(train: list[Example], test: list[Example], config: TaskConfig, cues) -> dict:
    vectorizer, classifier = training.fit(train, config, cues)
    features = training.feature_matrix(vectorizer, cues, [e.text for e in test])
    probabilities = classifier.predict_proba(features)[:, 1].tolist()
    return binary_scores([e.label for e in test], [int(p >= 0.5) for p in probabilities], probabilities)


OTHER_SETS = {  # loaded-language sets the shipped recipe does not train on
    "wnc_pairs_sample": SourceSpec("loaded/wnc_pairs_sample.jsonl", ""),
    "wiki_npov_hube2019": SourceSpec("loaded/wiki_npov_hube2019.jsonl", ""),
}


def cross_dataset_scores(root: Path, config: TaskConfig | None = None) -> dict:
    """The recipe's features and settings trained on one source, scored on another."""
    config = config or task_config("loaded")
    cues = cue_set(config, root)
    by_path = {s.path: s for s in config.sources}
    babe_spec = by_path.get(BABE_PATH, SourceSpec(BABE_PATH, ""))
    ptc_spec = by_path.get("loaded/ptc.jsonl", SourceSpec("loaded/ptc.jsonl", "", group_field="doc_id"))
    babe = datasets.task_examples("loaded", [babe_spec], root)
    ptc = datasets.task_examples("loaded", [ptc_spec], root)
    result = {
        "babe -> ptc": train_and_score(babe, ptc, replace(config, sources=[babe_spec]), cues),
        "ptc -> babe": train_and_score(ptc, babe, replace(config, sources=[ptc_spec]), cues),
    }
    own = datasets.task_examples("loaded", config.sources, root)
    for name, spec in OTHER_SETS.items():
        if spec.path not in by_path:
            result[f"recipe -> {name}"] = train_and_score(
                own, datasets.task_examples("loaded", [spec], root), config, cues)
    return result


def ptc_grouped_scores(root: Path, config: TaskConfig | None = None) -> dict:
    """The loaded recipe trained and tested on PTC alone, 5-fold CV grouped by article."""
    config = config or task_config("loaded")
    ptc = datasets.read_examples(root / "loaded/ptc.jsonl", "loaded", group_field="doc_id")
    return training.cross_validate(ptc, config, cue_set(config, root))["overall"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=None, help="the data folder (default ../shared/data)")
    parser.add_argument("--words", action="store_true", help="word-level scores only")
    parser.add_argument("--cross", action="store_true", help="cross-dataset scores only")
    parser.add_argument("--ptc", action="store_true", help="PTC grouped cross-validation only")
    args = parser.parse_args(argv)
    root = datasets.require_data_dir(args.data)
    both = not (args.words or args.cross or args.ptc)
    out = {}
    if args.words or both:
        out["word_level"] = cross_validated_word_scores(root)
    if args.cross or both:
        out["cross_dataset"] = cross_dataset_scores(root)
    if args.ptc or both:
        out["ptc_grouped_cv"] = ptc_grouped_scores(root)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    run_main(main)
