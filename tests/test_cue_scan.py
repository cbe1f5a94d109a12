"""The one-pass cue scanner must find exactly what each pattern's finditer finds alone."""
import re

from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.pipeline.scoring import load_models
from framing.text.cue_scan import CueScanner
from framing.text.pattern_parts import CASE_FOLDS_TO_ASCII, top_alternatives
from framing.text.segment import segment
from framing.text.word_patterns import word_class, word_pattern, word_trie

PATTERNS = [p for model in load_models().classifiers.values() for p in model.cues.pattern_strings]
SCANNER = CueScanner(PATTERNS)


def one_by_one(patterns, text):
    return {p: [m.span() for m in re.finditer(p, text)] for p in patterns}


def test_finds_what_the_shipped_patterns_find_in_the_corpus():
    sentences = [s.text for path in sorted(CORPUS.rglob("*.txt"))
                 for s in segment(path.read_text(encoding="utf-8"))]
    assert len(sentences) > 100
    found = 0
    for text in sentences:
        expected = one_by_one(PATTERNS, text)
        assert SCANNER.scan(text) == expected, text
        found += sum(map(len, expected.values()))
    assert found > 500  # the comparison is not between empty results


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["war", "world war iii", "could", "Could", "US", "us", "I", "I'm",
                                 "tells a long story", "reportedly", "so-called", "\u201cfreedom\u201d",
                                 "would-be", "K", "\u212a", "\u00e9t\u00e9", "'", "-", " ", " ", ", ",
                                 ". ", "?", "!", "1", "spill over", "next week", "it is time", "easiest",
                                 "CRAZIEST", "they'll", "we\u2019d have", "you'd be", "\u0130EST", "\u017f",
                                 "without", "WITHOUT", "\u201c", "\u2018", '"', "\u2019", "a "]),
                max_size=25).map("".join))
def test_finds_what_the_shipped_patterns_find_in_any_text(text):
    assert SCANNER.scan(text) == one_by_one(PATTERNS, text)


def test_the_non_ascii_characters_that_fold_to_ascii_are_all_listed():
    """The scanner looks for ASCII-led alternatives only at ASCII characters and these."""
    ascii_ignoring_case = re.compile("(?i)[\x00-\x7f]")
    folding = "".join(chr(c) for c in range(0x80, 0x110000) if ascii_ignoring_case.fullmatch(chr(c)))
    assert folding == CASE_FOLDS_TO_ASCII


def test_overlapping_and_repeated_matches_follow_finditer():
    patterns = [word_pattern("world war", "war", "war on"), word_trie("a b", "b c"),
                word_class("x(?:y|yz)", r"z\w*"), r"(?i)(?<![\w'\u2019-])(?:ab|a)*c"]
    scanner = CueScanner(patterns)
    for text in ["world war war on war", "a b c b c a b", "xyz zz xy", "ababc abc c ac"]:
        assert scanner.scan(text) == one_by_one(patterns, text)


def test_texts_without_the_literals_of_alternatives_that_start_anywhere_are_scanned_without_them():
    """`\\w{3,}iest` and the like are tried at every word start only where their literals are."""
    from framing.text.needs import Seen

    def needs(text):
        return any(n.found(Seen(text)) for n in SCANNER._anywhere)
    for text, has in [("The easiest path.", True), ("They\u2019ll go.", True), ("She'd BE there.", True),
                      ("A plain sentence with no such word.", False)]:
        assert needs(text) is has
        assert SCANNER.scan(text) == one_by_one(PATTERNS, text)


def test_alternatives_split_only_where_the_group_is_not_repeated():
    assert top_alternatives(r"(?:a(?:b|c)|[|)]x|\(y)(?!z)") == (["a(?:b|c)", "[|)]x", r"\(y"], "(?!z)")
    assert top_alternatives("(?:(?:al|b))(?!z)") == (["al", "b"], "(?!z)")
    assert top_alternatives("(?:ab|a)*c") == (["(?:ab|a)*c"], "")


def test_cue_counts_are_those_of_the_listed_matches():
    """Scoring counts cue matches without listing them; explaining lists them: same numbers."""
    from framing.text.features import TextFeatures

    models = load_models()
    sentences = [s.text for path in sorted(CORPUS.rglob("*.txt")) for s in segment(path.read_text(encoding="utf-8"))]
    nonzero = 0
    for model in models.classifiers.values():
        for text in sentences:
            features = TextFeatures(text, models.scanner)
            counted = model.cues.values(TextFeatures(text, models.scanner), True, 0.25)
            assert counted == model.cues.values(features, True, 0.25, model.cues.matches(features)), text
            nonzero += sum(v > 0 for v in counted[:-2])
    assert nonzero > 700


def test_patterns_of_plain_characters_are_looked_for_as_text():
    from framing.text.pattern_parts import literal_text

    assert [literal_text(p) for p in ("!", r"\?", r"\.\.", "ab")] == ["!", "?", "..", "ab"]
    assert [literal_text(p) for p in (r"\d", "(?i)a", "a|b", "", "a+", "[ab]")] == [None] * 6
    patterns = ["!", r"\?", r"\d"]
    for text in ("Really?! Yes!? 1", "No."):
        assert CueScanner(patterns).scan(text) == {p: [m.span() for m in re.finditer(p, text)] for p in patterns}


def test_other_patterns_are_searched_only_where_what_they_need_is():
    """A pattern opening with a lookbehind or a choice is tried at every character; what every
    match must hold is looked for first: a run of literal characters, or its first character."""
    from framing.text.pattern_parts import needed_text

    assert needed_text(r"(?i)(?:^|[.;:\u201c\"]\s*)without\b") == "(?i)without"
    assert needed_text(r"(?<=\w )[\"\u201c\u2018'][A-Za-z]+") == "[\"\u201c\u2018']"
    assert [needed_text(p) for p in (r"\d", "ab", "a|bcd", "[^ab]c", "(?:abc)?d")] == [None] * 5
    assert needed_text("x?abcd(?<!q)") == "abcd"
    patterns = [r"(?i)(?:^|[.;\u201c\"]\s*)without\b", r"(?<=\w )[\"\u2018'][A-Za-z]+[\"\u2019']", r"(?<!a)[bB]c"]
    scanner = CueScanner(patterns)
    assert set(scanner._other_needs) == set(patterns)
    for text in ("WITHOUT a doubt; without", "a so-called 'expert' said", "Bc abc xbc", "none here", ""):
        assert scanner.scan(text) == one_by_one(patterns, text)
