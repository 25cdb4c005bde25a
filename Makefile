# Two commands do everything on a fresh machine: `make demo` and `make test`.
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST := $(PYTHON) -m pytest -n 4 --dist loadgroup --durations=20

.PHONY: install demo test test-fast datasets clean hub-proxy hub-env

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

## JupyterHub's proxy (configurable-http-proxy), pinned by deploy/hub/package-lock.json: `course hub` needs it.
HUB_PROXY := deploy/hub/node_modules/.bin/configurable-http-proxy
$(HUB_PROXY): deploy/hub/package.json deploy/hub/package-lock.json
	npm ci --prefix deploy/hub --no-audit --no-fund --loglevel=error
	touch $(HUB_PROXY)
hub-proxy: $(HUB_PROXY)

## A Python environment every local user can run (the course's single-user servers start from it), for machines
## where .venv's interpreter sits in a private folder (pyenv under /root, say): Debian's python3, readable by all.
HUB_ENV := build/hub-env
$(HUB_ENV)/.installed: pyproject.toml
	/usr/bin/python3 -m venv $(HUB_ENV)
	$(HUB_ENV)/bin/python -m pip install --quiet -e .
	$(HUB_ENV)/bin/python -m autograder.lab_settings
	chmod -R a+rX $(HUB_ENV)
	touch $@
hub-env: $(HUB_ENV)/.installed

clean:
	rm -rf build .pytest_cache
