"""The article around a sentence as a term of its verdict (framing.classifiers.article_context):
inside a document, a sentence's logit moves by w * (mean logit of the others - mu); read alone,
it does not move; the term is a contribution of its own and never a trigger."""
from __future__ import annotations

import math
import shutil
from dataclasses import replace

import numpy as np
import pytest

import framing
from framing.classifiers.article_context import ARTICLE_CONTEXT, context_terms, others_mean
from framing.classifiers.linear import LinearModel
from framing.classifiers.manifest import record
from framing.classifiers.models_dir import shipped_models_dir
from framing.pipeline import scoring
from framing.pipeline.scoring import load_models, score_texts

WEIGHT, CENTRE = 0.8, -1.0
NEUTRAL = "The council will meet again on Thursday to discuss the budget."
# Two articles of our own around the same neutral sentence: a commentary and a wire report.
COMMENTARY = f"""The council's shameful contempt for its voters

This is a disgraceful, arrogant council that plainly despises the people it should serve.
Its absurd budget is a cruel insult to every family in the town. {NEUTRAL}
Frankly, the councillors ought to be ashamed of themselves.
"""
WIRE = f"""Council delays budget vote

The town council postponed a vote on its annual budget on Monday, officials said.
The budget runs to 41 million dollars, according to the finance office. {NEUTRAL}
A spokeswoman said the agenda would be published on Wednesday.
"""


