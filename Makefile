# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test serve lint bench bench-web eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev,web]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cv-translator translate fixtures/cvs/sample_hospitalist.docx -o out --force

test: $(STAMP)
	$(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/cv-translator serve

lint: $(STAMP)
	$(BIN)/ruff check translator tests bench fixtures docs
	$(BIN)/ruff format --check translator tests bench fixtures docs
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_translate.py

bench-web: $(STAMP)
	$(BIN)/python bench/bench_web.py

eval: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(PYTHON) ../shared/eval/score_bullets.py ../shared/eval/dev_bullets.jsonl \
		--min-f1 0.9 --max-claims 0 --max-padded 0.03 --min-changed 0.95 --min-verb-first 0.9

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
