"""The voice model: worked out per article, stored on each sentence, kept through JSON."""
import json
import re

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import CORPUS

import framing
from framing.classifiers.manifest import MANIFEST
from framing.classifiers.voice import ODDS_LIMIT, VoiceModel, load_voice_model
from framing.cli import main
from framing.pipeline.schema import document_from_dict
from framing.text.quote_state import block_runs
from framing.text.segment import segment
from framing.text.voice import voice_features

# The rule reads "after the inflation report" as an attribution; no one is reported there.
MARKETS = CORPUS / "markets_rates_forecast.txt"
NOT_REPORTED = "Stocks rose modestly after the inflation report, with the S&P 500 gaining 0.6 percent."


def test_the_shipped_model_loads_and_predicts_each_voice():
    model = load_voice_model()
    assert sorted(model.classes) == ["attributed", "quoted", "writer"]
    text = ("The storm reached the coast on Monday.\n\n"
            "\u201cWe have never seen water this high,\u201d said the harbour master, Ana Ruiz. "
            "Officials said the port would stay closed until Friday.")
    sentences = segment(text)
    assert model.predict(voice_features(text, sentences)) == ["writer", "quoted", "attributed"]


def test_the_model_corrects_the_rule_where_no_one_is_reported():
    document = framing.analyze(MARKETS.read_text(encoding="utf-8"))
    [sentence] = [s for s in document.sentences if s.text == NOT_REPORTED]
    assert (sentence.rule_voice, sentence.voice) == ("attributed", "writer")
    assert document.scores.voices["writer"] == sum(s.voice == "writer" for s in document.sentences if s.scored)


def test_json_round_trip_keeps_the_voice_it_was_written_with():
    written = framing.analyze(MARKETS.read_text(encoding="utf-8")).to_dict()
    read = document_from_dict(json.loads(json.dumps(written)))
    assert [s.voice for s in read.sentences] == [s["voice"] for s in written["sentences"]]
    [sentence] = [s for s in read.sentences if s.text == NOT_REPORTED]
    assert (sentence.voice, sentence.rule_voice) == ("writer", "attributed")


def test_a_sentence_record_gets_the_models_voice(tmp_path):
    path = tmp_path / "sentences.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate([
        NOT_REPORTED, "Officials said the port would stay closed until Friday.",
        "\u201cWe have never seen water this high,\u201d she said."])) + "\n")
    result = CliRunner().invoke(main, ["score", "--unit", "sentence", str(path), "--format", "jsonl", "--no-cache"])
    assert result.exit_code == 0
    assert [json.loads(line)["voice"] for line in result.stdout.splitlines()] == ["writer", "attributed", "quoted"]


def test_the_voice_model_is_part_of_the_model_versions():
    assert framing.analyze("The port reopened on Friday.").models["voice"].startswith("voice-")


def test_an_altered_voice_model_is_refused(tmp_path):
    model = load_voice_model()
    folder = tmp_path / "models"
    folder.mkdir()
    model.save(folder / "voice.json")
    assert VoiceModel.load(folder / "voice.json").features == model.features
    (folder / "voice.json").write_text((folder / "voice.json").read_text().replace('"writer"', '"wRiter"'))
    result = CliRunner().invoke(main, ["score", str(MARKETS), "--models", str(folder), "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr == (f"framing: error: {folder / 'voice.json'}: checksum does not match {MANIFEST} "
                             "(truncated or altered); refusing to load it\n")


BRIDGE = "Council votes to close the river bridge\n\nThe city council voted on Tuesday to close the bridge.\n"
BLOCK = ("The engineers' report to the council reads:\n"
         "The deck has cracked in three places and the supports are rusting through.\n"
         "Buses can no longer cross it safely.\n"
         "Every week of delay makes the repair dearer.\n")


def voices(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.voice) for s in framing.analyze(text).sentences if s.scored]


