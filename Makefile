# The two commands a newcomer needs: `make serve` and `make test`.
# Each creates the virtual environment and installs what it needs first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
# Etalab's static server, for `make rsync_upload` (override on the command line:
# `make rsync_upload SSH_HOST=... SSH_USER=...`). deploy/nginx/eig.conf serves SSH_TARGET_DIR.
SSH_HOST ?= entrepreneur-interet-general.etalab.gouv.fr
SSH_PORT ?= 22
SSH_USER ?= deploy
SSH_TARGET_DIR ?= /srv/eig/site

.DEFAULT_GOAL := help
.PHONY: help html serve cms publish defi check test lint clean lock browser rsync_upload bench lighthouse

help: ## Show this help
	@grep -E '^[a-z_]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# --no-compile: pip would compile all 4,250 modules (5 s); the ones a run imports, some
# 1,600, are compiled on first import instead (1 s) and kept in __pycache__/ as usual.
$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-compile -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Node tools come from npm, pinned in package-lock.json: the Nu HTML checker (vnu-jar),
# Lighthouse, decap-server (`make cms`). Install scripts are not run (vnu-jar's is
# a Java downloader): Java comes from Debian.
NODE_TOOLS := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
$(NODE_TOOLS): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	rm -f node_modules/.installed-*
	touch $@

# scripts/build.py replaces output/ only once a build has fully succeeded.
html: $(INSTALLED) ## Build the site into output/
	$(BIN)/python scripts/build.py -s pelicanconf.py

serve: $(INSTALLED) ## Build, serve on http://127.0.0.1:8000 and rebuild on every save
	$(BIN)/python scripts/serve.py --host $(HOST) --port $(PORT)

# decap-server (npm) writes the back office's changes into this working copy.
cms: $(INSTALLED) $(NODE_TOOLS) ## Back office on http://127.0.0.1:8000/admin/, saving into this folder
	$(BIN)/python scripts/cms.py --host $(HOST) --port $(PORT)

publish: $(INSTALLED) ## Build the public site (publishconf.py) into output/
	$(BIN)/python scripts/build.py -s publishconf.py

# SLUG, TITLE and DATE reach the script through the environment (make exports
# command-line variables), so no shell quoting can break a title.
defi: $(INSTALLED) ## Create a challenge: make defi SLUG=nom-du-defi TITLE="Nom du défi"
	@$(BIN)/python scripts/new_defi.py

lint: $(INSTALLED) ## Check the Python code with ruff, and the CI workflows with actionlint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint -no-color .github/workflows/*.yml

# The page tests drive Debian's Chromium and run the Nu checker on Java; the server tests
# run Debian's nginx with its brotli_static module. CI is a fresh Debian where only
# package registries answer, as root; elsewhere sudo, if there is one.
browser: ## Install Chromium, Java for the HTML checker, and nginx, when missing
	@missing=""; \
	[ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || \
	  missing="$$missing libnginx-mod-http-brotli-static"; \
	command -v jekyll >/dev/null || missing="$$missing jekyll"; \
	if [ -n "$$missing" ]; then \
	  sudo=""; \
	  if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=sudo; fi; \
	  install="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing"; \
	  $$install || { $$sudo apt-get update && $$install; }; \
	fi

# Build the public site, then mirror output/ to the server; --delete removes what the
# build no longer has, and --delay-updates swaps the files in at the end of the transfer.
rsync_upload: publish ## Build the public site and send it to SSH_HOST:SSH_TARGET_DIR
	rsync -e "ssh -p $(SSH_PORT)" -rvzc --delete --delay-updates output/ \
	  "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)/"


# Screenshots of the home page and a challenge (360 and 1280 px), for reviewers.
CAPTURES := test-results/captures

# While working: lint, then every test that needs no browser, no nginx and no network
# (pytest markers, pyproject.toml); it aims at 30 s on 2 cores (20-32 s, by the machine's hour). `make test` runs them all.
# Both run the tests on every core (pytest-xdist); tests of one group (xdist_group: one
# page's browser tests, the Nu checker's) go to one worker, which loads the page once.
PYTEST_XDIST := -n auto --dist loadgroup
# Python's bytecode caches (__pycache__/, ignored by git) spare each test process and each
# build it starts some 3 s of compiling: an environment that turns them off would pay it
# on every run. An empty value is Python's "not set".
# The tests' temporary folders go to memory (/dev/shm) when it has room: creating a file
# on this project's disks cost up to 1 ms, 10 µs in memory (scripts/tmpdir_for_tests.py).
PYTEST = TMPDIR="$(shell $(PYTHON) scripts/tmpdir_for_tests.py)" PYTHONDONTWRITEBYTECODE= $(BIN)/pytest
# The installs come from three registries (PyPI, npm, Debian) into three places: run at
# once, a fresh clone's set-up waits for the slowest of them, not for their sum. Each
# target's output is shown whole when it ends (--output-sync).
SETUP = $(MAKE) --no-print-directory -j3 --output-sync=target
check: ## Lint and the fast tests (no browser, no nginx): run it while working
	@$(SETUP) $(INSTALLED) $(NODE_TOOLS)
	@$(MAKE) --no-print-directory lint
	$(PYTEST) -q $(PYTEST_XDIST) -m "not browser and not nginx and not slow"

test: ## Run every test (what CI runs)
	@$(SETUP) $(INSTALLED) browser $(NODE_TOOLS)
	@$(MAKE) --no-print-directory lint
	@status=0; EIG_CAPTURES="$(CURDIR)/$(CAPTURES)" $(PYTEST) $(PYTEST_XDIST) || status=$$?; \
	echo "Captures d'écran à relire : $(CAPTURES)/"; exit $$status

# Build times (bench/bench.py): medians over 3 runs; `make bench BENCH=--quick` for one run.
BENCH ?=
bench: $(INSTALLED) ## Measure build times (real site, 1,000 and 10,000 challenges)
	$(BIN)/python bench/bench.py $(BENCH)

lighthouse: $(INSTALLED) browser $(NODE_TOOLS) ## Lighthouse scores of the home page and a challenge
	$(BIN)/python bench/lighthouse.py

clean: ## Remove the built site and caches (keeps the virtual environment)
	rm -rf output .output-build-* .output-previous .output.lock .pytest_cache .ruff_cache test-results \
	  .cache/share-images
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

lock: ## Re-pin requirements.txt from requirements.in in a fresh environment
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Pinned by 'make lock' from requirements.in (Python 3.11). Do not edit by hand."; \
	  grep '^-e ' requirements.in; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > requirements.txt
	rm -rf .lock-venv
