import json

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from framing import __version__
from framing.cli import main
from framing.dimensions import BUILT_IN as DIMENSIONS

WIRE = str(CORPUS / "wire_port_strike.txt")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"framing, version {__version__}\n"


def test_text_report_lists_flagged_sentences_with_positions_and_triggers():
    result = run("score", CORPUS / "alarm_strait_commentary.txt", "--no-color")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"== {CORPUS / 'alarm_strait_commentary.txt'}"
    assert [l.split()[0] for l in lines[1:6]] == ["loaded", "opinion", "speculative", "voice", "readability:"]
    finding = next(i for i, l in enumerate(lines) if "three oceans" in l)
    header = lines[finding - 1]
    assert header.startswith(f"{CORPUS / 'alarm_strait_commentary.txt'}:5:")
    assert "speculative" in header and "opinion" in header and header.endswith("(writer)")
    assert "\u00abcould\u00bb" in lines[finding]  # trigger marked without colour
    assert "speculative: could +" in lines[finding + 1]


def test_colour_marks_triggers_with_ansi_codes():
    result = run("score", CORPUS / "alarm_strait_commentary.txt", "--color")
    assert "\x1b[" in result.output
    assert "\u00ab" not in result.output


def test_json_output_follows_the_schema():
    result = run("score", WIRE, "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["schema"] == "framing/1"
    assert doc["source"] == WIRE
    text = (CORPUS / "wire_port_strike.txt").read_text(encoding="utf-8")
    for s in doc["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
        for task in DIMENSIONS:
            verdict = s[task]
            assert set(verdict) == {"probability", "label", "triggers"} | ({"kinds"} if task == "speculative" else set())
            for t in verdict["triggers"]:
                assert text[t["start"]:t["end"]] == t["text"]
    assert set(doc["scores"]) >= set(DIMENSIONS)
    assert set(doc["readability"]) == {"flesch_reading_ease", "flesch_kincaid_grade", "words", "sentences"}


def test_json_of_several_articles_is_a_list_and_jsonl_one_line_each():
    paths = [WIRE, CORPUS / "council_budget.txt", CORPUS / "sports_derby.json"]
    listed = json.loads(run("score", *paths, "--format", "json").output)
    lines = run("score", *paths, "--format", "jsonl").output.splitlines()
    assert [d["source"] for d in listed] == [str(p) for p in paths]
    assert [json.loads(l)["source"] for l in lines] == [str(p) for p in paths]
    assert json.loads(lines[2])["id"] == "sports-derby"


def test_stdin_is_read_with_a_dash():
    result = run("score", "-", "--format", "json",
                 input="Storm nears coast\n\nThe storm could strengthen overnight.\n")
    doc = json.loads(result.output)
    assert doc["source"] == "<stdin>"
    assert [s["kind"] for s in doc["sentences"]] == ["headline", "sentence"]
    assert doc["sentences"][1]["text"] == "The storm could strengthen overnight."
    assert 0.0 <= doc["sentences"][1]["speculative"]["probability"] <= 1.0


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("score", bad, WIRE, tmp_path / "missing.txt", "--format", "jsonl")
    assert result.exit_code == 2
    assert [json.loads(l)["source"] for l in result.stdout.splitlines()] == [WIRE]
    assert result.stderr.splitlines() == [
        f"framing: error: {bad}: binary data, not text",
        f"framing: error: {tmp_path / 'missing.txt'}: no such file or directory",
        "framing: error: 2 of 3 inputs failed",
    ]


def test_sentence_unit_writes_each_record_as_its_sentence_object_in_order(tmp_path):
    path = tmp_path / "sentences.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Officials said the bridge could close next week."}),
        "{not json",
        json.dumps({"id": "c", "text": "The council approved the budget on Tuesday."}),
        json.dumps({"id": "d"}),
    ]) + "\n")
    result = run("score", "--unit", "sentence", path, "--format", "jsonl")
    rows = [json.loads(l) for l in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "c"]
    assert rows[0]["speculative"]["label"] == "speculative" and rows[0]["speculative"]["kinds"]
    assert rows[1]["speculative"]["label"] == "factual"
    assert rows[0]["voice"] == "attributed" and rows[0]["attributions"]
    assert f"{path}:2: invalid JSON" in result.stderr
    assert f'{path}:4: record has no "text" field' in result.stderr
    assert result.exit_code == 2
    # The same sentence scored as a one-sentence article has the same sentence object.
    article = tmp_path / "a.txt"
    article.write_text("Officials said the bridge could close next week.")
    whole = json.loads(run("score", article, "--format", "json").stdout)
    expected = {k: v for k, v in whole["sentences"][0].items() if k != "index"}
    assert {k: rows[0][k] for k in expected} == expected


