"""Checksums of model files, verified before a model is loaded.

`framing train` records the SHA-256 of every file it writes in MANIFEST.json beside it; a
model file that is missing from the manifest, truncated or altered is refused before any of
its bytes are parsed.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import ModelError

MANIFEST = "MANIFEST.json"
FORMAT = "framing-manifest/1"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(directory: Path) -> dict:
    path = directory / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"format": FORMAT, "files": {}}
    except (ValueError, UnicodeDecodeError):
        raise ModelError(f"{path}: not a valid manifest") from None
    if data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
        raise ModelError(f"{path}: not a framing manifest")
    return data


def record(path: Path) -> None:
    """Add (or update) the checksum of a file just written to its folder's manifest."""
    manifest = _read(path.parent)
    manifest["files"][path.name] = sha256(path)
    manifest["files"] = dict(sorted(manifest["files"].items()))
    (path.parent / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def verify(path: Path) -> bytes:
    """The file's bytes, once they match the checksum its folder's manifest records."""
    expected = _read(path.parent)["files"].get(path.name)
    if expected is None:
        raise ModelError(f"{path}: not listed in {path.parent / MANIFEST}; refusing an unverified model "
                         "(files written by `framing train` are listed)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"{path}: {exc.strerror or 'cannot be read'}") from None
    if hashlib.sha256(data).hexdigest() != expected:
        raise ModelError(f"{path}: checksum does not match {MANIFEST} (truncated or altered); "
                         "refusing to load it")
    return data
