# sitroom: `make run` installs everything and runs the demo; `make test` installs and tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: install run test lint bench gazetteer clean

install: $(STAMP)

$(STAMP): requirements.lock requirements-nodeps.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps -r requirements-nodeps.lock
	$(PIP) install --no-deps -e .
	touch $(STAMP)

gazetteer: install
	$(BIN)/sitroom gazetteer build --if-missing

run: install gazetteer
	@mkdir -p out
	$(BIN)/sitroom extract data/demo/articles.jsonl --format jsonl > out/demo-events.jsonl
	$(BIN)/sitroom extract data/demo/articles.jsonl --format table
	@echo "JSON records written to out/demo-events.jsonl"

test: install gazetteer
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q -n 2 -p no:cacheprovider

bench: install gazetteer
	$(BIN)/python bench/throughput.py --n 500

clean:
	rm -rf $(VENV) out build .pytest_cache
