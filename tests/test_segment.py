from random import Random

import pytest
from conftest import CORPUS

from framing.reading.files import read_path
from framing.text.needs import Seen
from framing.text.segment import _punctuated, is_debris, segment
from framing.training.gold import gold_articles, read_gold


def texts(text):
    return [s.text for s in segment(text) if s.scored]


def test_offsets_point_into_the_text():
    text = "Storm nears coast\n\nThe storm grew. It turned north.\n"
    for s in segment(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text,expected", [
    ("The U.S. Army said on Jan. 5 that Dr. Smith left. He flew to Washington, D.C. on Friday.",
     ["The U.S. Army said on Jan. 5 that Dr. Smith left.", "He flew to Washington, D.C. on Friday."]),
    ("Mr. Lee arrived at 3 p.m. Officials met him.",
     ["Mr. Lee arrived at 3 p.m. Officials met him."]),
    ("Growth was 3.5 percent. It was No. 3 in the ranking.",
     ["Growth was 3.5 percent.", "It was No. 3 in the ranking."]),
])
def test_abbreviations_do_not_end_sentences(text, expected):
    assert texts(text) == expected


def test_a_quote_can_span_sentences_and_stays_marked():
    text = "\u201cWe lost everything. Nobody came to help,\u201d she said. The town is quiet."
    sentences = segment(text)
    assert [s.text for s in sentences] == [
        "\u201cWe lost everything.", "Nobody came to help,\u201d she said.", "The town is quiet."]
    assert sentences[0].quoted_share == 1.0
    assert sentences[1].quotes[0].text == "Nobody came to help,\u201d"
    assert sentences[2].quotes == []


def test_a_quote_runs_on_into_the_next_paragraph_only_when_reopened():
    text = "\u201cThe water rose fast.\n\n\u201cThen the power went,\u201d he said.\n\nOfficials left."
    sentences = segment(text)
    assert [s.quoted_share > 0.9 for s in sentences] == [True, False, False]
    assert sentences[1].quotes[0].text == "\u201cThen the power went,\u201d"


def test_headline_without_punctuation_is_its_own_sentence():
    sentences = segment("Storm nears coast\nThe storm grew overnight. It turned north.")
    assert [(s.text, s.kind) for s in sentences] == [
        ("Storm nears coast", "headline"), ("The storm grew overnight.", "sentence"),
        ("It turned north.", "sentence")]


def test_hard_wrapped_prose_is_joined():
    text = "The council voted on Tuesday to approve a\nbudget that raises fees for parking\nand permits."
    assert texts(text) == [text]


@pytest.mark.parametrize("intro", ["The engineers' report reads:", "She shared her story\u2026", "He wrote..."])
def test_a_line_introducing_the_next_ends_its_sentence(intro):
    text = f"{intro}\nThe deck has cracked in three places.\nBuses can no longer cross it."
    assert texts(text) == [intro, "The deck has cracked in three places.", "Buses can no longer cross it."]


def test_list_items_are_sentences_without_their_markers():
    sentences = segment("The plan includes:\n- a new bridge\n- two parks\n1. more buses")
    assert [(s.text, s.kind) for s in sentences] == [
        ("The plan includes:", "sentence"), ("a new bridge", "list_item"),
        ("two parks", "list_item"), ("more buses", "list_item")]


def test_byline_debris_is_kept_but_not_scored():
    sentences = segment("Flood town counts losses\nBy Dana Whitfield / Staff Writer\n\ntanitost /\n\nThe river rose.")
    assert [(s.text, s.scored) for s in sentences] == [
        ("Flood town counts losses", True), ("By Dana Whitfield / Staff Writer", False),
        ("tanitost /", False), ("The river rose.", True)]


@pytest.mark.parametrize("line", ["Photo: Reuters", "https://example.org/a", "Advertisement", "***"])
def test_debris_lines(line):
    assert is_debris(line)


@pytest.mark.parametrize("line", ["Storm nears coast", "He left.", "Markets fall as rates rise"])
def test_not_debris(line):
    assert not is_debris(line)


def test_attributions_are_marked():
    [s] = segment("According to the coast guard, no ferry in the bay was hit during the shelling.")
    assert [(a.text, a.kind) for a in s.attributions] == [("According to the coast guard", "according_to")]
    [s] = segment("The rebel commanders claim they are ready to negotiate.")
    assert [a.text for a in s.attributions] == ["commanders claim"]
    # A noun that is also a reporting verb does not make a speaker of the sentence's subject.
    [s] = segment("The claims of a quick victory now look hollow.")
    assert s.attributions == [] and s.voice == "writer"
    [s] = segment("\u2018I love him and I always will,\u2019 she told reporters.")
    assert [q.text for q in s.quotes] == ["\u2018I love him and I always will,\u2019"]
    assert s.voice == "quoted" and [a.text for a in s.attributions] == ["she told reporters"]


