# The single entry point: make site, make serve, make test, make lint, make bench.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Dates in the built site (the sitemap's lastmod) come from the last commit, never from the clock,
# so two builds of the same inputs are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1627257600)
export SOURCE_DATE_EPOCH

.PHONY: site serve test lint check golden bench clean new schemas

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
	$(BIN)/mkdocs serve --dirty --no-strict --livereload --dev-addr 127.0.0.1:8000

## check: check every input without building
check: $(BIN)/mkdocs
	$(BIN)/python -m generator check

## new: how to add an article, topic, entity, source or glossary term (starter files)
new:
	@echo "Add content with a starter file that passes 'make check' at once:"
	@echo "  $(BIN)/python -m generator new article 2021-07-26-short-name   seeds/articles/ (text + sidecar)"
	@echo "  $(BIN)/python -m generator new topic short-name                 seeds/topics/short-name.yml"
	@echo "  $(BIN)/python -m generator new entity full-name                 seeds/entities/full-name.yml"
	@echo "  $(BIN)/python -m generator new source ap-2021-07-26-short-title seeds/sources/..."
	@echo "  $(BIN)/python -m generator new term acronym                     seeds/glossary/acronym.yml"
	@echo "Ids use lowercase letters, digits and single hyphens. Then replace every TODO and run: make check"

## schemas: regenerate the editors' JSON Schemas (generator/schemas/) and the schema comment in seeds/
schemas: $(BIN)/mkdocs
	$(BIN)/python -m generator schemas --annotate

## test: every test, browser tests included when Chromium is installed
test: $(BIN)/pytest
	$(BIN)/pytest

## lint: ruff and mypy
lint: $(BIN)/pytest
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy

## golden: rewrite the golden files after a deliberate change to the templates
golden: $(BIN)/pytest
	$(BIN)/pytest tests/test_golden.py --update-goldens

## bench: time the generator and the site builds from 10 to 1,000 articles; writes BENCHMARKS.md
bench: $(BIN)/pytest
	$(BIN)/python -m bench.run

clean:
	rm -rf site .pytest_cache
	$(BIN)/python -c "from generator.write import write_pages; from pathlib import Path; write_pages({}, Path('docs'))" 2>/dev/null || true
