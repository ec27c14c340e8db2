# ropa-desktop developer tasks.
#
#   make run  [ARGS="..."]      start the application from the local virtualenv
#   make test [PYTEST_ARGS=...] lint, the wheel and bundle smoke tests, then the test suite
#   make wheel-smoke            build the wheel, install it into a fresh venv, smoke-test it
#   make bundle                 wheel-smoke, then the PyInstaller bundle dist/ropa-desktop
#                               and its smoke test
#   make lint                   ruff check, ruff format --check, import-linter, mypy
#   make clean                  remove caches and build artefacts (keeps .venv)
#   make distclean              clean + remove .venv
#
# The virtualenv is created with python3 from PATH (override with PYTHON=...). `make run`
# installs the application alone (`pip install -e '.[postgresql]'`, stamp .venv/.installed-run),
# `make test`/`make lint` add the developer tools (`'.[dev]'`, stamp .venv/.installed-dev);
# each reruns only when pyproject.toml is newer than its stamp. The packaging smoke tests
# work in PACKAGING_DIR (outside the source tree; default $TMPDIR/ropa-packaging).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The recipes below rely on their order (setup, system packages, lint, tests).
.NOTPARALLEL:

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PACKAGING_DIR ?= $(or $(TMPDIR),/tmp)/ropa-packaging
ARGS ?=
PYTEST_ARGS ?=

.PHONY: help run test lint clean distclean venv system-deps check-python wheel-smoke bundle

help:
	@echo "make run [ARGS=...]         start ropa-desktop (creates $(VENV) if needed)"
	@echo "make test [PYTEST_ARGS=...] make lint, then pytest (installs system packages if root)"
	@echo "make lint                   ruff check/format --check, lint-imports, mypy"
	@echo "make wheel-smoke            build the wheel, install it in a fresh venv, smoke test"
	@echo "make bundle                 wheel-smoke, then the PyInstaller bundle and its smoke test"
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

# The developer install includes everything the runtime install has.
$(RUN_STAMP): pyproject.toml $(VENV)/pyvenv.cfg
	@if [[ -f $(DEV_STAMP) && $(DEV_STAMP) -nt pyproject.toml ]]; then touch $@; else \
	    echo "==> installing ropa-desktop (without developer tools) into $(VENV)"; \
	    $(BIN)/python -m pip install --disable-pip-version-check -e '.[postgresql]'; \
	    touch $@; fi

$(DEV_STAMP): pyproject.toml $(VENV)/pyvenv.cfg
	@echo "==> installing ropa-desktop and dev dependencies into $(VENV)"
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[dev]'
	@touch $@ $(RUN_STAMP)

venv: $(DEV_STAMP)

system-deps:
	@bash scripts/ensure-system-deps.sh

run: $(RUN_STAMP)
	$(BIN)/ropa-desktop $(ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

wheel-smoke: venv
	BUILD_PYTHON=$(BIN)/python PYTHON=$(PYTHON) bash packaging/wheel_smoke.sh $(PACKAGING_DIR)

bundle: wheel-smoke
	bash packaging/build_bundle.sh $(PACKAGING_DIR)

test: venv system-deps lint bundle
	@echo "QT_QPA_PLATFORM=offscreen $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)"
	@rc=0; QT_QPA_PLATFORM=offscreen $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS) || rc=$$?; \
	if [ "$$rc" -eq 5 ]; then echo "error: pytest collected no tests (exit code 5)." >&2; fi; \
	exit "$$rc"

clean:
	find . \( -path ./$(VENV) -o -path ./.git \) -prune -o -type d -name __pycache__ -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .hypothesis .import_linter_cache build dist *.egg-info
	rm -rf $(PACKAGING_DIR)

distclean: clean
	rm -rf $(VENV)
