"""-o DIR/: parts that hold what one stream holds, record for record; a re-run that reads the
manifest and skips what the folder holds; changed articles and models scored again; bad
inputs in the errors file; parts written whole or not at all; Parquet both ways."""
from __future__ import annotations

import json
import shutil
import sys

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing.batch import partitions
from framing.batch.partitions import ERRORS, MANIFEST, read_folder
from framing.cli import main


def run(*args) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["score", *[str(a) for a in args]])
    return result.exit_code, result.stdout, result.stderr


def stream(*paths, extra=()) -> list[dict]:
    """What one JSON Lines stream holds for these inputs."""
    code, out, err = run(*paths, "--format", "jsonl", "-j", "1", *extra)
    assert code in (0, 2), err
    return [json.loads(line) for line in out.splitlines()]


def by_source(records: list[dict]) -> list[dict]:
    return sorted(records, key=lambda r: r["source"])


def parts(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("part-"))


@pytest.fixture
def corpus(tmp_path):
    """A copy of corpus/ that a test may change."""
    return shutil.copytree(CORPUS, tmp_path / "corpus")


def test_parts_hold_what_one_stream_holds_record_for_record(tmp_path):
    out = tmp_path / "out"
    code, stdout, err = run(CORPUS, "--format", "jsonl", "-o", f"{out}/", "--part-size", "4", "-j", "2")
    assert code == 0, err
    assert stdout == ""
    assert parts(out) == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl", "part-00003.jsonl"]
    lines = [(out / name).read_text(encoding="utf-8").splitlines() for name in parts(out)]
    assert [len(part) for part in lines] == [4, 4, 4, 1]
    single = stream(CORPUS)
    assert [json.loads(line) for part in lines for line in part] == single
    assert list(read_folder(out)) == single
    assert all(r["content_sha256"] and r["models"] for r in single)
    assert (out / ERRORS).read_text() == ""
    assert err == (f"framing: {out}/: 13 articles written in 4 new parts (part-00000.jsonl to part-00003.jsonl), "
                   "0 skipped (already there for the same text and models)\n")
    assert sorted(p.name for p in out.iterdir()) == [ERRORS, MANIFEST] + parts(out)  # no temporary file left


def test_a_rerun_skips_every_article_reading_the_manifest_only(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run(CORPUS, "--format", "jsonl", "-o", f"{out}/", "--part-size", "5")[0] == 0
    before = {name: (out / name).read_bytes() for name in parts(out) + [MANIFEST]}

    def no_part_read(path):
        raise AssertionError(f"a re-run read {path}")

    monkeypatch.setattr(partitions, "read_part", no_part_read)
    code, _, err = run(CORPUS, "--format", "jsonl", "-o", out)  # an existing folder needs no trailing /
    assert code == 0, err
    assert err == f"framing: {out}: 0 articles written in 0 new parts, 13 skipped (already there for the same text and models)\n"
    assert {name: (out / name).read_bytes() for name in parts(out) + [MANIFEST]} == before


def test_a_changed_file_is_the_only_one_scored_again(corpus, tmp_path):
    out = tmp_path / "out"
    assert run(corpus, "--format", "jsonl", "-o", f"{out}/", "--part-size", "5", "-j", "1")[0] == 0
    first = {r["source"]: r for r in read_folder(out)}
    changed = corpus / "council_budget.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nCritics called the plan a disgrace.\n",
                       encoding="utf-8")
    code, _, err = run(corpus, "--format", "jsonl", "-o", f"{out}/", "--part-size", "5", "-j", "1")
    assert code == 0, err
    assert err == (f"framing: {out}/: 1 article written in 1 new part (part-00003.jsonl), replacing 1 older result, "
                   "12 skipped (already there for the same text and models)\n")
    after = list(read_folder(out))
    assert by_source(after) == by_source(stream(corpus))  # each input once, as a fresh run writes it
    rescored = [r for r in after if r["content_sha256"] != first[r["source"]]["content_sha256"]]
    assert [r["source"] for r in rescored] == [str(changed)]
    assert parts(out) == ["part-00001.jsonl", "part-00002.jsonl", "part-00003.jsonl", "part-00004.jsonl"]


def test_other_models_score_everything_again(tmp_path):
    out = tmp_path / "out"
    assert run(CORPUS, "--format", "jsonl", "-o", f"{out}/")[0] == 0
    code, _, err = run(CORPUS, "--format", "jsonl", "-o", f"{out}/", "--threshold", "loaded=0.7")
    assert code == 0, err
    assert "13 articles written in 1 new part (part-00001.jsonl), replacing 13 older results, 0 skipped" in err
    assert parts(out) == ["part-00001.jsonl"]
    assert list(read_folder(out)) == stream(CORPUS, extra=("--threshold", "loaded=0.7"))


