"""The `not_writer` cue of training examples: as scoring gives it, and never from a voice model
that learnt the example's own article."""
import json

import pytest

import framing
from framing.classifiers.voice import load_voice_model
from framing.training import datasets
from framing.training.datasets import Example, SourceSpec
from framing.training.news_eval import mpqa_documents, split_lines
from framing.training.tasks import task_config
from framing.training.voice_context import _document_odds, _out_of_fold_models, _ptc_odds, with_voice_context

QUOTE_OPENS = "\u201cWe will not back down,"
QUOTE_CLOSES = "The plan is a disgrace and will be withdrawn.\u201d"
LATER = "The minister left without taking questions."


def test_a_documents_sentences_are_read_as_analyze_reads_the_article(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"doc": "d1", "i": i, "text": t, "label": "fact"} for i, t in enumerate([QUOTE_OPENS, QUOTE_CLOSES, LATER])]
    path.write_text("".join(json.dumps(r) + "\n" for r in reversed(rows)), encoding="utf-8")
    spec = SourceSpec(path.name, "test", group_field="doc", order_field="i")
    odds = _document_odds(tmp_path, [spec], load_voice_model(), {})
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


def test_mpqa_documents_the_voice_model_learnt_get_out_of_fold_log_odds(shared_data, folds):
    model = load_voice_model()
    spec = task_config("opinion").sources[1]
    assert spec.path == "opinion/mpqa.jsonl"
    odds = _document_odds(shared_data, [spec], model, folds)

    def read(split):
        _, text, records = mpqa_documents(shared_data, split)[0]
        document = framing.analyze(text)
        sentence = next(s for s in document.sentences if s.scored and len(s.text) > 40)
        return odds[sentence.text], sentence.not_writer

    read_in, unseen = read("test")
    assert read_in == pytest.approx(unseen)
    read_in, seen = read("train")
    assert read_in != pytest.approx(seen)
