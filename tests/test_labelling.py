"""The tools that make the project's news labels: sampling, settling, and the pointers to text."""
import json

import pytest

from framing.training.datasets import MPQA, PointedTexts
from framing.training.labelling import build, sample_documents
from framing.training.tasks.news import OWN_LABELS, OWN_MPQA_LABELS

A = {"voice": "writer", "opinion": 0, "speculative": 1, "kinds": ["forecast"], "loaded": 0}


def test_settling_keeps_agreed_labels_and_takes_the_third_reading_elsewhere():
    items = {"m1": {"id": "m1", "dataset": "mpqa", "doc_id": "d", "line": 0},
             "m2": {"id": "m2", "dataset": "mpqa", "doc_id": "d", "line": 1}}
    other = {**A, "loaded": 1}
    records = build.settle(items, {"m1": A, "m2": A}, {"m1": A, "m2": other}, {"m2": other})
    assert [(r["id"], r["agreement"], r["loaded"]) for r in records] == [("m1", "agreed", 0), ("m2", "settled", 1)]
    assert records[1]["annotator_a"]["loaded"] == 0 and records[1]["line"] == 1
    with pytest.raises(ValueError, match="m2: annotators disagree"):
        build.settle(items, {"m1": A, "m2": A}, {"m1": A, "m2": other}, {})


def test_mpqa_sample_is_seeded_whole_documents_dealt_evenly(shared_data):
    batches = sample_documents.sample(shared_data, 300, 3)
    assert batches == sample_documents.sample(shared_data, 300, 3)
    documents = [records for batch in batches for records in batch]
    assert all(sample_documents.SIZES[0] <= len(r) <= sample_documents.SIZES[1] for r in documents)
    assert all([s["line"] for s in records] == list(range(len(records))) for records in documents)
    sizes = [sum(len(r) for r in batch) for batch in batches]
    assert max(sizes) - min(sizes) <= sample_documents.SIZES[1]
    assert [s["id"] for records in documents for s in records] == [f"m{i:05d}" for i in range(sum(sizes))]


def test_every_label_record_points_at_its_text(shared_data):
    texts = PointedTexts(shared_data)
    with open(shared_data / MPQA, encoding="utf-8") as lines:
        mpqa = {(r["doc_id"], r["sentence_index"]): r["text"] for r in map(json.loads, lines)}
    for path in (OWN_LABELS, OWN_MPQA_LABELS):
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                text = texts.text(record)
                assert text and text.strip(), record["id"]
                if record["dataset"] == "mpqa":
                    assert text == mpqa[record["doc_id"], record["line"]]
    assert texts.text({"dataset": "mpqa", "doc_id": "no such document", "line": 0}) is None


@pytest.mark.skipif(not OWN_MPQA_LABELS.exists(), reason="no MPQA news labels yet")
def test_mpqa_documents_are_scored_whole_with_each_line_where_its_text_is(shared_data):
    from framing.training.datasets import news_split
    from framing.training.news_eval import mpqa_documents

    texts = PointedTexts(shared_data)
    documents = mpqa_documents(shared_data, "test")
    assert documents and all(news_split(doc_id) == "test" for doc_id, _, _ in documents)
    for _, text, records in documents:
        assert all(text[r["start"]:r["end"]] == texts.text(r).strip() for r in records)
