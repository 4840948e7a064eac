# Connecteur — set-up and everyday commands. See README.md.
#   make run    set up .venv if needed, then open the app on the bundled corpus
#   make test   same set-up with the test tools, then lint and the whole suite headless

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PYTEST_ARGS ?=

.PHONY: run test lint bench db translations package wheel clean help

help:
	@sed -n '1,4p' Makefile

# A venv is stale when its interpreter no longer runs (Python upgraded or moved);
# the installed project is stale when pyproject.toml changed since the last install.
$(PY):
	@$(PY) -c "" 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed-run: pyproject.toml | $(PY)
	@$(PY) -c "" 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	@$(PY) -c "" 2>/dev/null || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/connecteur

test: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests benchmarks

# Rebuild the bundled database (and db/schema.sql) from resources/.
db: $(VENV)/.installed-run
	$(BIN)/connecteur build

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

clean:
	rm -rf build dist *.egg-info desktop/*.egg-info .pytest_cache .ruff_cache
