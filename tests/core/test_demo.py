"""The demo database: deterministic, fictional, and big enough for the team's week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from brokerdesk.core import models
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.demo import build_demo
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.reference import initialise
from brokerdesk.core.reference.demo_cast import PARTNERS

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)

TODAY = dt.date(2026, 11, 28)
# Wall-clock columns differ between any two builds; everything else must not.
CLOCK_COLUMNS = {"created_at", "updated_at", "at", "deleted_at"}


def _build(path: Path, seed: int = 2026) -> Database:
    db = open_database(path)
    initialise(db)
    build_demo(db, seed=seed, today=TODAY)
    return db


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        tables = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ).scalars()
        return {
            t: sorted(
                (
                    tuple(v for k, v in r._mapping.items() if k not in CLOCK_COLUMNS)
                    for r in conn.execute(text(f'SELECT * FROM "{t}"'))
                ),
                key=repr,
            )
            for t in tables
        }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _build(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    yield db
    db.dispose()


def _one(db: Database, sql: str) -> int:
    with db.engine.connect() as conn:
        value = conn.execute(text(sql), {"today": TODAY.isoformat()}).scalar()
    assert isinstance(value, int), sql
    return value


def _set(db: Database, sql: str) -> set[object]:
    with db.engine.connect() as conn:
        return set(conn.execute(text(sql), {"today": TODAY.isoformat()}).scalars())


def test_same_seed_and_date_give_the_same_data(demo: Database, tmp_path: Path) -> None:
    again = _build(tmp_path / "again.sqlite3")
    try:
        assert _dump(again) == _dump(demo)
    finally:
        again.dispose()


def test_another_seed_gives_other_data(demo: Database, tmp_path: Path) -> None:
    other = _build(tmp_path / "other.sqlite3", seed=7)
    try:
        assert _dump(other)["participation"] != _dump(demo)["participation"]
    finally:
        other.dispose()


def test_partners_contacts_and_agreements(demo: Database) -> None:
    assert _one(demo, "SELECT count(*) FROM partner") >= 25
    assert _set(demo, "SELECT partner_type FROM partner") == set(models.PARTNER_TYPES)
    assert _set(demo, "SELECT status FROM partner") == set(models.PARTNER_STATUSES)
    assert 4 <= len(_set(demo, "SELECT owner FROM partner")) <= 5
    assert _set(
        demo,
        "SELECT (SELECT count(*) FROM contact c WHERE c.partner_id = p.id) FROM partner p",
    ) <= {1, 2, 3, 4}
    assert (
        _one(
            demo,
            "SELECT count(*) FROM partner WHERE id NOT IN "
            "(SELECT partner_id FROM partner_offer_area)",
        )
        == 0
    )
    assert (
        _one(
            demo,
            "SELECT count(*) FROM partner WHERE id NOT IN (SELECT partner_id FROM partner_tag)",
        )
        == 0
    )
    assert _one(demo, "SELECT count(*) FROM contact WHERE email NOT LIKE '%.example.org'") == 0
    ending = (
        "SELECT count(*) FROM agreement WHERE end_date BETWEEN :today AND date(:today, '+90 days')"
    )
    assert _one(demo, ending) > 0
    assert (
        _one(
            demo,
            "SELECT count(*) FROM agreement WHERE start_date IS NULL "
            "OR end_date < start_date OR renewal_date IS NULL",
        )
        == 0
    )


def test_the_scenario_cast_is_there(demo: Database) -> None:
    kinds = {(name, kind) for name, kind, *_ in PARTNERS}
    assert ("Northlight Sight Loss Trust", "charity") in kinds
    assert ("Open Pages Reading Charity", "charity") in kinds
    assert ("Wellbeing Partnership for England", "public_body") in kinds
    assert ("Brightwave Broadcasting", "company") in kinds
    assert ("Kestrel Technology UK", "company") in kinds
    assert any(kind == "funder" for _, kind in kinds)
    pilot = _set(
        demo,
        "SELECT p.name || '/' || pp.role FROM programme g "
        "JOIN programme_partner pp ON pp.programme_id = g.id "
        "JOIN partner p ON p.id = pp.partner_id "
        "WHERE g.name = 'Audio-described Reading Pilot' AND g.status = 'live' "
        "AND g.target_services = 30",
    )
    assert "Northlight Sight Loss Trust/lead" in pilot
    assert any(str(role).endswith("/funder") for role in pilot)


def test_partner_names_are_fictional() -> None:
    real = ("rnib", "reading agency", "macmillan", "bbc", "arts council", "nhs", "booktrust")
    real += ("listening books", "talking news federation", "calibre", "good things", "age uk")
    for name, *_ in PARTNERS:
        assert not any(word in name.lower() for word in real), name


def test_programmes(demo: Database) -> None:
    assert _one(demo, "SELECT count(*) FROM programme") >= 40
    assert _one(demo, "SELECT count(DISTINCT offer_area_id) FROM programme") == 6
    assert _set(demo, "SELECT status FROM programme") == set(models.PROGRAMME_STATUSES)
    for area in _set(demo, "SELECT id FROM offer_area"):
        statuses = _set(demo, f"SELECT status FROM programme WHERE offer_area_id = {area}")
        assert statuses == set(models.PROGRAMME_STATUSES), area
    assert _set(demo, "SELECT role FROM programme_partner") == set(models.PARTNER_ROLES)
    assert (
        _one(
            demo,
            "SELECT count(*) FROM programme WHERE id NOT IN "
            "(SELECT programme_id FROM programme_partner WHERE role = 'lead')",
        )
        == 0
    )
    assert _one(demo, "SELECT count(*) FROM programme WHERE budget > 0") >= 30
    assert _one(demo, "SELECT count(*) FROM programme WHERE target_services > 0") >= 40
    assert _one(demo, "SELECT count(DISTINCT programme_id) FROM programme_offer_area") >= 10
    live_today = (
        "SELECT count(*) FROM programme WHERE status = 'live' "
        "AND NOT (start_date <= :today AND end_date >= :today)"
    )
    assert _one(demo, live_today) == 0


def test_participations(demo: Database) -> None:
    assert _one(demo, "SELECT count(*) FROM participation") >= 1500
    assert (
        _one(
            demo,
            "SELECT count(*) FROM participation p JOIN library_service s "
            "ON s.id = p.service_id WHERE NOT s.is_member",
        )
        == 0
    )
    assert _set(demo, "SELECT stage FROM participation") == set(models.PARTICIPATION_STAGES)
    assert _one(demo, "SELECT count(*) FROM participation WHERE start_date IS NULL") == 0
    assert _one(demo, "SELECT count(*) FROM participation WHERE reach > 0") >= 300
    assert _one(demo, "SELECT count(*) FROM participation WHERE notes IS NOT NULL") >= 500
    with_contact = "SELECT count(*) FROM participation WHERE local_contact_id IS NOT NULL"
    assert _one(demo, with_contact) >= 300
    assert (
        _one(
            demo,
            "SELECT count(*) FROM participation p JOIN contact c ON c.id = p.local_contact_id "
            "WHERE c.service_id IS NOT p.service_id",
        )
        == 0
    )  # a local contact works at that library service
    assert (
        _one(
            demo,
            "SELECT count(*) FROM participation p JOIN programme g ON g.id = p.programme_id "
            "WHERE p.start_date < g.start_date OR p.end_date > g.end_date",
        )
        == 0
    )


def test_interactions_and_follow_ups(demo: Database) -> None:
    assert _one(demo, "SELECT count(*) FROM interaction") >= 500
    assert _set(demo, "SELECT kind FROM interaction") == set(models.INTERACTION_KINDS)
    for column in ("partner_id", "service_id", "programme_id", "contact_id"):
        assert _one(demo, f"SELECT count(*) FROM interaction WHERE {column} IS NOT NULL") > 20
    open_follow_ups = "SELECT count(*) FROM interaction WHERE NOT follow_up_done AND "
    assert _one(demo, open_follow_ups + "follow_up_on < :today") > 0  # overdue
    assert (
        _one(demo, open_follow_ups + "follow_up_on BETWEEN :today AND date(:today, '+7 days')") > 0
    )  # due this week
    assert _one(demo, "SELECT count(*) FROM interaction WHERE follow_up_done") > 0
    stale = _set(
        demo,
        "SELECT p.name FROM partner p WHERE (SELECT max(occurred_on) FROM interaction i "
        "WHERE i.partner_id = p.id) < date(:today, '-120 days')",
    )
    assert 2 <= len(stale) <= 6
    assert "Makers in Residence" in stale


def test_north_west_has_a_health_and_wellbeing_gap(demo: Database) -> None:
    """Covered as the coverage matrix counts it: live, signed up or active, primary or
    secondary area, as at today."""
    north_west = _set(
        demo, "SELECT id FROM library_service WHERE region = 'North West' AND is_member"
    )
    covered = _set(
        demo,
        """
        SELECT p.service_id FROM participation p
        JOIN programme g ON g.id = p.programme_id AND g.status = 'live'
        JOIN offer_area o ON o.code = 'health_wellbeing'
        WHERE p.stage IN ('signed_up', 'active')
          AND (g.offer_area_id = o.id OR EXISTS (SELECT 1 FROM programme_offer_area x
               WHERE x.programme_id = g.id AND x.offer_area_id = o.id))
          AND (p.end_date IS NULL OR p.end_date >= :today)""",
    )
    gap = north_west - covered
    assert len(north_west) > 20 and len(gap) >= len(north_west) // 2
    assert north_west & covered, "some North West services do take part"


def test_one_summary_audit_event(demo: Database) -> None:
    assert _one(demo, "SELECT count(*) FROM audit_event WHERE entity = 'partner'") == 1
    assert _one(demo, "SELECT count(*) FROM audit_event") == 2  # reference data + demo


def test_demo_needs_reference_data_and_an_empty_database(demo: Database, db: Database) -> None:
    with pytest.raises(BrokerDeskError, match="already has partners"):
        build_demo(demo, today=TODAY)
    with pytest.raises(BrokerDeskError, match="reference data"):
        build_demo(db, today=TODAY)
