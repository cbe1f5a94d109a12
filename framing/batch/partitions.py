"""Partitioned output: `framing score ... -o DIR/` writes results as numbered parts, so that
an archive too large for one file can be written, resumed and read part by part.

    DIR/part-00000.jsonl    up to `part_size` articles each, in input order (or .parquet)
    DIR/_manifest.jsonl     one line per part: its name, the models and fields it was scored
                            with, and per article its source, id and identity digest
    DIR/_errors.jsonl       the last run's inputs that failed: {"source", "reason"}

The two files beginning with "_" are the ones Parquet dataset readers (pyarrow, pandas,
Spark) pass over, so `pandas.read_parquet("DIR/")` reads the parts only.

A part is written under a hidden temporary name and renamed when complete, and only then
listed in the manifest (one appended line): a crash never leaves a half part that looks
complete. Opening the folder removes temporary files and any part the manifest does not list
(a crash came between the rename and the listing); their articles are scored again.

A re-run into the same folder skips every article the manifest lists under the same source
and id with the same digest (the SHA-256 of its identity fields, `content_sha256` among them)
from the same models and fields; it reads the manifest, never the parts. An article scored
again replaces its old record, which is dropped from its part (rewritten under a new number)
when the run ends. Records of inputs the run did not read are left as they are.

Parquet (`pip install 'framing[parquet]'`): one row per article, a string column per key of
the JSON result, in its order; the nested values are JSON strings, named in
the file's metadata under "framing.json_columns" (`part_files.py`). `read_part` turns either format back into
the result dicts.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import FramingError, InputError
from ..pipeline.document import Document
from ..pipeline.fields import ALL, fields_tag
from ..reading.files import _count
from .cache import IDENTITY
from .part_files import PARTS, read_part, require_pyarrow

FORMATS = {"jsonl": ".jsonl", "parquet": ".parquet"}
PART_SIZE = 5000  # articles per part: 10-250 MB of full JSON Lines, a few MB of scores only
MANIFEST = "_manifest.jsonl"
ERRORS = "_errors.jsonl"
PART_NAME = re.compile(r"part-(\d{5,})\.(jsonl|parquet)")
def is_folder(path: str | None) -> bool:
    """Whether an output path names a folder: an existing one, or a path ending in "/"."""
    return bool(path) and path != "-" and (path.endswith(("/", os.sep)) or os.path.isdir(path))


def digest(identity: Document | dict) -> str:
    """The SHA-256 of an article's IDENTITY fields (its text's hash among them), from the
    document read or from its result: equal when a re-run would write the same record."""
    values = [getattr(identity, name) if isinstance(identity, Document) else identity[name] for name in IDENTITY]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def read_folder(folder: str | Path) -> Iterator[dict]:
    """Every result in a folder of parts, part by part in the manifest's order."""
    for entry in _manifest_entries(Path(folder)):
        yield from read_part(Path(folder) / entry["part"])


def _manifest_entries(folder: Path) -> list[dict]:
    """The manifest's parts that exist; a line cut short by a crash is passed over."""
    entries = []
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and PART_NAME.fullmatch(str(entry.get("part"))) \
                and (folder / entry["part"]).is_file():
            entries.append(entry)
    return entries


# ---------------------------------------------------------------- the folder

