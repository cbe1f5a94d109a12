"""Properties that hold for any text at all (hypothesis). `make fuzz` runs thousands of cases."""
import os
import re

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main
from framing.errors import InputError
from framing.reading.decoding import decode
from framing.text.segment import segment

settings.register_profile("default", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

WORDS = ["the", "council", "could", "brutal", "said", "U.S.", "Jan.", "Dr.", "regime", "\u201cWe", "lost,\u201d",
         "she", "will", "\u2014", "...", "?", "!", "\n", "\n\n", "- ", "1. ", "#", "\"", "'", "\t", "war", "if"]
# Article-like text built from news words and layout, and arbitrary Unicode text.
articles = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
anything = st.text(max_size=400)
texts = st.one_of(articles, anything)
BULLET_CHARS = set("-*+\u2022\u00b7\u20130123456789.)")


@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_a_named_error(data):
    try:
        text, warning = decode(data, "x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ")
        return
    assert isinstance(text, str) and "\r" not in text


@given(texts)
def test_sentences_are_valid_ordered_disjoint_and_cover_the_text(text):
    sentences = segment(text)
    covered = [False] * len(text)
    previous_end = 0
    for s in sentences:
        assert 0 <= previous_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        for q in s.quotes + s.attributions:
            assert s.start <= q.start <= q.end <= s.end
        covered[s.start:s.end] = [True] * (s.end - s.start)
        previous_end = s.end
    left_out = {c for c, inside in zip(text, covered) if not inside and not c.isspace()}
    assert left_out <= BULLET_CHARS  # only list markers stay outside sentences


@given(texts)
def test_analysis_never_fails_and_probabilities_are_probabilities(text):
    doc = framing.analyze(text)
    for s in doc.sentences:
        for verdict in s.verdicts.values():
            assert 0.0 <= verdict.probability <= 1.0
            for t in verdict.triggers:
                assert s.start <= t.start < t.end <= s.end and doc.text[t.start:t.end] == t.text
    for task in ("loaded", "opinion", "speculative"):
        assert 0.0 <= doc.scores[task].share <= 1.0


@given(st.binary(max_size=3000), st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
@settings(max_examples=int(os.environ.get("FUZZ_CLI_EXAMPLES", "30")))
def test_the_command_line_never_shows_a_traceback(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["score", str(path), "--format", "jsonl", "--no-cache"])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert re.match(r"framing: (error|warning): ", line)
