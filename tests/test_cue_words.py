"""Fixed strings of cue patterns found by word look-ups must be what the patterns' finditer finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_cue_scan import PATTERNS, SCANNER, one_by_one

from framing.text.cue_scan import CueScanner
from framing.text.cue_words import WORD, WordGate, fixed_strings, in_word, split_fixed
from framing.text.pattern_parts import WORD_END, flat_alternatives


def test_in_word_is_the_word_character_class_on_every_code_point():
    word_character = re.compile(r"[\w'\u2019-]")
    differ = [c for c in map(chr, range(0x110000)) if bool(word_character.fullmatch(c)) != in_word(c)]
    assert differ == []


def test_fixed_strings_are_spelled_out_in_the_order_they_are_tried():
    assert fixed_strings("rumou?red", WORD_END, True) == ["rumoured", "rumored"]
    assert fixed_strings("so[- ]called", WORD_END, True) == ["so-called", "so called"]
    assert fixed_strings("won['\u2019]t", WORD_END, True) == ["won't", "won\u2019t"]
    assert fixed_strings("next (?:week|month)", WORD_END, True) == ["next week", "next month"]
    assert fixed_strings("[Mm]e", WORD_END, False) == ["Me", "me"]
    assert fixed_strings("[Mm]e", WORD_END, True) == ["me"]
    assert [fixed_strings(a, WORD_END, True) for a in (r"threat\w*", "a+", "(?i:x)", r"\.x", "x(?!y)")] == [None] * 5
    assert fixed_strings("would", "", True) is None  # not a whole word


def test_alternatives_open_with_letters_and_a_group_are_spread_out():
    assert flat_alternatives(["a(?:b|c)d", "x", r"p(?:q\w*|r)"]) == ["abd", "acd", "x", r"pq\w*", "pr"]
    assert flat_alternatives(["a(?:b|c)?"]) == ["a(?:b|c)?"]
    assert split_fixed(["p(?:urported(?:ly)?|seudo[- ]?\\w*)", "fake"], WORD_END, True) == (
        ["purportedly", "purported", "fake"], ["pseudo[- ]?\\w*"])


def test_fixed_strings_and_regex_alternatives_of_one_pattern_that_overlap_let_the_pattern_decide():
    patterns = [r"(?i)(?<![\w'\u2019-])(?:world war|war\w*|war of words|in case|in\w+)(?![\w'\u2019-])",
                r"(?<![\w'\u2019-])(?:I|I['\u2019]m|[Ww]e|[Ww]e\w+ly)(?![\w'\u2019-])"]
    scanner = CueScanner(patterns)
    assert scanner._words.keys == tuple(patterns) and len(scanner._regex_part) == 2
    for text in ["World war warfare, a war of words.", "in case incase in", "I'm I we We Weekly weirdly",
                 "WORLD WAR war-time war", "\u0130 in case \u212a war"]:
        assert scanner.scan(text) == one_by_one(patterns, text), text


def test_the_gate_opens_on_the_words_the_regex_alternatives_need():
    gate = WordGate.of([(r"threat\w*", True), ("many (?:critics|experts)", True), (r"ang\w+", True)])
    for text, opens in [("A threatening tone.", True), ("Many critics agree.", True), ("Many agree.", False),
                        ("Angry words.", True), ("The threat.", True), ("Nothing here.", False), ("thre at", False)]:
        lower = text.lower()
        assert gate.open(lower, WORD.findall(lower)) is opens, text
    assert WordGate.of([(r"\w+ly", True)]) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["would have", "would", "in case", "In Case", "so called", "so-called",
                                 "many critics say", "to put it mildly", "threatening", "threat-level",
                                 "anti-war", "world war three", "it is time", "it's time", "let\u2019s",
                                 "mustn't", "We're", "I'd", "is set to", "the truth is", "of course",
                                 "crazy", "craziest", "\u017f", "\u212a", " ", " ", ", ", ". ", "-", "'", "_"]),
                max_size=20).map("".join))
def test_fixed_strings_and_phrases_are_found_as_the_patterns_find_them(text):
    assert SCANNER.scan(text) == one_by_one(PATTERNS, text)
