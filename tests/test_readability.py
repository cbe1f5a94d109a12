import nltk

from framing.text.readability import readability


def test_readability_works_offline_without_nltk_downloads(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(nltk, "download", refuse)
    easy = readability("The cat sat on the mat. The dog ran to the park.")
    hard = readability("Notwithstanding considerable institutional opposition, the administration "
                       "implemented comprehensive regulatory modifications affecting international "
                       "telecommunications infrastructure.")
    assert easy["words"] == 12 and easy["sentences"] == 2
    assert easy["flesch_reading_ease"] > 90
    assert hard["flesch_reading_ease"] < 10
    assert hard["flesch_kincaid_grade"] > easy["flesch_kincaid_grade"] + 10


def test_syllables_come_from_the_cmu_dictionary():
    # The CMU dictionary says "area" has three syllables and "fire" two; textstat's
    # hyphenation fallback (used when no dictionary is found) says one each.
    from textstat.backend.counts._count_syllables import count_syllables

    readability("warm up")  # hands textstat the offline dictionary
    assert count_syllables("area", "en_US") == 3
    assert count_syllables("fire", "en_US") == 2


def test_word_count_is_textstats():
    from conftest import CORPUS

    from framing.text.readability import _NOT_A_WORD, _textstat, word_count

    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*")) if path.is_file()]
    texts += ["", "  \n ", "-- ... !?", "don't 'quoted' rock'n'roll o'clock '90s", "a - b \u2014 c", "_ __ x_y",
              "caf\u00e9 na\u00efve \u00a0nbsp\u2003em\u3000wide", "x" * 50 + " " + "-" * 45 + " end.", "\u0663\u0664 \u00b2"]
    assert len(texts) > 20
    for text in texts:
        assert word_count(text) == _textstat().lexicon_count(_NOT_A_WORD.sub("x", text)), text
