# The few verbs of the project. `make serve` and `make test` are the README's two commands.
PYTHON ?= python3.12
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: serve build test bench validate clean system-deps lock

# A .venv made by a Python older than 3.12, or broken (its python gone or failing), is removed
# before anything uses it, so the rule below builds it again: a failed `make PYTHON=python3.11`
# or a removed system Python never leaves every later make failing.
VENV_PYTHON := $(shell [ ! -e $(VENV) ] || $(PY) -c 'import sys; print("%d.%d" % sys.version_info[:2], "ok" if sys.version_info >= (3, 12) else "old")' 2>/dev/null || echo "- broken")
ifneq ($(filter old broken,$(VENV_PYTHON)),)
$(info make: $(VENV) $(if $(filter broken,$(VENV_PYTHON)),is broken,was made by Python $(firstword $(VENV_PYTHON))); removing it so that it is built again)
$(shell rm -rf $(VENV))
endif

# Everything installed comes from the lock, hashes checked: pinned pip and uv first, then the
# packages of uv.lock (exported for pip), then the two projects themselves, without their deps.
UV := UV_PYTHON=$(PY) UV_PYTHON_DOWNLOADS=never $(VENV)/bin/uv

$(STAMP): uv.lock requirements/bootstrap.txt pyproject.toml calculators/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "make: PYTHON=$(PYTHON) is not Python 3.12 or newer; install python3.12 or pass PYTHON=python3.12" >&2; exit 1; }
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/bootstrap.txt
	$(UV) export --quiet --locked --extra test --no-emit-project -o $(VENV)/requirements.txt
	$(PY) -m pip install --quiet --require-hashes -r $(VENV)/requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e . -e ./calculators
	touch $@

# After a change to the dependencies in pyproject.toml (or to pin newer pip or uv).
lock: $(STAMP)
	$(UV) lock
	$(UV) pip compile --quiet --universal --generate-hashes --custom-compile-command 'make lock' \
	    requirements/bootstrap.in -o requirements/bootstrap.txt

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium drives the browser tests (Playwright's own download cannot work offline).
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

serve: $(STAMP) node_modules/.package-lock.json
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) node_modules/.package-lock.json
	$(VENV)/bin/mkdocs build --strict

validate: $(STAMP)
	$(VENV)/bin/aliexpress-modes validate

# The model's own tests alone must cover every branch of calculators/ (not the rest of the suite).
test: system-deps $(STAMP) node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(PY) -m pytest tests/calculators --cov=calculators --cov-branch \
	    --cov-config=calculators/pyproject.toml --cov-fail-under=100
	$(PY) -m pytest --ignore=tests/calculators

bench: system-deps $(STAMP) node_modules/.package-lock.json
	$(PY) benchmarks/calculator_load.py
	$(PY) benchmarks/build_speed.py

# Everything make and the tests create, .venv and node_modules included: the next make starts
# from scratch (see the README).
clean:
	rm -rf site build dist $(VENV) node_modules .pytest_cache .hypothesis .ruff_cache .coverage \
	    benchmarks/results *.egg-info
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
