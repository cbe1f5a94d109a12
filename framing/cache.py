"""A cache of scored articles, so that re-running over an unchanged corpus is close to instant.

Keyed by the article's text and everything that could change its result: the JSON schema,
framing's version and each model's version (a hash of its file). A retrained model changes
the key, so everything is rescored. Stored in one SQLite file; only the main process writes.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from . import __version__
from .schema import SCHEMA

# Fields that belong to where an article was found, not to what it says: never cached.
IDENTITY = ("source", "path", "id", "title", "format", "metadata", "warnings")
COMMIT_EVERY = 200


def default_cache_dir() -> Path:
    base = os.environ.get("FRAMING_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "framing")
    return Path(base)


class ResultCache:
    def __init__(self, directory: Path, model_versions: dict[str, str]) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "results.sqlite3"
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.salt = json.dumps([SCHEMA, __version__, sorted(model_versions.items())])
        self.pending = 0
        self.hits = self.misses = 0

    def key(self, text: str) -> str:
        return hashlib.sha256((self.salt + "\0" + text).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, text: str) -> str | None:
        """The stored result for this text, as its JSON (everything but the IDENTITY fields)."""
        row = self.db.execute("SELECT value FROM results WHERE key = ?", (self.key(text),)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return row[0]

    def put(self, result: dict) -> None:
        value = {k: v for k, v in result.items() if k not in IDENTITY}
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)",
                        (self.key(result["text"]), json.dumps(value, ensure_ascii=False)))
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self.pending = 0

    def close(self) -> None:
        self.commit()
        self.db.close()
