"""Verdicts must not move with who is named (issue 11, item 5).

Over the news test split, every party, person, nation, nationality and religion from our
own swap lists is replaced by its counterpart; at most 1% of verdicts may flip in any
dimension, and probabilities may move by at most 0.01 on average. The lists are ours,
written for this test; framing.text.names masks names by its own rule, not from these lists.
"""
from __future__ import annotations

import json
import re

import pytest

from framing.pipeline.scoring import analyze, load_models, score_texts
from framing.training.datasets import news_split, ptc_article_paths

PAIRS = [("Republicans", "Democrats"), ("Republican", "Democrat"), ("GOP", "Democratic Party"),
         ("Trump", "Obama"), ("Biden", "Bush"), ("Clinton", "Reagan"), ("Pelosi", "McConnell"),
         ("Israel", "Iran"), ("Israelis", "Iranians"), ("Israeli", "Iranian"), ("Hamas", "Hezbollah"),
         ("Muslims", "Christians"), ("Muslim", "Christian"), ("Islam", "Christianity"),
         ("Jews", "Hindus"), ("Jewish", "Hindu"), ("Russia", "China"), ("Russian", "Chinese"),
         ("Putin", "Xi"), ("Ukraine", "Taiwan"), ("Mexicans", "Canadians"), ("Mexico", "Canada"),
         ("Palestinians", "Kurds"), ("Arabs", "Latinos"), ("Black", "White"), ("Catholic", "Protestant")]
SWAP = {a: b for a, b in PAIRS} | {b: a for a, b in PAIRS}
PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SWAP), key=len, reverse=True)) + r")\b")


def news_test_sentences(root) -> list[str]:
    sentences = []
    for name in ("maintainers_news_labels", "maintainers_news_bulk"):
        with open(root / "news" / f"{name}.jsonl", encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                if news_split(record["doc_id"]) == "test" and record.get("note") != "not a sentence":
                    sentences.append(record["text"])
    return sentences


def test_swapping_names_moves_no_verdict(shared_data):
    pairs = [(s, PATTERN.sub(lambda m: SWAP[m.group()], s)) for s in news_test_sentences(shared_data)]
    pairs = [(a, b) for a, b in pairs if a != b]
    assert len(pairs) > 200, "the news test split should name plenty of groups"
    models = load_models()
    # Scored as `--unit sentence` scores them: cues, quotation marks and the voice model's reading.
    verdicts = [score_texts(texts, models) for texts in zip(*pairs)]
    for task, model in models.classifiers.items():
        before, after = ([v[task].probability for v in side] for side in verdicts)
        flips = sum((p >= model.threshold) != (q >= model.threshold) for p, q in zip(before, after))
        shift = sum(abs(p - q) for p, q in zip(before, after)) / len(pairs)
        assert flips / len(pairs) <= 0.01, f"{task}: {flips} of {len(pairs)} verdicts flip"
        assert shift <= 0.01, f"{task}: mean probability change {shift:.4f}"


def test_swapping_names_in_whole_articles_moves_no_verdict(shared_data):
    """The same over the test split's PTC articles scored whole, as `framing score` scores a
    file: voice read in the article and opinion's article context (made of the other
    sentences' logits) included, every scored sentence of an article that names a group."""
    before, after = [], []
    for path in ptc_article_paths(shared_data):
        text = path.read_text(encoding="utf-8")
        swapped = PATTERN.sub(lambda m: SWAP[m.group()], text)
        if news_split(path.stem) != "test" or swapped == text:
            continue
        original, changed = ([s for s in analyze(t).sentences if s.scored] for t in (text, swapped))
        if len(original) == len(changed):  # a swap that moved a sentence boundary is not comparable
            before += original
            after += changed
    assert len(before) > 1000, "the news test split's articles should name plenty of groups"
    for task, model in load_models().classifiers.items():
        flips = sum(a.verdicts[task].label != b.verdicts[task].label for a, b in zip(before, after))
        shift = sum(abs(a.verdicts[task].probability - b.verdicts[task].probability)
                    for a, b in zip(before, after)) / len(before)
        assert flips / len(before) <= 0.01, f"{task}: {flips} of {len(before)} verdicts flip"
        assert shift <= 0.01, f"{task}: mean probability change {shift:.4f}"


@pytest.mark.parametrize("sentence", ["Democrats in the Senate voted on Tuesday.",
                                      "Israelis and Iranians met in Geneva, Hamas said."])
def test_no_name_is_a_trigger(sentence):
    from framing import analyze

    doc = analyze(sentence)
    for verdict in doc.sentences[0].verdicts.values():
        assert not any(PATTERN.search(t.text) for t in verdict.triggers)
