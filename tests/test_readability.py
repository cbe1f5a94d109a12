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
