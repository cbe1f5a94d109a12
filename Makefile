# The README's commands. `make demo` and `make test` work from a clean clone with only
# Python 3 and PyPI: they create .venv and install framing into it first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/data
STAMP := $(VENV)/.installed

.PHONY: install demo test test-installed train evaluate bench fuzz clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/framing score corpus/

test: $(STAMP)
	$(BIN)/python -m pytest -q

# What users install: build the sdist and, from it, the wheel; install the wheel into a fresh
# virtual environment; run the command-line tests there, against that copy, from outside the tree.
WHEEL_TEST := build/wheel-test
test-installed: $(STAMP)
	rm -rf $(WHEEL_TEST) && mkdir -p $(WHEEL_TEST)/tree
	$(BIN)/python -m build --no-isolation --outdir $(WHEEL_TEST)/dist . >/dev/null
	$(PYTHON) -m venv $(WHEEL_TEST)/venv
	$(WHEEL_TEST)/venv/bin/python -m pip install --quiet $(WHEEL_TEST)/dist/*.whl pytest hypothesis
	cp -r tests corpus setup.cfg $(WHEEL_TEST)/tree/
	cd $(WHEEL_TEST)/tree && FRAMING_TEST_INSTALLED=1 ../venv/bin/python -m pytest -q -p no:cacheprovider \
		tests/test_installed.py tests/test_cli.py tests/test_training.py tests/test_report.py tests/test_dimension_plugin.py

train: $(STAMP)
	$(BIN)/framing train --data $(DATA) --task all

evaluate: $(STAMP)
	$(BIN)/framing evaluate --task splitter --data $(DATA)
	$(BIN)/framing evaluate --news test --data $(DATA)
	for t in loaded opinion speculative; do $(BIN)/framing evaluate --task $$t --cross-source --data $(DATA) || exit 1; done
	$(BIN)/framing evaluate --task opinion --dev --data $(DATA)
	$(BIN)/framing evaluate --task speculative --dev --data $(DATA)
	$(BIN)/framing evaluate --corpus corpus/

# framing's bytecode is written first, as installing the wheel does: an editable install under
# PYTHONDONTWRITEBYTECODE would otherwise compile every module from source in each timed run.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m compileall -q framing
	$(BIN)/python -m framing.training.bench --data $(DATA)

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz FUZZ_CLI_EXAMPLES=1000 $(BIN)/python -m pytest -q tests/test_properties.py

clean:
	rm -rf $(VENV) build dist *.egg-info
