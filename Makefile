# gongkai — make demo: set up and validate + build the bundled catalog; make test: set up and run the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
GONGKAI := $(VENV)/bin/gongkai
PYTEST_ARGS ?=

.PHONY: demo test setup bench typecheck mutation clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

demo: $(VENV)/.installed
	$(GONGKAI) validate catalog
	$(GONGKAI) build-site catalog --out site

# Two runs: the browser tests' Chromium driver (its threads) stays in a worker to the end of its session, and a test
# that forks a pool of workers in that process could hang (fork with threads); the rest never share a process with it.
# (Browser tests live in tests/browser and beside the tests of their command: the second run collects all of tests.)
test: $(VENV)/.installed
	$(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)
	$(PY) -m pytest -n 2 -m browser $(PYTEST_ARGS) tests

typecheck: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -m mypy

# Mutation testing of the gate, privacy detection, working days, handover planning, diff classification, the
# site build's keys and the figures of the annual report, scorecard and inspection (tools/mutation.py; slow: not part of
# make test). GROUPS="diff workdays" runs some groups only.
mutation: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[mutation]'
	$(PY) tools/mutation.py $(GROUPS)

bench: $(VENV)/.installed
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) site .gongkai-cache catalog/.gongkai-cache .mutation
