"""Turn files, folders and stdin into `Document`s.

Every reader returns plain article text with newlines normalized; markup is removed here so
that the later stages see prose only. Problems with one input become an `InputError` that
names the input, yielded in its place, so a batch can report it and go on.
"""
from __future__ import annotations

import fnmatch
import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .decoding import SNIFF, decode
from .document import Document
from .errors import InputError
from .markup import html_to_text, markdown_to_text
from .output import written_by_framing
from .records import RecordFields, csv_documents, json_documents, jsonl_documents

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl",
                 ".csv": "csv"}
COLLECTIONS = ("jsonl", "csv")  # read line by line, one article per record
DEFAULT_MAX_BYTES = 5_000_000  # a long article is 50 kB; 5 MB is not an article


@dataclass(frozen=True)
class ReadOptions:
    fields: RecordFields = RecordFields()
    include: tuple[str, ...] = ()  # glob patterns a file under a folder must match (any)
    exclude: tuple[str, ...] = ()  # glob patterns that leave a file out
    max_bytes: int | None = DEFAULT_MAX_BYTES  # per article file or record; None: no limit
    stdin_format: str | None = None
    written: tuple[str, ...] = ()  # this run's output files: never read from a folder


# ---------------------------------------------------------------- files

def _os_error(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(path, "no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(path, "is a directory")
    if isinstance(exc, PermissionError):
        return InputError(path, "permission denied")
    return InputError(path, exc.strerror or "cannot be read")


def open_binary(path: str):
    """A buffered binary stream of the file, or of stdin for "-"."""
    if path == "-":
        return io.BufferedReader(io.BytesIO(sys.stdin.buffer.read()))
    try:
        return open(path, "rb")
    except OSError as exc:
        raise _os_error(path, exc) from None


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """The file's bytes; refuses a file over `max_bytes` without reading it all."""
    with open_binary(path) as stream:
        try:
            data = stream.read(max_bytes + 1) if max_bytes else stream.read()
        except OSError as exc:
            raise _os_error(path, exc) from None
    if max_bytes and len(data) > max_bytes:
        raise InputError("<stdin>" if path == "-" else path,
                         f"larger than the {max_bytes}-byte limit (--max-bytes)")
    return data


def format_of(path: str, head: bytes = b"") -> str:
    if path == "-":
        return "html" if head.lstrip().startswith(b"<") else "txt"
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "txt")


def read_path(path: str, options: ReadOptions = ReadOptions()) -> Iterator[Document | InputError]:
    """The documents in one file (several for JSON lists, JSONL and CSV), or its error."""
    source = "<stdin>" if path == "-" else path
    file = None if path == "-" else path
    fmt = options.stdin_format if path == "-" and options.stdin_format else format_of(path)
    try:
        if fmt in COLLECTIONS:
            with open_binary(path) as stream:
                reader = jsonl_documents if fmt == "jsonl" else csv_documents
                yield from reader(stream, source, file, options.fields, options.max_bytes)
            return
        data = read_bytes(path, options.max_bytes)
        if path == "-" and not options.stdin_format:
            fmt = format_of(path, data[:64])
        text, warning = decode(data, source)
        if fmt == "json":
            for item in json_documents(text, source, file, options.fields, options.max_bytes):
                if warning and isinstance(item, Document):
                    item.warnings.append(warning)
                yield item
            return
        title = None
        if fmt == "html":
            text, title = html_to_text(text)
        elif fmt == "md":
            text = markdown_to_text(text)
        if not text.strip():
            raise InputError(source, "no text")
        yield Document(text=text, source=source, path=file, title=title, format=fmt,
                       warnings=[warning] if warning else [])
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield _os_error(source, exc)


def _selected(relative: str, options: ReadOptions) -> bool:
    name = os.path.basename(relative)
    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)
    return (not options.include or matches(options.include)) and not matches(options.exclude)


def _framing_output(path: str) -> bool:
    """Whether the file is scores or a report framing wrote (judged from its first bytes)."""
    try:
        with open(path, "rb") as stream:
            return written_by_framing(stream.read(SNIFF))
    except OSError:
        return False  # read_path reports it


def _walk(folder: str, options: ReadOptions) -> list[str]:
    """Readable files under a folder, sorted by path, hidden ones skipped; symlinked folders
    are not followed, so a symlink loop cannot trap the walk. This run's output and anything
    else framing wrote are left out: scoring them would score articles twice."""
    written = {os.path.realpath(p) for p in options.written}
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder)
            if (not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES
                    and _selected(relative, options) and os.path.realpath(path) not in written
                    and not _framing_output(path)):
                found.append(path)
    return sorted(found, key=lambda p: Path(p).parts)


def expand_paths(paths: Iterable[str | InputError], options: ReadOptions = ReadOptions()
                 ) -> Iterator[str | InputError]:
    """Files named directly, and the readable files under each folder, in sorted order."""
    for path in paths:
        if isinstance(path, InputError):
            yield path
        elif path == "-" or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            yield from _walk(path, options)
        elif os.path.lexists(path):
            yield InputError(path, "not a regular file (a broken link or a device)")
        else:
            yield InputError(path, "no such file or directory")


def read_documents(paths: Iterable[str], options: ReadOptions = ReadOptions()
                   ) -> Iterator[Document | InputError]:
    """Every document behind the given paths, with an `InputError` in place of each bad input.

    `paths` may also be what `expand_paths` returned (files, and errors passed on as they are).
    """
    for path in expand_paths(paths, options):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_path(path, options)
