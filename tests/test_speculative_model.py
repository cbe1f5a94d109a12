"""The shipped speculative classifier on sentences of each kind, alone and in an article."""
from __future__ import annotations

import pytest

import framing
from framing.classifiers.linear import LinearModel
from framing.classifiers.models_dir import shipped_models_dir

ALARMIST = "If the shelling continues, the border dispute could spiral into a regional war."
FORECAST = "The new tariffs will raise grocery prices."
WARNED = "Officials warned the fighting could spread."
WONDERED = "Many had wondered whether the plant would ever reopen."
BELIEVED = "It is believed that the suspect fled the country."
REPORTEDLY = "The minister reportedly resigned after the vote, a move that could topple the coalition."
FACTUAL = "The city council met on Monday and approved the budget by seven votes to two."
SHORT_REPORTEDLY = "The minister reportedly resigned."
REPORTED_FACT = "According to the port authority, no cranes were damaged."

ARTICLE = f"""Border clashes continue

{FACTUAL} {WARNED}

{ALARMIST}

{BELIEVED} {WONDERED}
"""


@pytest.fixture(scope="module")
def model() -> LinearModel:
    return LinearModel.load(shipped_models_dir() / "speculative.npz")


def kinds(model: LinearModel, text: str) -> set[str]:
    """Kinds as the cue names spell them: the prefix of each pattern cue that matches."""
    return {m.cue.split("_")[0] for m in model.cues.matches(text) if "_" in m.cue}


def test_every_pattern_cue_names_its_kind(model):
    kinded = [n for n in model.cues.names if n in model.cues.patterns]
    assert kinded and all(n.split("_")[0] in {"hedge", "forecast", "conditional", "escalation"}
                          for n in kinded)


@pytest.mark.parametrize("text, expected", [
    (ALARMIST, {"escalation", "conditional"}),
    (FORECAST, {"forecast"}),
    (WARNED, {"forecast", "hedge"}),
    (WONDERED, {"hedge"}),
    (BELIEVED, {"hedge"}),
    (REPORTEDLY, {"hedge"}),
])
def test_kinds_of_speculative_sentences(model, text, expected):
    assert expected <= kinds(model, text)


def test_plain_fact_has_no_kind(model):
    assert kinds(model, FACTUAL) == set()


@pytest.mark.parametrize("text", [ALARMIST, WARNED, WONDERED, BELIEVED, REPORTEDLY])
def test_speculative_sentences_alone(text):
    verdict = framing.analyze(text).sentences[0].verdicts["speculative"]
    assert verdict.label == "speculative", verdict.probability


@pytest.mark.parametrize("text", [FORECAST, SHORT_REPORTEDLY])
def test_one_forecast_or_reported_hedge_is_enough(text):
    """The future-statements sentences that carry these cues but were labelled factual by a
    missed alignment are not trained on, so a single cue flags a short sentence."""
    verdict = framing.analyze(text).sentences[0].verdicts["speculative"]
    assert verdict.label == "speculative", verdict.probability


def test_reported_fact_stays_factual():
    verdict = framing.analyze(REPORTED_FACT).sentences[0].verdicts["speculative"]
    assert verdict.label == "factual", verdict.probability


def test_forecast_scores_above_plain_fact(model):
    assert model.probability(FORECAST) > model.probability(FACTUAL) + 0.2


def test_plain_fact_stays_factual():
    verdict = framing.analyze(FACTUAL).sentences[0].verdicts["speculative"]
    assert verdict.label == "factual" and verdict.probability < 0.3


def test_in_an_article():
    report = framing.analyze(ARTICLE)
    by_text = {s.text.strip(): s.verdicts["speculative"] for s in report.sentences if s.scored}
    assert by_text[FACTUAL].label == "factual"
    for sentence in (WARNED, ALARMIST, BELIEVED, WONDERED):
        assert by_text[sentence].label == "speculative", sentence


def test_model_card_reports_the_benchmarks():
    card = (shipped_models_dir() / "speculative.md").read_text(encoding="utf-8")
    for needle in ("CoNLL-2010", "future_statements", "hedge_reported", "Brier"):
        assert needle in card


def test_conll_benchmark_runs(shared_data, tmp_path):
    """The CoNLL-2010 stand-in runs end to end (on a small slice here, to stay fast)."""
    from dataclasses import replace

    from framing.training import datasets
    from framing.training.commands import cue_set
    from framing.training.fit import cross_validate
    from framing.training.speculative_conll import conll_config

    config = conll_config()
    examples = datasets.task_examples("speculative", config.sources, shared_data)[::12]
    result = cross_validate(examples, replace(config, min_df=1), cue_set(config, shared_data), folds=3)
    assert 0.0 < result["overall"]["positive"]["f1"] <= 1.0


def test_conll_variant_is_saved_for_the_official_test(shared_data, tmp_path):
    """`--out` saves a model that `framing evaluate --models` can score a test file with."""
    from dataclasses import replace
    from itertools import count

    from framing.pipeline.scoring import load_models, score_text
    from framing.training.speculative_conll import CONLL_WIKI, conll_config, train_conll

    seen = count()
    every_tenth = replace(CONLL_WIKI, keep=lambda record: next(seen) % 10 == 0)
    model = train_conll(str(shared_data), tmp_path, replace(conll_config(), sources=[every_tenth], min_df=1))
    assert (tmp_path / "speculative.npz").is_file() and (tmp_path / "speculative.md").is_file()
    assert model.metadata["cross_validation"]["overall"]["n"] == model.metadata["examples"]
    loaded = load_models(str(tmp_path))
    assert loaded.versions["speculative"] != load_models().versions["speculative"]
    assert score_text("Some critics believe it may never reopen.", loaded)["speculative"].label == "speculative"
