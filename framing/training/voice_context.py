"""The `not_writer` cue of training examples: the voice model's log-odds as scoring would
give them, so that a classifier learns how far to trust it.

A sentence from a whole document is read with the document around it, as `analyze` reads an
article: the PTC articles the news label sets point into, and every document of the sets that
hold news document by document (`document_sets.DOCUMENT_SETS`: MPQA, MultiDimNews; the sets'
own labels and ours point at the same sentences), each sentence a paragraph as
`news_eval.set_documents` rebuilds them. Any other sentence is read alone, as `--unit
sentence` reads it. The voice model was trained on the voice labels of the news train and dev
documents (PTC articles and the documents of those sets); on those its log-odds would be surer
than on anything a user scores, and a classifier would learn to trust them too much, so theirs
come from out-of-fold voice models (folds by document).
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..classifiers.models_dir import voice_file
from ..classifiers.voice import VoiceModel, load_voice_model
from ..text.features import VOICE_CUE
from . import datasets
from .datasets import Example
from .document_sets import DOCUMENT_SETS, DocumentSet, read_documents, rebuilt
from .news_eval import split_lines
from .voice import fold_models, read_article, trained_documents

if TYPE_CHECKING:
    from .tasks import TaskConfig

FOLDS = 5
VOICE_TRAINED = ("train", "dev")  # the splits whose voice labels the shipped voice model learnt


def with_voice_context(examples: list[Example], config: TaskConfig, root: Path | None,
                       voice_dir: str | None = None) -> list[Example]:
    """`examples` with their `not_writer` log-odds, where the recipe's cues use them, from the
    voice model in `voice_dir` (else the shipped one)."""
    model = load_voice_model(voice_dir)
    if model is None or VOICE_CUE not in config.cues:
        return examples
    in_documents = {} if root is None else _read_in_documents(
        root, hashlib.sha256(voice_file(voice_dir).read_bytes()).hexdigest(), voice_dir)
    alone = sorted({e.text.strip() for e in examples} - set(in_documents))
    known = {**in_documents, **dict(zip(alone, model.alone(alone)))}
    return [replace(e, not_writer=known[e.text.strip()]) for e in examples]


@lru_cache(maxsize=2)
def _read_in_documents(root: Path, voice_checksum: str, voice_dir: str | None) -> dict[str, float]:
    """The log-odds of every sentence the data hold in a document (keyed without outer spaces).
    Kept for the process: a training run asks for them for its examples, its dev set and its
    cross-source table (`voice_checksum` tells a voice model retrained meanwhile)."""
    model = load_voice_model(voice_dir)
    folds = _out_of_fold_models(root, model)
    known = _ptc_odds(root, model, folds)
    for text, odds in _document_odds(root, list(DOCUMENT_SETS.values()), model, folds).items():
        known.setdefault(text, odds)
    return known


def _ptc_odds(root: Path, model: VoiceModel, folds: dict[str, VoiceModel]) -> dict[str, float]:
    """Each labelled PTC line's log-odds, read in its article: out of fold (`folds`) where the
    voice model was trained on the article."""
    odds = {}
    for doc_id, records in sorted(item for split in ("train", "dev", "test")
                                  for item in split_lines(root, split).items()):
        text = datasets.article_text(root, doc_id)
        _, features, paired = read_article(text, records)
        if not features:
            continue
        reader = folds.get(doc_id, model)
        values = reader.not_writer(reader.decision(features)).tolist()
        for record, i in paired:
            for line in (text[record["start"]:record["end"]], record.get("text")):
                if line:
                    odds.setdefault(line.strip(), values[i])
    return odds


def _out_of_fold_models(root: Path, model: VoiceModel) -> dict[str, VoiceModel]:
    """For each document the voice model learnt from, a voice model trained as `model` was (its
    C, its rows) on the other folds' documents."""
    return fold_models(trained_documents(root, VOICE_TRAINED), model.settings["C"], FOLDS)


def _document_odds(root: Path, document_sets: list[DocumentSet], model: VoiceModel,
                   folds: dict[str, VoiceModel]) -> dict[str, float]:
    """Each sentence's log-odds in its document, for every document of `document_sets` (out of
    fold, `folds`, where the voice model learnt from the document)."""
    odds = {}
    for document_set in document_sets:
        for doc_id, sentences in sorted(read_documents(root, document_set).items()):
            text, spans = rebuilt([sentences[i] for i in sorted(sentences)])
            records = [{"text": text[start:end], "start": start, "end": end} for start, end in spans]
            _, features, paired = read_article(text, records)
            if features:
                reader = folds.get(doc_id, model)
                values = reader.not_writer(reader.decision(features)).tolist()
                for record, i in paired:
                    odds.setdefault(record["text"], values[i])
    return odds
