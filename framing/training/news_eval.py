"""`framing evaluate --news`: the shipped models on whole news articles they never saw.

The news test split's PTC articles (a seeded fifth, `datasets.news_split`) are scored whole,
as a user scores a file; so are the documents of each set we labelled whole (mainstream news,
`document_sets.DOCUMENT_SETS`: MPQA documents, MultiDimNews articles; their sentences, as the
set holds them, joined as paragraphs), each set reported apart. Each labelled line is matched to the
sentences framing found in it. A line is positive for a dimension when any of its sentences
is, and speaks with the voice of its longest sentence. Reported: macro-F1 per dimension, voice accuracy, the
micro-F1 of speculation kinds, calibration, and the articles' flagged shares against the
shares the annotators marked.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from . import datasets
from .calibration import expected_calibration_error
from .document_sets import DOCUMENT_SETS, DocumentSet, rebuilt
from .labelling.labels import PRODUCT_KIND
from .labelling.sample import line_spans
from .metrics import binary_scores
from .tasks.news import OWN_LABELS

# The news labels name three dimensions (ANNOTATION.md's fields); a dimension added since is
# left out of this evaluation.
LABELLED = ("loaded", "opinion", "speculative")
SPECULATIVE = "speculative"  # the dimension whose kinds the labels name
NEWS_FILES = ("news/maintainers_news_labels.jsonl", "news/maintainers_news_bulk.jsonl")
GUIDELINE_KIND = {product: guideline for guideline, product in PRODUCT_KIND.items()}


def split_lines(root: Path, split: str = "test") -> dict[str, list[dict]]:
    """Labelled lines of the split's articles, by article, with their offsets in the file."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    paths = [root / name for name in NEWS_FILES] + ([OWN_LABELS] if OWN_LABELS.exists() else [])
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                if (record["dataset"] == "ptc_articles" and datasets.news_split(record["doc_id"]) == split
                        and record.get("note") != "not a sentence"):
                    by_article[record["doc_id"]].append(record)
    for doc_id, records in by_article.items():
        spans = {number: (start, end) for number, start, end in line_spans(datasets.article_text(root, doc_id))}
        for record in records:
            record.setdefault("start", spans[record["line"]][0])
            record.setdefault("end", spans[record["line"]][1])
    return dict(by_article)


def line_prediction(sentences: list, start: int, end: int, thresholds: dict[str, float]) -> dict | None:
    """What framing says of the text between `start` and `end`, from the sentences inside it."""
    inside = [s for s in sentences if s.scored and s.start < end and start < s.end]
    if not inside:
        return None
    longest = max(inside, key=lambda s: min(s.end, end) - max(s.start, start))
    prediction = {"voice": longest.voice}
    for task in thresholds:
        probability = max(s.verdicts[task].probability for s in inside)
        prediction[task] = probability
        prediction[f"{task}_label"] = int(probability >= thresholds[task])
    prediction["kinds"] = sorted({GUIDELINE_KIND[k] for s in inside
                                  for k in s.verdicts[SPECULATIVE].kinds})
    return prediction


