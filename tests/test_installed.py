"""Run by `make test-installed`: the tests beside this one then check the wheel-installed
package, not the checkout. Elsewhere this module has nothing to check."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

INSTALLED = os.environ.get("FRAMING_TEST_INSTALLED") == "1"


@pytest.mark.skipif(not INSTALLED, reason="only under `make test-installed`")
def test_the_package_under_test_is_the_installed_one():
    import framing
    import framing.training.labelling.build
    import framing.training.tasks.news

    package = Path(framing.__file__).resolve().parent
    assert "site-packages" in package.parts
    assert not package.is_relative_to(ROOT)
    # Everything training and scoring need shipped with it: sub-packages, models, labels.
    assert (package / "models" / "loaded.npz").is_file()
    assert framing.training.tasks.news.OWN_LABELS.is_file()
