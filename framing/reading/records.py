"""Articles stored as records: JSON files, JSONL and CSV collections, one article each.

Collections are read line by line, so a large file never sits in memory whole; a bad line
becomes an `InputError` naming it, and the records around it are still read.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import InputError
from ..pipeline.document import Document


@dataclass(frozen=True)
class RecordFields:
    """Which fields of a record hold the article text, its id and its title; the rest of the
    record is carried into the output as metadata (outlet, date, ...). With `unit` "sentence"
    a record's text is one sentence, taken as it is (no title is put before it)."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    unit: str = "article"


def record_document(record: object, source: str, path: str | None, fmt: str,
                    fields: RecordFields = RecordFields(), max_bytes: int | None = None) -> Document:
    if not isinstance(record, dict):
        raise InputError(source, "record is not a JSON object")
    text = record.get(fields.text)
    if not isinstance(text, str):
        raise InputError(source, f'record has no "{fields.text}" field')
    if not text.strip():
        raise InputError(source, f'record\'s "{fields.text}" field is empty')
    if max_bytes and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputError(source, f"record is larger than the {max_bytes}-byte limit (--max-bytes)")
    title = record.get(fields.title) if isinstance(record.get(fields.title), str) else None
    ident = record.get(fields.id)
    metadata = {k: v for k, v in record.items() if k not in (fields.text, fields.title, fields.id)}
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if title and not body.lstrip().startswith(title) and fields.unit == "article":
        body = f"{title}\n\n{body}"
    return Document(text=body, source=source, path=path, title=title,
                    id=str(ident) if ident is not None else None, format=fmt, metadata=metadata, unit=fields.unit)


def field_list(names: Iterable[str], limit: int = 20) -> str:
    """Field names for a one-line message: a name with control characters or spaces at its
    ends is shown quoted and escaped, so it can neither break the line nor hide."""
    shown = [name if name.isprintable() and name == name.strip() and name else repr(name) for name in names]
    return ", ".join(shown[:limit]) + (", ..." if len(shown) > limit else "")


class _MissingText:
    """Records of one file without the text field, held back until a record shows that the
    field exists in the file (then each is its own error) or the file ends without one (then
    one error says so, with the fields the records do have: a wrong --text-field is one
    mistake, not one per record). Only line numbers are held, so memory stays small."""

    def __init__(self, field: str, source: str) -> None:
        self.field, self.source = field, source
        self.lines = array("q")
        self.keys: dict[str, None] = {}  # every field seen, in order of appearance

    def hold(self, line: int, record: dict) -> None:
        self.lines.append(line)
        self.keys.update(dict.fromkeys(record))

    def each(self) -> Iterator[InputError]:
        for line in self.lines:
            yield InputError(f"{self.source}:{line}", f'record has no "{self.field}" field')
        self.lines = array("q")

    def summary(self) -> InputError:
        n = len(self.lines)
        which = f'record has no "{self.field}" field' if n == 1 else f'none of its {n} records has a "{self.field}" field'
        return InputError(self.source, f"{which} (name the text field with --text-field); "
                                       f"fields found: {field_list(self.keys)}")


