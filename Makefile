# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make demo   - virtual environment, database with the real areas, seeds ingested, app served
#   make test   - the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench system-packages messages compile-messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad demo

# Debian packages the tests use: Chromium for the browser tests, poppler for PDF checks, LibreOffice
# Writer (Word reports drawn as pages; optional), gettext
# (xgettext/msgfmt: collecting and checking the translations),
# (pages and PDFs use the fonts the app serves from installed packages). Installed when missing and we may (root with apt).
system-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || { echo "could not install$$missing"; exit 1; }; \
	  else echo "please install:$$missing (Debian packages)"; exit 1; fi; \
	fi; \
	if ! command -v soffice >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing: libreoffice-writer-nogui (Word reports drawn as pages)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null \
	      || echo "could not install libreoffice-writer-nogui: the Word page checks will be skipped"; \
	  else echo "libreoffice-writer-nogui not installed: the Word page checks will be skipped"; fi; \
	fi

test: $(STAMP) system-packages
	$(BIN)/ruff check src tests scripts
	$(BIN)/pytest

# The one home of the user-visible strings: src/marsad/locale/{ar,vi}/LC_MESSAGES/django.po.
# `make messages` collects every marked string of the code and templates into both .po files
# (Django's makemessages; the creation date is pinned so that runs on two branches do not
# conflict); translate the new entries, then `make compile-messages` (Django's compilemessages).
DJANGO := cd src/marsad && DJANGO_SETTINGS_MODULE=marsad.web.settings $(abspath $(BIN))/python -m django
messages: $(STAMP) system-packages
	$(DJANGO) makemessages -l ar -l vi --no-location --no-obsolete
	sed -i 's/^"POT-Creation-Date: .*"$$/"POT-Creation-Date: 2025-07-01 00:00+0700\\n"/' src/marsad/locale/*/LC_MESSAGES/django.po
	@for po in src/marsad/locale/*/LC_MESSAGES/django.po; do printf '%s: ' $$po; msgfmt --statistics -o /dev/null $$po; done

compile-messages: $(STAMP) system-packages
	$(DJANGO) compilemessages

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

bench: $(STAMP)
	$(BIN)/marsad bench import
	$(BIN)/marsad bench extract
	$(BIN)/marsad bench analytics

clean:
	rm -rf $(VENV) data test-artifacts
