"""Model files are verified against the manifest and never unpickled."""
import io
import json
import pickle
import shutil

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.classifiers.linear import LinearModel
from framing.classifiers.manifest import MANIFEST, record
from framing.classifiers.models_dir import shipped_models_dir
from framing.cli import main

ARTICLE = str(CORPUS / "wire_port_strike.txt")


class Payload:
    """Unpickling this runs a shell-free side effect: it creates a marker file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


@pytest.fixture
def models(tmp_path):
    folder = tmp_path / "models"
    shutil.copytree(shipped_models_dir(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def score_with(folder):
    return CliRunner().invoke(main, ["score", ARTICLE, "--models", str(folder), "--no-cache"])


def test_shipped_models_are_all_listed_and_verified():
    listed = json.loads((shipped_models_dir() / MANIFEST).read_text())["files"]
    assert set(listed) == {"loaded.npz", "opinion.npz", "speculative.npz", "punkt_news.json", "voice.json"}
    assert score_with(shipped_models_dir()).exit_code == 0


def test_an_altered_model_is_refused(models):
    data = bytearray((models / "opinion.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (models / "opinion.npz").write_bytes(bytes(data))
    result = score_with(models)
    assert result.exit_code == 2
    assert result.stderr == (f"framing: error: {models / 'opinion.npz'}: checksum does not match "
                             f"{MANIFEST} (truncated or altered); refusing to load it\n")


def test_a_truncated_model_is_refused(models):
    data = (models / "loaded.npz").read_bytes()
    (models / "loaded.npz").write_bytes(data[: len(data) // 3])
    result = score_with(models)
    assert result.exit_code == 2
    assert "checksum does not match" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_pickle_is_never_executed_even_with_a_matching_checksum(models, tmp_path):
    marker = tmp_path / "pwned"
    (models / "speculative.npz").write_bytes(pickle.dumps(Payload(marker)))
    record(models / "speculative.npz")  # an attacker who can write files can write the manifest too
    result = score_with(models)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"framing: error: {models / 'speculative.npz'}: not a framing model file")
    assert not marker.exists()


def test_an_npz_holding_a_pickled_object_is_refused(models, tmp_path):
    marker = tmp_path / "pwned"
    buffer = io.BytesIO()
    np.savez(buffer, terms=np.array([Payload(marker)], dtype=object))
    (models / "loaded.npz").write_bytes(buffer.getvalue())
    record(models / "loaded.npz")
    result = score_with(models)
    assert result.exit_code == 2
    assert "not a framing model file" in result.stderr
    assert not marker.exists()


def test_a_model_of_an_unknown_format_is_refused(models):
    buffer = io.BytesIO()
    np.savez(buffer, terms=np.array(["a"]), idf=np.ones(1), coef=np.ones(1),
             meta=np.array(json.dumps({"format": "someone-elses/9"})))
    (models / "opinion.npz").write_bytes(buffer.getvalue())
    record(models / "opinion.npz")
    result = score_with(models)
    assert result.exit_code == 2
    assert result.stderr == (f"framing: error: {models / 'opinion.npz'}: unknown model format "
                             "'someone-elses/9'; retrain it\n")


def test_a_model_missing_from_the_manifest_is_refused(models):
    manifest = json.loads((models / MANIFEST).read_text())
    del manifest["files"]["loaded.npz"]
    (models / MANIFEST).write_text(json.dumps(manifest))
    result = score_with(models)
    assert result.exit_code == 2
    assert f"not listed in {models / MANIFEST}" in result.stderr


def _previous_layout(path):
    """The model file at `path` as framing-linear/2 stored it: strings as fixed-width unicode arrays."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    meta = json.loads(str(arrays["meta"]))
    for key, array in arrays.items():
        if key == "terms" or key.startswith("lexicon_"):
            arrays[key] = np.array(array.tobytes().decode("utf-8").split("\n")[:-1], dtype=str)
    arrays["meta"] = np.array(json.dumps(dict(meta, format="framing-linear/2"), sort_keys=True))
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    path.write_bytes(buffer.getvalue())
    record(path)


def test_a_model_of_the_previous_layout_scores_the_same(models):
    """Terms stored as UTF-8 text (framing-linear/3) load faster; files of /2 still load."""
    before = score_with(models)
    for name in ("loaded", "opinion", "speculative"):
        _previous_layout(models / f"{name}.npz")
    after = score_with(models)
    assert before.exit_code == after.exit_code == 0
    assert before.output == after.output


def test_a_term_holding_a_line_break_is_not_saved(tmp_path):
    model = LinearModel.load(shipped_models_dir() / "loaded.npz")
    model.vocabulary = {**model.vocabulary, "two\nlines": len(model.vocabulary)}
    with pytest.raises(ValueError, match="line break"):
        model.save(tmp_path / "loaded.npz")