def models_with_context(folder, weight: float) -> str:
    """A copy of the shipped models in `folder`, with article-context weight `weight` (centre
    CENTRE) given to opinion and loaded."""
    shutil.copytree(shipped_models_dir(), folder, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    for task in ("opinion", "loaded"):
        model = LinearModel.load(folder / f"{task}.npz")
        calibration = {**model.metadata.get("calibration", {}), "context_weight": weight, "context_centre": CENTRE}
        replace(model, metadata={**model.metadata, "calibration": calibration}).save(folder / f"{task}.npz")
        record(folder / f"{task}.npz")
    return str(folder)


@pytest.fixture(scope="module")
def context_models(tmp_path_factory):
    return models_with_context(tmp_path_factory.mktemp("models"), WEIGHT)


@pytest.fixture(scope="module")
def no_context_models(tmp_path_factory):
    return models_with_context(tmp_path_factory.mktemp("models"), 0.0)


def first_pass_logits(model: LinearModel, document) -> list[float]:
    """Each scored sentence's own logit, as it is read in its document (marks and voice), without context."""
    return [model.decision(s.text, bool(s.attributions), s.quoted_share, s.not_writer)
            for s in document.sentences if s.scored]


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def test_others_mean_leaves_each_value_out_of_its_own_group():
    values = np.array([1.0, 2.0, 6.0, 5.0])
    assert others_mean(values, ["a", "a", "a", "b"])[:3].tolist() == [4.0, 3.5, 1.5]
    assert np.isnan(others_mean(values, ["a", "a", "a", "b"])[3])
    assert context_terms(np.array([1.0, 3.0]), 0.5, 1.0).tolist() == [0.5 * (3.0 - 1.0), 0.0]
    assert context_terms(np.array([4.0]), 0.5, 1.0).tolist() == [0.0]  # alone: no term
    assert context_terms(np.array([1.0, 3.0]), 0.0, 1.0).tolist() == [0.0, 0.0]


@pytest.mark.parametrize("text", [COMMENTARY, WIRE])
def test_each_sentence_moves_by_the_weight_times_the_others_mean_logit(context_models, text):
    document = framing.analyze(text, context_models)
    scored = [s for s in document.sentences if s.scored]
    assert len(scored) >= 4
    for task in ("opinion", "loaded"):
        model = load_models(context_models).classifiers[task]
        assert (model.context_weight, model.context_centre) == (WEIGHT, CENTRE)
        logits = first_pass_logits(model, document)
        for i, sentence in enumerate(scored):
            others = (sum(logits) - logits[i]) / (len(logits) - 1)
            want = sigmoid(logits[i] + WEIGHT * (others - CENTRE))
            assert sentence.verdicts[task].probability == pytest.approx(want, abs=1e-4)


def test_a_commentary_raises_a_neutral_sentence_that_a_wire_report_lowers(context_models, no_context_models):
    def opinion_of_neutral(text, models_dir):
        [sentence] = [s for s in framing.analyze(text, models_dir).sentences if s.text == NEUTRAL]
        return sentence.verdicts["opinion"].probability

    # The same models without a context weight and with one.
    assert opinion_of_neutral(COMMENTARY, context_models) > opinion_of_neutral(COMMENTARY, no_context_models) + 0.1
    assert opinion_of_neutral(WIRE, context_models) < opinion_of_neutral(WIRE, no_context_models)


def test_a_sentence_read_alone_keeps_its_own_logit(context_models):
    texts = [NEUTRAL, "This disgraceful council plainly despises its voters.", "Officials said the vote was delayed."]
    with_context = score_texts(texts, load_models(context_models))
    without = score_texts(texts, load_models())
    assert [{t: v.probability for t, v in verdicts.items()} for verdicts in with_context] == \
           [{t: v.probability for t, v in verdicts.items()} for verdicts in without]
    # So does the only sentence of a document (`--unit sentence` scores each as one).
    [sentence] = framing.analyze(NEUTRAL, context_models).sentences
    assert sentence.verdicts["opinion"].probability == with_context[0]["opinion"].probability


def test_a_long_document_reads_the_context_of_all_its_batches(context_models, monkeypatch):
    text = "\n\n".join([COMMENTARY, WIRE, COMMENTARY])
    whole = framing.analyze(text, context_models)
    monkeypatch.setattr(scoring, "BATCH", 3)  # the same document in batches of three sentences
    batched = framing.analyze(text, context_models)
    assert len([s for s in batched.sentences if s.scored]) > 3 * 3
    assert [s.verdicts for s in batched.sentences] == [s.verdicts for s in whole.sentences]


def test_a_model_file_without_context_fields_scores_each_sentence_on_its_own(tmp_path):
    """Files written before the article context (no weight stored) load with weight 0."""
    shutil.copytree(shipped_models_dir(), tmp_path, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    model = LinearModel.load(tmp_path / "opinion.npz")
    calibration = {k: v for k, v in model.metadata.get("calibration", {}).items()
                   if k not in ("context_weight", "context_centre")}
    replace(model, metadata={**model.metadata, "calibration": calibration}).save(tmp_path / "opinion.npz")
    record(tmp_path / "opinion.npz")
    old = load_models(str(tmp_path)).classifiers["opinion"]
    assert old.context_weight == 0.0
    document = framing.analyze(COMMENTARY, str(tmp_path))
    scored = [s for s in document.sentences if s.scored]
    for sentence, logit in zip(scored, first_pass_logits(old, document)):
        assert sentence.verdicts["opinion"].probability == pytest.approx(sigmoid(logit), abs=1e-4)


def test_the_context_is_a_contribution_of_its_own_and_never_a_trigger(context_models):
    model = load_models(context_models).classifiers["opinion"]
    text = "The budget is a cruel insult to every family in the town."
    evaluation = model.evaluate(text, others=CENTRE + 3.0)
    alone = model.evaluate(text)
    assert evaluation.decision == pytest.approx(alone.decision + WEIGHT * 3.0)
    contributions = model.contributions(evaluation)
    [context] = [c for c in contributions if c.kind == ARTICLE_CONTEXT]
    assert (context.start, context.end, context.weight) == (0, len(text), pytest.approx(WEIGHT * 3.0))
    assert model.intercept + sum(c.weight for c in contributions) == pytest.approx(evaluation.decision)
    assert contributions[0].kind == ARTICLE_CONTEXT  # the strongest push here, and still no trigger:
    assert ARTICLE_CONTEXT not in {c.kind for c in model.triggers(evaluation)}
    assert ARTICLE_CONTEXT not in {c.kind for c in model.contributions(alone)}
    for sentence in framing.analyze(COMMENTARY, context_models).sentences:
        for verdict in sentence.verdicts.values():
            assert all(t.kind != ARTICLE_CONTEXT for t in verdict.triggers)


def test_the_model_card_states_the_context_weight_and_what_it_gained():
    from framing.training.model_card import render_model_card

    model = LinearModel.load(shipped_models_dir() / "opinion.npz")
    calibration = {**model.metadata["calibration"], "context_weight": 0.5, "context_centre": -1.25,
                   "in_article": 900, "out_of_fold_macro_f1": {"alone": 0.746, "with_context": 0.75}}
    card = render_model_card(replace(model, metadata={**model.metadata, "calibration": calibration}))
    assert ("a sentence's logit L_i gets 0.500 x (mean L_j of the document's other scored sentences + 1.250)"
            in card)
    assert "0.746 read alone, 0.750 with the article context" in card
    without = {k: v for k, v in calibration.items() if not k.startswith(("context", "in_", "out_"))}
    assert "Article context" not in render_model_card(replace(model, metadata={**model.metadata,
                                                                               "calibration": without}))
