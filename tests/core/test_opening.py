"""Opening a database for the app: a new one gets the reference data, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.models import LibraryService, OfferArea
from brokerdesk.core.opening import open_existing, open_for_app
from brokerdesk.core.reference.load import ensure_reference_data


def _services(path: Path) -> int:
    db = open_for_app(path)
    try:
        with db.read() as session:
            return int(session.scalar(select(func.count()).select_from(LibraryService)) or 0)
    finally:
        db.dispose()


def test_a_new_database_opens_with_every_library_service(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    assert _services(path) > 200
    db = open_for_app(path)
    try:
        assert ensure_reference_data(db) is None  # already there: nothing is loaded again
        with db.write() as session:  # the team's own offer areas stay as they are
            session.execute(
                OfferArea.__table__.update()
                .where(OfferArea.code == "health_wellbeing")
                .values(name="Renamed")
            )
        assert ensure_reference_data(db) is None
        with db.read() as session:
            assert "Renamed" in set(session.scalars(select(OfferArea.name)))
    finally:
        db.dispose()


def test_an_unusable_address_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(BrokerDeskError, match="is a folder"):
        open_for_app(tmp_path)


def test_a_tool_opening_a_missing_database_is_refused_and_makes_no_file(tmp_path: Path) -> None:
    # The dashboard screenshots read an existing database; a mistyped path is said in words
    # instead of turning into a new, empty database the screenshots would then show.
    missing = tmp_path / "mistyped.sqlite3"
    with pytest.raises(BrokerDeskError, match=r"mistyped\.sqlite3"):
        open_existing(missing)
    assert not missing.exists()
