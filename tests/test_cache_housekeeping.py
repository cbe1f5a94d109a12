"""framing cache info|clear, and the cache size limit."""
import time

from click.testing import CliRunner
from conftest import CORPUS

from framing.batch.cache import ResultCache, cache_info
from framing.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_info_names_the_place_the_entries_and_the_models_and_clear_empties_it(tmp_path):
    cache = tmp_path / "c"
    assert run("score", CORPUS, "--format", "jsonl", "--cache-dir", cache).exit_code == 0
    versions = run("models").output  # one line per model, its version first
    info = run("cache", "info", "--cache-dir", cache)
    lines = info.output.splitlines()
    assert info.exit_code == 0
    assert lines[0] == f"location: {cache / 'results.sqlite3'}"
    assert lines[1].startswith("size: 0.") and lines[1].endswith(" MB")
    assert lines[2] == "entries: 13"
    assert lines[3].startswith("  13 scored by framing 0.1.0: ")
    assert [v.split()[0] for v in versions.splitlines()] == lines[3].split(": ")[1].split(", ")[:3]
    cleared = run("cache", "clear", "--cache-dir", cache)
    assert cleared.exit_code == 0 and cleared.output.startswith(f"removed {cache}: 0.")
    assert run("cache", "info", "--cache-dir", cache).output.splitlines()[1:3] == ["size: 0.00 MB", "entries: 0"]


def test_a_size_limit_evicts_the_oldest_entries(tmp_path):
    cache = tmp_path / "c"
    files = sorted(CORPUS.glob("*.txt"))[:4]
    for path in files:
        assert run("score", path, "--format", "json", "--cache-dir", cache).exit_code == 0
        time.sleep(0.01)
    assert cache_info(cache)["entries"] == 4
    one_entry = cache_info(cache)["bytes"] // 4
    assert run("score", files[-1], "--format", "json", "--cache-dir", cache,
               "--cache-max-mb", 2.5 * one_entry / 1e6).exit_code == 0
    info = cache_info(cache)
    assert 0 < info["entries"] < 4 and info["bytes"] <= 2.5 * one_entry
    versions = info["models"][0]["versions"]
    kept = ResultCache(cache, versions)
    texts = [path.read_text(encoding="utf-8") for path in files]
    present = [kept.get(text) is not None for text in texts]
    kept.close()
    assert present == sorted(present) and present[-1]  # what remains is the newest


def test_the_limit_can_come_from_the_environment(tmp_path, monkeypatch):
    cache = tmp_path / "c"
    monkeypatch.setenv("FRAMING_CACHE_MAX_MB", "0")
    assert run("score", CORPUS / "council_budget.txt", "--cache-dir", cache).exit_code == 0
    assert cache_info(cache)["entries"] == 0
