# The few verbs of the project. `make serve` and `make test` are the README's two commands.
PYTHON ?= python3.12
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: serve build test bench validate clean system-deps lock

# Everything installed comes from the lock, hashes checked: pinned pip and uv first, then the
# packages of uv.lock (exported for pip), then the two projects themselves, without their deps.
UV := UV_PYTHON=$(PY) UV_PYTHON_DOWNLOADS=never $(VENV)/bin/uv

$(STAMP): uv.lock requirements/bootstrap.txt pyproject.toml calculators/pyproject.toml
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

clean:
	rm -rf site build dist .pytest_cache .coverage
