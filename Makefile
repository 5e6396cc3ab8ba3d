# Two entry points, both doing all set-up on a fresh machine:
#   make demo   the main job: simulated government site, crawl, revision, alerts (see README)
#   make test   install everything and run the whole test suite (what .ci/run runs)
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

.PHONY: demo test bench system

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

system:
	bash scripts/install-system.sh

demo: system $(VENV)/.installed
	$(VENV)/bin/gxmon demo

test: system $(VENV)/.installed
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

bench: system $(VENV)/.installed
	$(PY) -m benchmarks
