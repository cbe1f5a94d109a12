"""The training path, on our own corpus's gold labels (small, and always present)."""
import dataclasses
import json

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.classifiers.linear import LinearModel
from framing.cli import main
from framing.training.commands import cue_set
from framing.training.datasets import Example, data_dir
from framing.training.fit import check_export, export, fit, train_model
from framing.training.gold import gold_articles, read_gold
from framing.training.tasks import task_config
from framing.training.voice_context import with_voice_context

LABELS = {"loaded": ("loaded", "neutral"), "opinion": ("opinion", "fact"),
          "speculative": ("speculative", "factual")}


def corpus_examples(task):
    return [Example(g.text, g.labels[task], article.stem, article.stem)
            for article, labels in gold_articles(CORPUS) for g in read_gold(labels)]


@pytest.fixture
def training_file(tmp_path):
    path = tmp_path / "speculative.jsonl"
    positive, negative = LABELS["speculative"]
    path.write_text("".join(json.dumps({"text": e.text, "label": positive if e.label else negative}) + "\n"
                            for e in corpus_examples("speculative")))
    return path


def train(training_file, out):
    return CliRunner().invoke(main, ["train", "--task", "speculative", "--train", str(training_file),
                                     "--out", str(out)])


def test_train_on_own_files_then_score_with_the_result(tmp_path, training_file):
    result = train(training_file, tmp_path / "m")
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / 'm' / 'speculative.npz'}\n"
    card = (tmp_path / "m" / "speculative.md").read_text()
    assert "## Cross-validated scores" in card and "user data" in card

    scored = CliRunner().invoke(main, ["score", str(CORPUS / "wire_port_strike.txt"), "--format", "json",
                                       "--models", str(tmp_path / "m")])
    models = json.loads(scored.output)["models"]
    shipped = json.loads(CliRunner().invoke(main, ["score", str(CORPUS / "wire_port_strike.txt"),
                                                   "--format", "json"]).output)["models"]
    assert models["speculative"] != shipped["speculative"]
    assert models["loaded"] == shipped["loaded"] and models["opinion"] == shipped["opinion"]


def test_training_is_deterministic(tmp_path, training_file):
    train(training_file, tmp_path / "a")
    train(training_file, tmp_path / "b")
    a = LinearModel.load(tmp_path / "a" / "speculative.npz")
    b = LinearModel.load(tmp_path / "b" / "speculative.npz")
    assert a.vocabulary == b.vocabulary
    assert np.array_equal(a.coef, b.coef) and np.array_equal(a.idf, b.idf)


@pytest.mark.parametrize("nb_power", [0.0, 0.5])
def test_exported_arrays_reproduce_scikit_learn_on_unseen_text(nb_power):
    config = dataclasses.replace(task_config("opinion"), nb_power=nb_power)  # term scale folded in, or none
    examples = with_voice_context(corpus_examples("opinion"), config, None)  # voice log-odds, each read alone
    cues = cue_set(config, data_dir())  # word lists from the data, else from the shipped model
    vectorizer, classifier = fit(examples, config, cues)
    model = export(config, cues, vectorizer, classifier, {})
    unseen = ["I think the mayor should resign, said a resident.",
              "\u201cThis is a disgrace,\u201d the senator wrote in a statement.",
              "Zebras graze quietly.", ""]
    unseen = with_voice_context([Example(text, 0, "unseen", "unseen") for text in unseen], config, None)
    assert {e.not_writer > 0 for e in unseen} == {True, False}
    assert check_export(model, vectorizer, classifier, unseen) < 1e-9


def test_scored_only_examples_are_cross_validated_but_never_trained_on():
    config = task_config("speculative")
    examples = corpus_examples("speculative")
    held = [Example("Quorum xylophones will soon rule.", 0, "extra", f"extra:{i}", trained=False)
            for i in range(3)]
    model = train_model(config, cue_set(config, data_dir()), examples + held, [])
    assert "xylophones" not in model.vocabulary
    assert (model.metadata["examples"], model.metadata["scored_only"]) == (len(examples), 3)
    assert model.metadata["cross_validation"]["overall"]["n"] == len(examples) + 3


