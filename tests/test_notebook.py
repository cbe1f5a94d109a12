"""The notebook API: Document.to_dict, to_dataframe, _repr_html_, analyze_table."""
import json
import re
import sys
from html import unescape

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import CORPUS

import framing
from framing.cli import main
from framing.pipeline.schema import document_dict, document_from_dict

BODIES = {name: (CORPUS / name).read_text(encoding="utf-8")
          for name in ("wire_port_strike.txt", "partisan_mayor.txt")}


def corpus_results():
    output = CliRunner().invoke(main, ["score", str(CORPUS), "--format", "jsonl"]).output
    return [json.loads(line) for line in output.splitlines()]


def test_to_dict_is_the_json_schema():
    document = framing.analyze(BODIES["wire_port_strike.txt"])
    d = document.to_dict()
    assert d == document_dict(document)
    assert d["schema"] == "framing/1"
    assert document_from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_article_frame_has_one_row_per_article_with_its_scores():
    results = corpus_results()
    frame = framing.to_dataframe(results)
    assert list(frame["source"]) == [r["source"] for r in results]
    assert list(frame["loaded_share"]) == [r["scores"]["loaded"]["share"] for r in results]
    assert list(frame["opinion_strong_share"]) == [r["scores"]["opinion"]["strong_share"] for r in results]
    assert list(frame["scored_sentences"]) == [r["scores"]["scored_sentences"] for r in results]


def test_sentence_frame_has_one_row_per_sentence_and_documents_work_as_well_as_dicts():
    documents = [framing.analyze(text) for text in BODIES.values()]
    frame = framing.to_dataframe(documents, level="sentence")
    sentences = [s for d in documents for s in d.sentences]
    assert len(frame) == len(sentences)
    assert list(frame["text"]) == [s.text for s in sentences]
    assert list(frame["loaded_label"]) == [s.verdicts["loaded"].label if s.scored else None for s in sentences]
    assert list(frame["voice"]) == [s.voice for s in sentences]
    assert frame.equals(framing.to_dataframe([d.to_dict() for d in documents], level="sentence"))


def test_metadata_fields_are_columns_in_the_order_first_seen():
    results = corpus_results()[:2]
    results[0]["metadata"] = {"outlet": "Herald", "date": "2024-05-01"}
    results[1]["metadata"] = {"section": "world", "outlet": "Globe", "words": 3}
    frame = framing.to_dataframe(results)
    assert list(frame.columns[-4:]) == ["outlet", "date", "section", "metadata_words"]
    assert frame["outlet"].tolist() == ["Herald", "Globe"]
    assert frame["section"].isna().tolist() == [True, False] and frame["section"][1] == "world"
    assert frame["metadata_words"].tolist()[1] == 3


def test_a_wrong_level_or_input_is_a_framing_error():
    with pytest.raises(framing.FramingError, match="level 'word': choose article or sentence"):
        framing.to_dataframe([], level="word")
    with pytest.raises(framing.FramingError, match="not a scored document or a framing result: str"):
        framing.to_dataframe(["some text"])


def test_without_pandas_to_dataframe_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(framing.FramingError) as error:
        framing.to_dataframe([])
    assert str(error.value) == "to_dataframe needs pandas: pip install 'framing[pandas]'"


HOSTILE = ('<script>alert("x")</script> The "brutal" regime\'s <b>thugs</b> lied & cheated again.\n\n'
           "Critics say it could <img src=x onerror=alert(1)> collapse.")


def test_a_scored_document_shows_highlighted_and_escaped_in_a_notebook():
    document = framing.analyze(HOSTILE)
    document.metadata = {"outlet": '<i onmouseover="x">Herald</i>'}
    page = document._repr_html_()
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i " not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;i onmouseover=&quot;x&quot;&gt;Herald&lt;/i&gt;" in page
    assert page.startswith('<div class="framing"><style>') and page.endswith("</details></div>")
    # Everything outside the tags framing writes is the article's text, escaped, in order.
    body = page[page.index("</summary>"):]
    visible = unescape(re.sub(r"<p class=\"meta\">.*?</p>|<span class=\"tag\"[^>]*>.</span>|<[^>]+>", "", body))
    assert visible.replace("\n", "") == HOSTILE.replace("\n", "")
    marked = [unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", page)]
    loaded = [t.text for s in document.sentences if s.verdicts.get("loaded") and s.verdicts["loaded"].positive
              for t in s.verdicts["loaded"].triggers if t.weight >= 0.1]
    assert marked and set(loaded) <= set(marked)


def test_an_unscored_document_has_the_plain_repr():
    assert framing.Document(text="Not scored yet.")._repr_html_() is None


class ArrowLike:
    """What analyze_table uses of a pyarrow Table."""

    def __init__(self, rows):
        self.rows = rows

    def to_pylist(self):
        return self.rows


def test_a_table_of_articles_is_one_call():
    rows = [{"uid": 11, "outlet": "Wire", "date": pd.Timestamp("2024-05-01"), "body": BODIES["wire_port_strike.txt"]},
            {"uid": 12, "outlet": "Herald", "date": pd.NaT, "body": BODIES["partisan_mayor.txt"]}]
    for table in (pd.DataFrame(rows), rows, ArrowLike(rows)):
        documents = framing.analyze_table(table, text="body", id="uid")
        assert [d.id for d in documents] == ["11", "12"]
        assert [d.source for d in documents] == ["<table>:1", "<table>:2"]
        assert documents[0].metadata == {"outlet": "Wire", "date": "2024-05-01T00:00:00"}
        assert documents[1].metadata == {"outlet": "Herald", "date": None}
        alone = framing.analyze(BODIES["partisan_mayor.txt"])
        assert documents[1].scores == alone.scores
        json.dumps(documents[1].to_dict())  # metadata is plain JSON


def test_a_table_row_without_text_names_itself():
    with pytest.raises(framing.FramingError, match=r'<table>:2: record has no "body" field'):
        framing.analyze_table([{"body": "The council met."}, {"text": "wrong column"}], text="body")
