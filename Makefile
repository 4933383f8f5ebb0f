# Two commands on a fresh machine: `make run` (the app) and `make test` (the whole suite).
# Each creates the virtualenv and installs what it needs first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
# the catalogs: translations/<lang>/LC_MESSAGES/messages.po is the source, its .mo is built here
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
# what `make translations` extracts: _() in templates, gettext() and the Dutch messages and
# field names that the domain hands to WorkshopError and the input checks, and the other Dutch
# text it writes for people, marked N_() (workshop/messages.py, workshop/web/i18n.py)
BABEL_KEYWORDS := -k _ -k gettext -k WorkshopError:2 -k clean_text:2 -k check_choice:2 \
	-k check_flag:2 -k check_name:2 -k refuse:2 -k N_

.PHONY: run test lint install translations browser-deps

run: $(VENV)/.installed $(COMPILED)
	$(PY) app.py

test: $(VENV)/.dev-installed $(COMPILED) browser-deps
	$(PY) -m pytest $(PYTEST_ARGS)

# everything `python app.py` needs, without starting it
install: $(VENV)/.installed $(COMPILED)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Babel comes with flask-babel; a catalog is recompiled whenever its .po changes
translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(PYBABEL) compile -l $* -i $< -o $@

# after adding or changing Dutch strings: extract them, merge them into every .po (new ones
# arrive empty or marked fuzzy: translate them, drop the fuzzy flag), compile
translations: $(VENV)/.installed
	$(PYBABEL) extract -F babel.cfg $(BABEL_KEYWORDS) --project=Mentorkompas \
	  -o translations/messages.pot .
	$(PYBABEL) update -i translations/messages.pot -d translations
	$(PYBABEL) compile -d translations --statistics

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own here); report
# exports are rendered with poppler's pdftoppm. Installed when missing and we may.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null; \
	  else \
	    echo "chromium/pdftoppm missing: browser tests will skip (install: apt-get install chromium poppler-utils)"; \
	  fi; \
	fi
