import framing
from framing.document import DIMENSIONS
from framing.reading import read_path

from conftest import CORPUS

WWIII = ("Without a strategic and devastating response in short order, we could easily be "
         "looking at the start of WWIII playing out before our very eyes.")
REPORTED = "According to US officials, no US facilities were struck or damaged in the attack."


def sentence_in(path, text):
    doc = framing.analyze(next(read_path(str(path))))
    [sentence] = [s for s in doc.sentences if s.text == text]
    return doc, sentence


def test_alarmist_sentence_is_speculative_and_opinion_inside_its_article():
    _, s = sentence_in(CORPUS / "alarm_strait_commentary.txt", WWIII)
    assert s.verdicts["speculative"].label == "speculative"
    assert s.verdicts["opinion"].label == "opinion"
    assert "could" in [t.text for t in s.verdicts["speculative"].triggers]


def test_attributed_report_is_neither_opinion_nor_speculative_inside_its_article():
    _, s = sentence_in(CORPUS / "wire_port_strike.txt", REPORTED)
    assert s.verdicts["opinion"].label == "fact"
    assert s.verdicts["speculative"].label == "factual"
    assert [a.text for a in s.attributions] == ["According to US officials"]


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
        assert doc.scores[task]["count"] == len(flagged)
        assert doc.scores[task]["share"] == round(len(flagged) / len(scored), 4)
        top = doc.scores[task]["top"]
        probabilities = [doc.sentences[i].verdicts[task].probability for i in top]
        assert probabilities == sorted(probabilities, reverse=True)
    assert doc.readability["words"] > 100
    assert set(doc.models) == set(DIMENSIONS)


def test_an_opinion_piece_scores_higher_than_wire_news():
    def share(name, task):
        return framing.analyze(next(read_path(str(CORPUS / name)))).scores[task]["share"]

    assert share("oped_school_phones.md", "opinion") > share("wire_port_strike.txt", "opinion") + 0.2
    assert share("markets_rates_forecast.txt", "speculative") > share("court_fraud_sentencing.txt", "speculative") + 0.2


def test_corpus_agreement_with_gold_labels():
    """The shipped models against our own gold labels: a floor, well below today's figures."""
    from framing.gold import evaluate_corpus

    scores = evaluate_corpus(CORPUS)
    assert scores["segmented_exactly"] == scores["gold_sentences"] == 199
    assert scores["opinion"]["macro_f1"] > 0.7
    assert scores["speculative"]["macro_f1"] > 0.75
    assert scores["loaded"]["macro_f1"] > 0.6
