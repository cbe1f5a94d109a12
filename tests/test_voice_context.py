"""The `not_writer` cue of training examples: as scoring gives it, and never from a voice model
that learnt the example's own article."""
import json

import pytest

import framing
from framing.classifiers.voice import load_voice_model
from framing.training import datasets
from framing.training.datasets import Example
from framing.training.document_sets import DOCUMENT_SETS, DocumentSet
from framing.training.news_eval import set_documents, split_lines
from framing.training.tasks import task_config
from framing.training.voice_context import _document_odds, _out_of_fold_models, _ptc_odds, with_voice_context

QUOTE_OPENS = "\u201cWe will not back down,"
QUOTE_CLOSES = "The plan is a disgrace and will be withdrawn.\u201d"
LATER = "The minister left without taking questions."


def test_a_documents_sentences_are_read_as_analyze_reads_the_article(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"doc": "d1", "i": i, "text": t, "label": "fact"} for i, t in enumerate([QUOTE_OPENS, QUOTE_CLOSES, LATER])]
    path.write_text("".join(json.dumps(r) + "\n" for r in reversed(rows)), encoding="utf-8")
    document_set = DocumentSet("docs", path.name, "doc", "i", tmp_path / "labels.jsonl", "documents", "documents",
                               "test", "test")
    odds = _document_odds(tmp_path, [document_set], load_voice_model(), {})
    document = framing.analyze("\n\n".join([QUOTE_OPENS, QUOTE_CLOSES, LATER]))
    assert [odds[s.text] for s in document.sentences] == pytest.approx([s.not_writer for s in document.sentences])
    assert odds[QUOTE_CLOSES] != pytest.approx(load_voice_model().alone([QUOTE_CLOSES])[0])


def test_sentences_without_a_document_are_read_alone_and_other_recipes_are_left_as_they_are():
    examples = [Example(QUOTE_CLOSES, 0, "user", "user:1"), Example(f"  {LATER} ", 1, "user", "user:2")]
    read = with_voice_context(examples, task_config("opinion"), None)
    assert [e.not_writer for e in read] == pytest.approx(load_voice_model().alone([QUOTE_CLOSES, LATER]))
    assert with_voice_context(examples, task_config("speculative"), None) == examples


@pytest.fixture(scope="module")
def folds(shared_data):
    return _out_of_fold_models(shared_data, load_voice_model())


def test_news_lines_the_voice_model_learnt_get_out_of_fold_log_odds(shared_data, folds):
    model = load_voice_model()
    odds = _ptc_odds(shared_data, model, folds)

    def shipped(split):
        doc_id, records = sorted(split_lines(shared_data, split).items())[0]
        document = framing.analyze(datasets.article_text(shared_data, doc_id))
        line = next(r for r in records if r["end"] - r["start"] > 40)
        sentence = max((s for s in document.sentences if s.scored and s.start < line["end"] and line["start"] < s.end),
                       key=lambda s: min(s.end, line["end"]) - max(s.start, line["start"]))
        return odds[document.text[line["start"]:line["end"]]], sentence.not_writer

    read, unseen = shipped("test")
    assert read == pytest.approx(unseen)  # the shipped voice model never saw the test split
    read, seen = shipped("train")
    assert read != pytest.approx(seen)  # nor does the opinion model learn from one that saw this article


@pytest.mark.parametrize("name", sorted(DOCUMENT_SETS))
def test_documents_of_labelled_sets_the_voice_model_learnt_get_out_of_fold_log_odds(shared_data, folds, name):
    document_set = DOCUMENT_SETS[name]
    if not document_set.labels.exists():
        pytest.skip(f"no {document_set.labels.name} yet")
    model = load_voice_model()
    odds = _document_odds(shared_data, [document_set], model, folds)

    def read(split):
        _, text, records = set_documents(shared_data, document_set, split)[0]
        document = framing.analyze(text)
        sentence = next(s for s in document.sentences if s.scored and len(s.text) > 40)
        return odds[sentence.text], sentence.not_writer

    read_in, unseen = read("test")
    assert read_in == pytest.approx(unseen)
    # A train document is one the voice model learns from: read by the voice model of the other folds.
    assert set_documents(shared_data, document_set, "train")[0][0] in folds
    read_in, seen = read("train")
    assert read_in != pytest.approx(seen)


@pytest.mark.parametrize("name", sorted(DOCUMENT_SETS))
def test_lines_of_rebuilt_documents_train_at_half_weight_without_paragraph_features(shared_data, name):
    from framing.text.voice import PARAGRAPH_FEATURES
    from framing.training.voice import DOCUMENT_WEIGHT, rebuilt_training, set_rows

    if not DOCUMENT_SETS[name].labels.exists():
        pytest.skip(f"no {DOCUMENT_SETS[name].labels.name} yet")
    rows, documents = set_rows(shared_data, name, "dev")
    trained = rebuilt_training(rows)
    assert documents and rows.gold and trained.gold == rows.gold
    assert set(trained.weight) == {DOCUMENT_WEIGHT}
    assert any(k in PARAGRAPH_FEATURES for f in rows.features for k in f)  # scoring sees them
    assert not any(k in PARAGRAPH_FEATURES for f in trained.features for k in f)