class PartitionedOutput:
    """A folder of parts, written like a formatter (`write`, `close`); `pending` filters
    the documents to score, leaving out those the folder holds already, and keeps the input
    errors for the errors file."""

    def __init__(self, folder: str | Path, fmt: str = "jsonl", versions: dict[str, str] | None = None,
                 fields: frozenset[str] = ALL, part_size: int = PART_SIZE) -> None:
        if fmt not in FORMATS:
            raise FramingError(f"{folder}: a folder of parts is written as jsonl or parquet; "
                               f"give --format jsonl or --format parquet (--format {fmt} writes one file)")
        if fmt == "parquet":
            require_pyarrow()
        self.name, self.folder, self.suffix, self.part_size = str(folder), Path(folder), FORMATS[fmt], part_size
        try:
            self.folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise FramingError(f"{folder}: cannot make the folder: {exc.strerror or exc}") from None
        self.run = {"models": dict(sorted((versions or {}).items())), "fields": fields_tag(fields)}
        self.entries = self._open()
        self.index: dict[tuple, tuple[str, int, str, bool]] = {}  # (source, id): part, row, digest, this run's models
        self.stale: dict[str, set[int]] = defaultdict(set)  # part: rows replaced or listed twice
        for entry in self.entries:
            same = {"models": entry.get("models"), "fields": entry.get("fields")} == self.run
            for row, (source, ident, identity) in enumerate(entry["articles"]):
                self._index((source, ident), (entry["part"], row, identity, same))
        self.next_number = 1 + max((int(PART_NAME.fullmatch(e["part"]).group(1)) for e in self.entries), default=-1)
        self.part = self.part_name = None
        self.articles: list[list] = []  # the open part's (source, id, digest)s
        self.written = self.skipped = self.replaced = 0
        self.new_parts: list[str] = []
        self.errors: list[InputError] = []

    def _open(self) -> list[dict]:
        """The manifest's entries; temporary files and unlisted parts are removed, and parts of
        another format refused."""
        entries = _manifest_entries(self.folder)
        listed = {entry["part"] for entry in entries}
        for path in self.folder.iterdir():
            if (path.name.startswith(".part-") and path.name.endswith(".tmp")) or \
                    (PART_NAME.fullmatch(path.name) and path.name not in listed):
                path.unlink()
        other = [name for name in listed if not name.endswith(self.suffix)]
        if other:
            raise FramingError(f"{self.folder}: holds {Path(other[0]).suffix[1:]} parts; write "
                               f"{self.suffix[1:]} parts to another folder")
        if (self.folder / MANIFEST).exists():
            self._save_manifest(entries)  # without lines for parts that are gone
        return entries

    def _index(self, key: tuple, place: tuple[str, int, str, bool]) -> None:
        old = self.index.get(key)
        if old is not None:
            self.stale[old[0]].add(old[1])
        self.index[key] = place

    def pending(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        """The items still to score: each document the folder does not hold for the same
        identity, text, models and fields, and every input error (kept for the errors file)."""
        for item in items:
            if isinstance(item, InputError):
                self.errors.append(item)
            else:
                held = self.index.get((item.source, item.id))
                if held is not None and held[3] and held[2] == digest(item):
                    self.skipped += 1
                    continue
            yield item

    def write(self, result: dict) -> None:
        if self.part is None:
            self.part_name = f"part-{self.next_number:05d}{self.suffix}"
            self.next_number += 1
            self.part = PARTS[self.suffix](self._temporary(self.part_name))
        self.part.write(result)
        key = (result["source"], result["id"])
        identity = digest(result)
        self._index(key, (self.part_name, len(self.articles), identity, True))
        self.articles.append([*key, identity])
        self.written += 1
        if len(self.articles) >= self.part_size:
            self._finish_part()

    def _temporary(self, name: str) -> Path:
        return self.folder / f".{name}.tmp"

    def _finish_part(self) -> None:
        """Rename the open part into place, then list it in the manifest."""
        self.part.close()
        os.replace(self._temporary(self.part_name), self.folder / self.part_name)
        entry = {"part": self.part_name, **self.run, "articles": self.articles}
        with open(self.folder / MANIFEST, "a", encoding="utf-8", newline="\n") as manifest:
            manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.entries.append(entry)
        self.new_parts.append(self.part_name)
        self.part, self.articles = None, []

    def close(self) -> None:
        """Finish the open part, drop replaced records from their parts, write the errors file."""
        if self.part is not None:
            self._finish_part()
        self._drop_stale()
        self._replace(ERRORS, "".join(json.dumps({"source": e.source, "reason": e.reason}, ensure_ascii=False)
                                      + "\n" for e in self.errors))

    def _drop_stale(self) -> None:
        """Rewrite each part with replaced records, without them, under a new number; list the
        new parts in place of the old, then remove the old."""
        if not self.stale:
            return
        entries, gone = [], []
        for entry in self.entries:
            rows = self.stale.get(entry["part"])
            if not rows:
                entries.append(entry)
                continue
            gone.append(entry["part"])
            kept = [i for i in range(len(entry["articles"])) if i not in rows]
            self.replaced += len(rows)
            if kept:
                name = f"part-{self.next_number:05d}{self.suffix}"
                self.next_number += 1
                part = PARTS[self.suffix](self._temporary(name))
                for i, result in enumerate(read_part(self.folder / entry["part"])):
                    if i not in rows:
                        part.write(result)
                part.close()
                os.replace(self._temporary(name), self.folder / name)
                entries.append({**entry, "part": name, "articles": [entry["articles"][i] for i in kept]})
        self._save_manifest(entries)
        for name in gone:
            (self.folder / name).unlink()
        self.entries, self.stale = entries, defaultdict(set)

    def _save_manifest(self, entries: list[dict]) -> None:
        self._replace(MANIFEST, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries))

    def _replace(self, name: str, text: str) -> None:
        """Write a small file of the folder whole: under a temporary name, then renamed."""
        temporary = self._temporary(name)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.folder / name)

    def summary(self) -> str:
        """One line on what the run did to the folder."""
        parts = len(self.new_parts)
        said = (f"{self.name}: {_count(self.written, 'article')} written in {_count(parts, 'new part')}"
                + (f" ({self.new_parts[0]}{' to ' + self.new_parts[-1] if parts > 1 else ''})" if parts else "")
                + (f", replacing {_count(self.replaced, 'older result')}" if self.replaced else "")
                + f", {self.skipped} skipped (already there for the same text and models)")
        if self.errors:
            said += f", {len(self.errors)} failed (listed in {self.folder / ERRORS})"
        return said


__all__ = ["PartitionedOutput", "is_folder", "read_folder", "read_part", "require_pyarrow"]
