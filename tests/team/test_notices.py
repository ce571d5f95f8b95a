"""Other people's changes are heard at once on a team server (LISTEN/NOTIFY)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.services import Services
from brokerdesk.core.team.notices import ChangeNotices


@pytest.fixture
def colleague(pg_migrated_url: str) -> Iterator[Database]:
    db = open_database(pg_migrated_url, user_name="bilal")
    yield db
    db.dispose()


@pytest.fixture
def notices(pg_migrated_url: str) -> Iterator[ChangeNotices]:
    db = open_database(pg_migrated_url, user_name="priya")
    heard = ChangeNotices(db)
    heard.connect()
    yield heard
    heard.close()
    db.dispose()


def test_a_committed_save_is_heard_and_a_rolled_back_one_is_not(
    notices: ChangeNotices, colleague: Database
) -> None:
    assert not notices.wait(0.2), "nothing said yet"
    Services(colleague).partners.create({"name": "Open Book Trust"})
    assert notices.wait(5.0)
    assert not notices.wait(0.2), "one save, one notice"
    with pytest.raises(BrokerDeskError):
        Services(colleague).partners.create({"name": ""})  # refused: rolled back
    assert not notices.wait(0.5), "a change that was rolled back is never announced"


def test_an_import_in_bulk_is_heard(notices: ChangeNotices, colleague: Database) -> None:
    from brokerdesk.core.audit import record

    with colleague.write() as session:
        record(session, "import", "partner", "Import of partners.csv", None, {"created": 3})
    assert notices.wait(5.0)
