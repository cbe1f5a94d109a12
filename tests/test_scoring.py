from conftest import CORPUS

import framing
from framing.dimensions import BUILT_IN as DIMENSIONS
from framing.reading.files import read_path

ALARMIST = ("Unless our navy answers swiftly and with overwhelming force, this skirmish could ignite a war "
            "across three oceans that drags every major power into the flames.")
REPORTED = "According to the Navy, the depot and its fuel stores came through the attack undamaged."


def sentence_in(path, text):
    doc = framing.analyze(next(read_path(str(path))))
    [sentence] = [s for s in doc.sentences if s.text == text]
    return doc, sentence


def test_alarmist_sentence_is_speculative_and_opinion_inside_its_article():
    _, s = sentence_in(CORPUS / "alarm_strait_commentary.txt", ALARMIST)
    assert s.verdicts["speculative"].label == "speculative"
    assert s.verdicts["opinion"].label == "opinion"
    assert "could" in [t.text for t in s.verdicts["speculative"].triggers]


def test_attributed_report_is_neither_opinion_nor_speculative_inside_its_article():
    _, s = sentence_in(CORPUS / "wire_port_strike.txt", REPORTED)
    assert s.verdicts["opinion"].label == "fact"
    assert s.verdicts["speculative"].label == "factual"
    assert [a.text for a in s.attributions] == ["According to the Navy"]


def test_triggers_point_at_their_words_in_the_document():
    doc = framing.analyze((CORPUS / "partisan_mayor.txt").read_text(encoding="utf-8"))
    triggers = [t for s in doc.sentences for v in s.verdicts.values() for t in v.triggers]
    assert triggers
    for t in triggers:
        assert doc.text[t.start:t.end] == t.text
        assert t.weight > 0


def test_every_scored_sentence_has_three_verdicts_with_probabilities():
    doc = framing.analyze((CORPUS / "council_budget.txt").read_text(encoding="utf-8"))
    for s in doc.sentences:
        if s.scored:
            assert set(s.verdicts) == set(DIMENSIONS)
            assert all(0.0 <= v.probability <= 1.0 for v in s.verdicts.values())
        else:
            assert s.verdicts == {}


def test_article_scores_summarize_the_sentences():
    doc = framing.analyze((CORPUS / "alarm_strait_commentary.txt").read_text(encoding="utf-8"))
    scored = [s for s in doc.sentences if s.scored]
    for task in DIMENSIONS:
        flagged = [s for s in scored if s.verdicts[task].positive]
        assert doc.scores[task].count == len(flagged)
        assert doc.scores[task].share == round(len(flagged) / len(scored), 4)
        top = doc.scores[task].top
        probabilities = [doc.sentences[i].verdicts[task].probability for i in top]
        assert probabilities == sorted(probabilities, reverse=True)
    assert doc.readability["words"] > 100
    assert set(doc.models) == set(DIMENSIONS) | {"splitter", "voice"}


def test_an_opinion_piece_scores_higher_than_wire_news():
    def share(name, task):
        return framing.analyze(next(read_path(str(CORPUS / name)))).scores[task].share

    assert share("oped_school_phones.md", "opinion") > share("wire_port_strike.txt", "opinion") + 0.2
    assert share("markets_rates_forecast.txt", "speculative") > share("court_fraud_sentencing.txt", "speculative") + 0.2


def test_corpus_agreement_with_gold_labels():
    """The shipped models against our own gold labels: a floor, well below today's figures."""
    from framing.training.gold import evaluate_corpus

    scores = evaluate_corpus(CORPUS)
    assert scores["segmented_exactly"] == scores["gold_sentences"] == 199
    assert scores["opinion"]["macro_f1"] > 0.7
    assert scores["speculative"]["macro_f1"] > 0.75
    assert scores["loaded"]["macro_f1"] > 0.6


QUOTED_ARTICLE = (
    "Council votes on the budget\n\n"
    "\u201cThese are the atrocities of a corrupt regime,\u201d said protest leader Ana Ruiz. "
    "The mayor\u2019s brutal, disgraceful cuts are an outrage. "
    "According to the finance office, the budget totals $4 million. "
    "Officials warned that the shortfall could grow next year.\n")


def test_voices_tell_writer_quoted_and_attributed_apart():
    doc = framing.analyze(QUOTED_ARTICLE)
    assert [s.voice for s in doc.sentences] == ["writer", "quoted", "writer", "attributed", "attributed"]
    assert doc.scores.voices == {"writer": 2, "attributed": 2, "quoted": 1}


