# Two commands do everything on a fresh machine: `make demo` and `make test`.
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST := $(PYTHON) -m pytest -n 2 --dist loadgroup

.PHONY: install demo test test-fast datasets clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	$(PYTHON) -m autograder.lab_settings
	touch $(STAMP)

install: $(STAMP)

## The instructor's journey: build the course, grade a synthetic class, write grades and print a summary.
demo: install
	$(VENV)/bin/course demo --out build/demo

## The whole test suite, slow tests included (what CI runs).
test: install
	$(PYTEST)

## Everything but the slow tests (those that run whole notebooks or nbgrader).
test-fast: install
	$(PYTEST) -m "not slow"

## Rebuild every table of the library world from its seed.
datasets: install
	$(VENV)/bin/course datasets

clean:
	rm -rf build .pytest_cache
