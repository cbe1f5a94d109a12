"""The shipped `opinion` classifier on real sentences: alone, and inside an article."""
import pytest

import framing
from framing.cues import standalone_context
from framing.linear import LinearModel
from framing.models_dir import shipped_models_dir
from framing.scoring import load_models, score_text

REPORTED = "According to US officials, no US facilities were struck or damaged in the attack."
WWIII = ("Without a strategic and devastating response in short order, we could easily be "
         "looking at the start of WWIII playing out before our very eyes.")
RESPONSIBILITY = "But they certainly have a responsibility to respond."
FOOTAGE = "Footage of the attacks however tells a vastly different story."
DAUNTING = "For the soldiers' families, the thought of returning to war is daunting."
CLAIM = "In the meantime, the Houthis claim they are being diplomatic."

OPINIONS = [WWIII, RESPONSIBILITY, FOOTAGE, DAUNTING]
FACTS = [REPORTED, CLAIM]

# A short commentary of our own, mixing reporting and the writer's judgement.
ARTICLE = f"""Strikes on the Red Sea base

Drones hit a base used by American troops in the Red Sea region on Sunday night. {REPORTED}

{CLAIM} {FOOTAGE}

The Pentagon has not yet named the units involved. {RESPONSIBILITY} {DAUNTING}

{WWIII}
"""


@pytest.fixture(scope="module")
def model() -> LinearModel:
    return LinearModel.load(shipped_models_dir() / "opinion.npz")


@pytest.fixture(scope="module")
def article():
    return framing.analyze(ARTICLE)


def verdict_in(document, text):
    [sentence] = [s for s in document.sentences if s.text == text]
    return sentence.verdicts["opinion"]


@pytest.mark.parametrize("text", OPINIONS)
def test_the_writers_judgement_is_opinion_alone(model, text):
    assert model.probability(text, *standalone_context(text)) > 0.5
    assert score_text(text, load_models())["opinion"].label == "opinion"


@pytest.mark.parametrize("text", FACTS)
def test_reported_and_attributed_statements_are_fact_alone(model, text):
    assert model.probability(text, *standalone_context(text)) < 0.5
    assert score_text(text, load_models())["opinion"].label == "fact"


@pytest.mark.parametrize("text", OPINIONS)
def test_the_writers_judgement_is_opinion_in_the_article(article, text):
    verdict = verdict_in(article, text)
    assert verdict.label == "opinion"
    assert verdict.triggers, "an opinion verdict must say why"


@pytest.mark.parametrize("text", FACTS)
def test_reported_statements_are_fact_in_the_article(article, text):
    assert verdict_in(article, text).label == "fact"


@pytest.mark.parametrize("text", ["Footage of the attacks however tells a vastly different story",
                                  "the thought of returning to war is daunting"])
def test_bare_fragments_as_quoted_in_the_issue_are_opinion(model, text):
    assert model.probability(text, *standalone_context(text)) > 0.5


def test_a_bare_attributed_fragment_is_fact(model):
    text = "the Houthis claim they are being diplomatic"
    assert model.probability(text, *standalone_context(text)) < 0.5


def test_the_bare_responsibility_fragment(model):
    text = "they certainly have a responsibility to respond"
    assert model.probability(text, *standalone_context(text)) > 0.5


def test_triggers_name_the_judging_words():
    verdict = score_text(DAUNTING, load_models())["opinion"]
    assert "daunting" in {t.text.lower() for t in verdict.triggers}


def test_the_model_file_carries_its_cues_and_word_lists(model):
    for name in ("evaluative", "stance_adverb", "deontic_modal", "we_you", "reporting", "quoted",
                 "lexicon:strongsubj"):
        assert name in model.cues.names
    assert "attributed" not in model.cues.names
    cues = {m.cue for m in model.cues.matches("Officials said it was clearly a reckless move.")}
    assert {"reporting", "stance_adverb", "evaluative"} <= cues
    assert "daunting" in model.cues.lexicons["strongsubj"] | model.cues.lexicons["weaksubj"] \
        | model.cues.lexicons["negative"]
