# One command to install and run every check; one to install and start the app.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test lint typecheck run bench bench-load clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict src/bleedcheck

# As root, scripts/test-services.sh installs and starts PostgreSQL (and installs Chromium)
# so the API and storage tests run on SQLite and on a real PostgreSQL server.
test: $(STAMP) lint typecheck
	$(BIN)/bleedcheck kb check
	scripts/test-services.sh $(BIN)/pytest

# The web app and REST API on http://127.0.0.1:8000 (SQLite in your data folder).
run: $(STAMP)
	$(BIN)/bleedcheck serve --port 8000

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py

bench-load: $(STAMP)
	scripts/test-services.sh $(BIN)/python benchmarks/load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
