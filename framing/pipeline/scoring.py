"""Score sentences with the classifiers of every dimension, and analyze whole articles.

`analyze` is the library's front door: text (or a `Document`) in, a fully scored
`Document` out, the same object every renderer reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

import numpy as np

from .. import dimensions
from ..classifiers.article_context import context_terms
from ..classifiers.evaluation import Contribution
from ..classifiers.linear import LinearModel, TermValues
from ..classifiers.models_dir import model_files, model_versions
from ..classifiers.triggers import batch_triggers
from ..classifiers.voice import VoiceModel, load_voice_model
from ..errors import ModelError
from ..text.cue_scan import CueScanner
from ..text.cues import quote_spans, standalone_context
from ..text.features import SENTENCE_CUES, TextFeatures
from ..text.language import language_check
from ..text.readability import readability, word_count
from ..text.segment import segment_document
from ..text.vectorize import LookedUp, Scored, Vectorizer
from .aggregate import article_scores
from .document import Document, Sentence, Span, Verdict
from .fields import ALL


@dataclass(frozen=True)
class Models:
    """The classifier of each dimension, and a version string for each model file, splitter included."""

    classifiers: dict[str, LinearModel]
    versions: dict[str, str]
    scanner: CueScanner  # every cue pattern of the classifiers, matched in one pass per sentence
    thresholds: dict[str, float]  # the probability from which each verdict is positive
    vectorizer: Vectorizer  # every classifier's features for a batch, each worked out once
    voice: VoiceModel | None = None  # whose claim each sentence makes; None: the rule decides


def load_models(directory: str | None = None, thresholds: tuple[tuple[str, float], ...] = ()) -> Models:
    """The classifiers in `directory` where it has them, the shipped ones for the rest;
    `thresholds` (dimension, probability) replace the models' own decision thresholds.
    Loaded once per folder, thresholds and set of registered dimensions."""
    return _load_models(directory, thresholds, dimensions.names())


@lru_cache(maxsize=8)
def _load_models(directory: str | None, thresholds: tuple[tuple[str, float], ...], names: tuple[str, ...]) -> Models:
    classifiers = {}
    for task, path in model_files(directory).items():
        model = LinearModel.load(path)
        if model.task != task:
            raise ModelError(f"{path}: holds a {model.task!r} model, not {task!r}")
        classifiers[task] = model
    scanner = CueScanner(p for model in classifiers.values() for p in model.cues.pattern_strings)
    chosen = dict(thresholds)
    unknown = set(chosen) - set(classifiers)
    if unknown:
        raise ModelError(f"--threshold: no dimension {', '.join(sorted(unknown))} (choose from {', '.join(classifiers)})")
    return Models(classifiers, model_versions(directory, thresholds), scanner,
                  {task: chosen.get(task, model.threshold) for task, model in classifiers.items()},
                  Vectorizer(classifiers), load_voice_model(directory))


@dataclass(frozen=True)
class _Unit:
    """One sentence to score, with its context (attributed, quoted share) and the voice model's
    `not_writer` log-odds; `offset` places it in its document, `sentence` is the segmented
    sentence it is (None for a sentence scored on its own)."""

    text: str
    offset: int
    attributed: bool
    quoted_share: float
    not_writer: float = 0.0
    sentence: Sentence | None = None

    @cached_property
    def context_spans(self) -> dict[str, list[tuple[int, int]]]:
        """The quotes and attributions marked on it (offsets into `text`) and the sentence cues:
        worked out only for the sentences explained, a few of them."""
        whole = {cue: [(0, len(self.text))] for cue in SENTENCE_CUES}
        sentence = self.sentence
        if sentence is None:
            return {"quoted": [(q.start, q.end) for q in quote_spans(self.text)], **whole}
        return {"quoted": [(q.start - sentence.start, q.end - sentence.start) for q in sentence.quotes],
                "attributed": [(a.start - sentence.start, a.end - sentence.start) for a in sentence.attributions],
                **whole}


def _sentence_unit(sentence: Sentence) -> _Unit:
    return _Unit(sentence.text, sentence.start, bool(sentence.attributions), sentence.quoted_share,
                 sentence.not_writer, sentence)


def explanations(fields: frozenset[str]) -> dict[str, str]:
    """What to work out for each dimension's positive verdicts, given the fields to write:
    "triggers" (triggers and kinds), "kinds", or nothing (a dimension left out)."""
    if "triggers" in fields:
        return dict.fromkeys(dimensions.names(), "triggers")
    return {d.name: d.scores_read for d in dimensions.registered() if d.scores_read} if "scores" in fields else {}


class _Batch(NamedTuple):
    """A batch's features, its terms as looked up, and each classifier's scores of it: the
    costly pass, which verdicts and explanations are read from."""

    features: list[TextFeatures]
    looked_up: LookedUp
    scores: dict[str, Scored]


def _scored(models: Models, units: list[_Unit]) -> _Batch:
    features = [TextFeatures(u.text, models.scanner) for u in units]
    looked_up = models.vectorizer.look_up(features)
    scores = models.vectorizer.score(features, [u.attributed for u in units], [u.quoted_share for u in units],
                                     looked_up, [u.not_writer for u in units])
    return _Batch(features, looked_up, scores)


def _verdicts(models: Models, units: list[_Unit], explain: dict[str, str] | None = None,
              batch: _Batch | None = None, context: dict[str, np.ndarray] | None = None) -> list[dict[str, Verdict]]:
    """Each dimension's verdict on each sentence, all sentences at once; what `explain` asks
    for (all of it by default) is worked out for positive verdicts only. `batch`: `_scored(units)`
    if done already; `context`: each dimension's article-context term of each sentence, added
    to its logit (none: each read alone)."""
    explain = dict.fromkeys(models.classifiers, "triggers") if explain is None else explain
    features, looked_up, scores = batch or _scored(models, units)
    verdicts: list[dict[str, Verdict]] = [{} for _ in units]
    for task, model in models.classifiers.items():
        shift = (context or {}).get(task)
        probabilities = (scores[task].probabilities if shift is None
                         else 1.0 / (1.0 + np.exp(-(scores[task].decisions + shift)))).tolist()
        threshold = models.thresholds[task]
        dimension = dimensions.get(task)
        positive = [i for i, p in enumerate(probabilities) if p >= threshold]
        need = explain.get(task) if positive else None  # a batch without positive verdicts explains none
        positive_features, positive_units = [features[i] for i in positive], [units[i] for i in positive]
        # The positive sentences' terms as the model's vocabulary numbers them, from the batch's
        # look-up, and their TF-IDF values and cue values: what kinds and triggers are worked out from.
        terms = model.term_values(positive_features, models.vectorizer.vocabulary_indices(looked_up, task, positive)) \
            if need else None
        cue_values = scores[task].cue_values[positive] if need else None
        kinds = dict(zip(positive, _kinds(dimension, model, positive_features, positive_units, terms, cue_values))) \
            if need else {}
        triggers = dict(zip(positive, batch_triggers(
            model, positive_features, [u.attributed for u in positive_units], [u.quoted_share for u in positive_units],
            terms, [u.context_spans for u in positive_units], cue_values.tolist()) if need == "triggers" else []))
        for i, (unit, probability) in enumerate(zip(units, probabilities)):
            if probability < threshold:
                verdict = Verdict(round(probability, 4), dimension.negative)
            elif need == "triggers":
                verdict = _explained(dimension, unit, triggers[i], probability, kinds[i])
            else:
                verdict = Verdict(round(probability, 4), dimension.positive, kinds=kinds.get(i, []))
            verdicts[i][task] = verdict
    return verdicts


def _kinds(dimension: dimensions.Dimension, model: LinearModel, features: list[TextFeatures],
           units: list[_Unit], terms: TermValues | None = None, cue_values: np.ndarray | None = None) -> list[list[str]]:
    """Positive verdicts' kinds: from the model's kind heads, or from the kinds of the cues
    that matched, for a dimension that names kinds (`terms`, `cue_values` as in `LinearModel.kinds`)."""
    if model.kind_names:
        return model.kinds(features, [u.attributed for u in units], [u.quoted_share for u in units], terms, cue_values)
    if dimension.cue_kind:
        return [sorted({k for m in model.cues.matches(f) if (k := dimension.cue_kind(m.cue))}) for f in features]
    return [[] for _ in features]


def _explained(dimension: dimensions.Dimension, unit: _Unit, triggers: list[Contribution],
               probability: float, kinds: list[str]) -> Verdict:
    """A positive verdict with the triggers behind it, and its kinds."""
    quotes = unit.context_spans.get("quoted", [])
    text, offset = unit.text, unit.offset
    return Verdict(
        probability=round(probability, 4), label=dimension.positive, kinds=kinds,
        triggers=[Span(offset + c.start, offset + c.end, text[c.start:c.end], c.kind, round(c.weight, 4),
                       quoted=any(qs <= c.start and c.end <= qe for qs, qe in quotes))
                  for c in triggers])


# Sentences scored together: enough for NumPy to pay, few enough that the n-grams and matches
# held for them stay small however long the document.
BATCH = 256


def score_sentences(sentences: list[Sentence], models: Models, explain: dict[str, str] | None = None) -> None:
    """Fill in the verdicts of the sentences to be scored, using the quotes and attributions
    marked on them and, for each, the logits of the others (the article context,
    `classifiers.article_context`); `explain` as in `_verdicts`."""
    scored = [s for s in sentences if s.scored]
    batches = [[_sentence_unit(s) for s in scored[start:start + BATCH]] for start in range(0, len(scored), BATCH)]
    if not batches:
        return
    first = _scored(models, batches[0])
    weighted = {task: model for task, model in models.classifiers.items() if model.context_weight}
    # The context needs every sentence's logit first: a long article's later batches are scored
    # twice rather than all held at once.
    later = [_scored(models, units).scores for units in batches[1:]] if weighted else []
    context = {task: context_terms(np.concatenate([first.scores[task].decisions] + [s[task].decisions for s in later]),
                                   model.context_weight, model.context_centre)
               for task, model in weighted.items()}
    start = 0
    for number, units in enumerate(batches):
        batch = first if number == 0 else _scored(models, units)
        end = start + len(units)
        for sentence, verdicts in zip(scored[start:end], _verdicts(
                models, units, explain, batch, {task: terms[start:end] for task, terms in context.items()})):
            sentence.verdicts = verdicts
        start = end


def score_texts(texts: list[str], models: Models) -> list[dict[str, Verdict]]:
    """Verdicts for sentences each on its own, as datasets are scored (offsets into each text)."""
    units = []
    odds = models.voice.alone(texts) if models.voice else [0.0] * len(texts)
    for text, not_writer in zip(texts, odds):
        attributed, quoted_share = standalone_context(text)
        units.append(_Unit(text, 0, attributed, quoted_share, not_writer))
    return _verdicts(models, units)


def score_text(text: str, models: Models) -> dict[str, Verdict]:
    """Verdicts for one sentence on its own (offsets into `text`)."""
    return score_texts([text], models)[0]


def analyze(text: str | Document, models_dir: str | None = None,
            thresholds: tuple[tuple[str, float], ...] = (), fields: frozenset[str] = ALL) -> Document:
    """Segment, give each sentence its voice (worked out for the article at once: it reads the
    sentences around), score and summarize one article, working out only what `fields` (see
    `framing.pipeline.fields`) will show: left out, triggers and readability stay empty."""
    document = text if isinstance(text, Document) else Document(text=text)
    models = load_models(models_dir, thresholds)
    segment_document(document)
    if models.voice:
        models.voice.assign(document.text, document.sentences)
    score_sentences(document.sentences, models, explanations(fields))
    document.language = language_check(document.text)
    document.readability = readability(document.text) if "readability" in fields else {}
    if "scores" in fields:
        words = document.readability["words"] if document.readability else word_count(document.text)
        document.scores = article_scores(document, words)
    document.models = dict(models.versions)
    return document