def test_a_block_quotation_without_marks_is_quoted_after_its_introduction():
    # Where such a block ends cannot be seen (the model guesses from its length): the last line is not asserted.
    found = voices(BRIDGE + BLOCK + "The closure begins on Monday, and buses will use the Station Road bridge.")
    assert found[2:6] == [
        ("The engineers' report to the council reads:", "writer"),
        ("The deck has cracked in three places and the supports are rusting through.", "quoted"),
        ("Buses can no longer cross it safely.", "quoted"),
        ("Every week of delay makes the repair dearer.", "quoted")]


def test_a_block_run_ends_where_the_writer_quotes_or_reports_again():
    text = BLOCK + "\u201cIt is safe for cars,\u201d the engineer said.\nThe closure begins on Monday.\n"
    runs = block_runs(text, [s for s in segment(text) if s.scored])
    assert runs == [{}, {"block_run=1": 1.0}, {"block_run=2-3": 1.0}, {"block_run=2-3": 1.0},
                    {"block_run=4-8": 1.0}, {}]


def test_the_middle_paragraph_of_a_quotation_over_paragraphs_is_quoted():
    # English usage: each paragraph of a quotation reopens it, only the last closes it.
    text = (BRIDGE + "\n\u201cThe deck has cracked in three places. We cannot let buses cross it.\n\n"
            "\u201cEvery week we wait, the repair gets dearer. The money is there in the reserve fund.\n\n"
            "\u201cWe expect the bridge to reopen in the spring,\u201d said the mayor, Helen Ward.\n\n"
            "The closure begins on Monday.")
    assert [voice for _, voice in voices(text)] == ["writer", "writer", "quoted", "quoted", "quoted", "quoted",
                                                     "quoted", "writer"]


def test_the_model_beats_the_rule_on_the_news_test_split(shared_data):
    from framing.training.voice import accuracy, split_rows

    rows, articles = split_rows(shared_data, "test")
    model = accuracy(rows.gold, load_voice_model().predict(rows.features))
    rule = accuracy(rows.gold, rows.rule)
    assert articles == 75 and model > rule + 0.02, (model, rule)


@pytest.mark.parametrize("text", ["", "   \n\n", "Just one line without an end"])
def test_articles_with_few_sentences_get_voices(text):
    document = framing.analyze(text)
    assert all(s.voice in ("writer", "quoted", "attributed") for s in document.sentences)


def test_first_person_pattern_finds_the_words_it_names():
    from random import Random

    from framing.text.voice import _FIRST_PERSON

    plain = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|we're|we've|us|our|ours)\b")
    pieces = ["I", "i", "me", "my", "mine", "we", "us", "our", "ours", "'m", "'ve", "s", "x", " ", "-", "_", "\u00e9",
              "\u2019", "'", "1", "Me", "WE", "ourselves", "myth", "used"]
    random = Random(14)
    texts = ["".join(random.choice(pieces) for _ in range(random.randint(0, 5))) for _ in range(20000)]
    assert sum(bool(plain.search(t)) for t in texts) > 2000
    assert all(bool(_FIRST_PERSON.search(t)) == bool(plain.search(t)) for t in texts)


def test_not_writer_log_odds_are_the_odds_of_quoted_or_attributed():
    model = load_voice_model()
    text = ("The storm reached the coast on Monday.\n\n"
            "\u201cWe have never seen water this high,\u201d said the harbour master, Ana Ruiz.")
    decisions = model.decision(voice_features(text, segment(text)))
    probabilities = np.exp(decisions) / np.exp(decisions).sum(axis=1, keepdims=True)
    writer = model.classes.index("writer")
    expected = np.log((1 - probabilities[:, writer]) / probabilities[:, writer])
    assert np.allclose(model.not_writer(decisions), expected)
    assert model.not_writer(decisions)[0] < 0 < model.not_writer(decisions)[1]
    assert model.not_writer(np.array([[30.0, 0.0, -30.0]])).tolist() == [ODDS_LIMIT]


