"""A cache of scored articles, so that re-running over an unchanged corpus is close to instant.

Keyed by the article's text and everything that could change its result: the JSON schema,
framing's version, each model's version (a hash of its file), and the fields computed
(framing.pipeline.fields): a scores-only result is never served for a full request. A retrained model changes
the key, so everything is rescored. Stored in one SQLite file; only the main process writes.
The cache is disposable: a damaged file is replaced by an empty one, with a warning.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..errors import FramingError
from ..pipeline.fields import ALL, fields_tag
from ..pipeline.schema import SCHEMA

# Fields that belong to the input, not to the scoring: never cached (the text's hash is part
# of the key already).
IDENTITY = ("source", "path", "id", "title", "format", "metadata", "warnings", "content_sha256")
COMMIT_EVERY = 200
# How a result's JSON line starts (schema.document_dict's order): the IDENTITY fields follow.
_HEAD = json.dumps({"schema": SCHEMA})[:-1] + ", "


def _identity_json(identity: dict) -> str:
    return json.dumps({name: identity[name] for name in IDENTITY}, ensure_ascii=False)[1:-1] + ", "


def with_identity(stored: str, identity: dict) -> str | None:
    """A stored result's JSON line under `identity` (a document's or a result's IDENTITY
    fields); None if `stored` is not in the form `put` writes."""
    if not stored.startswith(_HEAD):
        return None
    return _HEAD + _identity_json(identity) + stored[len(_HEAD):]


def identity_end(line: str, stored: str) -> int:
    """Where a `with_identity` line goes on as `stored` did: past the identity fields."""
    return len(line) - len(stored) + len(_HEAD)


def without_identity(line: str, identity: dict) -> str | None:
    """The inverse of `with_identity`: the line as stored, or None if it is not of that form."""
    prefix = _HEAD + _identity_json(identity)
    return _HEAD + line[len(prefix):] if line.startswith(prefix) else None


def default_cache_dir() -> Path:
    base = os.environ.get("FRAMING_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "framing")
    return Path(base)


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """A file that is not a database or a damaged one; not a lock, a full disk or a bad query
    (SQLite reports those as subclasses)."""
    return type(exc) is sqlite3.DatabaseError


def _python_warning(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=3)


CACHE_FILE = "results.sqlite3"
SUFFIXES = ("", "-wal", "-shm", "-journal")
COLUMNS = {"stored": "REAL", "salt": "TEXT"}  # when an entry was written, and under which models


def cache_files(directory: Path) -> list[Path]:
    return [p for p in (Path(f"{directory / CACHE_FILE}{suffix}") for suffix in SUFFIXES) if p.exists()]


class ResultCache:
    def __init__(self, directory: Path, model_versions: dict[str, str],
                 warn: Callable[[str], None] = _python_warning, max_bytes: int | None = None) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / CACHE_FILE
        self.max_bytes = max_bytes
        self.warn = warn
        self.rebuilt = False
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
        self.salt = json.dumps([SCHEMA, __version__, sorted(model_versions.items())])
        self.pending = 0
        self.hits = self.misses = 0

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            have = {row[1] for row in db.execute("PRAGMA table_info(results)")}
            for name, kind in COLUMNS.items():
                if name not in have:  # a cache written before entries carried these
                    db.execute(f"ALTER TABLE results ADD COLUMN {name} {kind}")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _rebuild(self, exc: sqlite3.DatabaseError) -> None:
        """Replace a damaged cache file with an empty one, once; anything else is raised."""
        if not _damaged(exc) or self.rebuilt:
            raise exc
        if getattr(self, "db", None) is not None:
            self.db.close()
        for suffix in SUFFIXES:
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.rebuilt = True
        self.warn(f"{self.path}: the cache was damaged ({exc}); starting an empty one")
        self.db = self._open()
        self.pending = 0

    def key(self, text: str, fields: frozenset[str] = ALL, unit: str = "article") -> str:
        """The full result's key has no fields in it, as before fields could be chosen; a
        sentence record's key says so (the same text as an article is segmented)."""
        tag = fields_tag(fields)
        head = self.salt + "\0" + (f"fields={tag}\0" if tag else "") + (f"unit={unit}\0" if unit != "article" else "")
        return hashlib.sha256((head + text).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, text: str, fields: frozenset[str] = ALL, unit: str = "article") -> str | None:
        """The stored result with these fields for this text, as its JSON (everything but the
        IDENTITY fields)."""
        try:
            row = self.db.execute("SELECT value FROM results WHERE key = ?", (self.key(text, fields, unit),)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
            row = None
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return row[0]

    def put(self, result: dict, text: str | None = None, fields: frozenset[str] = ALL) -> None:
        """Store the result with these fields of `text` (by default the result's own); one that
        comes with its JSON line (see batch.result.Result) is not encoded again."""
        line = getattr(result, "json_line", None)
        stored = without_identity(line, result) if line else None
        if stored is None:
            stored = json.dumps({k: v for k, v in result.items() if k not in IDENTITY}, ensure_ascii=False)
        key = self.key(result["text"] if text is None else text, fields, result.get("unit", "article"))
        row = (key, stored, time.time(), self.salt)
        insert = "INSERT OR REPLACE INTO results (key, value, stored, salt) VALUES (?, ?, ?, ?)"
        try:
            self.db.execute(insert, row)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
            self.db.execute(insert, row)
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self.pending = 0

    def close(self) -> None:
        self.commit()
        if self.max_bytes is not None:
            self.shrink(self.max_bytes)
        self.db.close()

    def shrink(self, max_bytes: int) -> int:
        """Evict the oldest entries until the cache file fits in `max_bytes`; how many went."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if _size(self.path.parent) <= max_bytes:
            return 0
        evicted, budget = 0, max_bytes * 0.9  # room for SQLite's own pages and the key's index
        while _size(self.path.parent) > max_bytes:
            sizes = self.db.execute("SELECT key, LENGTH(key) * 2 + LENGTH(value) + 64 FROM results "
                                    "ORDER BY COALESCE(stored, 0) DESC").fetchall()
            kept = 0
            for n, (_, size) in enumerate(sizes):  # newest first
                if kept + size > budget:
                    break
                kept += size
            else:
                n = len(sizes)
            if n == len(sizes):  # everything fits by the estimate, yet the file does not: SQLite's overhead
                n = max(0, len(sizes) - 1)
            self.db.executemany("DELETE FROM results WHERE key = ?", [(key,) for key, _ in sizes[n:]])
            self.db.commit()
            self.db.execute("VACUUM")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            evicted += len(sizes) - n
            budget *= 0.8
            if not sizes:
                break
        return evicted


def _size(directory: Path) -> int:
    """The bytes of the database and its write-ahead log (the -shm index is not data: it goes
    when the last connection closes)."""
    return sum(p.stat().st_size for p in cache_files(directory) if not p.name.endswith("-shm"))


def cache_info(directory: Path) -> dict:
    """Where the cache is, its size on disk, its entries, and how many were scored by which
    models (framing's version and each model's)."""
    info = {"location": str(directory / CACHE_FILE), "bytes": _size(directory), "entries": 0, "models": []}
    if not (directory / CACHE_FILE).exists():
        return info
    db = sqlite3.connect(directory / CACHE_FILE, timeout=30)
    try:
        info["entries"] = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        have = {row[1] for row in db.execute("PRAGMA table_info(results)")}
        rows = db.execute("SELECT salt, COUNT(*) FROM results GROUP BY salt ORDER BY MAX(stored) DESC").fetchall() \
            if "salt" in have else [(None, info["entries"])]
    except sqlite3.DatabaseError as exc:
        raise FramingError(f"{directory / CACHE_FILE}: not a readable cache ({exc}); `framing cache clear` "
                           "removes it") from None
    finally:
        db.close()
    for salt, count in rows:
        schema, version, versions = json.loads(salt) if salt else (None, None, [])
        info["models"].append({"framing": version, "schema": schema, "versions": dict(versions), "entries": count})
    return info


def clear_cache(directory: Path) -> int:
    """Remove the cache; the bytes it took."""
    size = _size(directory)
    for path in cache_files(directory):
        path.unlink()
    return size


def format_info(info: dict) -> str:
    lines = [f"location: {info['location']}", f"size: {info['bytes'] / 1e6:.2f} MB", f"entries: {info['entries']}"]
    for group in info["models"]:
        models = ", ".join(group["versions"].values()) if group["versions"] else "unknown (written by an older framing)"
        lines.append(f"  {group['entries']} scored by framing {group['framing'] or '?'}: {models}")
    return "\n".join(lines) + "\n"
