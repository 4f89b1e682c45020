# The single entry point: make site, make serve, make test, make lint, make bench.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Dates in the built site (the sitemap's lastmod) come from the last commit, never from the clock,
# so two builds of the same inputs are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1627257600)
export SOURCE_DATE_EPOCH

.PHONY: help site serve test lint check lock golden bench lighthouse clean new schemas suggest pins mutation

$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/pytest: $(BIN)/mkdocs requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## help: list these targets and what each does
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## site: generate the pages and build the static site into site/ (no warnings allowed)
site: $(BIN)/mkdocs
	$(BIN)/mkdocs build --strict

## serve: preview at http://127.0.0.1:8000, regenerating and reloading on every change
serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --dirty --no-strict --livereload --dev-addr 127.0.0.1:8000

## check: check every input without building
check: $(BIN)/mkdocs
	$(BIN)/python -m generator check

## lock: when publishing, record the published values that check guards (DATE=YYYY-MM-DD for the day of publication)
lock: $(BIN)/mkdocs
	$(BIN)/python -m generator lock $(if $(DATE),--date $(DATE))

## suggest: a new article's names (known, misspelt, new), claims and dates: make suggest A=seeds/articles/NAME.txt
## (ARGS="--apply" adds the likely misspellings to the entities' aliases; see README, For editors)
suggest: $(BIN)/mkdocs
	@test -n "$(A)" || { echo "usage: make suggest A=seeds/articles/NAME.txt [ARGS=--apply]" >&2; exit 2; }
	$(BIN)/python -m generator suggest $(A) $(ARGS)

## new: how to add an article, topic, entity, source, glossary term or chart (starter files)
new:
	@echo "Add content with a starter file that passes 'make check' at once:"
	@echo "  $(BIN)/python -m generator new article 2021-07-26-short-name   seeds/articles/ (text + sidecar)"
	@echo "  $(BIN)/python -m generator new topic short-name                 seeds/topics/short-name.yml"
	@echo "  $(BIN)/python -m generator new entity full-name                 seeds/entities/full-name.yml"
	@echo "  $(BIN)/python -m generator new source ap-2021-07-26-short-title seeds/sources/..."
	@echo "  $(BIN)/python -m generator new term acronym                     seeds/glossary/acronym.yml"
	@echo "  $(BIN)/python -m generator new chart short-name                 seeds/charts/short-name.yml"
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

## bench: time the generator and the site builds from 10 to 1,000 articles; writes BENCHMARKS.md (and
##        BENCHMARKS-names.md: how well and how fast suggest matches names), and fails (exit status 1) when any
##        target is missed
bench: $(BIN)/pytest
	$(BIN)/python -m bench.run; status=$$?; $(BIN)/python -m bench.names && exit $$status

## lighthouse: the readers' speed budget, Lighthouse on the built site; writes its figures into BENCHMARKS.md
lighthouse: $(BIN)/pytest node_modules/.bin/lighthouse
	$(BIN)/pytest tests/test_lighthouse.py --update-benchmarks

node_modules/.bin/lighthouse: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## mutation: mutation testing (mutmut) of the core modules named in pyproject.toml [tool.mutmut]; writes the
##           score into TESTING.md and fails if under 80% of the mutants are killed (see TESTING.md for the time)
mutation: $(BIN)/pytest
	rm -rf mutants
	HYPOTHESIS_PROFILE=mutation $(BIN)/mutmut run
	$(BIN)/python tests/mutation_score.py --fail-under 80 TESTING.md

## pins: re-resolve requirements.txt (from pyproject.toml's dependencies) and requirements-dev.txt (from
##       requirements-dev.in) to the newest releases, in a throwaway environment; review the diff, then make test
pins:
	rm -rf .pins
	$(PYTHON) -m venv .pins
	.pins/bin/python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], \
	sep='\n')" > .pins/runtime.in
	.pins/bin/pip install --quiet --disable-pip-version-check -r .pins/runtime.in
	{ echo "# Pinned runtime dependencies: the generator and the site build (make site). Written by make pins"; \
	  echo "# from pyproject.toml's dependencies: edit those, not this file."; \
	  .pins/bin/pip freeze --disable-pip-version-check; } > requirements.txt
	.pins/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.in
	{ echo "# Pinned test and lint dependencies (make test), on top of the runtime ones. Written by make pins"; \
	  echo "# from requirements-dev.in: edit that, not this file."; \
	  echo "-r requirements.txt"; \
	  .pins/bin/pip freeze --disable-pip-version-check \
	    | grep -vxiF -f requirements.txt; } > requirements-dev.txt
	rm -rf .pins

## clean: remove the built site, the generated pages and the mutation-testing copy (hand-written files stay);
##        the writer needs only the standard library, so this works without .venv
clean:
	rm -rf site .pytest_cache mutants
	$(PYTHON) -c "from pathlib import Path; from generator import cache, write; \
	write.write_pages({}, Path('docs')); cache.forget(Path('docs'))"