def test_analyze_stores_the_log_odds_on_each_sentence_and_alone_reads_one_sentence():
    quoted = "\u201cWe have never seen water this high,\u201d said the harbour master, Ana Ruiz."
    document = framing.analyze(f"The storm reached the coast on Monday.\n\n{quoted}")
    first, second = [s for s in document.sentences if s.scored]
    assert first.not_writer < 0 < second.not_writer
    [alone] = load_voice_model().alone([quoted])
    assert alone == pytest.approx(framing.analyze(framing.Document(quoted, unit="sentence")).sentences[0].not_writer)


def test_quotation_marks_typed_as_two_apostrophes_are_seen_and_lent_to_the_next_sentence():
    text = "``We will not back down,'' the minister said.\nThe vote is on Tuesday.\n"
    first, second = voice_features(text, segment(text))
    assert first["double_single_marks"] == 1.0 and "double_single_marks" not in second
    assert second["prev1:double_single_marks"] == 1.0


def test_sentences_around_count_quotations_reports_and_first_person_beyond_the_next_one():
    text = ("The council met on Monday.\n"
            "\u201cWe have no money left for the bridge,\u201d the mayor said.\n"
            "\u201cThe deck is cracked.\u201d\n"
            "I drove over it last week.\n"
            "The closure begins in June.\n"
            "Tolls stay as they are.\n"
            "The river is low this year.\n"
            "Nobody expects rain.\n")
    near = [{k: v for k, v in f.items() if k.startswith("near_")} for f in voice_features(text, segment(text))]
    # The first line sees both quotations (one attributed) and the writer's "I" within three lines.
    assert near[0] == {"near_quoted=2+": 1.0, "near_attributed=1": 1.0, "near_first_person=1": 1.0}
    # A quoted line does not count itself.
    assert near[2] == {"near_quoted=1": 1.0, "near_attributed=1": 1.0, "near_first_person=1": 1.0}
    # Four lines on, nothing is quoted, reported or said in the first person.
    assert near[7] == {"near_quoted=0": 1.0, "near_attributed=0": 1.0, "near_first_person=0": 1.0}


def _labelled(text: str, voices: list[str]):
    from framing.training.voice import document_rows

    scored = [s for s in segment(text) if s.scored]
    return document_rows(text, [{"start": s.start, "end": s.end, "voice": v} for s, v in zip(scored, voices)])


GROUPED = {
    "article1": ("\u201cWe will not back down,\u201d the minister said.\nThe vote is on Tuesday.\n",
                 ["quoted", "writer"]),
    "article2": ("Officials said the plant would close.\nIt employs 300 people.\n", ["attributed", "writer"]),
    "article3": ("The council met on Monday.\n\u201cThe deck is cracked,\u201d said the engineer.\n",
                 ["writer", "quoted"]),
    "mpqa/doc1": ("According to the report, prices rose.\nThe bank cut rates.\n", ["attributed", "writer"]),
}


def test_grouped_cross_validation_never_scores_an_article_with_a_model_that_learnt_it():
    from framing.training.voice import Lines, accuracy, exported, fit, fold_models, grouped_cv

    documents = {doc_id: _labelled(text, labels) for doc_id, (text, labels) in GROUPED.items()}
    # One fold per article: each article's model is the one fitted on all the others.
    models = fold_models(documents, C=1.0, folds=len(documents))
    others = sum((documents[d] for d in sorted(documents) if d != "article2"), Lines.empty())
    np.testing.assert_allclose(models["article2"].coef, exported(*fit(others, 1.0), {}).coef)
    expected = {register: accuracy(
        [g for d in sorted(documents) if d.startswith("article") == (register == "ptc") for g in documents[d].gold],
        [p for d in sorted(documents) if d.startswith("article") == (register == "ptc")
         for p in models[d].predict(documents[d].features)]) for register in ("ptc", "mainstream")}
    assert grouped_cv(documents, C=1.0, folds=len(documents)) == expected
