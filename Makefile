# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make demo   - virtual environment, database with the real areas, seeds ingested, app served
#   make test   - the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench system-packages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad demo

# Debian packages the tests use: Chromium for the browser tests, poppler for PDF checks,
# (pages and PDFs use the fonts the app serves from installed packages). Installed when missing and we may (root with apt).
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || { echo "could not install$$missing"; exit 1; }; \
	  else echo "please install:$$missing (Debian packages)"; exit 1; fi; \
	fi

test: $(STAMP) system-packages
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

bench: $(STAMP)
	$(BIN)/marsad bench import
	$(BIN)/marsad bench extract
	$(BIN)/marsad bench analytics

clean:
	rm -rf $(VENV) data test-artifacts