def test_corpus_sentences_match_the_gold_segmentation():
    for article, labels in gold_articles(CORPUS):
        doc = next(read_path(str(article)))
        got = [s.text for s in segment(doc.text) if s.scored]
        assert got == [g.text for g in read_gold(labels)], article.name


@pytest.mark.parametrize("text,voice", [
    ("Critics argue the new levy will drive small shops out of the high street.", "attributed"),
    ("Economists warn of a slower year for exporters.", "attributed"),
    ("Analysts predict a second cut before the summer.", "attributed"),
    ("The mayor apologized for the delay but said the rollout would go ahead.", "attributed"),
    ("Aid groups fear the crossing will close again.", "attributed"),
    ("We argue that the levy is a mistake.", "writer"),
    ("I said as much last spring.", "writer"),
    ("The ferry reportedly left the harbour two hours late.", "writer"),
    ("“We will not back down,” the union’s leader said at a rally outside the depot.", "quoted"),
])
def test_voice_of_reported_speech_in_the_plural_and_elsewhere(text, voice):
    [s] = segment(text)
    assert s.voice == voice


def test_initials_do_not_cut_a_source_short():
    [s] = segment("According to the U.S. Navy, the tanker was towed clear by noon.")
    assert [a.text for a in s.attributions] == ["According to the U.S. Navy"]



def test_attribution_word_tests_skip_only_patterns_that_cannot_match():
    """An attribution pattern skipped because what it needs is absent would not have matched."""
    from framing.text.cues import _ATTRIBUTION

    made_up = ["He said it was over.", "They says so.", "Officials told reporters the bridge was shut.",
               "She tells him everything.", "The minister confirmed that talks had failed.", "I said no.",
               "We promised that we would come.", "Nobody spoke.", "Sources revealed that.",
               "\u201cNo,\u201d SAID the mayor.", "\u201cNo,\u201d \u017fAID the mayor.", "\u0130n a statement, it denied it.",
               "ACCORDING TO the police, nobody was hurt.", "The senator Took To Twitter.", "Critics warn Pakistan."]
    corpus = [s.text for path in sorted(CORPUS.rglob("*.txt")) for s in segment(path.read_text(encoding="utf-8"))]
    skipped = matched = 0
    for sentence in made_up + corpus:
        for _, pattern, needs in _ATTRIBUTION:
            found = needs.found(Seen(sentence))
            assert found == bool(needs.regex.search(sentence)), sentence
            if not found:
                assert pattern.search(sentence) is None, sentence
                skipped += 1
            else:
                matched += pattern.search(sentence) is not None
    assert skipped > 300 and matched > 20


def test_needs_found_without_their_regex_as_with_it():
    """Substring tests and word sets, on the lower-cased text where case is ignored, find what
    each test's regular expression finds, whatever the characters around."""
    from framing.text.cues import _ANY_NEEDED, _ATTRIBUTION

    pieces = ["said", "SAID", "Said", "\u017fAID", "says", "told", "Tells", "according to", "ACCORDING TO",
              "\u0130n a", "in a", "IN REMARKS", "took to ", "TOOK TO ", "warns", "Warn", "WARNED", "promised that",
              "warned  that", "confirms that", "\u212aNOWS", "\u0131", "\u00e9", "unsaid", "said\u00e9", "-", "'", " ",
              "\u201c", "x", "\u0130", "acknowledge", "ACKNOWLEDGES"]
    random = Random(14)
    texts = ["".join(random.choice(pieces) for _ in range(random.randint(0, 6))) for _ in range(5000)]
    needs = [n for _, _, n in _ATTRIBUTION]
    found = 0
    for text in texts:
        seen = Seen(text)
        for n in needs:
            expected = bool(n.regex.search(text))
            assert n.found(seen) == expected, (text, n.regex.pattern[:40])
            assert not expected or not seen.plain or _ANY_NEEDED.search(seen.lower), text
            found += expected
    assert found > 5000


def test_a_line_is_punctuated_by_a_final_mark_closing_quotes_and_brackets_allowed():
    assert [_punctuated(line) for line in ("He said.", 'He said."  ', "Why?\u201d)", "Note:\n", "Wait\u2026",
                                           "(see above.)'")] == [True] * 6
    assert [_punctuated(line) for line in ("Headline", "", "  ", '"', 'x. "a"', "3.5 per cent",
                                           "Yes. \u201cNo")] == [False] * 7