def test_sentence_unit_scores_across_batches_as_one_at_a_time(tmp_path):
    from framing.pipeline.scoring import BATCH as SENTENCE_BATCH
    from framing.pipeline.scoring import load_models, score_text

    texts = ["Officials said the bridge could close next week.", "The council approved the budget.",
             "This is a disgraceful betrayal of every voter."]
    records = [{"id": i, "text": texts[i % 3]} for i in range(SENTENCE_BATCH + 40)]
    lines = [json.dumps(r) for r in records]
    lines[SENTENCE_BATCH + 5] = "{broken"
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = run("score", "--unit", "sentence", path, "--format", "jsonl", "--jobs", "2")
    rows = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert sorted(map(int, rows)) == [i for i in range(len(records)) if i != SENTENCE_BATCH + 5]
    models = load_models()
    for i in (0, 1, 2, SENTENCE_BATCH + 6, SENTENCE_BATCH + 7):
        alone = score_text(texts[i % 3], models)
        assert {t: rows[str(i)][t]["probability"] for t in DIMENSIONS} == {t: alone[t].probability for t in DIMENSIONS}


def test_output_file_is_written(tmp_path):
    out = tmp_path / "report.jsonl"
    result = run("score", WIRE, "--format", "jsonl", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["source"] == WIRE
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == ["report.jsonl"]


def test_evaluate_reports_scores_for_labelled_records(tmp_path):
    path = tmp_path / "labelled.jsonl"
    rows = [("The minister could resign within days, aides suggested.", "speculative"),
            ("Analysts expect prices to rise further next year.", "speculative"),
            ("The court sentenced him to four years in prison on Monday.", "factual"),
            ("The council approved the budget by a vote of 7 to 2.", "factual")]
    path.write_text("".join(json.dumps({"text": t, "label": l}) + "\n" for t, l in rows))
    result = run("evaluate", "--task", "speculative", path, "--format", "json")
    assert result.exit_code == 0
    scores = json.loads(result.output)
    assert scores["n"] == 4 and scores["positives"] == 2
    assert 0.0 <= scores["macro_f1"] <= 1.0
    text = run("evaluate", "--task", "speculative", path).output
    assert "macro-F1" in text


def test_evaluate_refuses_unknown_labels_with_the_line(tmp_path):
    path = tmp_path / "labelled.jsonl"
    path.write_text(json.dumps({"text": "A sentence.", "label": "maybe"}) + "\n")
    result = run("evaluate", "--task", "opinion", path)
    assert result.exit_code == 2
    assert result.stderr == f"framing: error: {path}:1: label 'maybe' is not 'opinion' or 'fact'\n"


def test_models_lists_the_three_classifiers():
    result = run("models")
    assert result.exit_code == 0
    assert [l.split("-")[0] for l in result.output.splitlines()] == list(DIMENSIONS)


@pytest.mark.parametrize("args,message", [
    (["train", "--task", "all", "--train", WIRE], "--train needs --task"),
    (["evaluate"], "give --task"),
    (["score", "--threshold", "loaded=2", WIRE], "DIMENSION=P"),
    (["score", "--threshold", "hyperbole=0.5", WIRE], "DIMENSION=P"),
])
def test_usage_errors(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_json_round_trips_to_the_same_document():
    from framing.pipeline.schema import document_dict, document_from_dict

    doc = json.loads(run("score", CORPUS / "feature_flood_town.txt", "--format", "json").output)
    assert document_dict(document_from_dict(doc)) == doc


def test_a_threshold_of_the_users_own_changes_the_verdicts_and_the_cache_key(tmp_path):
    commentary = str(CORPUS / "alarm_strait_commentary.txt")
    cache = ["--cache-dir", str(tmp_path)]
    default = json.loads(run("score", commentary, "--format", "json", *cache).output)
    strict = json.loads(run("score", commentary, "--format", "json", "--threshold", "opinion=0.999", *cache).output)
    assert default["scores"]["opinion"]["count"] > 0
    assert strict["scores"]["opinion"]["count"] == 0
    assert strict["models"]["opinion"].endswith("@0.999") and not default["models"]["opinion"].endswith("@0.999")
    # The strong share counts probabilities, not verdicts: the threshold leaves it alone.
    assert strict["scores"]["opinion"]["strong_share"] == default["scores"]["opinion"]["strong_share"]
    again = json.loads(run("score", commentary, "--format", "json", *cache).output)
    assert again["scores"]["opinion"]["count"] == default["scores"]["opinion"]["count"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_evaluate_corpus_without_gold_labels_is_a_one_line_error(tmp_path, fmt):
    (tmp_path / "article.txt").write_text("The council approved the budget on Tuesday.")
    result = run("evaluate", "--corpus", tmp_path, "--format", fmt)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"framing: error: {tmp_path}: no gold labels to evaluate against "
                             "(NAME.labels.tsv beside each article)\n")


def test_evaluate_corpus_whose_gold_sentences_are_never_found_is_a_one_line_error(tmp_path):
    (tmp_path / "article.txt").write_text("The council approved the budget on Tuesday.")
    (tmp_path / "article.labels.tsv").write_text("loaded\topinion\tspeculative\tsentence\n0\t0\t0\tA different sentence.\n")
    result = run("evaluate", "--corpus", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"framing: error: {tmp_path}: framing found none of the 1 gold sentences, "
                             "so there is nothing to score\n")


def test_output_into_a_missing_folder_is_a_one_line_error_before_any_work(tmp_path):
    out = tmp_path / "nodir" / "out.jsonl"
    result = run("score", WIRE, "--format", "jsonl", "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"framing: error: {out}: cannot write it: folder {out.parent} does not exist\n"
    assert not out.parent.exists()


def test_output_stream_refuses_a_missing_folder_in_one_line(tmp_path):
    from framing.errors import FramingError
    from framing.output.streams import output_stream

    out = tmp_path / "nodir" / "out.jsonl"
    with pytest.raises(FramingError, match=r"^.*out\.jsonl: cannot write it: folder .*nodir does not exist$"):
        with output_stream(str(out)):
            pass


def test_color_never_always_and_the_no_color_alias(monkeypatch):
    article = CORPUS / "alarm_strait_commentary.txt"
    never, alias = run("score", article, "--color", "never"), run("score", article, "--no-color")
    assert never.exit_code == alias.exit_code == 0
    assert "\x1b[" not in never.output and "\u00abcould\u00bb" in never.output
    assert alias.output == never.output
    monkeypatch.setenv("NO_COLOR", "1")
    always = run("score", article, "--color=always")  # an explicit choice wins over NO_COLOR
    assert "\x1b[" in always.output and "\u00ab" not in always.output
    conflict = run("score", article, "--no-color", "--color", "always")
    assert conflict.exit_code == 2 and "--no-color contradicts --color always" in conflict.output


def terminal_output(args, env):
    """What framing prints on a real terminal (a pseudo-terminal), with this environment."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "framing", *args], stdout=follower, stderr=subprocess.DEVNULL,
                               env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_auto_colour_on_a_terminal_unless_no_color_is_set(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["FRAMING_CACHE"] = str(tmp_path / "cache")
    args = ["score", "-q", str(CORPUS / "alarm_strait_commentary.txt")]
    assert "\x1b[" in terminal_output(args, env)
    assert "\x1b[" in terminal_output(args, {**env, "NO_COLOR": ""})  # empty is unset (no-color.org)
    plain = terminal_output(args, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and "\u00abcould\u00bb" in plain
    assert "\x1b[" in terminal_output([*args, "--color", "always"], {**env, "NO_COLOR": "1"})


@pytest.mark.parametrize("mode,tty,no_color,expected", [
    ("auto", True, None, True), ("auto", True, "1", False), ("auto", True, "", True), ("auto", False, None, False),
    ("always", False, "1", True), ("never", True, None, False),
])
def test_use_colour(mode, tty, no_color, expected):
    import io

    from framing.output.streams import use_colour

    class Stream(io.StringIO):
        def isatty(self):
            return tty

    environ = {} if no_color is None else {"NO_COLOR": no_color}
    assert use_colour(mode, Stream(), environ) is expected


def test_output_to_a_device_writes_through_it_and_leaves_it_a_device(tmp_path):
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = run("score", WIRE, "--format", "jsonl", "--no-cache", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not a file renamed over it
    assert json.loads(received[0])["source"] == WIRE
