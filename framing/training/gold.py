"""The sample corpus's sentence-level gold labels, and how framing agrees with them.

Each article NAME.EXT in corpus/ has NAME.labels.tsv: a header naming a 0/1 column per
dimension it labels and a `sentence` column, then one tab-separated row per sentence in
reading order. Columns are read by name: a dimension without a column is not evaluated.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import dimensions
from ..errors import FramingError, InputError
from ..reading.files import GOLD_SUFFIX, TEXT_SUFFIXES, read_path
from .metrics import binary_scores

TEXT_COLUMN = "sentence"


@dataclass(frozen=True)
class GoldSentence:
    text: str
    labels: dict[str, int]  # dimension -> 0/1, for the dimensions the file labels


def read_gold(path: Path) -> list[GoldSentence]:
    rows = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    header = rows[0].split("\t")
    known = set(dimensions.names())
    unknown = [c for c in header if c not in known and c != TEXT_COLUMN]
    if TEXT_COLUMN not in header or unknown or len(set(header)) != len(header):
        raise InputError(str(path), f"header must name a {TEXT_COLUMN} column and dimensions "
                                    f"({', '.join(sorted(known))}), each once"
                                    + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
    gold = []
    for number, row in enumerate(rows[1:], start=2):
        cells = dict(zip(header, row.split("\t")))
        labels = {name: cells.get(name) for name in header if name != TEXT_COLUMN}
        if len(row.split("\t")) != len(header) or any(v not in ("0", "1") for v in labels.values()):
            raise InputError(f"{path}:{number}", f"expected {len(labels)} 0/1 labels and a sentence")
        gold.append(GoldSentence(cells[TEXT_COLUMN], {name: int(v) for name, v in labels.items()}))
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
    from ..pipeline.scoring import analyze

    gold_labels: dict[str, list[int]] = {t: [] for t in dimensions.names()}
    predicted: dict[str, list[int]] = {t: [] for t in dimensions.names()}
    probabilities: dict[str, list[float]] = {t: [] for t in dimensions.names()}
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
            for task, label in gold.labels.items():
                verdict = sentence.verdicts[task]
                gold_labels[task].append(label)
                predicted[task].append(int(verdict.positive))
                probabilities[task].append(verdict.probability)
    if not found:
        raise FramingError(f"{folder}: framing found none of the {total} gold sentences, so there is nothing to score")
    return {
        "articles": len(pairs), "gold_sentences": total,
        "segmented_exactly": found,
        **{task: binary_scores(gold_labels[task], predicted[task], probabilities[task])
           for task in dimensions.names() if gold_labels[task]},
    }
