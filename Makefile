# The single entry point: make site, make serve, make test, make lint, make bench.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Dates in the built site (the sitemap's lastmod) come from the last commit, never from the clock,
# so two builds of the same inputs are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1627257600)
export SOURCE_DATE_EPOCH

.PHONY: site serve test lint check golden bench clean new

$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/pytest: $(BIN)/mkdocs requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## site: generate the pages and build the static site into site/ (no warnings allowed)
site: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

## serve: preview at http://127.0.0.1:8000, regenerating and reloading on every change
serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

## check: check every input without building
check: $(BIN)/mkdocs
	$(BIN)/python -m generator check

## test: every test, browser tests included when Chromium is installed
test: $(BIN)/pytest
	$(BIN)/pytest

## lint: ruff and mypy
lint: $(BIN)/pytest
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

## golden: rewrite the golden files after a deliberate change to the templates
golden: $(BIN)/pytest
	$(BIN)/pytest tests/test_golden.py --update-goldens

clean:
	rm -rf site .pytest_cache
	$(BIN)/python -c "from generator.write import write_pages; from pathlib import Path; write_pages({}, Path('docs'))" 2>/dev/null || true
