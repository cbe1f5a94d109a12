"""A result served from the cache is decoded when read, and reads as the result it stored."""
import json

import pytest

from framing import analyze
from framing.batch.cache import IDENTITY, identity_end, with_identity, without_identity
from framing.batch.result import Result, sentence_count
from framing.pipeline.document import Document
from framing.pipeline.schema import document_dict

TEXT = 'Critics said the "reckless" plan could trigger a disaster. The council met on Tuesday.'


@pytest.fixture(scope="module")
def cached():
    """A full result as the cache stores it, and its line under an identity whose metadata has
    keys named like the result's own."""
    document = Document(text=TEXT, source="a.jsonl:1", metadata={"text": "not this", "sentences": [1, 2, 3]})
    result = document_dict(analyze(document))
    line = json.dumps(result, ensure_ascii=False)
    stored = without_identity(line, result)
    return stored, with_identity(stored, {name: result[name] for name in IDENTITY})


def lazy(cached):
    stored, line = cached
    return Result.lazy(line, identity_end(line, stored)), json.loads(line)


def test_a_lazy_result_reads_as_the_whole_result(cached):
    result, whole = lazy(cached)
    assert result == whole
    assert list(result) == list(whole)  # the same keys in the same order
    assert json.dumps(result, ensure_ascii=False) == json.dumps(whole, ensure_ascii=False) == cached[1]
    assert dict(result) == {**lazy(cached)[0]} == whole


def test_keys_before_the_text_are_read_without_the_rest(cached):
    result, whole = lazy(cached)
    assert (result["source"], result.get("language"), result["metadata"]) == \
        (whole["source"], whole["language"], whole["metadata"])
    assert sentence_count(result) == len(whole["sentences"]) == 2
    assert result["sentences"] == whole["sentences"] and sentence_count(result) == 2


def test_a_lazy_result_changed_keeps_the_change(cached):
    result, whole = lazy(cached)
    result["warnings"] = ["changed"]
    assert result == {**whole, "warnings": ["changed"]}
    assert result.json_line == cached[1]  # the line it came as, for JSON Lines and the cache
