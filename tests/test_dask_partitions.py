"""-o DIR/ on the Dask engine (a real LocalCluster, the fixtures of test_dask): the same parts,
record for record, as one process writes, and a re-run that sends nothing to the cluster."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.batch.partitions import read_folder
from framing.cli import main

pytest.importorskip("distributed")

from test_dask import client, no_network  # noqa: E402,F401  (the cluster, and loopback allowed)


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["score", *[str(a) for a in args]])
    return result.exit_code, result.stderr


def test_the_dask_engine_writes_the_parts_one_process_writes(client, tmp_path):
    here, remote = tmp_path / "here", tmp_path / "remote"
    assert run(CORPUS, "--format", "jsonl", "-o", f"{here}/", "--part-size", "3", "-j", "1", "--no-cache")[0] == 0
    code, err = run(CORPUS, "--format", "jsonl", "-o", f"{remote}/", "--part-size", "3", "--no-cache",
                    "--scheduler", client.scheduler.address)
    assert code == 0, err
    names = sorted(p.name for p in here.iterdir() if p.name.startswith("part-"))
    assert len(names) == 5
    assert [(remote / n).read_text() for n in names] == [(here / n).read_text() for n in names]
    assert len(list(read_folder(remote))) == 13
    # A re-run skips everything: an unreachable scheduler is never contacted.
    code, err = run(CORPUS, "--format", "jsonl", "-o", remote, "--no-cache", "--scheduler", "tcp://127.0.0.1:1")
    assert code == 0, err
    assert "0 articles written in 0 new parts, 13 skipped" in err
    assert [json.loads(line)["source"] for line in (remote / "part-00000.jsonl").read_text().splitlines()] == \
        [str(CORPUS / name) for name in ("alarm_strait_commentary.txt", "council_budget.txt",
                                         "court_fraud_sentencing.txt")]
