"""The training data: where it lives and which parts of it each classifier learns from.

The data are the normalized public datasets in ../shared/data (or `$FRAMING_DATA`); they
are read from there and never copied into the project.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import dimensions
from ..errors import FramingError, InputError
from ..reading.decoding import decode
from ..reading.records import iter_jsonl_records, parse_json_line
from .document_sets import DOCUMENT_SETS, labelled_ids, read_documents


@dataclass(frozen=True)
class Example:
    text: str
    label: int  # 1 for the dimension's positive label
    source: str
    group: str  # examples sharing a group (an article) stay on one side of a CV split
    trained: bool = True  # False: scored in cross-validation, never trained on
    kinds: tuple[str, ...] = ()  # speculation kinds, where the data name them (the news sets)
    not_writer: float = 0.0  # the voice model's log-odds as at scoring time (training.voice_context)


@dataclass(frozen=True)
class SourceSpec:
    """One dataset file as a classifier uses it."""

    path: str
    licence: str
    keep: Callable[[dict], bool] = lambda record: True
    group_field: str | None = None
    note: str = ""
    # Records kept but not trained on (labels that contradict the task's definition): they
    # are still scored in cross-validation, so leaving them out cannot flatter the scores.
    train: Callable[[dict], bool] = lambda record: True
    # News label sets give every dimension as a 0/1 field named after it, not a `label`.
    label_field: str | None = None


PTC_ARTICLES = "articles/ptc"
NEWS_SPLIT_SEED = 11
NEWS_TEST_SHARE = NEWS_DEV_SHARE = 0.2


def news_split(doc_id: str) -> str:
    """`test` for a seeded fifth of the news documents (`is_news_document`), whichever dataset
    their sentences are in (news labels, PTC, PTC alarmism, MPQA, MultiDimNews): the news test
    split, never trained on. `dev` for another fifth: modelling choices are made on it, and the
    shipped models train on it."""
    if not is_news_document(doc_id):
        return "train"
    share = hashlib.sha256(f"{NEWS_SPLIT_SEED}:{doc_id}".encode()).digest()[0] / 256
    return "test" if share < NEWS_TEST_SHARE else "dev" if share < NEWS_TEST_SHARE + NEWS_DEV_SHARE else "train"


# A PTC article's id: its file name in `PTC_ARTICLES` ("article715790840"). MultiDimNews names
# its articles "article_0" to "article_89": those are news documents because we labelled them.
PTC_ARTICLE_ID = re.compile(r"article\d+")


def is_news_document(doc_id: str) -> bool:
    """A PTC article, or a document of a set we labelled whole (`document_sets`): split into
    train/dev/test."""
    return PTC_ARTICLE_ID.fullmatch(doc_id) is not None or doc_id in labelled_documents()


@lru_cache(maxsize=1)
def labelled_documents() -> frozenset[str]:
    """The documents of every set in `DOCUMENT_SETS` that our labels cover (ids never shared
    between sets: `tests/test_labelling.py` checks)."""
    return frozenset().union(*(labelled_ids(s) for s in DOCUMENT_SETS.values()))


def article_of(example: "Example") -> str:
    """The news document (`is_news_document`) an example comes from, the same in every dataset
    that holds it, or else its group."""
    doc = example.group.split(":", 1)[1]
    return doc if is_news_document(doc) else example.group


def in_news_split(example: "Example", split: str) -> bool:
    return news_split(article_of(example)) == split


def article_text(root: Path, doc_id: str) -> str:
    return (root / PTC_ARTICLES / f"{doc_id}.txt").read_text(encoding="utf-8")


MPQA = DOCUMENT_SETS["mpqa"].path
MULTIDIMNEWS = DOCUMENT_SETS["multidimnews"].path


class PointedTexts:
    """The text a label record points at, read from the data folder once per article or set:
    a PTC article's offsets (`ptc_articles`, `doc_id`, `start`, `end`), or a sentence of a
    document set (`DOCUMENT_SETS`: `mpqa`, `multidimnews`; `doc_id`, `line` = its index)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._articles: dict[str, str] = {}
        self._documents: dict[str, dict[str, dict[int, str]]] = {}

    def text(self, record: dict) -> str | None:
        if record["dataset"] == "ptc_articles":
            if record["doc_id"] not in self._articles:
                self._articles[record["doc_id"]] = article_text(self.root, record["doc_id"])
            return self._articles[record["doc_id"]][record["start"]:record["end"]]
        if record["dataset"] in DOCUMENT_SETS:
            if record["dataset"] not in self._documents:
                self._documents[record["dataset"]] = read_documents(self.root, DOCUMENT_SETS[record["dataset"]])
            return self._documents[record["dataset"]].get(record["doc_id"], {}).get(record["line"])
        return None


