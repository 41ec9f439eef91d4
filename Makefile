# `make run` builds the graph of the shipped seeds; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/kg build seeds/ --out outputs/

test: $(TEST_STAMP)
	$(BIN)/ruff check graph extractors tests benchmarks
	$(BIN)/python -m pytest -q; status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

lint: $(TEST_STAMP)
	$(BIN)/ruff check graph extractors tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/build_time.py

clean:
	rm -rf $(VENV) outputs/graph.* .pytest_cache
