"""A fourth dimension registered from one module (tests/standin_dimension.py) with its own
trained model goes through every command: train, models, score in every format and unit,
report (text, JSON, HTML) and evaluate, with no edit anywhere else."""
import csv
import io
import json

import pytest
import standin_dimension
from click.testing import CliRunner
from conftest import CORPUS

from framing import dimensions
from framing.cli import main
from framing.training.gold import gold_articles, read_gold


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """The stand-in registered, and its model trained on the corpus's loaded labels."""
    dimensions.register(standin_dimension.DIMENSION)
    folder = tmp_path_factory.mktemp("standin")
    train = folder / "charged.jsonl"
    with open(train, "w") as out:
        for _, labels in gold_articles(CORPUS):
            for gold in read_gold(labels):
                out.write(json.dumps({"text": gold.text, "label": "charged" if gold.labels["loaded"] else "calm"}) + "\n")
    trained = run("train", "--task", "charged", "--train", train, "--out", folder / "models")
    assert trained.exit_code == 0, trained.output
    yield folder
    dimensions.unregister("charged")


def test_train_writes_the_model_and_its_card(models):
    assert (models / "models" / "charged.npz").is_file()
    card = next((models / "models").glob("charged*.md")).read_text()
    assert "Flags charged sentences" in card and "`charged` (positive) / `calm`" in card
    listed = run("models", "--models", models / "models")
    assert listed.exit_code == 0 and "charged-" in listed.output


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "html"])
def test_score_shows_the_new_dimension_in_every_format(models, fmt):
    result = run("score", CORPUS, "--models", models / "models", "--format", fmt, "--no-cache")
    assert result.exit_code == 0, result.output
    out = result.output
    if fmt == "text":
        assert "   charged " in out and "words in them" in out
    elif fmt in ("json", "jsonl"):
        docs = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        assert all({"share", "flagged_words"} <= set(d["scores"]["charged"]) for d in docs)
        assert all(s["charged"]["label"] in ("charged", "calm") for d in docs for s in d["sentences"] if s["kind"] != "debris")
        assert any(s["charged"]["label"] == "charged" and s["charged"]["triggers"] for d in docs for s in d["sentences"]
                   if s["charged"])
    elif fmt == "csv":
        row = next(csv.DictReader(io.StringIO(out)))
        assert {"charged_share", "charged_flagged_words", "loaded_share"} <= set(row)
    else:
        assert ".flag-charged{" in out and 'class="charged' in out


def test_sentence_unit_carries_the_new_dimension(models, tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "The council approved the budget on Tuesday."}) + "\n")
    result = run("score", "--unit", "sentence", path, "--models", models / "models", "--format", "jsonl", "--no-cache")
    assert result.exit_code == 0 and json.loads(result.output)["charged"]["label"] in ("charged", "calm")


def test_report_and_evaluate_take_the_new_dimension(models, tmp_path):
    scored = tmp_path / "scored.jsonl"
    assert run("score", CORPUS, "--models", models / "models", "--format", "jsonl", "-o", scored, "--no-cache").exit_code == 0
    text = run("report", scored, "--top", "2", "--rank-by", "charged")
    assert text.exit_code == 0 and "charged (mean share, 95% CI)" in text.output and "most charged articles" in text.output
    as_json = json.loads(run("report", scored, "--format", "json").output)
    assert all("charged" in group for group in as_json["groups"])
    page = tmp_path / "report.html"
    assert run("report", scored, "--html", page).exit_code == 0 and "charged: mean share" in page.read_text()
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("".join(json.dumps({"text": t, "label": l}) + "\n" for t, l in [
        ("A vile, shameful betrayal by a reckless council.", "charged"), ("The council met on Tuesday.", "calm")]))
    evaluated = run("evaluate", "--task", "charged", labelled, "--models", models / "models")
    assert evaluated.exit_code == 0 and "macro-F1" in evaluated.output
    # The corpus gold has no "charged" column: that dimension is skipped, the others scored.
    corpus = run("evaluate", "--corpus", CORPUS, "--models", models / "models")
    assert corpus.exit_code == 0 and "loaded on" in corpus.output and "charged on" not in corpus.output


def test_results_without_a_registered_dimension_are_refused_by_name(models, tmp_path):
    scored = tmp_path / "old.jsonl"
    dimensions.unregister("charged")
    try:
        assert run("score", CORPUS / "council_budget.txt", "--format", "jsonl", "-o", scored, "--no-cache").exit_code == 0
    finally:
        dimensions.register(standin_dimension.DIMENSION)
    result = run("report", scored)
    assert result.exit_code == 2 and "scored without the charged dimension" in result.output