def set_documents(root: Path, document_set: DocumentSet, split: str = "test") -> list[tuple[str, str, list[dict]]]:
    """The split's documents of a set we labelled: id, text (each sentence a paragraph,
    `document_sets.rebuilt`), and its labelled lines with their offsets in that text."""
    if not document_set.labels.exists():
        return []
    texts = datasets.PointedTexts(root)
    by_document: dict[str, list[dict]] = defaultdict(list)
    with open(document_set.labels, encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            if datasets.news_split(record["doc_id"]) == split:
                by_document[record["doc_id"]].append(record)
    documents = []
    for doc_id, records in sorted(by_document.items()):
        records.sort(key=lambda r: r["line"])
        text, spans = rebuilt([texts.text(r) for r in records])
        for record, (start, end) in zip(records, spans):
            record.update(start=start, end=end)
        documents.append((doc_id, text, [r for r in records if r.get("note") != "not a sentence"]))
    return documents


def evaluate_news(data: str | None, models_dir: str | None = None, split: str = "test") -> dict:
    """The figures on the split's PTC articles and, under `sets`, on the documents of each set
    we labelled whole (mainstream news)."""
    root = datasets.require_data_dir(data)
    ptc = [(doc_id, datasets.article_text(root, doc_id), records)
           for doc_id, records in sorted(split_lines(root, split).items())]
    report = {"task": "news", "split": split, **evaluate_documents(ptc, models_dir), "sets": {}}
    for name, document_set in DOCUMENT_SETS.items():
        documents = set_documents(root, document_set, split)
        if documents:
            report["sets"][name] = evaluate_documents(documents, models_dir)
    return report


def evaluate_documents(documents: list[tuple[str, str, list[dict]]], models_dir: str | None = None) -> dict:
    """Score each (id, text, labelled lines) whole and compare with the labels."""
    from ..pipeline.scoring import analyze, load_models

    models = load_models(models_dir)
    gold, predicted, shares = [], [], defaultdict(list)
    for _, text, records in documents:
        document = analyze(text, models_dir)
        pairs = [(r, line_prediction(document.sentences, r["start"], r["end"], models.thresholds)) for r in records]
        pairs = [(r, p) for r, p in pairs if p is not None]
        gold += [r for r, _ in pairs]
        predicted += [p for _, p in pairs]
        for task in LABELLED:
            shares[task].append((np.mean([r[task] for r, _ in pairs]), np.mean([p[f"{task}_label"] for _, p in pairs])))
    report = {"articles": len(shares["loaded"]), "lines": len(gold),
              "voice_accuracy": round(float(np.mean([g["voice"] == p["voice"] for g, p in zip(gold, predicted)])), 4)}
    for task in LABELLED:
        labels = np.array([g[task] for g in gold])
        probabilities = np.array([p[task] for p in predicted])
        scores = binary_scores(labels.tolist(), [p[f"{task}_label"] for p in predicted])
        human, flagged = np.mean([h for h, _ in shares[task]]), np.mean([f for _, f in shares[task]])
        report[task] = {"macro_f1": scores["macro_f1"], "f1_positive": scores["positive"]["f1"],
                        "ece": expected_calibration_error(labels, probabilities),
                        "human_share": round(float(human), 4), "flagged_share": round(float(flagged), 4),
                        "share_ratio": round(float(flagged / human), 3) if human else None}
    report["kinds_micro_f1"] = kinds_micro_f1(zip(gold, predicted))
    report["kinds_micro_f1_both_speculative"] = kinds_micro_f1(
        (g, p) for g, p in zip(gold, predicted) if g["speculative"] and p["speculative_label"])
    return report


def kinds_micro_f1(pairs) -> float:
    """Micro-F1 over (line, kind) pairs: every kind named by the annotators or by framing."""
    tp = fp = fn = 0
    for g, p in pairs:
        tp += len(set(g["kinds"]) & set(p["kinds"]))
        fp += len(set(p["kinds"]) - set(g["kinds"]))
        fn += len(set(g["kinds"]) - set(p["kinds"]))
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


def format_news(report: dict) -> str:
    parts = [_format_register(report, f"news {report['split']} split, PTC articles")]
    for name, figures in report.get("sets", {}).items():
        parts.append(_format_register(figures, f"news {report['split']} split, {DOCUMENT_SETS[name].title} (mainstream)"))
    return "\n".join(parts)


def _format_register(report: dict, title: str) -> str:
    lines = [f"{title}: {report['articles']} whole documents, {report['lines']} labelled lines",
             "| dimension | macro-F1 | F1 positive | ECE | flagged share | human share | ratio |",
             "|---|---|---|---|---|---|---|"]
    for task in LABELLED:
        r = report[task]
        lines.append(f"| {task} | {r['macro_f1']:.3f} | {r['f1_positive']:.3f} | {r['ece']:.3f} | "
                     f"{r['flagged_share']:.1%} | {r['human_share']:.1%} | {r['share_ratio']} |")
    lines.append(f"voice accuracy {report['voice_accuracy']:.3f}; speculation kinds micro-F1 "
                 f"{report['kinds_micro_f1']:.3f} over all lines, {report['kinds_micro_f1_both_speculative']:.3f} "
                 "over lines both call speculative")
    return "\n".join(lines) + "\n"
