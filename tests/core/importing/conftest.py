"""Fixtures for the importer tests: the real library services in a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from brokerdesk.core.db import Database
from tests.core.importing.reference import load_reference


@pytest.fixture
def services(db: Database, shared_data: Path) -> dict[str, int]:
    """GSS code -> id of the 208 real library services loaded into ``db``."""
    return load_reference(db, shared_data)
