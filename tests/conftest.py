"""Shared fixtures: real SQLite files in tmp_path, the offscreen Qt platform."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a screen, and CI has none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BROKERDESK_USER", "tester")

from brokerdesk.core.db import Database, open_database
from tests.builders import small_world

# Each test process (each pytest-xdist worker, and the commands its tests run) keeps the app's
# settings, saved import mappings and default data folder in a home of its own: two workers
# never share a QSettings file or a mapping, and no test reads or writes the developer's.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
_OWN_HOME = Path(tempfile.mkdtemp(prefix=f"brokerdesk-tests-{_WORKER}-"))
for _variable, _folder in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_variable] = str(_OWN_HOME / _folder)
atexit.register(shutil.rmtree, _OWN_HOME, ignore_errors=True)

pytest_plugins = ["tests.fixtures_clock", "tests.fixtures_pg"]  # clock first: it pins "today"

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files holding a slow test run first (each file keeps its order and stays together).

    With pytest-xdist the last tests decide when the run ends: a 30-second test handed out
    last keeps one worker busy while the other has nothing left to do.
    """
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # a stable sort


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "brokerdesk.sqlite3"


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory: pytest.TempPathFactory, suite_clock: dt.datetime) -> Path:
    """An empty database migrated to head once per session (per xdist worker), for copying.

    Running every migration costs 0.15-0.25 s; copying the result costs 0.01 s, and hundreds
    of tests start from an empty migrated database.
    """
    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite3"
    open_database(path, user_name="tester").dispose()
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"the migrated template is more than one file: {leftovers}"
    return path


@pytest.fixture
def db(db_path: Path, migrated_file: Path) -> Iterator[Database]:
    """An empty, migrated database on a real SQLite file (a copy of the session's template)."""
    if not db_path.exists():
        shutil.copyfile(migrated_file, db_path)
    database = open_database(db_path, user_name="tester")  # at head already: migrates nothing
    yield database
    database.dispose()


@pytest.fixture
def world(db: Database) -> small_world.World:
    """A small hand-made world whose right answers are known (see tests/builders)."""
    return small_world.build(db)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("the shared reference data folder is not beside this checkout")
    return SHARED_DATA
