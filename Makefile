# `make run` builds the graph of the shipped seeds; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench screenshot browser fuzz clean

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

# Debian's chromium and a CJK font for the browser tests (CI runs as root; elsewhere run this with sudo)
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
		else echo "browser tests need chromium and fonts-noto-cjk: sudo make browser"; fi; \
	fi

test: $(TEST_STAMP) browser
	$(BIN)/ruff check graph extractors tests benchmarks tools
	$(BIN)/python -m pytest -q; status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

lint: $(TEST_STAMP)
	$(BIN)/ruff check graph extractors tests benchmarks tools

# 10,000 hypothesis cases against the splitter, the extractors and the writers, and 200 random edits
# rebuilt against full builds (make test runs a few hundred and ten)
fuzz: $(TEST_STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/io/test_fuzz.py "tests/io/test_rebuild.py::test_any_edit_gives_the_bytes_of_a_full_build"

screenshot: $(TEST_STAMP) browser
	$(BIN)/python tools/screenshot.py

# spaCy, for the throughput benchmark's comparison only: in an environment of its own, never the project's
.venv-bench/.installed:
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install --quiet spacy
	touch $@

bench: $(TEST_STAMP) browser .venv-bench/.installed
	$(BIN)/python benchmarks/build_time.py
	$(BIN)/python benchmarks/html_scale.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/chinese.py
	$(BIN)/python benchmarks/big_file.py
	$(BIN)/python benchmarks/queries.py
	$(BIN)/python benchmarks/throughput.py --spacy .venv-bench/bin/python

clean:
	rm -rf $(VENV) .venv-bench outputs/graph.* outputs/index.html outputs/docs outputs/context.jsonld .pytest_cache
