"""Whole news documents the project labelled sentence by sentence: one row per set.

A set's data file (in the data folder) holds each document sentence by sentence, in order;
our labels of its documents (framing/training/labelling/) point at each sentence by document
and sentence index. Everything that reads these documents goes through this table: the
sampler that draws them for labelling, the news split (`datasets.news_split`), the text a
label points at (`datasets.PointedTexts`), the whole-document evaluation (`news_eval`), the
voice model and its out-of-fold readings (`voice`, `voice_context`), the recipes' news
sources and weights (`tasks.news`) and the model cards.

Their documents are rebuilt one sentence a paragraph (`rebuilt`), the layout `framing
evaluate --news` scores and the voice model reads: the sets keep no paragraph breaks.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

LABELLING = Path(__file__).resolve().parent / "labelling"


class DocumentSet(NamedTuple):
    name: str  # the label records' `dataset`
    path: str  # its data file, in the data folder
    document: str  # field naming the document (our records' `doc_id`)
    index: str  # field giving the sentence's place in it (our records' `line`)
    labels: Path  # our labels of its documents
    title: str  # how reports name its documents
    unit: str  # "documents" or "articles"
    licence: str  # of our labels and of the text they point at
    description: str  # what the documents are, for model cards and the README
    card_note: str = ""  # how the recipes treat the set's own labels, if it has any


DOCUMENT_SETS = {
    "mpqa": DocumentSet(
        "mpqa", "opinion/mpqa.jsonl", "doc_id", "sentence_index", LABELLING / "mpqa_news_labels.jsonl",
        "MPQA documents", "documents",
        "labels: this project (as above); text: MPQA 1.2 documents (none stated in the source repository; "
        "see sources/opinion/ in the data folder), read from the data folder",
        "whole MPQA 1.2 documents (world press of 2001-2002: mainstream news, where the PTC articles lean to "
        "partisan outlets)",
        "Where a public set earlier in the recipe holds the same sentence (MPQA itself, for opinion), its "
        "label is kept."),
    "multidimnews": DocumentSet(
        "multidimnews", "opinion/multidimnews.jsonl", "article_id", "position_in_article",
        LABELLING / "multidimnews_news_labels.jsonl", "MultiDimNews articles", "articles",
        "labels: this project (as above); text: MultiDimNews articles (none stated in the source repository; "
        "see sources/opinion/ in the data folder), read from the data folder",
        "whole MultiDimNews articles (mainstream news of 2014 on the Ukraine crisis, from outlets in 33 "
        "countries)",
        "MultiDimNews's own crowd labels (opinion) are never trained on: the cross-source table scores them, "
        "and leaves our labels of the same articles out of training when it does."),
}


def labelled_ids(document_set: DocumentSet) -> frozenset[str]:
    """The documents of a set that we labelled (none before its labels file exists)."""
    if not document_set.labels.exists():
        return frozenset()
    with open(document_set.labels, encoding="utf-8") as lines:
        return frozenset(json.loads(line)["doc_id"] for line in lines)


def read_documents(root: Path, document_set: DocumentSet) -> dict[str, dict[int, str]]:
    """Every document of a set's data file: its sentences by index, as the file holds them."""
    documents: dict[str, dict[int, str]] = {}
    with open(root / document_set.path, encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            documents.setdefault(record[document_set.document], {})[record[document_set.index]] = record["text"]
    return documents


def rebuilt(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A document from its sentences in order, each a paragraph, and each sentence's span in it
    (outer spaces left out)."""
    parts, spans, offset = [], [], 0
    for sentence in sentences:
        sentence = sentence.strip()
        parts.append(sentence)
        spans.append((offset, offset + len(sentence)))
        offset += len(sentence) + 2
    return "\n\n".join(parts), spans
