# BrokerDesk: the two commands a fresh clone needs are `make run` and `make test`.
# Each creates the virtual environment and installs what it needs on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint typecheck pytest pytest-shifted-clocks system-deps benchmarks package \
	translations clean

run: $(STAMP)
	$(BIN)/python -m brokerdesk --demo

test: $(STAMP) system-deps lint typecheck pytest pytest-shifted-clocks package

# pytest-xdist: one worker per core (`PYTEST_WORKERS=0` runs in one process, for debugging).
# A test file stays on one worker, so its module-scoped fixtures are built once.
PYTEST_WORKERS ?= auto
XDIST = -n $(PYTEST_WORKERS) --dist loadfile
# The tests' real SQLite files (tmp_path) and PostgreSQL's data go on a tmpfs when there is a
# roomy one (4 GB free; a container's 64 MB /dev/shm is not): waiting for the disk to confirm
# each commit was most of the suite's time on the CI machine, and a tmpfs confirms at once.
TEST_TMPDIR ?= $(shell avail=$$(df --output=avail -k /dev/shm 2>/dev/null | tail -n 1); \
	if [ "$${avail:-0}" -ge 4000000 ] 2>/dev/null; then echo /dev/shm; else echo $${TMPDIR:-/tmp}; fi)

pytest: $(STAMP)
	TMPDIR=$(TEST_TMPDIR) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(XDIST)

# The date-sensitive tests again with the system clock moved by libfaketime (Debian package
# faketime): a year ahead, and an hour before the end of January 2027 (an offset, not an
# absolute start, so PostgreSQL's processes agree on the time). BROKERDESK_TEST_CLOCK=system
# makes the suite's clock start from that shifted time, and tests/core/test_clock.py checks
# that Python, SQLite and a subprocess all see the expected day. The monotonic clock is faked
# too: libfaketime 0.9.10's DONT_FAKE_MONOTONIC makes time.sleep fail with EINVAL.
SHIFTED_PYTEST = TMPDIR=$(TEST_TMPDIR) BROKERDESK_TEST_CLOCK=system QT_QPA_PLATFORM=offscreen \
	faketime -f
MONTH_END := 2027-01-31 23:00
pytest-shifted-clocks: $(STAMP) system-deps
	BROKERDESK_EXPECT_SYSTEM_DATE=$$(date -d '+365 days' +%F) \
		$(SHIFTED_PYTEST) '+365d' $(BIN)/python -m pytest $(XDIST) -m date_sensitive -q -p no:cacheprovider
	BROKERDESK_EXPECT_SYSTEM_DATE=$$(date -d '$(MONTH_END)' +%F) \
		$(SHIFTED_PYTEST) "$$(printf '%+d' $$(( $$(date -d '$(MONTH_END)' +%s) - $$(date +%s) )))s" \
		$(BIN)/python -m pytest $(XDIST) -m date_sensitive -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

system-deps:
	bash scripts/install-system-deps.sh

package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR brokerdesk.spec
	@du -sh dist/BrokerDesk
	QT_QPA_PLATFORM=offscreen dist/BrokerDesk/brokerdesk --self-test

# The translation catalogue (British English source) of every tr()/translate() string in the GUI,
# and of the core's words marked with QT_TRANSLATE_NOOP (the record kinds' names).
translations: $(STAMP)
	mkdir -p resources/translations
	$(BIN)/pyside6-lupdate -silent -source-language en_GB -target-language en_GB -no-obsolete \
		$$(find brokerdesk/gui -name '*.py' | sort) \
		$$(grep -rl --include='*.py' QT_TRANSLATE_NOOP brokerdesk/core | sort) \
		-ts resources/translations/brokerdesk_en_GB.ts

benchmarks: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
