"""Output formats by name: each a `Formatter` that puts results on a stream as they arrive.

A result is a scored document in its JSON form (`schema.document_dict`). Every format has the
same interface (`write` each result, `close` at the end) and handles both units: an article,
or a `--unit sentence` record (a one-sentence document, written as its sentence object).
A new format is one class registered with `@formatter("name")`; the command line offers
whatever is registered. `report` and `evaluate` write one whole document instead of a stream
of results: a `Report`, put out by the functions registered with `@report_format("name")`.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from ..errors import FramingError
from ..pipeline.fields import ALL
from ..pipeline.schema import document_from_dict, sentence_record
from .render import TextOptions, render_findings, render_text
from .rows import article_columns, article_row, metadata_columns, sentence_columns, sentence_rows, with_metadata
from .streams import spreadsheet_safe
from .summary import CorpusSummary


@dataclass(frozen=True)
class Report:
    """A whole output of `framing report` or `framing evaluate`: its data and its text form."""

    data: dict
    text: str


REPORT_FORMATS: dict[str, Callable[[Report], str]] = {}


def report_format(name: str):
    """Register a function that writes a `Report` as `name` (the value of --format)."""
    def register(write: Callable[[Report], str]) -> Callable[[Report], str]:
        REPORT_FORMATS[name] = write
        return write
    return register


@report_format("text")
def report_text(report: Report) -> str:
    return report.text


@report_format("json")
def report_json(report: Report) -> str:
    return json.dumps(report.data, indent=2) + "\n"


@dataclass(frozen=True)
class FormatOptions:
    unit: str = "article"  # or "sentence": each result is one sentence record
    style: Callable | None = None  # click.style, to colour text output
    text: TextOptions = field(default_factory=TextOptions)


class Formatter:
    shows: frozenset[str] = ALL  # the fields (framing.pipeline.fields) it shows of an article
    sentence_shows = frozenset({"sentences", "triggers"})  # ... of a sentence record: its sentence object
    choosable = False  # whether --fields and --no-triggers choose what it writes

    def __init__(self, stream: TextIO, options: FormatOptions = FormatOptions()) -> None:
        self.stream, self.options, self.count = stream, options, 0

    @property
    def sentences(self) -> bool:
        return self.options.unit == "sentence"

    def write(self, result: dict) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


FORMATTERS: dict[str, type[Formatter]] = {}


def formatter(name: str):
    """Register a `Formatter` class under `name` (the value of --format)."""
    def register(cls: type[Formatter]) -> type[Formatter]:
        FORMATTERS[name] = cls
        return cls
    return register


def open_formatter(name: str, stream: TextIO, options: FormatOptions = FormatOptions()) -> Formatter:
    return FORMATTERS[name](stream, options)


SUMMARY = frozenset({"scores", "readability"})  # text --summary: no findings, so no sentences
# Text and HTML summarize and lay out from the scores and the text (readability is an article's).
SENTENCE_PAGE = frozenset({"sentences", "triggers", "scores", "text"})


def fields_to_compute(name: str, unit: str = "article", chosen: frozenset[str] | None = None,
                      no_triggers: bool = False, summary_only: bool = False) -> frozenset[str]:
    """The fields to compute for output in the format `name`: those chosen (where the format
    lets them be chosen), or what it shows of the unit."""
    cls = FORMATTERS[name]
    choosable = [n for n, c in FORMATTERS.items() if c.choosable]
    if (chosen is not None or no_triggers) and not cls.choosable:
        raise FramingError(f"--fields and --no-triggers choose what {', '.join(choosable[:-1])} and "
                           f"{choosable[-1]} output holds; --format {name} shows what it shows")
    if chosen is not None and no_triggers and "triggers" in chosen:
        raise FramingError("--no-triggers contradicts --fields with triggers")
    if unit == "sentence":
        if chosen is not None:
            raise FramingError("--fields chooses parts of an article; a sentence record is its sentence "
                               "(use --no-triggers to leave out trigger words)")
        fields = frozenset({"scores"}) if name == "text" and summary_only else cls.sentence_shows
    else:
        fields = SUMMARY if name == "text" and summary_only else chosen or cls.shows
    return fields - {"triggers"} if no_triggers else fields


@formatter("text")
class TextFormatter(Formatter):
    """Each article's summary and findings (a sentence record: its findings only); after more
    than one result, the corpus summary."""

    sentence_shows = SENTENCE_PAGE

    def __init__(self, stream: TextIO, options: FormatOptions = FormatOptions()) -> None:
        super().__init__(stream, options)
        self.corpus = CorpusSummary()

    def write(self, result: dict) -> None:
        document = document_from_dict(result)
        if self.sentences:
            self.stream.write(render_findings(document, self.options.style, self.options.text))
        else:
            self.stream.write(("\n" if self.count else "") + render_text(document, self.options.style, self.options.text))
        self.corpus.add(result)
        self.count += 1

    def close(self) -> None:
        if self.count > 1:
            self.stream.write("\n" + "\n".join(self.corpus.lines()) + "\n")


@formatter("jsonl")
class JsonlFormatter(Formatter):
    choosable = True

    def write(self, result: dict) -> None:
        if self.sentences:
            line = json.dumps(sentence_record(result), ensure_ascii=False)
        else:
            line = getattr(result, "json_line", None) or json.dumps(result, ensure_ascii=False)
        self.stream.write(line + "\n")


@formatter("json")
class JsonFormatter(Formatter):
    """One JSON object for a single result, a JSON list for several; streams all the same."""

    choosable = True
    held: str = ""

    def write(self, result: dict) -> None:
        text = json.dumps(sentence_record(result) if self.sentences else result, ensure_ascii=False, indent=2)
        if self.count:
            self.stream.write(("[\n" if self.count == 1 else ",\n") + self.held)
        self.held, self.count = text, self.count + 1

    def close(self) -> None:
        if self.count == 1:
            self.stream.write(self.held + "\n")
        elif self.count > 1:
            self.stream.write(",\n" + self.held + "\n]\n")


@formatter("csv")
class CsvFormatter(Formatter):
    """One row per article (per sentence record): identity, the scores (the verdicts), then
    each metadata field (the union of the results' fields, in the order first seen) as a
    column of its own. Rows are held until the end, when every column is known."""

    shows = frozenset({"scores", "readability"})

    def __init__(self, stream: TextIO, options: FormatOptions = FormatOptions()) -> None:
        super().__init__(stream, options)
        self.rows: list[tuple[dict, dict]] = []  # (fixed columns, metadata)

    def write(self, result: dict) -> None:
        metadata = {"metadata": result.get("metadata") or {}}
        self.rows += [(row, metadata) for row in (sentence_rows(result) if self.sentences else [article_row(result)])]
        self.count += 1

    def close(self) -> None:
        if self.rows:
            fixed = sentence_columns() if self.sentences else article_columns()
            columns = metadata_columns((metadata for _, metadata in self.rows), fixed)
            write_csv(self.stream, (with_metadata(row, metadata, columns) for row, metadata in self.rows),
                      fixed + list(columns.values()))


def write_csv(stream: TextIO, rows: Iterable[dict], columns: list[str]) -> None:
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_safe(row.get(c)) for c in columns])


@formatter("parquet")
class ParquetFormatter(Formatter):
    """Parquet is written only as a folder of parts (framing.batch.partitions, `-o DIR/`)."""

    choosable = True

    def __init__(self, stream: TextIO, options: FormatOptions = FormatOptions()) -> None:
        raise FramingError("--format parquet writes a folder of parts: give -o DIR/")


@formatter("html")
class HtmlFormatter(Formatter):
    """A page of the results in the HTML report's article view, written at the end."""

    sentence_shows = SENTENCE_PAGE

    def __init__(self, stream: TextIO, options: FormatOptions = FormatOptions()) -> None:
        super().__init__(stream, options)
        self.results: list[dict] = []

    def write(self, result: dict) -> None:
        self.results.append(result)
        self.count += 1

    def close(self) -> None:
        if self.results:
            from .html_report import render_article_page

            self.stream.write(render_article_page(self.results))