def data_dir(explicit: str | None = None) -> Path | None:
    """The data folder: the given one, `$FRAMING_DATA`, or ../shared/data beside the checkout."""
    if explicit:  # asked for by name: that one or none
        if not Path(explicit).is_dir():
            raise FramingError(f"{explicit}: data folder not found")
        return Path(explicit)
    candidates = [os.environ.get("FRAMING_DATA"),
                  str(Path(__file__).resolve().parents[3] / "shared" / "data")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def require_data_dir(explicit: str | None = None) -> Path:
    """`data_dir`, for commands that cannot do without it."""
    root = data_dir(explicit)
    if root is None:
        raise FramingError("no data folder: pass --data DIR or set $FRAMING_DATA")
    return root


def label_value(task: str, label: object, source: str) -> int:
    dimension = dimensions.get(task)
    if label == dimension.positive:
        return 1
    if label == dimension.negative:
        return 0
    raise InputError(source, f"label {label!r} is not {dimension.positive!r} or {dimension.negative!r}")


def read_examples(path: Path, task: str, keep: Callable[[dict], bool] = lambda r: True,
                  group_field: str | None = None, source_name: str | None = None,
                  train: Callable[[dict], bool] = lambda r: True,
                  label_field: str | None = None, root: Path | None = None) -> list[Example]:
    """Labelled sentences from one JSONL file; a bad line stops training with its line number.

    A record without `text` points at it (`PointedTexts`): the project's own labels carry no
    third-party text, and `root` is the data folder that holds it."""
    name = source_name or path.stem
    texts = PointedTexts(root) if root is not None else None
    text = decode(path.read_bytes(), str(path))[0]
    examples, seen = [], set()
    for number, line in enumerate(text.split("\n"), start=1):
        record = parse_json_line(line, f"{path}:{number}")
        if isinstance(record, InputError):
            raise record
        if record is None or not keep(record):
            continue
        sentence = record.get("text")
        if sentence is None and texts is not None and "dataset" in record:
            sentence = texts.text(record)
        if not isinstance(sentence, str) or not sentence.strip():
            raise InputError(f"{path}:{number}", 'record has no "text" field')
        if sentence in seen:  # datasets repeat sentences; a duplicate would leak across folds
            continue
        seen.add(sentence)
        label = (int(record[label_field]) if label_field
                 else label_value(task, record.get("label"), f"{path}:{number}"))
        group = record.get(group_field) if group_field else None
        kinds = tuple(record.get("kinds") or ()) if label_field else ()
        examples.append(Example(sentence, label, name, f"{name}:{group if group is not None else number}",
                                bool(train(record)), kinds))
    return examples


def task_examples(task: str, sources: list[SourceSpec], root: Path) -> list[Example]:
    """Everything a classifier trains on, de-duplicated across sources."""
    examples, seen = [], set()
    for spec in sources:
        for example in read_examples(root / spec.path, task, spec.keep, spec.group_field, train=spec.train,
                                     label_field=spec.label_field, root=root):
            if example.text not in seen:
                seen.add(example.text)
                examples.append(example)
    return examples


def dev_examples(task: str, spec: SourceSpec | None, root: Path) -> list[Example]:
    return read_examples(root / spec.path, task, spec.keep, spec.group_field,
                         label_field=spec.label_field, root=root) if spec else []


def read_lexicon(path: Path, keep: Callable[[dict], bool], field: str) -> frozenset[str]:
    """The entries of a JSONL word list, normalized as the tokenizer sees words."""
    from ..text.features import normalize_term

    text = decode(path.read_bytes(), str(path))[0]
    terms = set()
    for record in iter_jsonl_records(text.split("\n"), str(path)):
        if isinstance(record, InputError):
            raise record
        if keep(record) and isinstance(record.get(field), str):
            term = normalize_term(record[field])
            if term:
                terms.add(term)
    return frozenset(terms)


def files_examples(task: str, paths: Iterable[str]) -> list[Example]:
    return [e for p in paths for e in read_examples(Path(p), task)]


def ptc_article_paths(root: Path) -> list[Path]:
    return sorted((root / PTC_ARTICLES).glob("*.txt"))


def splitter_partition(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Train and held-out PTC articles for the sentence splitter: every fifth is held out."""
    return ([p for i, p in enumerate(paths) if i % 5 != 0],
            [p for i, p in enumerate(paths) if i % 5 == 0])
