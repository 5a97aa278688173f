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
.PHONY: help html serve publish test lint clean lock

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

test: lint ## Run every test
	$(BIN)/pytest

clean: ## Remove the built site and caches (keeps the virtual environment)
	rm -rf output .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

lock: ## Re-pin requirements.txt from requirements.in in a fresh environment
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	{ echo "# Pinned by 'make lock' from requirements.in (Python 3.11). Do not edit by hand."; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > requirements.txt
	rm -rf .lock-venv
