"""The sample corpus's sentence-level gold labels, and how framing agrees with them.

Each article NAME.EXT in corpus/ has NAME.labels.tsv: a header `loaded opinion speculative
sentence`, then one tab-separated row per sentence in reading order.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .document import DIMENSIONS
from .errors import FramingError, InputError
from .metrics import binary_scores
from .reading import GOLD_SUFFIX, TEXT_SUFFIXES, read_path

HEADER = ["loaded", "opinion", "speculative", "sentence"]


@dataclass(frozen=True)
class GoldSentence:
    text: str
    labels: dict[str, int]


def read_gold(path: Path) -> list[GoldSentence]:
    rows = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    if rows[0].split("\t") != HEADER:
        raise InputError(str(path), f"header is not {' / '.join(HEADER)}")
    gold = []
    for number, row in enumerate(rows[1:], start=2):
        cells = row.split("\t")
        if len(cells) != 4 or any(c not in ("0", "1") for c in cells[:3]):
            raise InputError(f"{path}:{number}", "expected three 0/1 labels and a sentence")
        gold.append(GoldSentence(cells[3], {t: int(c) for t, c in zip(DIMENSIONS, cells[:3])}))
    return gold


def gold_articles(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold labels) pairs of the corpus, in name order."""
    pairs = []
    for gold in sorted(folder.glob(f"*{GOLD_SUFFIX}")):
        stem = gold.name[: -len(GOLD_SUFFIX)]
        articles = [p for p in folder.glob(f"{stem}.*") if p.suffix.lower() in TEXT_SUFFIXES]
        if len(articles) != 1:
            raise InputError(str(gold), "no single article beside these labels")
        pairs.append((articles[0], gold))
    return pairs


def evaluate_corpus(folder: Path, models_dir: str | None = None) -> dict:
    """How many gold sentences framing segments exactly, and its scores on those it does."""
    from .scoring import analyze

    gold_labels: dict[str, list[int]] = {t: [] for t in DIMENSIONS}
    predicted: dict[str, list[int]] = {t: [] for t in DIMENSIONS}
    probabilities: dict[str, list[float]] = {t: [] for t in DIMENSIONS}
    found = total = 0
    pairs = gold_articles(folder)
    if not pairs:
        raise FramingError(f"{folder}: no gold labels to evaluate against (NAME{GOLD_SUFFIX} beside each article)")
    for article, labels in pairs:
        document = next(read_path(str(article)))
        if isinstance(document, InputError):
            raise document
        by_text = {s.text: s for s in analyze(document, models_dir).sentences if s.scored}
        for gold in read_gold(labels):
            total += 1
            sentence = by_text.get(gold.text)
            if sentence is None:
                continue
            found += 1
            for task in DIMENSIONS:
                verdict = sentence.verdicts[task]
                gold_labels[task].append(gold.labels[task])
                predicted[task].append(int(verdict.positive))
                probabilities[task].append(verdict.probability)
    if not found:
        raise FramingError(f"{folder}: framing found none of the {total} gold sentences, so there is nothing to score")
    return {
        "articles": len(pairs), "gold_sentences": total,
        "segmented_exactly": found,
        **{task: binary_scores(gold_labels[task], predicted[task], probabilities[task])
           for task in DIMENSIONS},
    }
