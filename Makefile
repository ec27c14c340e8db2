# ropa-desktop developer tasks.
#
#   make run  [ARGS="..."]      start the application from the local virtualenv
#   make test [PYTEST_ARGS=...] lint, import contracts, then the whole test suite
#   make lint                   ruff check, ruff format --check, import-linter, mypy
#   make clean                  remove caches and build artefacts (keeps .venv)
#   make distclean              clean + remove .venv
#
# The virtualenv is created with python3 from PATH (override with PYTHON=...) and
# `pip install -e '.[dev]'` reruns only when pyproject.toml is newer than .venv/.installed.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The recipes below rely on their order (setup, system packages, lint, tests).
.NOTPARALLEL:

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=
PYTEST_ARGS ?=

.PHONY: help run test lint clean distclean venv system-deps check-python

help:
	@echo "make run [ARGS=...]         start ropa-desktop (creates $(VENV) if needed)"
	@echo "make test [PYTEST_ARGS=...] make lint, then pytest (installs system packages if root)"
	@echo "make lint                   ruff check/format --check, lint-imports, mypy"
	@echo "make clean                  remove caches and build artefacts"
	@echo "make distclean              clean and remove $(VENV)"

check-python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	    echo "error: '$(PYTHON)' was not found on PATH; ropa-desktop needs Python >= 3.11." >&2; \
	    exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	    echo "error: ropa-desktop needs Python >= 3.11, but '$(PYTHON)' is Python $$($(PYTHON) -c 'import sys; print(sys.version.split()[0])')." >&2; \
	    echo "       Put a newer python3 first on PATH, or run e.g. 'make PYTHON=python3.12 ...'." >&2; \
	    exit 1; }

$(VENV)/pyvenv.cfg: | check-python
	@echo "==> creating virtualenv $(VENV) with $$(command -v $(PYTHON))"
	@$(PYTHON) -m venv $(VENV) || { \
	    rm -rf $(VENV); \
	    echo "error: '$(PYTHON) -m venv' failed; on Debian/Ubuntu install the package python3-venv." >&2; \
	    exit 1; }

$(STAMP): pyproject.toml $(VENV)/pyvenv.cfg
	@echo "==> installing ropa-desktop and dev dependencies into $(VENV)"
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[dev]'
	@touch $@

venv: $(STAMP)

system-deps:
	@bash scripts/ensure-system-deps.sh

run: venv
	$(BIN)/ropa-desktop $(ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: venv system-deps lint
	@echo "QT_QPA_PLATFORM=offscreen $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)"
	@rc=0; QT_QPA_PLATFORM=offscreen $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS) || rc=$$?; \
	if [ "$$rc" -eq 5 ]; then echo "error: pytest collected no tests (exit code 5)." >&2; fi; \
	exit "$$rc"

clean:
	find . \( -path ./$(VENV) -o -path ./.git \) -prune -o -type d -name __pycache__ -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .hypothesis .import_linter_cache build dist *.egg-info

distclean: clean
	rm -rf $(VENV)
