"""Shared fixtures: real SQLite files in tmp_path, the offscreen Qt platform."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a screen, and CI has none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BROKERDESK_USER", "tester")

from brokerdesk.core.db import Database, open_database
from tests.builders import small_world

pytest_plugins = ["tests.fixtures_clock", "tests.fixtures_pg"]  # clock first: it pins "today"

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "brokerdesk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An empty, migrated database on a real SQLite file."""
    database = open_database(db_path, user_name="tester")
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
