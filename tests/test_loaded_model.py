"""The shipped `loaded` classifier on real sentences, and its word-level check."""
import pytest

from framing.classifiers.linear import LinearModel
from framing.classifiers.models_dir import shipped_models_dir
from framing.pipeline.scoring import load_models, score_text
from framing.text.cues import standalone_context
from framing.text.features import FUNCTION_WORDS
from framing.training.loaded_eval import TokenCounts, covered, cross_validated_word_scores, trigger_spans


@pytest.fixture(scope="module")
def model() -> LinearModel:
    return LinearModel.load(shipped_models_dir() / "loaded.npz")


LOADED = [
    "The regime's thugs launched a brutal and devastating assault on peaceful protesters.",
    "Radical leftists slammed the so-called reform in a bizarre, hysterical rant.",
]
NEUTRAL = [
    "The company reported quarterly revenue of $2.3 billion on Tuesday, up 4 percent from a year earlier.",
    "The city council will vote on the proposed budget at its meeting next month.",
]


@pytest.mark.parametrize("text", LOADED)
def test_loaded_sentences_are_flagged_with_the_loaded_words_as_triggers(model, text):
    assert model.probability(text, *standalone_context(text)) > 0.5
    shown = [text[s:e].lower() for s, e in trigger_spans(model, text)]
    assert shown, "a flagged sentence must say why"
    loaded_words = {"regime's", "thugs", "brutal", "devastating", "assault", "radical", "leftists",
                    "slammed", "so-called", "bizarre", "hysterical", "rant"}
    assert any(word in loaded_words for t in shown for word in t.split())
    for t in shown:
        assert not all(word in FUNCTION_WORDS for word in t.split()), t


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_wire_sentences_stay_neutral(model, text):
    assert model.probability(text, *standalone_context(text)) < 0.5


def test_scoring_a_sentence_names_the_loaded_words():
    verdict = score_text(LOADED[0], load_models())["loaded"]
    assert verdict.label == "loaded"
    assert {"thugs", "brutal", "devastating"} & {t.text.lower() for t in verdict.triggers}


def test_the_model_file_carries_its_own_cues(model):
    for name in ("label", "sneer", "emotive", "lexicon:strongsubj"):
        assert name in model.cues.names
    assert {m.cue for m in model.cues.matches("so-called experts")} >= {"distancing"}
    assert "brutal" in model.cues.lexicons["strongsubj"]


def test_token_counts_and_coverage():
    text = "Critics slammed the plan as reckless."
    assert covered(text, [(8, 15)]) == {1}  # "slammed"
    counts = TokenCounts()
    counts.add({1, 5}, {1, 2})
    assert counts.scores()["precision"] == 0.5 and counts.scores()["recall"] == 0.5


def test_word_level_evaluation_runs_on_a_slice_of_babe(shared_data):
    scores = cross_validated_word_scores(shared_data, limit=300, folds=2)
    local = scores["localization"]
    assert local["gold_tokens"] > 100
    assert 0.0 < local["f1"] <= 1.0
    assert scores["end_to_end"]["predicted_tokens"] <= scores["localization"]["predicted_tokens"] * 3
