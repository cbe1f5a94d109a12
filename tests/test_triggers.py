"""Triggers worked out for a batch are the ones each sentence's full explanation chooses."""
from conftest import CORPUS

from framing.classifiers.triggers import batch_triggers
from framing.pipeline.scoring import _sentence_unit, load_models
from framing.text.features import TextFeatures
from framing.text.segment import segment


def test_batch_triggers_are_each_sentences_own():
    models = load_models()
    units = [_sentence_unit(s) for path in sorted(CORPUS.rglob("*.txt"))
             for s in segment(path.read_text(encoding="utf-8")) if s.scored]
    assert len(units) > 100
    for model in models.classifiers.values():
        features = [TextFeatures(u.text, models.scanner) for u in units]
        attributed, shares = [u.attributed for u in units], [u.quoted_share for u in units]
        batch = batch_triggers(model, features, attributed, shares, model.term_values(features),
                               [u.context_spans for u in units])
        one_by_one = [model.triggers(model.evaluate(u.text, a, q), context_spans=u.context_spans)
                      for u, a, q in zip(units, attributed, shares)]
        assert batch == one_by_one
        assert sum(map(len, batch)) > len(units)  # the comparison is not between empty lists
