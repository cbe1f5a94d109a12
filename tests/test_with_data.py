"""Checks on the real training data; they skip on a clone without ../shared/data."""
from pathlib import Path

import numpy as np
import pytest

from framing.classifiers.linear import LinearModel
from framing.classifiers.models_dir import shipped_models_dir
from framing.dimensions import BUILT_IN as DIMENSIONS
from framing.training import datasets
from framing.training.boundaries import boundary_scores
from framing.training.commands import train_task
from framing.training.tasks import task_config


def test_splitter_boundaries_on_held_out_ptc_articles(shared_data):
    _, held_out = datasets.splitter_partition(datasets.ptc_article_paths(shared_data))
    scores = boundary_scores(held_out)
    assert scores["articles"] == 75
    assert scores["all"]["f1"] >= 0.93
    assert scores["punctuated"]["f1"] >= 0.96


def test_training_reproduces_the_shipped_loaded_model(shared_data):
    shipped = LinearModel.load(shipped_models_dir() / "loaded.npz")
    added = {Path(s.path).stem for s in task_config("loaded").sources} - {s["name"] for s in shipped.metadata["sources"]}
    if added:
        pytest.skip(f"the shipped loaded model predates {', '.join(sorted(added))}: retrain it (make train)")
    model = train_task("loaded", shared_data, cv=False)
    assert model.vocabulary == shipped.vocabulary
    assert np.array_equal(model.coef, shipped.coef)
    assert np.array_equal(model.idf, shipped.idf)
    assert model.intercept == shipped.intercept


def test_every_task_has_training_data_of_both_labels(shared_data):
    for task in DIMENSIONS:
        labels = {e.label for e in datasets.task_examples(task, task_config(task).sources, shared_data)}
        assert labels == {0, 1}, task