def test_bad_inputs_are_in_the_errors_file_and_every_good_result_is_there(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "blob.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copy(CORPUS / "council_budget.txt", inputs / "good.txt")
    lines = [json.dumps({"id": "a", "text": "Officials said the storm could strengthen overnight."}), "{not json",
             json.dumps({"id": "b", "text": "The council approved the budget on Tuesday."})]
    (inputs / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(inputs, "--format", "jsonl", "-o", f"{out}/", "--part-size", "2")
    assert code == 2
    assert err.splitlines() == [
        f"framing: error: {inputs / 'blob.txt'}: binary data, not text",
        f"framing: error: {inputs / 'records.jsonl'}:2: invalid JSON: Expecting property name enclosed in double quotes",
        f"framing: {out}/: 3 articles written in 2 new parts (part-00000.jsonl to part-00001.jsonl), 0 skipped "
        f"(already there for the same text and models), 2 failed (listed in {out / ERRORS})",
        "framing: error: 2 of 5 inputs failed"]
    assert [json.loads(line) for line in (out / ERRORS).read_text().splitlines()] == [
        {"source": str(inputs / "blob.txt"), "reason": "binary data, not text"},
        {"source": f"{inputs / 'records.jsonl'}:2", "reason": "invalid JSON: Expecting property name enclosed in double quotes"}]
    assert list(read_folder(out)) == stream(inputs)
    # The folder inside the inputs is this run's output: it is not read as input.
    nested = inputs / "scores"
    code, _, err = run(inputs, "--format", "jsonl", "-o", f"{nested}/")
    assert code == 2 and "3 articles written" in err
    code, _, err = run(inputs, "--format", "jsonl", "-o", nested)
    assert "0 articles written in 0 new parts, 3 skipped" in err
    assert err.splitlines()[-1] == "framing: error: 2 of 5 inputs failed"  # neither parts nor manifest read


def test_a_crash_leaves_no_part_that_looks_complete(tmp_path):
    """What a crash can leave: a part still under its temporary name, a part renamed but not
    listed, a manifest line cut short. The next run removes them and scores those articles."""
    out = tmp_path / "out"
    assert run(CORPUS, "--format", "jsonl", "-o", f"{out}/", "--part-size", "5")[0] == 0
    manifest = (out / MANIFEST).read_text().splitlines()
    (out / MANIFEST).write_text("\n".join(manifest[:2]) + "\n" + manifest[2][:40])  # the last listing cut short
    (out / ".part-00009.jsonl.tmp").write_text('{"schema": "framing/1", "source": "half')
    code, _, err = run(CORPUS, "--format", "jsonl", "-o", f"{out}/", "--part-size", "5")
    assert code == 0, err
    assert "3 articles written in 1 new part (part-00002.jsonl), 10 skipped" in err
    assert sorted(p.name for p in out.iterdir()) == [ERRORS, MANIFEST, "part-00000.jsonl", "part-00001.jsonl",
                                                     "part-00002.jsonl"]
    assert list(read_folder(out)) == stream(CORPUS)


def test_usage_errors(tmp_path):
    code, out, err = run(CORPUS, "--format", "parquet")
    assert (code, out, err) == (2, "", "framing: error: --format parquet writes a folder of parts: give -o DIR/\n")
    code, _, err = run(CORPUS, "-o", f"{tmp_path}/")
    assert (code, err) == (2, f"framing: error: {tmp_path}/: a folder of parts is written as jsonl or parquet; give "
                              "--format jsonl or --format parquet (--format text writes one file)\n")
    code, _, err = run(CORPUS, "--format", "jsonl", "-o", f"{tmp_path}/missing/out/")
    assert (code, err) == (2, f"framing: error: {tmp_path}/missing/out/: cannot write it: folder "
                              f"{tmp_path}/missing does not exist\n")


def test_without_pyarrow_parquet_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, out, err = run(CORPUS, "--format", "parquet", "-o", f"{tmp_path}/out/")
    assert (code, out, err) == (2, "", "framing: error: --format parquet needs pyarrow: pip install 'framing[parquet]'\n")


def test_parquet_parts_round_trip_to_the_json_results(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow: pip install 'framing[parquet]'")
    out = tmp_path / "out"
    code, _, err = run(CORPUS, "--format", "parquet", "-o", f"{out}/", "--part-size", "5", "--fields", "scores,text")
    assert code == 0, err
    assert parts(out) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    single = stream(CORPUS, extra=("--fields", "scores,text"))
    assert list(read_folder(out)) == single
    table = pq.read_table(out)  # a dataset reader passes over _manifest.jsonl and _errors.jsonl
    assert table.num_rows == 13
    assert table.column_names == list(single[0])
    assert table.schema.metadata[b"framing.json_columns"] == b"metadata,warnings,language,models,scores"
    assert json.loads(table.column("scores")[0].as_py()) == single[0]["scores"]
    code, _, err = run(CORPUS, "--format", "parquet", "-o", out, "--fields", "scores,text")
    assert "13 skipped" in err
    code, _, err = run(CORPUS, "--format", "jsonl", "-o", out)
    assert (code, err) == (2, f"framing: error: {out}: holds parquet parts; write jsonl parts to another folder\n")
