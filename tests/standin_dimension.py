"""A stand-in fourth dimension, as a plug-in would add one: this module and a model file are
all it takes (tests/test_dimension_plugin.py trains the model and runs every command).

It flags "charged" sentences, trained on the sample corpus's own loaded labels: a stand-in
for plumbing, not a classifier anyone should use.
"""
from framing.dimensions import Dimension
from framing.training.tasks import TaskConfig

TASK = TaskConfig(name="charged", sources=[], cues=())


def extras(scored: list, flagged: list, words: int) -> dict:
    return {"flagged_words": sum(len(s.text.split()) for _, s in flagged)}


DIMENSION = Dimension(
    name="charged", positive="charged", negative="calm",
    purpose="Flags charged sentences (a stand-in dimension for the plug-in test).",
    recipe="standin_dimension:TASK", colour="magenta", html_colour="#9467bd", tint="#e5d8f0", letter="C",
    extras=extras, extra_columns=("flagged_words",), summary=lambda s: f"{s.extras['flagged_words']} words in them",
)
