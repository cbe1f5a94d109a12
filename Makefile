# The README's commands. `make demo` and `make test` work from a clean clone with only
# Python 3 and PyPI: they create .venv and install framing into it first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/data
STAMP := $(VENV)/.installed

.PHONY: install demo test train evaluate bench fuzz clean

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

train: $(STAMP)
	$(BIN)/framing train --data $(DATA) --task all

evaluate: $(STAMP)
	$(BIN)/framing evaluate --task splitter --data $(DATA)
	$(BIN)/framing evaluate --task opinion --dev --data $(DATA)
	$(BIN)/framing evaluate --task speculative --dev --data $(DATA)
	$(BIN)/framing evaluate --corpus corpus/

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m framing.bench --data $(DATA)

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz FUZZ_CLI_EXAMPLES=1000 $(BIN)/python -m pytest -q tests/test_properties.py

clean:
	rm -rf $(VENV) build *.egg-info
