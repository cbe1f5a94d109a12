"""Where model files live: the shipped `models/` folder, or a folder the user names."""
from __future__ import annotations

from pathlib import Path

# setup.cfg maps the repository's models/ folder to the package framing.models, so the same
# files are found from a source checkout, an editable install and a wheel.
SHIPPED_MODELS = Path(__file__).resolve().parent.parent / "models"


def shipped_models_dir() -> Path:
    try:
        from . import models  # installed from a wheel: models/ is a subpackage
        return Path(models.__file__).resolve().parent
    except ImportError:
        return SHIPPED_MODELS


def model_path(name: str) -> Path:
    return shipped_models_dir() / name
