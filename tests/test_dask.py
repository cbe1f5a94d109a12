"""The Dask engine on a real LocalCluster (2 worker processes, 1 thread each): the same
results, in the same order, as the single-machine path; a restarted worker loses nothing;
bad inputs are reported the same way."""
from __future__ import annotations

import ipaddress
import json
import os
import pickle
import socket
import sys

import pytest
from click.testing import CliRunner
from conftest import CORPUS, NetworkBlocked

import framing
from framing.batch import dask_engine
from framing.batch.engines import score_paths
from framing.batch.local import Batch
from framing.cli import main
from framing.errors import InputError
from framing.reading.files import read_documents
from framing.training.datasets import ptc_article_paths

distributed = pytest.importorskip("distributed")

PTC_SUBSET = 60  # of the 371 PTC articles: enough for many tasks on both workers, in seconds


def _loopback(host) -> bool:
    if host in (None, "localhost", "", b"localhost"):
        return True
    try:
        return ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The cluster talks over loopback TCP; anything else still fails."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection, getaddrinfo = socket.create_connection, socket.getaddrinfo

    def guard(real, address_of):
        def call(*args, **kwargs):
            address = address_of(*args, **kwargs)
            if isinstance(address, tuple) and not _loopback(address[0]):
                raise NetworkBlocked(f"network access attempted during a test: {address}")
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(socket.socket, "connect", guard(connect, lambda self, address: address))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(connect_ex, lambda self, address: address))
    monkeypatch.setattr(socket, "create_connection", guard(create_connection, lambda address, *a, **k: address))
    monkeypatch.setattr(socket, "getaddrinfo", guard(getaddrinfo, lambda host, port, *a, **k: (host, port)))


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def _plain(results) -> list:
    return [f"error: {r}" if isinstance(r, InputError) else json.dumps(r, sort_keys=True) for r in results]


def _local(paths) -> list:
    return _plain(Batch(1).run(read_documents([str(p) for p in paths])))


def _dask(client, paths) -> list:
    return _plain(dask_engine.DaskBatch(client=client).run(read_documents([str(p) for p in paths])))


def test_corpus_equals_the_single_machine_path_record_for_record(client):
    local = _local([CORPUS])
    assert len(local) == 13
    assert _dask(client, [CORPUS]) == local


def test_ptc_articles_equal_the_single_machine_path(client, shared_data, monkeypatch):
    monkeypatch.setattr(dask_engine, "FILES_PER_TASK", 4)  # 15 tasks over the two workers
    paths = ptc_article_paths(shared_data)[:PTC_SUBSET]
    local = _local(paths)
    assert len(local) == PTC_SUBSET
    assert _dask(client, paths) == local


def test_a_worker_restarted_mid_run_loses_nothing(client, monkeypatch):
    monkeypatch.setattr(dask_engine, "FILES_PER_TASK", 1)  # one task per article: many in flight
    paths = [CORPUS] * 3
    local = _local(paths)
    before = client.run(os.getpid)
    victim = sorted(before)[0]
    results = []
    for result in dask_engine.DaskBatch(client=client).run(read_documents([str(p) for p in paths])):
        results.append(result)
        if len(results) == 2:  # tasks are queued on both workers: take one of them down
            client.restart_workers([victim])
    after = client.run(os.getpid)
    assert len(after) == 2 and set(after.values()) != set(before.values())  # a worker process was replaced
    assert _plain(results) == local


def test_bad_inputs_are_reported_as_on_one_machine(client, tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "good.txt").write_text((CORPUS / "council_budget.txt").read_text(encoding="utf-8"), encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": "Officials said the storm could strengthen overnight."}),
             "{not json",
             json.dumps({"id": "b", "text": "The council approved the budget on Tuesday."})]
    (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = [tmp_path, tmp_path / "missing.txt"]
    local = _local(paths)
    assert [line for line in local if line.startswith("error:")] == [
        f"error: {tmp_path / 'blob.txt'}: binary data, not text",
        f"error: {tmp_path / 'records.jsonl'}:2: invalid JSON: Expecting property name enclosed in double quotes",
        f"error: {tmp_path / 'missing.txt'}: no such file or directory"]
    assert len(local) == 6
    assert _dask(client, paths) == local


def test_the_command_line_on_a_scheduler_prints_what_the_local_run_prints(client):
    runner = CliRunner()
    args = ["score", str(CORPUS), "--format", "jsonl", "--no-cache", "-q"]
    local = runner.invoke(main, args + ["--jobs", "1"])
    remote = runner.invoke(main, args + ["--scheduler", client.scheduler.address])
    assert local.exit_code == remote.exit_code == 0
    assert remote.output == local.output and len(local.output.splitlines()) == 13


def test_sentence_records_on_a_scheduler_equal_the_local_run(client, tmp_path):
    path = tmp_path / "sentences.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "Officials said the bridge could close next week."}) + "\n{broken\n"
                    + json.dumps({"id": 3, "text": "The council approved the budget."}) + "\n")
    runner = CliRunner()
    args = ["score", "--unit", "sentence", str(path), "--format", "jsonl", "--no-cache", "-q"]
    local = runner.invoke(main, args + ["--jobs", "1"])
    remote = runner.invoke(main, args + ["--scheduler", client.scheduler.address])
    assert local.exit_code == remote.exit_code == 2
    assert remote.stdout == local.stdout and len(local.stdout.splitlines()) == 2
    assert remote.stderr == local.stderr and ":2: invalid JSON" in local.stderr


def test_the_library_call_on_a_scheduler_equals_the_local_one(client):
    local = _plain(framing.score_paths([str(CORPUS)], jobs=1))
    assert _plain(framing.score_paths([str(CORPUS)], scheduler=client.scheduler.address)) == local


def test_a_cached_rerun_sends_nothing_to_the_cluster(client, tmp_path):
    first = _plain(score_paths([str(CORPUS)], scheduler=client.scheduler.address, cache=tmp_path))
    batch = dask_engine.DaskBatch(scheduler="tcp://127.0.0.1:1")  # never reached: every article is cached
    from framing.batch.cache import ResultCache
    from framing.classifiers.models_dir import model_versions

    batch.cache = ResultCache(tmp_path, model_versions())
    assert _plain(batch.run(read_documents([str(CORPUS)]))) == first
    assert batch.client is None and batch.cache.hits == 13


def test_input_errors_travel_between_processes_whole():
    error = pickle.loads(pickle.dumps(InputError("a.jsonl:3", "invalid JSON")))
    assert (error.source, error.reason, str(error)) == ("a.jsonl:3", "invalid JSON", "a.jsonl:3: invalid JSON")


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(main, ["score", str(CORPUS), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.output == ("framing: error: --engine dask needs Dask and distributed: "
                             "pip install 'framing[dask]'\n")
