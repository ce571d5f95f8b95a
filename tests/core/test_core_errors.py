"""Database faults leave the core as its own errors, each with a sentence a user can act on.

Windows and commands catch only ``brokerdesk.core.errors`` types; these tests provoke each
kind of fault on a real SQLite file and check what comes out of the services and sessions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from brokerdesk.core.db import Database, create_database_engine
from brokerdesk.core.errors import (
    NotFoundError,
    ReadOnlyDatabaseError,
    RefusedError,
    StaleRecordError,
    StorageError,
    ValidationError,
)
from brokerdesk.core.models import LibraryService, Partner
from brokerdesk.core.services import Services
from tests.builders.small_world import World


def _read_only(path: Path) -> Database:
    url = make_url(f"sqlite:///file:{path}?mode=ro&uri=true")
    return Database(url, create_database_engine(url), "reader")


def test_a_unique_clash_is_refused_in_words(db: Database, world: World) -> None:
    services = Services(db)
    with db.read() as session:
        taken = session.scalars(select(LibraryService.gss_code).limit(1)).one()
    before = services.library_services.count()
    with pytest.raises(ValidationError) as caught:
        services.library_services.create(
            {
                "gss_code": taken,
                "name": "A second service with the same code",
                "nice_name": "Second",
                "nation": "England",
                "region": "North West",
            }
        )
    assert str(caught.value) == "This library service already exists."
    assert not isinstance(caught.value, SQLAlchemyError)
    assert services.library_services.count() == before  # nothing was written
    with pytest.raises(RefusedError) as raw, db.write() as session:  # below the services too
        session.add(
            LibraryService(
                gss_code=taken, name="Raw copy", nice_name="Raw", nation="England", region="X"
            )
        )
    assert str(raw.value) == "This record already exists."
    assert "UNIQUE" in raw.value.detail


def test_a_read_only_database_says_so_and_writes_nothing(db: Database, world: World) -> None:
    assert db.path is not None
    reader = _read_only(db.path)
    try:
        partners = Services(reader).partners
        count = partners.count()  # reading is fine
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            partners.create({"name": "Readers Everywhere"})
        assert "is read-only for you" in str(caught.value)
        assert "nothing was written" in str(caught.value)
        assert partners.count() == count
    finally:
        reader.dispose()


def test_a_stale_edit_is_a_sentence_not_a_driver_error(db: Database, world: World) -> None:
    partner_id = Services(db).partners.create({"name": "Open Pages"}).id
    with pytest.raises(StaleRecordError) as caught, db.write() as session:
        partner = session.get(Partner, partner_id)
        assert partner is not None
        # Someone else's save lands between this session's read and its write.
        session.execute(
            update(Partner).where(Partner.id == partner_id).values(version_id=99),
            execution_options={"synchronize_session": False},
        )
        partner.notes = "Mine"
        session.flush()
    assert "Someone else changed or deleted this record" in str(caught.value)
    assert "nothing was written" in str(caught.value)
    assert not isinstance(caught.value, SQLAlchemyError)
    assert Services(db).partners.get(partner_id)["notes"] != "Mine"


def test_any_other_driver_fault_is_a_storage_error_quoting_the_driver(db: Database) -> None:
    with pytest.raises(StorageError) as caught, db.read() as session:
        session.execute(text("SELEC 1"))
    assert str(caught.value).startswith("The database could not be used (")
    assert "syntax error" in caught.value.reason
    assert not isinstance(caught.value, SQLAlchemyError)


def test_a_record_gone_between_two_reads_is_not_found(db: Database, world: World) -> None:
    partner_id = Services(db).partners.create({"name": "Brief Visitor"}).id
    Services(db).partners.delete(partner_id)
    with pytest.raises(NotFoundError) as caught, db.read() as session:
        session.execute(select(Partner.name).where(Partner.id == partner_id)).scalar_one()
    assert "no longer there" in str(caught.value)
