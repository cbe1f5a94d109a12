"""Turn files, folders and stdin into `Document`s.

Every reader returns plain article text with newlines normalized; markup is removed here so
that the later stages see prose only. Problems with one input become an `InputError` that
names the input, yielded in its place, so a batch can report it and go on.
"""
from __future__ import annotations

import fnmatch
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..output.streams import written_by_framing
from ..pipeline.document import Document
from .decoding import SNIFF, decode
from .markup import html_to_text, markdown_to_text
from .records import RecordFields, csv_documents, json_documents, jsonl_documents

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl",
                 ".csv": "csv"}
GOLD_SUFFIX = ".labels.tsv"  # the sample corpus's gold labels beside each article (gold.py)
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
    """A buffered binary stream of the file, or of stdin for "-" (read whole into memory)."""
    if path == "-":
        return io.BufferedReader(io.BytesIO(sys.stdin.buffer.read()))
    try:
        return open(path, "rb")
    except OSError as exc:
        raise _os_error(path, exc) from None


def read_bytes(stream, source: str, max_bytes: int | None = None) -> bytes:
    """The stream's bytes (closing it); refuses one over `max_bytes` without reading it all."""
    with stream:
        try:
            data = stream.read(max_bytes + 1) if max_bytes else stream.read()
        except OSError as exc:
            raise _os_error(source, exc) from None
    if max_bytes and len(data) > max_bytes:
        raise InputError(source, f"larger than the {max_bytes}-byte limit (--max-bytes)")
    return data


def format_of(path: str, data: bytes = b"") -> str:
    """A file's format by its name; stdin's by what came (`data`): HTML, JSON Lines (a first
    line that is a whole JSON object), a JSON document, or else text."""
    if path != "-":
        return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "txt")
    start = data.lstrip()
    if start.startswith(b"<"):
        return "html"
    if start[:1] in (b"{", b"["):
        try:
            if isinstance(json.loads(start.split(b"\n", 1)[0]), dict):
                return "jsonl"
        except ValueError:
            pass
        try:
            json.loads(start)
            return "json"
        except ValueError:
            pass
    return "txt"


def read_path(path: str, options: ReadOptions = ReadOptions()) -> Iterator[Document | InputError]:
    """The documents in one file (several for JSON lists, JSONL and CSV), or its error."""
    source = "<stdin>" if path == "-" else path
    file = None if path == "-" else path
    try:
        stream = open_binary(path)
        # stdin is held in memory whole (`open_binary`): its format is told from all of it.
        fmt = (options.stdin_format or format_of(path, stream.raw.getvalue()) if path == "-" else format_of(path))
        if fmt in COLLECTIONS:
            with stream:
                reader = jsonl_documents if fmt == "jsonl" else csv_documents
                yield from reader(stream, source, file, options.fields, options.max_bytes)
            return
        data = read_bytes(stream, source, options.max_bytes)
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
        warnings = [warning] if warning else []
        if options.fields.unit == "sentence":
            yield from _line_sentences(text, source, file, fmt, warnings)
            return
        yield Document(text=text, source=source, path=file, title=title, format=fmt, warnings=warnings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield _os_error(source, exc)


def _selected(relative: str, options: ReadOptions) -> bool:
    name = os.path.basename(relative)
    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)
    return (not options.include or matches(options.include)) and not matches(options.exclude)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


@dataclass
class FolderWalk:
    """The files to read under one folder, and what was left out of it, so that a run can
    say what it did not read instead of passing over it in silence."""

    folder: str
    files: list[str] = field(default_factory=list)
    unread: Counter = field(default_factory=Counter)  # files of formats framing does not read, by suffix
    own_output: list[str] = field(default_factory=list)  # files framing wrote, relative to the folder
    filtered: int = 0  # files --include/--exclude left out

    def note(self) -> str | None:
        """One line on what was left out, or on why nothing is left; None if all is read."""
        parts = []
        if self.unread:
            kinds = ", ".join(f"{n} {suffix or 'without an extension'}" for suffix, n in
                              sorted(self.unread.items(), key=lambda kv: (-kv[1], not kv[0], kv[0])))
            parts.append(f"{_count(sum(self.unread.values()), 'file')} framing does not read ({kinds})")
        if self.own_output:
            names = ", ".join(self.own_output[:3]) + (", ..." if len(self.own_output) > 3 else "")
            parts.append(f"{_count(len(self.own_output), 'file')} framing wrote ({names})")
        if parts:
            return f"{self.folder}: skipped " + " and ".join(parts)
        if self.files:
            return None
        if self.filtered:
            return f"{self.folder}: --include/--exclude left out all {_count(self.filtered, 'file')}"
        return f"{self.folder}: no files in it"


def _framing_output(path: str) -> bool:
    """Whether the file is scores or a report framing wrote (judged from its first bytes)."""
    try:
        with open(path, "rb") as stream:
            return written_by_framing(stream.read(SNIFF))
    except OSError:
        return False  # read_path reports it


def walk_folder(folder: str, options: ReadOptions = ReadOptions()) -> FolderWalk:
    """Readable files under a folder, sorted by path; symlinked folders are not followed, so
    a symlink loop cannot trap the walk. Hidden files, gold labels and this run's output (a
    file, or a folder of parts) are passed over in silence; other files framing wrote are
    left out too (scoring them would score articles twice), and so are files of formats it
    does not read, each counted."""
    written = {os.path.realpath(p) for p in options.written}
    walk = FolderWalk(folder)
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs
                   if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) not in written]
        for name in files:
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder)
            if (name.startswith(".") or name.lower().endswith(GOLD_SUFFIX)
                    or os.path.realpath(path) in written):
                continue
            suffix = Path(name).suffix.lower()
            if not _selected(relative, options):
                walk.filtered += 1
            elif suffix not in TEXT_SUFFIXES:
                walk.unread[suffix] += 1
            elif _framing_output(path):
                walk.own_output.append(relative)
            else:
                walk.files.append(path)
    walk.files.sort(key=lambda p: Path(p).parts)
    walk.own_output.sort()
    return walk


def _line_sentences(text: str, source: str, path: str | None, fmt: str, warnings: list[str]) -> Iterator[Document]:
    """`--unit sentence` on a text file: each non-empty line is one sentence, named by its
    line number (of the text, once markup is removed)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield Document(text=line, source=f"{source}:{number}", path=path, format=fmt,
                           warnings=list(warnings), unit="sentence")


def expand_paths(paths: Iterable[str | InputError], options: ReadOptions = ReadOptions(),
                 notes: list[str] | None = None) -> Iterator[str | InputError]:
    """Files named directly, and the readable files under each folder, in sorted order.

    `notes`, when given, gets a line for each folder with files left out or nothing to read."""
    for path in paths:
        if isinstance(path, InputError):
            yield path
        elif path == "-" or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            walk = walk_folder(path, options)
            note = walk.note()
            if note and notes is not None:
                notes.append(note)
            yield from walk.files
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
