# BrokerDesk: the two commands a fresh clone needs are `make run` and `make test`.
# Each creates the virtual environment and installs what it needs on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint typecheck pytest system-deps benchmarks package translations clean

run: $(STAMP)
	$(BIN)/python -m brokerdesk --demo

test: $(STAMP) system-deps lint typecheck pytest package

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

system-deps:
	bash scripts/install-system-deps.sh

package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR brokerdesk.spec
	@du -sh dist/BrokerDesk
	QT_QPA_PLATFORM=offscreen dist/BrokerDesk/brokerdesk --self-test

# The translation catalogue (British English source) of every tr()/translate() string in the GUI.
translations: $(STAMP)
	mkdir -p resources/translations
	$(BIN)/pyside6-lupdate -silent -source-language en_GB -target-language en_GB -no-obsolete \
		$$(find brokerdesk/gui -name '*.py' | sort) -ts resources/translations/brokerdesk_en_GB.ts

benchmarks: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
