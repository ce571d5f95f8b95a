"""The 153 English library services sit in their ONS regions, on new and on older databases.

The data shipped until migration 0006 put Derbyshire in the West Midlands and Lincolnshire in
Yorkshire and The Humber, so every regional count, the coverage matrix and the map were off.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from brokerdesk.core import migrate
from brokerdesk.core.db import Database
from brokerdesk.core.reference import initialise

pytestmark = pytest.mark.both_backends

# ONS English regions of the 153 library authorities.
ONS = {
    "North East": 12,
    "North West": 24,
    "Yorkshire and The Humber": 15,
    "East Midlands": 10,
    "West Midlands": 14,
    "East of England": 11,
    "London": 33,
    "South East": 19,
    "South West": 15,
}
# What the shipped data said before migration 0006.
SHIPPED_BEFORE = {"E10000007": "West Midlands", "E10000019": "Yorkshire and The Humber"}


def _english_regions(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT region, count(*) FROM library_service WHERE nation = 'England' "
                "GROUP BY region"
            )
        )
        return {region: count for region, count in rows}


def _region(db: Database, code: str) -> str:
    with db.engine.connect() as conn:
        sql = text("SELECT region FROM library_service WHERE gss_code = :c")
        return str(conn.execute(sql, {"c": code}).scalar_one())


def test_a_new_database_has_the_ons_regions(db: Database) -> None:
    initialise(db)
    assert _english_regions(db) == ONS
    assert _region(db, "E10000007") == _region(db, "E10000019") == "East Midlands"


def test_a_database_from_the_previous_release_is_corrected_with_history(db: Database) -> None:
    initialise(db)
    migrate.downgrade_to(db, "0005")
    with db.engine.begin() as conn:  # the regions the previous release loaded
        for code, region in SHIPPED_BEFORE.items():
            conn.execute(
                text("UPDATE library_service SET region = :r WHERE gss_code = :c"),
                {"r": region, "c": code},
            )
    assert _english_regions(db) != ONS
    with db.engine.connect() as conn:
        last_event = conn.execute(text("SELECT max(id) FROM audit_event")).scalar_one()
        versions = dict(
            conn.execute(text("SELECT gss_code, version_id FROM library_service")).all()
        )

    migrate.upgrade(db)

    assert _english_regions(db) == ONS
    with db.engine.connect() as conn:
        history = conn.execute(
            text(
                "SELECT s.gss_code, a.user_name, a.changes, s.version_id FROM audit_event a "
                "JOIN library_service s ON s.id = a.record_id "
                "WHERE a.id > :last ORDER BY s.gss_code"
            ),
            {"last": last_event},
        ).all()
    assert [(code, json.loads(changes)) for code, _who, changes, _v in history] == [
        ("E10000007", {"region": ["West Midlands", "East Midlands"]}),
        ("E10000019", {"region": ["Yorkshire and The Humber", "East Midlands"]}),
    ]
    assert all("migration 0006" in who for _c, who, _ch, _v in history)
    assert all(version == versions[code] + 1 for code, _w, _ch, version in history)

    migrate.downgrade_to(db, "0005")  # a real downgrade: the old values come back
    assert {code: _region(db, code) for code in SHIPPED_BEFORE} == SHIPPED_BEFORE
