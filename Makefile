# Quick start: `make demo` (install + run every signal on the bundled corpus)
# and `make test` (install dev tooling + run the whole test suite).
# Each target does all of its own set-up in a local virtual environment.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUTPUT ?= output

.PHONY: demo test notebooks benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/framing run corpus -o $(OUTPUT)
	@echo "Results are in $(OUTPUT)/: spans.csv, articles.csv, load_report.csv, report.html"

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest --nbmake tests framing notebooks

notebooks: $(VENV)/.installed-dev
	$(BIN)/jupyter lab notebooks

benchmark: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(OUTPUT) .pytest_cache
