# Two commands on a fresh machine with Python 3.11+ and make:
#   make lab    set everything up and open JupyterLab on the start page
#   make test   set everything up and run the whole test suite
#   make quick  the suite without the slow tests (installs, browser), for the inner loop
#   make workshop   the no-code apps for a staff workshop, in the browser
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Jupyter refuses to run as root unless told to (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup setup-test lab test quick workshop data exercises printables catalog preview bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "The kit needs Python 3.11 or newer, but $(PYTHON) is " + sys.version.split()[0] + ". Run make with PYTHON=python3.12 (or another 3.11+).")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --editable .
	@touch $@

# The test tools (pytest, nbmake, Playwright) only for the test commands: `make lab` stays small.
setup-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable ".[test]"
	@touch $@

lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. notebooks/00_start_here.ipynb

test: setup-test
	$(BIN)/python -m pytest

quick: setup-test
	$(BIN)/python -m pytest -m "not slow"

workshop: setup
	$(BIN)/python -m casekit.tools workshop

data: setup
	$(BIN)/python -m casekit.tools data

exercises: setup
	$(BIN)/python -m casekit.tools exercises

printables: setup
	$(BIN)/python -m casekit.tools printables

# The translation catalogues (casekit/locale/) after a text marked with _() changed; needs Babel, a test tool.
catalog: setup-test
	$(BIN)/python -m casekit.tools catalog

preview: setup
	$(BIN)/python -m casekit.tools preview

bench: setup
	$(BIN)/python benchmarks/bench_world.py
	$(BIN)/python benchmarks/bench_apps.py
	$(BIN)/python benchmarks/bench_worlds.py
	$(BIN)/python benchmarks/bench_notebooks.py

clean:
	rm -rf $(VENV)