def test_loaded_words_inside_quotes_are_marked_quoted():
    doc = framing.analyze(QUOTED_ARTICLE)
    quote = doc.sentences[1].quotes[0]
    for s in doc.sentences[1:3]:
        for t in s.verdicts["loaded"].triggers:
            assert t.quoted == (quote.start <= t.start and t.end <= quote.end)
    own = doc.sentences[2].verdicts["loaded"].triggers
    assert own and not any(t.quoted for t in own)
    assert {"brutal", "disgraceful"} <= {t.text for t in own}
    quoted = {t.text for t in doc.sentences[1].verdicts["loaded"].triggers if t.quoted}
    assert {"atrocities", "regime"} <= quoted  # the speaker's words, reported apart
    loaded = doc.scores["loaded"]
    words = doc.readability["words"]
    flagged = [s for s in doc.sentences if s.scored and s.verdicts["loaded"].positive]
    assert loaded.extras["terms_per_100_words"] == round(
        100 * sum(not t.quoted for s in flagged for t in s.verdicts["loaded"].triggers) / words, 2)
    assert loaded.extras["quoted_terms_per_100_words"] == round(
        100 * sum(t.quoted for s in flagged for t in s.verdicts["loaded"].triggers) / words, 2)
    assert loaded.writer_share + loaded.reported_share == loaded.share


def test_speculation_kinds_come_from_the_cues_that_fired():
    doc = framing.analyze(QUOTED_ARTICLE)
    forecast = doc.sentences[4].verdicts["speculative"]
    assert forecast.positive
    assert "hedged" in forecast.kinds or "forecast" in forecast.kinds
    kinds = doc.scores["speculative"].kinds
    assert sum(v.count for v in kinds.values()) >= 1
    factual = doc.sentences[3].verdicts["speculative"]
    assert not factual.positive and factual.kinds == []


def test_the_package_docstring_example_holds():
    import doctest

    failures, tried = doctest.testmod(framing)
    assert tried >= 2 and failures == 0


def test_headlines_are_scored_in_the_writers_voice_unless_attributed():
    doc = framing.analyze("Council approves budget after long debate\n\nThe vote was 7 to 2.\n\n"
                          "Mayor says budget is fair\n\nThe mayor's budget is a disgrace\n\nIt passed on Tuesday.")
    headlines = [s for s in doc.sentences if s.kind == "headline"]
    assert [(s.text, s.voice) for s in headlines] == [
        ("Council approves budget after long debate", "writer"),
        ("Mayor says budget is fair", "attributed"),
        ("The mayor's budget is a disgrace", "writer")]
    # The writer's own verdict is the likeliest opinion of the three, and loaded.
    opinion = [s.verdicts["opinion"].probability for s in headlines]
    assert opinion[2] > max(opinion[:2])
    assert headlines[2].verdicts["loaded"].positive and not headlines[0].verdicts["loaded"].positive


def test_batch_probabilities_equal_one_sentence_at_a_time():
    from framing.pipeline.scoring import load_models
    from framing.text.features import TextFeatures
    from framing.text.segment import segment

    models = load_models()
    sentences = [s for path in sorted(CORPUS.rglob("*.txt"))
                 for s in segment(path.read_text(encoding="utf-8")) if s.scored]
    features = [TextFeatures(s.text, models.scanner) for s in sentences]
    attributed = [bool(s.attributions) for s in sentences]
    shares = [s.quoted_share for s in sentences]
    for model in models.classifiers.values():
        batch = model.probabilities(features, attributed, shares)
        alone = [model.probability(s.text, a, q) for s, a, q in zip(sentences, attributed, shares)]
        assert max(abs(b - a) for b, a in zip(batch, alone)) < 1e-9
        assert 0.05 < sum(p >= model.threshold for p in alone) / len(alone) < 0.95  # both labels occur


def test_terms_and_their_places_are_the_analyzers_grams():
    """Scoring looks up `terms`, explaining places them with `gram_spans`: together they are
    `Analyzer.grams`, for word and character n-grams, names masked or not."""
    from framing.text.features import Analyzer, TextFeatures

    texts = ["Mr Obama's anti-Israel remarks, Trump said, were absurd!", "Officials in Washington said no.",
             "A", "", "It is what it is? Yes."]
    analyzers = [Analyzer((1, 2), None, True), Analyzer((1, 1), None, False), Analyzer((2, 3), (2, 4), True),
                 Analyzer((1, 1), (3, 3), False)]
    for text in texts:
        features = TextFeatures(text)
        for analyzer in analyzers:
            grams = analyzer.grams(text)
            assert [(t, s, e) for t, (s, e) in zip(features.terms(analyzer), features.gram_spans(analyzer))] == grams
            assert len(features.gram_spans(analyzer)) == len(grams)
    masked_name = [(s, e) for g, s, e in Analyzer((1, 1), (3, 3), True).grams("Mr Obama spoke") if g == "#_na"]
    assert masked_name == [(3, 8)]
