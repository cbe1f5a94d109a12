"""A cache of scored articles, so that re-running over an unchanged corpus is close to instant.

Keyed by the article's text and everything that could change its result: the JSON schema,
framing's version and each model's version (a hash of its file). A retrained model changes
the key, so everything is rescored. Stored in one SQLite file; only the main process writes.
The cache is disposable: a damaged file is replaced by an empty one, with a warning.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .schema import SCHEMA

# Fields that belong to where an article was found, not to what it says: never cached.
IDENTITY = ("source", "path", "id", "title", "format", "metadata", "warnings")
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


class ResultCache:
    def __init__(self, directory: Path, model_versions: dict[str, str],
                 warn: Callable[[str], None] = _python_warning) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "results.sqlite3"
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
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.rebuilt = True
        self.warn(f"{self.path}: the cache was damaged ({exc}); starting an empty one")
        self.db = self._open()
        self.pending = 0

    def key(self, text: str) -> str:
        return hashlib.sha256((self.salt + "\0" + text).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, text: str) -> str | None:
        """The stored result for this text, as its JSON (everything but the IDENTITY fields)."""
        try:
            row = self.db.execute("SELECT value FROM results WHERE key = ?", (self.key(text),)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
            row = None
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return row[0]

    def put(self, result: dict) -> None:
        """Store a result; one that comes with its JSON line (see batch.Result) is not encoded again."""
        line = getattr(result, "json_line", None)
        stored = without_identity(line, result) if line else None
        if stored is None:
            stored = json.dumps({k: v for k, v in result.items() if k not in IDENTITY}, ensure_ascii=False)
        row = (self.key(result["text"]), stored)
        try:
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", row)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", row)
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self.pending = 0

    def close(self) -> None:
        self.commit()
        self.db.close()
