"""A scored article in its JSON form, carried with the JSON line it came as (from a worker or
the cache): written as JSON Lines or cached, it is not encoded again.

A result served from the cache is decoded on first need. A re-run written as JSON Lines reads
only the fields before the article's text (who it is, its language check) and its number of
sentences; decoding every line in full was most of such a run's time.
"""
from __future__ import annotations

import json

# Where a result's text starts in its JSON line, and where its sentences do (schema.document_dict
# writes them last): the keys before the text are small. A quotation mark inside a JSON string
# is escaped, so these mark keys.
_TEXT_KEY = ', "text": "'
_SENTENCES_KEY = ', "sentences": ['
_SENTENCE = '{"index": '  # how each sentence object starts; no other object in the sentences has that key


class Result(dict):
    """The result's dict; one made by `lazy` holds only the keys before the text until
    something reads another key or the whole of it (any other dict method)."""

    json_line: str | None = None
    _undecoded: str | None = None  # the line, while only its head is decoded

    @classmethod
    def of_line(cls, line: str) -> Result:
        result = cls(json.loads(line))
        result.json_line = line
        return result

    @classmethod
    def lazy(cls, line: str, after: int = 0) -> Result:
        """The result of `line`, one with its text and sentences, its head decoded: the keys
        before the text, which is the first key "text" from `after` (past the identity fields,
        whose metadata has the input's keys)."""
        text_at = line.find(_TEXT_KEY, after)
        if text_at < 0:
            return cls.of_line(line)
        result = cls(json.loads(line[:text_at] + "}"))
        result.json_line = result._undecoded = line
        return result

    def counted_sentences(self) -> int | None:
        """Its sentences, counted in its line while that is not decoded; else None."""
        line = self._undecoded
        at = -1 if line is None else line.rfind(_SENTENCES_KEY)
        return None if at < 0 else line.count(_SENTENCE, at)

    def _decode(self) -> None:
        if self._undecoded is not None:
            line, self._undecoded = self._undecoded, None
            dict.update(self, json.loads(line))  # the head's keys keep their places

    # Keys decoded already are read as they are; anything else decodes the rest first.
    def __getitem__(self, key):
        if self._undecoded is not None and not dict.__contains__(self, key):
            self._decode()
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        if self._undecoded is not None and not dict.__contains__(self, key):
            self._decode()
        return dict.get(self, key, default)

    def __contains__(self, key) -> bool:
        if self._undecoded is not None and not dict.__contains__(self, key):
            self._decode()
        return dict.__contains__(self, key)


def sentence_count(result: dict) -> int:
    """An article's sentences, whichever fields its result has."""
    counted = result.counted_sentences() if isinstance(result, Result) else None
    if counted is not None:
        return counted
    return len(result["sentences"]) if "sentences" in result else (result.get("scores") or {}).get("sentences", 0)


def _decoding(name: str):
    method = getattr(dict, name)

    def decoded(self, *args, **kwargs):
        self._decode()
        return method(self, *args, **kwargs)

    decoded.__name__ = name
    return decoded


for _name in ("__iter__", "__len__", "__eq__", "__ne__", "__repr__", "__reversed__", "__or__", "__ror__", "__ior__",
              "__setitem__", "__delitem__", "keys", "values", "items", "copy", "pop", "popitem", "setdefault",
              "update", "clear", "__reduce_ex__"):
    setattr(Result, _name, _decoding(_name))
