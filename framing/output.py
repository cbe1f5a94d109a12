"""Writers: put results on a stream, one format each, as they arrive.

A result is a scored article in its JSON form (`schema.document_dict`); the text writer
turns it back into a `Document` for the text renderer.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .document import DIMENSIONS
from .errors import FramingError
from .render import TextOptions, render_text
from .rows import ARTICLE_COLUMNS, article_row, metadata_columns, with_metadata
from .schema import document_from_dict
from .summary import CorpusSummary


def check_output_path(path: str | None) -> None:
    """Refuse, before any work is done, an output file whose folder is missing or read-only.

    A missing folder is not created: it is more often a typo than a wish."""
    if not path or path == "-":
        return
    folder = Path(path).parent
    if not folder.exists():
        raise FramingError(f"{path}: cannot write it: folder {folder} does not exist")
    if not folder.is_dir():
        raise FramingError(f"{path}: cannot write it: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FramingError(f"{path}: cannot write it: folder {folder} is not writable")


@contextmanager
def output_stream(path: str | None):
    """stdout, or a file written atomically: a temporary file renamed into place when done.
    A path that exists and is not a regular file (/dev/null, a named pipe) is written to
    directly: renaming over it would replace the device with a file."""
    if not path or path == "-":
        yield sys.stdout
        return
    check_output_path(path)
    target = Path(path)
    if target.exists() and not target.is_file():
        try:
            with open(target, "w", encoding="utf-8", newline="\n") as stream:
                yield stream
        except OSError as exc:
            raise FramingError(f"{path}: cannot write it: {exc.strerror or exc}") from None
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FramingError(f"{path}: cannot write it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp's private 0600 is not what an output file wants
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise



COLOUR_MODES = ("auto", "always", "never")


def use_colour(mode: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether to colour text output: `always`, `never`, or `auto`, which colours only a
    terminal, and only when NO_COLOR is unset or empty (https://no-color.org)."""
    if mode not in COLOUR_MODES:
        raise ValueError(f"colour mode {mode!r} is not one of {', '.join(COLOUR_MODES)}")
    if mode != "auto":
        return mode == "always"
    return not environ.get("NO_COLOR") and stream.isatty()


# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream, self.count = stream, 0

    def close(self) -> None:
        pass


class TextWriter(Writer):
    """Each article's summary and findings; after more than one article, the corpus summary."""

    def __init__(self, stream: TextIO, style: Callable | None = None, options: TextOptions = TextOptions()) -> None:
        super().__init__(stream)
        self.style, self.options, self.corpus = style, options, CorpusSummary()

    def write(self, result: dict) -> None:
        self.stream.write(("\n" if self.count else "")
                          + render_text(document_from_dict(result), self.style, self.options))
        self.corpus.add(result)
        self.count += 1

    def close(self) -> None:
        if self.count > 1:
            self.stream.write("\n" + "\n".join(self.corpus.lines()) + "\n")


class JsonlWriter(Writer):
    def write(self, result: dict) -> None:
        self.stream.write((getattr(result, "json_line", None) or json.dumps(result, ensure_ascii=False)) + "\n")


class JsonWriter(Writer):
    """One JSON object for a single article, a JSON list for several; streams all the same."""

    held: str = ""

    def write(self, result: dict) -> None:
        text = json.dumps(result, ensure_ascii=False, indent=2)
        if self.count:
            self.stream.write(("[\n" if self.count == 1 else ",\n") + self.held)
        self.held, self.count = text, self.count + 1

    def close(self) -> None:
        if self.count == 1:
            self.stream.write(self.held + "\n")
        elif self.count > 1:
            self.stream.write(",\n" + self.held + "\n]\n")


class CsvWriter(Writer):
    """One row per article: identity, the article scores, then each metadata field (the
    union of the articles' fields, in the order first seen) as a column of its own. Rows
    are held until the end, when every column is known."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.rows: list[tuple[dict, dict]] = []  # (fixed columns, metadata)

    def write(self, result: dict) -> None:
        self.rows.append((article_row(result), {"metadata": result.get("metadata") or {}}))
        self.count += 1

    def close(self) -> None:
        if self.rows:
            columns = metadata_columns((metadata for _, metadata in self.rows), ARTICLE_COLUMNS)
            write_csv(self.stream, (with_metadata(row, metadata, columns) for row, metadata in self.rows),
                      ARTICLE_COLUMNS + list(columns.values()))


def write_csv(stream: TextIO, rows: Iterable[dict], columns: list[str]) -> None:
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_safe(row.get(c)) for c in columns])


SENTENCE_RECORD_COLUMNS = (["id", "text"] + [f"{task}_{m}" for task in DIMENSIONS for m in ("probability", "label")]
                           + ["error"])


class SentenceLineWriter(Writer):
    """`--unit sentence` output, one line per sentence record (see render.sentence_record):
    a CSV row for --format csv, a JSON line otherwise."""

    def __init__(self, stream: TextIO, fmt: str = "jsonl") -> None:
        super().__init__(stream)
        self.csv = csv.writer(stream) if fmt == "csv" else None

    def write(self, line: dict) -> None:
        if self.csv is None:
            self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            return
        if not self.count:
            self.csv.writerow(SENTENCE_RECORD_COLUMNS)
        flat = {**line, **{f"{task}_{m}": (line.get(task) or {}).get(m) for task in DIMENSIONS
                           for m in ("probability", "label")}}
        self.csv.writerow([spreadsheet_safe(flat.get(c)) for c in SENTENCE_RECORD_COLUMNS])
        self.count += 1


class HtmlWriter(Writer):
    """A page of the articles in the HTML report's article view, written at the end."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.results: list[dict] = []

    def write(self, result: dict) -> None:
        self.results.append(result)
        self.count += 1

    def close(self) -> None:
        if self.results:
            from .html_report import render_article_page

            self.stream.write(render_article_page(self.results))


WRITERS = {"text": TextWriter, "json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter, "html": HtmlWriter}


# ---------------------------------------------------------------- recognizing our own output

# The <meta> the HTML report carries, so that a folder walk knows the page for framing's own.
GENERATOR_META = '<meta name="generator" content="framing">'
_OWN_OUTPUT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*\[?\s*\{\s*\"schema\"\s*:\s*\"framing/"  # json, jsonl
    + rb"|\A" + re.escape(",".join(ARTICLE_COLUMNS).encode()) + rb"[,\r\n]"  # csv
    + rb"|\A== [^\n]*\n   (?:loaded \d+% of \d+ scored sentences|warning: this text does not look like English)"  # text
    + rb"|" + re.escape(GENERATOR_META.encode()))  # the HTML report


def written_by_framing(head: bytes) -> bool:
    """Whether a file that starts with `head` is something framing wrote (scores or a report):
    scoring it would score articles twice."""
    return _OWN_OUTPUT.search(head) is not None