def test_training_needs_both_labels(tmp_path):
    path = tmp_path / "one_label.jsonl"
    path.write_text(json.dumps({"text": "A fact.", "label": "fact"}) + "\n")
    result = CliRunner().invoke(main, ["train", "--task", "opinion", "--train", str(path),
                                       "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert result.stderr == f"framing: error: {path}: training needs examples of both labels\n"


def test_a_named_data_folder_that_does_not_exist_is_an_error_not_a_fallback(tmp_path):
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(main, ["train", "--data", str(missing), "--task", "loaded", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"framing: error: {missing}: data folder not found"


def test_calibration_folds_into_the_coefficients_and_keeps_explanations_additive():
    from framing.training.calibration import fit_calibration
    from framing.training.fit import calibrated

    config = task_config("speculative")
    examples = corpus_examples("speculative")
    cues = cue_set(config, data_dir())
    vectorizer, classifier = fit(examples, config, cues)
    model = export(config, cues, vectorizer, classifier, {})
    decisions = np.array([model.decision(e.text) for e in examples])
    labels = np.array([e.label for e in examples])
    calibration = fit_calibration(decisions, labels)
    assert 0.2 <= calibration["threshold"] <= 0.7
    scaled = calibrated(model, calibration)
    for e, d in zip(examples[:20], decisions):
        evaluation = scaled.evaluate(e.text)
        want = calibration["slope"] * d + calibration["offset"]
        assert evaluation.decision == pytest.approx(want)
        # The contributions still add up to the decision, intercept apart.
        assert sum(c.weight for c in scaled.contributions(evaluation)) + scaled.intercept == pytest.approx(want)


def test_the_article_context_is_fitted_beside_platt_scaling_and_folds_into_weight_and_centre():
    """Sentences of articles that lean one way: the stacked fit's logits are the calibrated
    model's L_i + w * (mean of the others' L_j - mu), and a sentence alone in its article is
    scored as at the mean context."""
    from sklearn.linear_model import LogisticRegression

    from framing.classifiers.article_context import others_mean
    from framing.training.calibration import calibrated_logits, fit_calibration

    rng = np.random.default_rng(0)
    articles = [f"a{k}" for k in range(300) for _ in range(8)] + ["alone1", "alone2"]
    lean = {a: rng.normal() for a in set(articles)}
    truth = np.array([rng.normal() + 1.5 * lean[a] for a in articles])
    labels = (rng.random(len(articles)) < 1 / (1 + np.exp(-truth))).astype(int)
    decisions = truth - 1.5 * np.array([lean[a] for a in articles]) + 0.5 * rng.normal(size=len(articles))
    decisions += 0.8 * np.array([lean[a] for a in articles])  # a sentence shows some of its article's lean
    alone = fit_calibration(decisions, labels)
    calibration = fit_calibration(decisions, labels, articles)
    assert "context_weight" not in alone
    assert calibration["context_weight"] > 0.3
    scores = calibration["out_of_fold_macro_f1"]
    assert scores["with_context"] > scores["alone"]
    others = others_mean(decisions, articles)
    mean = np.nanmean(others)
    stacked = LogisticRegression(C=1e6).fit(np.column_stack([decisions, np.nan_to_num(others, nan=mean)]), labels)
    assert calibrated_logits(decisions, calibration, articles) == pytest.approx(
        stacked.decision_function(np.column_stack([decisions, np.nan_to_num(others, nan=mean)])), abs=1e-3)
    # Read alone, a sentence is the stacked fit at the mean context.
    assert calibrated_logits(decisions[:5], calibration) == pytest.approx(
        stacked.decision_function(np.column_stack([decisions[:5], np.full(5, mean)])), abs=1e-3)


def test_voice_arrays_reproduce_scikit_learn(shared_data):
    """The exported voice model (plain arrays, NumPy scoring) gives scikit-learn's scores on
    a few news articles; skips without the data folder (the labelled lines point into it)."""
    from framing.training.voice import Lines, exported, fit, split_rows

    rows, _ = split_rows(shared_data, "dev")
    few = Lines(rows.features[:400], rows.gold[:400], rows.rule[:400], rows.weight[:400])
    vectorizer, classifier = fit(few, 0.1)
    model = exported(vectorizer, classifier, {"C": 0.1})
    reference = classifier.decision_function(vectorizer.transform(few.features))
    assert np.abs(model.decision(few.features) - reference).max() < 1e-4
    assert model.predict(few.features) == list(classifier.predict(vectorizer.transform(few.features)))


@pytest.mark.parametrize("task", ["opinion", "speculative"])
def test_evaluate_dev_gives_the_model_cards_dev_figures(shared_data, task):
    # `framing evaluate --dev` reads each sentence as the card's training run did (the voice
    # model's log-odds of it read alone included), so the two figures are the same.
    from framing.classifiers.linear import LinearModel
    from framing.classifiers.models_dir import shipped_models_dir
    from framing.training.evaluation import evaluate_dev

    card = LinearModel.load(shipped_models_dir() / f"{task}.npz").metadata["dev"]
    assert evaluate_dev(task, str(shared_data))["macro_f1"] == pytest.approx(card["macro_f1"], abs=1e-4)
