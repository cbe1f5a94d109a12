"""The tools that make the project's news labels: sampling, settling, and the pointers to text."""
import json

import pytest

from framing.training import datasets
from framing.training.datasets import PointedTexts
from framing.training.document_sets import DOCUMENT_SETS, labelled_ids, read_documents, rebuilt
from framing.training.labelling import build, sample_documents
from framing.training.tasks.news import OWN_LABEL_FILES, OWN_MDN_LABELS

LABELLED_SETS = [pytest.param(name, marks=pytest.mark.skipif(
    not s.labels.exists(), reason=f"no {s.labels.name} yet")) for name, s in sorted(DOCUMENT_SETS.items())]

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


def test_multidimnews_sample_takes_whole_articles(shared_data):
    batches = sample_documents.sample(shared_data, 300, 2, prefix="d", sizes=(1, 100), dataset="multidimnews")
    documents = [records for batch in batches for records in batch]
    articles = read_documents(shared_data, DOCUMENT_SETS["multidimnews"])
    assert all(r["dataset"] == "multidimnews" for records in documents for r in records)
    assert all([s["line"] for s in records] == sorted(articles[records[0]["doc_id"]]) for records in documents)
    assert sum(len(r) for r in documents) >= 300


def test_every_label_record_points_at_its_text(shared_data):
    texts = PointedTexts(shared_data)
    sentences = {name: read_documents(shared_data, s) for name, s in DOCUMENT_SETS.items()}
    for path in OWN_LABEL_FILES:
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                text = texts.text(record)
                assert text and text.strip(), record["id"]
                if record["dataset"] in DOCUMENT_SETS:
                    assert text == sentences[record["dataset"]][record["doc_id"]][record["line"]]
    for name in DOCUMENT_SETS:
        assert texts.text({"dataset": name, "doc_id": "no such document", "line": 0}) is None


def test_the_labelled_sets_and_the_ptc_articles_share_no_document_id():
    sets = [labelled_ids(s) for s in DOCUMENT_SETS.values()]
    assert all(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])
    assert not any(datasets.PTC_ARTICLE_ID.fullmatch(doc_id) for ids in sets for doc_id in ids)


def test_multidimnews_articles_are_news_documents_because_we_labelled_them():
    # Their ids start like PTC's ("article_47", "article715790840"): only the labels make them news.
    assert datasets.is_news_document("article715790840") and not datasets.is_news_document("article_unlabelled")
    assert datasets.is_news_document("article_47") == ("article_47" in labelled_ids(DOCUMENT_SETS["multidimnews"]))


@pytest.mark.parametrize("name", LABELLED_SETS)
def test_a_labelled_sets_documents_split_by_document_into_train_dev_and_test(shared_data, name):
    document_set = DOCUMENT_SETS[name]
    ids = labelled_ids(document_set)
    assert all(datasets.is_news_document(doc_id) for doc_id in ids)
    splits = {doc_id: datasets.news_split(doc_id) for doc_id in ids}
    assert set(splits.values()) == {"train", "dev", "test"}
    assert 0.1 < sum(s == "test" for s in splits.values()) / len(ids) < 0.3
    # Every example of one of these documents is on its document's side, in our labels and in the
    # set's own data file alike.
    own = datasets.read_examples(document_set.labels, "opinion", label_field="opinion", group_field="doc_id",
                                 root=shared_data)
    public = datasets.read_examples(shared_data / document_set.path, "opinion", group_field=document_set.document)
    for example in own + [e for e in public if e.group.split(":", 1)[1] in ids]:
        assert datasets.article_of(example) in ids
        assert datasets.in_news_split(example, splits[datasets.article_of(example)])
    unlabelled = set(read_documents(shared_data, document_set)) - ids
    assert all(datasets.news_split(doc_id) == "train" and not datasets.is_news_document(doc_id) for doc_id in unlabelled)


@pytest.mark.parametrize("name", LABELLED_SETS)
def test_a_labelled_sets_documents_are_scored_whole_with_each_line_where_its_text_is(shared_data, name):
    from framing.training.news_eval import set_documents

    texts = PointedTexts(shared_data)
    whole = read_documents(shared_data, DOCUMENT_SETS[name])
    documents = set_documents(shared_data, DOCUMENT_SETS[name], "test")
    assert documents and all(datasets.news_split(doc_id) == "test" for doc_id, _, _ in documents)
    for doc_id, text, records in documents:
        assert all(text[r["start"]:r["end"]] == texts.text(r).strip() for r in records)
        # The whole document, one sentence a paragraph: as the voice model's training reads it.
        assert text == rebuilt([whole[doc_id][i] for i in sorted(whole[doc_id])])[0]


@pytest.mark.skipif(not OWN_MDN_LABELS.exists(), reason="no MultiDimNews news labels yet")
def test_leaving_out_multidimnews_leaves_out_our_labels_of_its_articles(shared_data):
    from framing.training.cross_source import evaluation_examples, source_of, trainable
    from framing.training.tasks import task_config

    examples = evaluation_examples("opinion", task_config("opinion"), shared_data)
    pool = [e for e in examples if not datasets.in_news_split(e, "test")]
    held = [e for e in pool if source_of(e) == "multidimnews"]
    assert held and any(e.source == "multidimnews_news_labels" for e in pool)
    train = trainable([e for e in pool if source_of(e) != "multidimnews"], held)
    assert not any(e.source == "multidimnews_news_labels" for e in train)
    # (Our MPQA labels never meet MPQA's own: for opinion, MPQA comes first and keeps its sentences.)
    assert not any(e.source == "mpqa_news_labels" for e in examples)
    # Our labels are trained on in every other row.
    held = [e for e in pool if source_of(e) == "babe_opinion"]
    assert any(e.source == "multidimnews_news_labels" for e in trainable(pool, held))


def test_evaluate_news_reports_each_labelled_set_apart(shared_data):
    from framing.training.news_eval import evaluate_news, format_news, set_documents

    report = evaluate_news(str(shared_data), split="test")
    labelled = [name for name, s in sorted(DOCUMENT_SETS.items()) if s.labels.exists()]
    assert sorted(report["sets"]) == labelled
    for name in labelled:
        documents = set_documents(shared_data, DOCUMENT_SETS[name], "test")
        assert report["sets"][name]["articles"] == len(documents)
        assert 0.9 * sum(len(r) for _, _, r in documents) <= report["sets"][name]["lines"]
        assert f"news test split, {DOCUMENT_SETS[name].title} (mainstream): {len(documents)} whole documents" \
            in format_news(report)
