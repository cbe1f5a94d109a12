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
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .document import DIMENSIONS
from .errors import FramingError
from .render import TextOptions, render_text
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
    """stdout, or a file written atomically: a temporary file renamed into place when done."""
    if not path or path == "-":
        yield sys.stdout
        return
    check_output_path(path)
    target = Path(path)
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


SHARED_SCORES = ("count", "share", "writer_share", "reported_share", "mean_probability")
KINDS = ("hedged", "forecast", "hypothetical", "alarmist")
CSV_COLUMNS = (
    ["source", "path", "id", "title", "format", "metadata", "sentences", "scored_sentences"]
    + [f"{task}_{m}" for task in DIMENSIONS for m in SHARED_SCORES]
    + ["loaded_terms_per_100_words", "loaded_quoted_terms_per_100_words", "opinion_attributed_share"]
    + [f"speculative_{k}" for k in KINDS]
    + ["flesch_reading_ease", "flesch_kincaid_grade", "words", "models"]
)


def csv_row(result: dict) -> list:
    s, r = result["scores"], result["readability"]
    row = [result["source"], result["path"], result["id"], result["title"], result["format"],
           json.dumps(result["metadata"], ensure_ascii=False) if result["metadata"] else "",
           s["sentences"], s["scored_sentences"]]
    row += [s[task][m] for task in DIMENSIONS for m in SHARED_SCORES]
    row += [s["loaded"]["terms_per_100_words"], s["loaded"]["quoted_terms_per_100_words"],
            s["opinion"]["attributed_share"]]
    row += [s["speculative"]["kinds"][k]["count"] for k in KINDS]
    row += [r.get("flesch_reading_ease"), r.get("flesch_kincaid_grade"), r.get("words"),
            " ".join(result["models"].values())]
    return [spreadsheet_safe(v) for v in row]


class CsvWriter(Writer):
    """One row per article: identity, metadata (as JSON), and the article scores."""

    def write(self, result: dict) -> None:
        if not self.count:
            self.writer = csv.writer(self.stream)
            self.writer.writerow(CSV_COLUMNS)
        self.writer.writerow(csv_row(result))
        self.count += 1


WRITERS = {"text": TextWriter, "json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter}


# ---------------------------------------------------------------- recognizing our own output

# The <meta> the HTML report carries, so that a folder walk knows the page for framing's own.
GENERATOR_META = '<meta name="generator" content="framing">'
_OWN_OUTPUT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*\[?\s*\{\s*\"schema\"\s*:\s*\"framing/"  # json, jsonl
    + rb"|\A" + re.escape(",".join(CSV_COLUMNS).encode()) + rb"\r?\n"  # csv
    + rb"|\A== [^\n]*\n   (?:loaded \d+% of \d+ scored sentences|warning: this text does not look like English)"  # text
    + rb"|" + re.escape(GENERATOR_META.encode()))  # the HTML report


def written_by_framing(head: bytes) -> bool:
    """Whether a file that starts with `head` is something framing wrote (scores or a report):
    scoring it would score articles twice."""
    return _OWN_OUTPUT.search(head) is not None
