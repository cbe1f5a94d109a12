"""Where model files live, and which version of each is in use.

The shipped models/ folder is installed as the package `framing.models` (setup.cfg maps
it), so the same files are found from a source checkout, an editable install and a wheel.
A user's folder of retrained models (`--models DIR`) overrides the shipped files it holds.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .. import dimensions
from ..errors import ModelError

SPLITTER_FILE = "punkt_news.json"
VOICE_FILE = "voice.json"


def shipped_models_dir() -> Path:
    try:
        from .. import models  # models/ installed as a subpackage
        return Path(models.__file__).resolve().parent
    except ImportError:
        return Path(__file__).resolve().parents[2] / "models"


def model_path(name: str) -> Path:
    return shipped_models_dir() / name


def model_files(directory: str | None = None) -> dict[str, Path]:
    """The file of each dimension's classifier: from `directory` where it has one, else the
    shipped one."""
    files = {}
    for task in dimensions.names():
        path = Path(directory) / f"{task}.npz" if directory else None
        if path is None or not path.is_file():
            path = shipped_models_dir() / f"{task}.npz"
        if not path.is_file():
            raise ModelError(f"{path}: no {task} model (train one with `framing train`)")
        files[task] = path
    return files


def voice_file(directory: str | None = None) -> Path:
    """The voice model's file: from `directory` where it has one, else the shipped one."""
    path = Path(directory) / VOICE_FILE if directory else None
    return path if path is not None and path.is_file() else shipped_models_dir() / VOICE_FILE


def model_versions(directory: str | None = None, thresholds: tuple[tuple[str, float], ...] = ()) -> dict[str, str]:
    """A version for each model in use, the voice model and the splitter included: a hash of its file's bytes,
    and the threshold where one replaces the model's own (it changes the verdicts).

    Cheap enough to compute without loading any model, so a fully cached run never does.
    """
    return _model_versions(directory, thresholds, dimensions.names())


@lru_cache(maxsize=8)
def _model_versions(directory: str | None, thresholds: tuple[tuple[str, float], ...],
                    names: tuple[str, ...]) -> dict[str, str]:
    files = dict(model_files(directory), voice=voice_file(directory), splitter=model_path(SPLITTER_FILE))
    chosen = dict(thresholds)
    return {name: f"{name}-{hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
                  + (f"@{chosen[name]:g}" if name in chosen else "")
            for name, path in files.items() if path.is_file()}
