# The two commands a newcomer needs: `make serve` and `make test`.
# Each creates the virtual environment and installs what it needs first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
PELICAN := $(BIN)/pelican --log-handler plain
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help html serve publish test lint clean lock browser bench lighthouse

help: ## Show this help
	@grep -E '^[a-z_]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

html: $(INSTALLED) ## Build the site into output/
	$(PELICAN) -s pelicanconf.py

serve: $(INSTALLED) ## Build, serve on http://127.0.0.1:8000 and rebuild on every save
	$(BIN)/python scripts/serve.py --host $(HOST) --port $(PORT)

publish: $(INSTALLED) ## Build the public site (publishconf.py) into output/
	$(PELICAN) -s publishconf.py

lint: $(INSTALLED) ## Check the Python code with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The page tests drive Debian's Chromium and run the Nu checker on Java. CI is a fresh
# Debian where only package registries answer, as root; elsewhere sudo, if there is one.
browser: ## Install Chromium, and Java for the HTML checker, when missing
	@missing=""; \
	command -v /usr/bin/chromium >/dev/null || missing="chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  sudo=""; \
	  if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo=sudo; fi; \
	  install="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing"; \
	  $$install || { $$sudo apt-get update && $$install; }; \
	fi

# The Nu HTML checker (vnu-jar) comes from npm, pinned in package-lock.json; its
# install script (a Java downloader) is not run: Java comes from Debian.
NODE_TOOLS := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
$(NODE_TOOLS): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	rm -f node_modules/.installed-*
	touch $@

# Screenshots of the home page and a challenge (360 and 1280 px), for reviewers.
CAPTURES := test-results/captures

test: lint browser $(NODE_TOOLS) ## Run every test
	@status=0; EIG_CAPTURES="$(CURDIR)/$(CAPTURES)" $(BIN)/pytest || status=$$?; \
	echo "Captures d'écran à relire : $(CAPTURES)/"; exit $$status

# Build times (bench/bench.py): medians over 3 runs; `make bench BENCH=--quick` for one run.
BENCH ?=
bench: $(INSTALLED) ## Measure build times (real site, 1,000 and 10,000 challenges)
	$(BIN)/python bench/bench.py $(BENCH)

lighthouse: $(INSTALLED) browser $(NODE_TOOLS) ## Lighthouse scores of the home page and a challenge
	$(BIN)/python bench/lighthouse.py

clean: ## Remove the built site and caches (keeps the virtual environment)
	rm -rf output .pytest_cache .ruff_cache test-results
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

lock: ## Re-pin requirements.txt from requirements.in in a fresh environment
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Pinned by 'make lock' from requirements.in (Python 3.11). Do not edit by hand."; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > requirements.txt
	rm -rf .lock-venv