def json_documents(text: str, source: str, path: str | None, fields: RecordFields = RecordFields(),
                   max_bytes: int | None = None) -> Iterator[Document | InputError]:
    """A JSON file: one record, or a list of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}")
        return
    records = data if isinstance(data, list) else [data]
    objects = [r for r in records if isinstance(r, dict)]
    if objects and not any(fields.text in r for r in objects):
        missing = _MissingText(fields.text, source)
        for i, record in enumerate(objects, start=1):
            missing.hold(i, record)
        yield missing.summary()
        return
    for i, record in enumerate(records, start=1):
        try:
            yield record_document(record, source if len(records) == 1 else f"{source}#{i}", path, "json",
                                  fields, max_bytes)
        except InputError as exc:
            yield exc


LINE_TOO_LONG = "\0line too long"  # stands in for a line over the limit, never kept whole


def text_lines(stream: BinaryIO, max_chars: int | None = None) -> Iterator[str]:
    """Decoded lines of a binary stream: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    A line longer than `max_chars` is skipped in pieces and stands as LINE_TOO_LONG, so a
    huge line never sits in memory whole.
    """
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    reader = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    limit = max_chars + 1 if max_chars else -1
    while True:
        line = reader.readline(limit)
        if not line:
            return
        if max_chars and len(line) > max_chars and not line.endswith("\n"):
            while line and not line.endswith("\n"):
                line = reader.readline(1 << 20)
            line = LINE_TOO_LONG
        yield line


def parse_json_line(line: str, where: str) -> dict | InputError | None:
    """The JSON object on one line, an `InputError` naming the line, or None for a blank line."""
    if line == LINE_TOO_LONG:
        return InputError(where, "line is longer than the --max-bytes limit")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON: {exc.msg}")
    return record if isinstance(record, dict) else InputError(where, "record is not a JSON object")


def iter_jsonl_records(lines: Iterable[str], source: str) -> Iterator[dict | InputError]:
    """Each non-blank line's JSON object, or an `InputError` naming the line."""
    for number, line in enumerate(lines, start=1):
        record = parse_json_line(line, f"{source}:{number}")
        if record is not None:
            yield record


def json_or_jsonl_records(stream: BinaryIO, source: str) -> Iterator[tuple[str, dict | InputError]]:
    """(where, record) for each record of a JSON Lines file, or of a JSON document: one
    object, perhaps pretty-printed, or a list of them (what `--format json` writes).

    The first non-blank line tells them apart: a JSON Lines file starts with a whole object.
    A document that is not valid JSON either is read line by line after all, so that one bad
    first line of a JSON Lines file costs only that line."""
    lines = text_lines(stream)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    first = head[-1].strip() if head else ""
    if first.startswith("[") or (first.startswith("{") and not isinstance(parse_json_line(first, ""), dict)):
        text = "".join(head) + "".join(lines)
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            lines = iter(text.splitlines(keepends=True))
        else:
            records = data if isinstance(data, list) else [data]
            for i, record in enumerate(records, start=1):
                where = source if len(records) == 1 else f"{source}#{i}"
                yield where, record if isinstance(record, dict) else InputError(where, "record is not a JSON object")
            return
        head = []
    for number, line in enumerate(itertools.chain(head, lines), start=1):
        record = parse_json_line(line, f"{source}:{number}")
        if record is not None:
            yield f"{source}:{number}", record


def jsonl_documents(stream: BinaryIO, source: str, path: str | None, fields: RecordFields = RecordFields(),
                    max_bytes: int | None = None) -> Iterator[Document | InputError]:
    missing = _MissingText(fields.text, source)
    field_seen = False
    for number, line in enumerate(text_lines(stream, max_bytes), start=1):
        where = f"{source}:{number}"
        record = parse_json_line(line, where)
        if isinstance(record, dict):
            if not field_seen:
                if fields.text not in record:
                    missing.hold(number, record)
                    continue
                field_seen = True
                yield from missing.each()
            try:
                record = record_document(record, where, path, "jsonl", fields, max_bytes)
            except InputError as exc:
                record = exc
        if record is not None:
            yield record
    if missing.lines:
        yield missing.summary()


def csv_documents(stream: BinaryIO, source: str, path: str | None, fields: RecordFields = RecordFields(),
                  max_bytes: int | None = None) -> Iterator[Document | InputError]:
    """A CSV file with a header row; each row is an article (its line number names it)."""
    csv.field_size_limit(max(max_bytes or 0, 1 << 24))
    reader = csv.DictReader(text_lines(stream))
    try:
        if not reader.fieldnames or fields.text not in reader.fieldnames:
            yield InputError(source, f'CSV header has no "{fields.text}" column (name the text column with '
                                     f"--text-field); columns: {field_list(reader.fieldnames or [])}")
            return
        for row in reader:
            where = f"{source}:{reader.line_num}"
            try:
                yield record_document({k: v for k, v in row.items() if k is not None}, where, path, "csv",
                                      fields, max_bytes)
            except InputError as exc:
                yield exc
    except csv.Error as exc:
        yield InputError(f"{source}:{reader.line_num}", f"invalid CSV: {exc}")
