"""The database itself refuses bad rows, whatever path writes them (imports included)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.errors import RefusedError
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

PROGRAMME = (
    "INSERT INTO programme (name, offer_area_id, status, start_date, end_date, version_id) "
    "VALUES (:name, :area, :status, :start, :end, 1)"
)


def _refused(db: Database, sql: str, **params: object) -> None:
    with pytest.raises(RefusedError), db.write() as session:
        session.execute(text(sql), params)


def _programme(db: Database, world: World) -> int:
    with db.write() as session:
        session.execute(
            text(PROGRAMME),
            {
                "name": "P",
                "area": world.offer_areas["reading"],
                "status": "live",
                "start": "2026-01-01",
                "end": None,
            },
        )
        return int(session.execute(text("SELECT max(id) FROM programme")).scalar_one())


def test_foreign_key_is_enforced(db: Database, world: World) -> None:
    _refused(
        db,
        "INSERT INTO participation (programme_id, service_id, stage, version_id) "
        "VALUES (999, :s, 'invited', 1)",
        s=world.services["E06000023"],
    )


def test_duplicate_gss_code_is_refused(db: Database, world: World) -> None:
    _refused(
        db,
        "INSERT INTO library_service (gss_code, name, nice_name, nation, region, is_member, "
        "version_id) VALUES ('E06000023', 'Bristol again', 'Bristol', 'England', 'South West', "
        "true, 1)",
    )


def test_bad_stage_is_refused(db: Database, world: World) -> None:
    programme = _programme(db, world)
    _refused(
        db,
        "INSERT INTO participation (programme_id, service_id, stage, version_id) "
        "VALUES (:p, :s, 'maybe', 1)",
        p=programme,
        s=world.services["E06000023"],
    )


def test_end_before_start_is_refused(db: Database, world: World) -> None:
    _refused(
        db,
        PROGRAMME,
        name="Backwards",
        area=world.offer_areas["reading"],
        status="live",
        start="2026-05-01",
        end="2026-04-01",
    )


def test_blank_name_is_refused(db: Database, world: World) -> None:
    _refused(
        db,
        PROGRAMME,
        name="   ",
        area=world.offer_areas["reading"],
        status="live",
        start=None,
        end=None,
    )


def test_same_service_twice_in_a_programme_is_refused(db: Database, world: World) -> None:
    programme = _programme(db, world)
    insert = (
        "INSERT INTO participation (programme_id, service_id, stage, version_id) "
        "VALUES (:p, :s, 'invited', 1)"
    )
    with db.write() as session:
        session.execute(text(insert), {"p": programme, "s": world.services["E06000023"]})
    _refused(db, insert, p=programme, s=world.services["E06000023"])
