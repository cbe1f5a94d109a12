"""--fields and --no-triggers: fewer fields computed and written, the same values for the
fields both results hold, and a cache that never serves a partial result for a full request."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main
from framing.output.rows import article_row
from framing.training.datasets import PTC_ARTICLES

IDENTITY = ["schema", "source", "path", "id", "title", "format", "metadata", "warnings", "content_sha256",
            "unit", "language"]
FULL_KEYS = IDENTITY[:-1] + ["language", "text", "models", "scores", "readability", "sentences"]


def run(*args) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def lines(*args) -> list[dict]:
    code, out, err = run("score", *args, "--format", "jsonl", "-j", "1")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def projected(full: dict, partial: dict) -> dict:
    """The full result cut down to the keys the partial one has, sentences and verdicts included."""
    out = {k: full[k] for k in partial if k != "sentences"}
    if "sentences" in partial:
        out["sentences"] = [{k: ({kk: vv for kk, vv in v.items() if kk in p[k]} if isinstance(v, dict)
                                 and k in ("loaded", "opinion", "speculative") else v)
                             for k, v in f.items()}
                            for f, p in zip(full["sentences"], partial["sentences"])]
    return out


def test_the_default_result_keeps_every_field():
    [result] = lines(CORPUS / "council_budget.txt", "--no-cache")
    assert list(result) == FULL_KEYS
    verdict = result["sentences"][0]["speculative"]
    assert list(verdict) == ["probability", "label", "triggers", "kinds"]


@pytest.mark.parametrize("fields, keys", [
    ("scores", IDENTITY + ["models", "scores"]),
    ("scores,text", IDENTITY + ["text", "models", "scores"]),
    ("readability,scores", IDENTITY + ["models", "scores", "readability"]),
    ("sentences", IDENTITY + ["models", "sentences"]),
    ("sentences,triggers,scores", IDENTITY + ["models", "scores", "sentences"]),
])
def test_fields_hold_what_the_full_result_holds(fields, keys):
    full = lines(CORPUS, "--no-cache")
    partial = lines(CORPUS, "--no-cache", "--fields", fields)
    assert len(partial) == len(full) == 13
    assert [list(p) for p in partial] == [keys] * 13
    assert [projected(f, p) for f, p in zip(full, partial)] == partial


def test_no_triggers_leaves_out_triggers_and_kinds_only():
    full = lines(CORPUS, "--no-cache")
    bare = lines(CORPUS, "--no-cache", "--no-triggers")
    assert [list(b) for b in bare] == [FULL_KEYS] * len(full)
    verdicts = [s[t] for b in bare for s in b["sentences"] for t in ("loaded", "opinion", "speculative") if s[t]]
    assert {tuple(v) for v in verdicts} == {("probability", "label")}
    assert [projected(f, b) for f, b in zip(full, bare)] == bare
    assert lines(CORPUS, "--no-cache", "--no-triggers") == lines(CORPUS, "--no-cache", "--fields",
                                                                  "scores,sentences,readability,text")


def test_csv_rows_are_those_of_the_full_results():
    """CSV computes no triggers and no sentence output, yet its rows are the full results'."""
    full = lines(CORPUS, "--no-cache")
    code, out, _ = run("score", CORPUS, "--format", "csv", "-j", "1", "--no-cache")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = [{k: "" if v is None else str(v) for k, v in article_row(f).items()} for f in full]
    assert [{k: row[k] for k in expected[0]} for row in rows] == expected


def test_a_cached_partial_result_is_not_served_for_a_full_request(tmp_path):
    cache = tmp_path / "c"
    scores_only = lines(CORPUS, "--cache-dir", cache, "--fields", "scores")
    full = lines(CORPUS, "--cache-dir", cache)
    assert [list(f) for f in full] == [FULL_KEYS] * len(full)
    assert lines(CORPUS, "--cache-dir", cache, "--fields", "scores") == scores_only  # from the cache
    assert lines(CORPUS, "--cache-dir", cache) == full
    assert lines(CORPUS, "--no-cache", "--fields", "scores") == scores_only


@pytest.mark.parametrize("args, message", [
    (["--fields", "triggers"], "--fields: triggers are part of the sentences; add sentences"),
    (["--fields", "scores,words"], "--fields 'scores,words': give a comma-separated list of scores, sentences, "
                                   "triggers, readability, text (no field words)"),
    (["--fields", "sentences,triggers", "--no-triggers", "--format", "json"], "--no-triggers contradicts --fields with triggers"),
    (["--fields", "scores", "--format", "csv"], "--fields and --no-triggers choose what jsonl, json and parquet output "
                                                "holds; --format csv shows what it shows"),
])
def test_bad_field_choices_are_usage_errors(args, message):
    code, out, err = run("score", CORPUS / "council_budget.txt", "--no-cache", *args)
    assert code == 2
    assert out == ""
    assert err == f"framing: error: {message}\n"


def test_ptc_sample_scores_only_equals_the_full_path(shared_data, tmp_path):
    sample = tmp_path / "ptc"
    sample.mkdir()
    for path in sorted((shared_data / PTC_ARTICLES).glob("*.txt"))[::12]:
        shutil.copy(path, sample / path.name)
    full = lines(sample, "--no-cache")
    for fields in ("scores", "scores,sentences"):
        partial = lines(sample, "--no-cache", "--fields", fields)
        assert len(partial) == len(full) == 31
        assert [projected(f, p) for f, p in zip(full, partial)] == partial
