"""The demo database: deterministic, fictional partners, the team's week in its data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from brokerdesk.core import models
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.demo import PARTNERS, build_demo
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.reference.load import initialise

TODAY = dt.date(2026, 11, 28)
TABLES = (
    "partner",
    "contact",
    "agreement",
    "programme",
    "programme_partner",
    "participation",
    "interaction",
    "partner_tag",
    "partner_offer_area",
)


def _build(path: Path) -> Database:
    db = open_database(path)
    initialise(db)
    build_demo(db, seed=7, today=TODAY)
    return db


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.engine.connect() as conn:
        return {
            t: [
                tuple(v for k, v in r._mapping.items() if k not in ("created_at", "updated_at"))
                for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))
            ]
            for t in TABLES
        }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    return _build(tmp_path_factory.mktemp("demo") / "demo.sqlite3")


def _scalar(db: Database, sql: str) -> object:
    with db.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def test_same_seed_and_date_give_the_same_data(demo: Database, tmp_path: Path) -> None:
    assert _dump(_build(tmp_path / "again.sqlite3")) == _dump(demo)


def test_minimum_sizes(demo: Database) -> None:
    assert _scalar(demo, "SELECT count(*) FROM partner") >= 25
    assert _scalar(demo, "SELECT count(*) FROM programme") >= 40
    assert _scalar(demo, "SELECT count(*) FROM participation") >= 1500
    assert _scalar(demo, "SELECT count(*) FROM interaction") >= 500
    assert _scalar(demo, "SELECT count(DISTINCT offer_area_id) FROM programme") == 6
    assert _scalar(demo, "SELECT count(DISTINCT status) FROM programme") == len(
        models.PROGRAMME_STATUSES
    )
    assert _scalar(demo, "SELECT count(DISTINCT stage) FROM participation") == len(
        models.PARTICIPATION_STAGES
    )
    assert _scalar(demo, "SELECT count(*) FROM contact WHERE service_id IS NOT NULL") > 0


def test_participations_are_with_member_services_only(demo: Database) -> None:
    assert (
        _scalar(
            demo,
            "SELECT count(*) FROM participation p JOIN library_service s "
            "ON s.id = p.service_id WHERE NOT s.is_member",
        )
        == 0
    )


def test_the_weeks_questions_have_answers(demo: Database) -> None:
    soon = (TODAY + dt.timedelta(days=90)).isoformat()
    assert (
        _scalar(
            demo,
            f"SELECT count(*) FROM agreement WHERE end_date BETWEEN "
            f"'{TODAY.isoformat()}' AND '{soon}'",
        )
        > 0
    )
    assert (
        _scalar(
            demo,
            f"SELECT count(*) FROM interaction WHERE follow_up_on < "
            f"'{TODAY.isoformat()}' AND NOT follow_up_done",
        )
        > 0
    )
    stale = (TODAY - dt.timedelta(days=120)).isoformat()
    assert (
        _scalar(
            demo,
            f"SELECT count(*) FROM partner p WHERE (SELECT max(occurred_on) FROM "
            f"interaction i WHERE i.partner_id = p.id) < '{stale}'",
        )
        > 0
    )
    north_west = _scalar(demo, "SELECT count(*) FROM library_service WHERE region='North West'")
    covered = _scalar(
        demo,
        """
        SELECT count(DISTINCT s.id) FROM library_service s
        JOIN participation p ON p.service_id = s.id AND p.stage IN ('signed_up', 'active')
        JOIN programme g ON g.id = p.programme_id AND g.status = 'live'
        JOIN offer_area o ON o.id = g.offer_area_id AND o.code = 'health_wellbeing'
        WHERE s.region = 'North West'""",
    )
    assert isinstance(north_west, int) and isinstance(covered, int)
    assert covered < north_west / 2, "the North West has a Health & Wellbeing gap to find"


def test_partner_names_are_fictional() -> None:
    real = {"rnib", "reading agency", "macmillan", "bbc", "arts council", "nhs", "booktrust"}
    for name, *_ in PARTNERS:
        assert not any(word in name.lower() for word in real), name


def test_demo_needs_an_empty_database(demo: Database) -> None:
    with pytest.raises(BrokerDeskError, match="already has partners"):
        build_demo(demo, today=TODAY)
