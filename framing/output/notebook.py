"""framing in a notebook: a table of articles in, scored documents out, and results as a
pandas DataFrame, one row per article or per sentence.

pandas is optional (`pip install 'framing[pandas]'`); only `to_dataframe` needs it.
"""
from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator

from ..errors import FramingError
from ..pipeline.document import Document
from ..pipeline.schema import document_dict
from ..reading.records import RecordFields, record_document
from .rows import article_columns, article_row, metadata_columns, sentence_columns, sentence_rows, with_metadata

LEVELS = ("article", "sentence")


def _plain(value: object) -> object:
    """A table cell as JSON can hold it: numpy scalars as Python numbers, dates as ISO
    strings, a missing value (NaN, NaT) as None."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            value = value.item()
        except (ValueError, TypeError):
            pass
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "isoformat"):
        try:
            return None if value != value else value.isoformat()  # NaT is not equal to itself
        except (TypeError, ValueError):
            return str(value)
    return value


def table_records(table: object) -> Iterator[dict]:
    """The rows of a pandas DataFrame, a pyarrow Table or an iterable of dicts, as dicts."""
    if hasattr(table, "to_dict") and hasattr(table, "columns"):  # pandas
        rows: Iterable = table.to_dict("records")
    elif hasattr(table, "to_pylist"):  # pyarrow
        rows = table.to_pylist()
    else:
        rows = table
    for row in rows:
        if not isinstance(row, dict):
            raise FramingError(f"a table row is a {type(row).__name__}, not a dict of column values")
        yield {str(k): _plain(v) for k, v in row.items()}


def analyze_table(table: object, text: str = "text", id: str = "id", title: str = "title",
                  models_dir: str | None = None, thresholds: dict[str, float] | None = None) -> list[Document]:
    """Score every row of a table of articles: `text`, `id` and `title` name its columns,
    and the other columns come along as each document's metadata. Row N (from 1) is the
    source "<table>:N"; a row without text raises an error naming it."""
    from ..pipeline.scoring import analyze

    fields = RecordFields(text, id, title)
    chosen = tuple(sorted((thresholds or {}).items()))
    return [analyze(record_document(record, f"<table>:{n}", None, "table", fields), models_dir, chosen)
            for n, record in enumerate(table_records(table), start=1)]


def _result(item: Document | dict) -> dict:
    if isinstance(item, Document):
        return document_dict(item)
    if isinstance(item, dict) and "scores" in item and "sentences" in item:
        return item
    raise FramingError(f"not a scored document or a framing result: {type(item).__name__}")


def result_rows(results: Iterable[Document | dict], level: str = "article") -> tuple[list[dict], list[str]]:
    """Flat rows and their columns (metadata fields last, each its own column)."""
    if level not in LEVELS:
        raise FramingError(f"level {level!r}: choose article or sentence")
    results = [_result(item) for item in results]
    fixed = article_columns() if level == "article" else sentence_columns()
    columns = metadata_columns(results, fixed)
    rows = []
    for result in results:
        for row in [article_row(result)] if level == "article" else sentence_rows(result):
            rows.append(with_metadata(row, result, columns))
    return rows, list(fixed) + list(columns.values())


def to_dataframe(results: Iterable[Document | dict], level: str = "article"):
    """A pandas DataFrame of scored documents or result dicts: one row per article (its
    scores) or per sentence (its verdicts), with metadata fields as columns."""
    try:
        import pandas
    except ImportError:
        raise FramingError("to_dataframe needs pandas: pip install 'framing[pandas]'") from None
    rows, columns = result_rows(results, level)
    return pandas.DataFrame(rows, columns=columns)
