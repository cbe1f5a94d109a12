"""Our run-time Punkt must split exactly as NLTK's tokenizer does with the same parameters."""
import json
import subprocess
import sys

import pytest
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framing.classifiers.models_dir import SPLITTER_FILE, model_path
from framing.text.segment import _layout_units
from framing.text.splitter import load_tokenizer, news_language_vars
from framing.training.datasets import PTC_ARTICLES


@pytest.fixture(scope="module")
def nltk_splitter():
    data = json.loads(model_path(SPLITTER_FILE).read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params, lang_vars=news_language_vars())


def assert_same_splits(nltk_splitter, texts):
    ours = load_tokenizer()
    for text in texts:
        assert list(ours.span_tokenize(text)) == list(nltk_splitter.span_tokenize(text)), text[:200]


def with_units(texts):
    """Whole texts, and the layout units the segmenter hands the splitter."""
    return texts + [text[s:e] for text in texts for s, e, _ in _layout_units(text)]


def test_splits_the_corpus_as_nltk_does(nltk_splitter):
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    assert texts
    assert_same_splits(nltk_splitter, with_units(texts))


@pytest.mark.parametrize("text", [
    "Very bad acting!!! I promise.", "(How does it deal with this?) \"It should.\" [(and this. )]",
    "He met J. S. Bach. Then he left.", "It rose 3.5 percent in 2020. Then it fell.",
    "Wait... what? Yes.", "He said: \u201cNo.\u201d \u2018Fine.\u2019 Done.", "Mr. Smith -- no. Ms. Jones.",
    "a. b. c. d.", "End.\u00a0Next one.", "U.S.-backed forces. They moved.", "", "   ", ". . . .",
])
def test_splits_tricky_text_as_nltk_does(nltk_splitter, text):
    assert_same_splits(nltk_splitter, [text])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aZ .?!\n\"'()[]-,;:0123456789\u201c\u201d\u2018\u2019\u00a0\t")
                                + ["Mr. ", "J. ", "etc. ", "...", "U.S. ", "Jan. "]), max_size=60).map("".join))
def test_splits_arbitrary_text_as_nltk_does(nltk_splitter, text):
    assert_same_splits(nltk_splitter, [text])


def test_splits_the_ptc_articles_as_nltk_does(nltk_splitter, shared_data):
    paths = sorted((shared_data / PTC_ARTICLES).glob("*.txt"))
    assert_same_splits(nltk_splitter, with_units([p.read_text(encoding="utf-8") for p in paths]))


def test_scoring_an_article_does_not_import_nltk():
    # Importing NLTK takes most of a second: more than scoring an article.
    code = ("import sys, framing; framing.analyze('Officials said it could spread. It is bad.'); "
            "print(sorted(m for m in ('nltk', 'sklearn', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
