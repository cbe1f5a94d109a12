"""Where output goes: stdout or a file written atomically, whether to colour it, cells a
spreadsheet will not run, and how to recognize files framing wrote itself (the formats
themselves are in formatters.py)."""
from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ..errors import FramingError
from .rows import ARTICLE_HEAD, SENTENCE_HEAD


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


# ---------------------------------------------------------------- recognizing our own output

# The <meta> the HTML report carries, so that a folder walk knows the page for framing's own.
GENERATOR_META = '<meta name="generator" content="framing">'
# How the formats framing writes begin; the HTML report names framing anywhere in its head.
_OWN_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*\[?\s*\{\s*\"schema\"\s*:\s*\"framing/"  # json, jsonl
    + rb"|(?:" + re.escape(",".join(ARTICLE_HEAD).encode()) + rb"|" + re.escape(",".join(SENTENCE_HEAD).encode())
    + rb"),"  # csv, articles or sentences
    + rb"|== [^\n]*\n   (?:\w+ \d+% of \d+ scored sentences|warning: this text does not look like English)")  # text
_OWN_MARK = GENERATOR_META.encode()


def written_by_framing(head: bytes) -> bool:
    """Whether a file that starts with `head` is something framing wrote (scores or a report):
    scoring it would score articles twice. The start is matched, the report's mark looked for
    as bytes: one regular expression searched through the head cost as much as reading the file."""
    return _OWN_START.match(head) is not None or _OWN_MARK in head
