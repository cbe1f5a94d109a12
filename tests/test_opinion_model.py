"""The shipped `opinion` classifier on real sentences: alone, and inside an article."""
import pytest

import framing
from framing.classifiers.linear import LinearModel
from framing.classifiers.models_dir import shipped_models_dir
from framing.classifiers.voice import load_voice_model
from framing.pipeline.scoring import load_models, score_text
from framing.text.cues import standalone_context

REPORTED = "According to the coast guard, no ferry in the bay was hit during the shelling."
ALARMIST = ("If our leaders keep dithering, this border spat could easily explode into a catastrophe "
            "for the whole continent.")
DUTY = "Ministers clearly ought to explain why the warnings were ignored."
CONTRADICTS = "The satellite images, however, make a mockery of the ministry's absurd denials."
SHAMEFUL = "Sending the same exhausted crews back to the gulf is a cruel and shameful decision."
CLAIM = "Meanwhile, the rebel commanders claim they are ready to negotiate."

OPINIONS = [ALARMIST, DUTY, CONTRADICTS, SHAMEFUL]
FACTS = [REPORTED, CLAIM]

# A short commentary of our own, mixing reporting and the writer's judgement.
ARTICLE = f"""Shelling near the harbour

Artillery fire struck the outskirts of a harbour town on the gulf coast on Friday. {REPORTED}

{CLAIM} {CONTRADICTS}

The navy has not said which ships will sail next. {DUTY} {SHAMEFUL}

{ALARMIST}
"""


def alone(text: str) -> tuple[bool, float, float]:
    """What the classifiers read of a sentence scored on its own: its marks and its voice log-odds."""
    return (*standalone_context(text), load_voice_model().alone([text])[0])


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
    assert model.probability(text, *alone(text)) >= model.threshold
    assert score_text(text, load_models())["opinion"].label == "opinion"


@pytest.mark.parametrize("text", FACTS)
def test_reported_and_attributed_statements_are_fact_alone(model, text):
    assert model.probability(text, *alone(text)) < model.threshold
    assert score_text(text, load_models())["opinion"].label == "fact"


@pytest.mark.parametrize("text", OPINIONS)
def test_the_writers_judgement_is_opinion_in_the_article(article, text):
    verdict = verdict_in(article, text)
    assert verdict.label == "opinion"
    assert verdict.triggers, "an opinion verdict must say why"


@pytest.mark.parametrize("text", FACTS)
def test_reported_statements_are_fact_in_the_article(article, text):
    assert verdict_in(article, text).label == "fact"


@pytest.mark.parametrize("text", ["the satellite images make a mockery of the ministry's absurd denials",
                                  "sending the same exhausted crews back is a cruel and shameful decision"])
def test_bare_fragments_of_the_writers_judgement_are_opinion(model, text):
    """Without a capital or a full stop, as people paste them: the judging words still decide."""
    assert model.probability(text, *alone(text)) >= model.threshold


def test_a_bare_attributed_fragment_is_fact(model):
    text = "the rebel commanders claim they are ready to negotiate"
    assert model.probability(text, *alone(text)) < model.threshold


def test_a_bare_fragment_of_what_ought_to_be_done_is_opinion(model):
    text = "ministers clearly ought to explain why the warnings were ignored"
    assert model.probability(text, *alone(text)) >= model.threshold


def test_triggers_name_the_judging_words():
    verdict = score_text(SHAMEFUL, load_models())["opinion"]
    assert "shameful" in {t.text.lower() for t in verdict.triggers}


def test_the_model_file_carries_its_cues_and_word_lists(model):
    for name in ("evaluative", "stance_adverb", "deontic_modal", "we_you", "reporting", "quoted",
                 "lexicon:strongsubj"):
        assert name in model.cues.names
    assert "attributed" not in model.cues.names
    cues = {m.cue for m in model.cues.matches("Officials said it was clearly a reckless move.")}
    assert {"reporting", "stance_adverb", "evaluative"} <= cues
    assert "shameful" in model.cues.lexicons["strongsubj"] | model.cues.lexicons["weaksubj"] \
        | model.cues.lexicons["negative"]


def test_the_voice_log_odds_count_against_opinion(model):
    assert model.decision(SHAMEFUL, not_writer=4.0) < model.decision(SHAMEFUL, not_writer=-4.0)


def test_a_verdict_in_an_article_splits_into_contributions_its_voice_included(model, article):
    [sentence] = [s for s in article.sentences if s.text == SHAMEFUL]
    others = [model.decision(s.text, bool(s.attributions), s.quoted_share, s.not_writer)
              for s in article.sentences if s.scored and s is not sentence]
    evaluation = model.evaluate(SHAMEFUL, bool(sentence.attributions), sentence.quoted_share, sentence.not_writer,
                                others=sum(others) / len(others))  # the article context, if the model reads it
    assert evaluation.probability == pytest.approx(verdict_in(article, SHAMEFUL).probability, abs=1e-4)
    contributions = model.contributions(evaluation, {"not_writer": [(0, len(SHAMEFUL))]})
    assert model.intercept + sum(c.weight for c in contributions) == pytest.approx(evaluation.decision)
    [voice] = [c for c in contributions if c.kind == "not_writer"]
    assert (voice.start, voice.end) == (0, len(SHAMEFUL)) and voice.weight > 0  # the writer's own voice
    assert "not_writer" not in {t.kind for t in verdict_in(article, SHAMEFUL).triggers}
