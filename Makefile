# Path to PM: the commands a contributor needs. `make help` lists them.
#
# The two a newcomer runs are `make serve` and `make test`. Both create the
# virtual environment in .venv on first use and install the hash-pinned locks.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
# The pip every venv is upgraded to: pinned, so a new pip release changes nothing until we choose it.
PIP_VERSION := 26.3
BIN := $(VENV)/bin
# The site generator: MkDocs today; `make test BUILD=.venv/bin/properdocs` builds
# with ProperDocs instead. The tests and benchmarks read it as PTP_BUILD.
BUILD ?= $(BIN)/mkdocs
export PTP_BUILD := $(BUILD)
export NO_MKDOCS_2_WARNING := true

# Edit links point at the repository this clone came from, when it is on GitHub.
REPO_URL ?= $(shell git remote get-url origin 2>/dev/null | sed -nE 's#^(git@github\.com:|https://github\.com/)([^/]+/[^/]+)$$#https://github.com/\2#p' | sed -E 's#\.git$$##')
ifneq ($(strip $(REPO_URL)),)
export REPO_URL
endif

.PHONY: help serve build quick test test-properdocs check-data ids lint lint-web lint-content chromium lock bench clean templates

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Path to PM needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==$(PIP_VERSION)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

serve: $(VENV)/.runtime ## Serve the site at http://127.0.0.1:8000/ with live reload
	$(BUILD) serve --dev-addr 127.0.0.1:8000 --livereload --watch data

build: $(VENV)/.runtime ## Build the site into site/ (strict: any warning fails)
	$(BUILD) build --strict --clean

check-data: $(VENV)/.runtime ## Validate the data files and print every problem
	$(BIN)/python -m hooks.check_data

ids: $(VENV)/.runtime ## Register new checklist ids in data/checklist-ids.yml
	$(BIN)/python -m hooks.register_ids

lint: $(VENV)/.dev ## Lint the Python code
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench

# The JavaScript and CSS linter: Biome, one npm package with its own binary, pinned with
# its integrity hashes in tools/lint/package-lock.json (`npm ci` never rewrites it).
BIOME := tools/lint/node_modules/.bin/biome
$(BIOME): tools/lint/package-lock.json
	@command -v npm > /dev/null || { echo "The JavaScript and CSS lint needs Node.js and npm: sudo apt-get install nodejs npm" >&2; exit 1; }
	cd tools/lint && npm ci --no-audit --no-fund --silent
	@touch $@

lint-web: $(BIOME) ## Lint the JavaScript and CSS (Biome, settings in tools/lint/biome.json)
	$(BIOME) lint --config-path tools/lint/biome.json --error-on-warnings --no-errors-on-unmatched docs/assets

lint-content: $(VENV)/.dev ## Check lessons and guide pages against the style guide, and spelling
	$(BIN)/python -m hooks.lessonlint
	$(BIN)/codespell docs data README.md CONTRIBUTING.md

templates: $(VENV)/.dev ## Regenerate the .docx, .xlsx, .csv and .txt template downloads from the template pages
	$(BIN)/python -m hooks.template_files

chromium: $(VENV)/.dev ## Find a Chromium for the browser tests (or say how to get one)
	@$(BIN)/python tests/find_chromium.py > /dev/null

# Unit tests share nothing, so any worker may take any test (--dist load; make test keeps a
# file's tests together, for the browser fixtures).
quick: lint check-data lint-content ## The everyday loop (under 30 s): ruff, data, lessons and spelling, unit tests
	$(BIN)/python -m pytest tests/unit -q --dist load

# Every check, from the targets above; pytest then builds the site once, strictly
# (tests/conftest.py), and runs the unit, build and browser tests on that build.
# The number of pytest workers is set in one place: addopts in pyproject.toml.
test: chromium lint lint-web check-data lint-content ## Run every check: lint, data, content, then one strict build and every test
	@CHROMIUM="$$($(BIN)/python tests/find_chromium.py)" && export CHROMIUM && $(BIN)/python -m pytest

test-properdocs: ## Run `make test` where only ProperDocs is installed (.venv-properdocs, MkDocs uninstalled)
	$(MAKE) --no-print-directory VENV=.venv-properdocs .venv-properdocs/.dev
	.venv-properdocs/bin/pip uninstall --quiet --yes mkdocs
	$(MAKE) --no-print-directory test VENV=.venv-properdocs BUILD=.venv-properdocs/bin/properdocs

lock: ## Regenerate requirements.txt and requirements-dev.txt from the .in files
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-dev.txt requirements-dev.in

bench: $(VENV)/.dev ## Run the benchmarks and update bench/README.md (takes about 30 minutes)
	@status=0; \
	for b in build_time scaling page_weight search_speed lighthouse; do $(BIN)/python -m bench.$$b || status=1; done; \
	$(BIN)/python -m bench.report; exit $$status

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .ruff_cache
