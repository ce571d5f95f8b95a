"""Relationship health, follow-ups and ending soon, against hand counts and independent SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from brokerdesk.core import health
from brokerdesk.core.db import Database
from brokerdesk.core.models import Agreement, Interaction, Partner, Programme
from tests.builders import small_world

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)

TODAY = dt.date(2026, 11, 28)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def build(db: Database, world: small_world.World) -> dict[str, int]:
    s = world.services
    with db.write() as session:
        warm = Partner(name="Warm Trust", status="active", contact_limit_days=30)
        cold = Partner(name="Cold Foundation", status="active", contact_limit_days=30)
        never = Partner(name="New Prospect", status="prospect", contact_limit_days=90)
        gone = Partner(name="Old Friend", status="ended", contact_limit_days=30)
        session.add_all([warm, cold, never, gone])
        session.flush()
        session.add_all(
            [
                Interaction(partner_id=warm.id, occurred_on=days_ago(10), subject="Catch-up"),
                Interaction(partner_id=cold.id, occurred_on=days_ago(45), subject="Call"),
                Interaction(partner_id=cold.id, occurred_on=days_ago(200), subject="Older call"),
                # A future-dated entry is a plan, not a contact.
                Interaction(
                    partner_id=cold.id, occurred_on=TODAY + dt.timedelta(3), subject="Plan"
                ),
                Interaction(service_id=s["E06000023"], occurred_on=days_ago(20), subject="Visit"),
                Interaction(service_id=s["E08000003"], occurred_on=days_ago(181), subject="Email"),
                Interaction(
                    partner_id=warm.id,
                    occurred_on=days_ago(30),
                    subject="Send the report",
                    follow_up_on=days_ago(2),
                ),
                Interaction(
                    service_id=s["W06000015"],
                    occurred_on=days_ago(5),
                    subject="Book the venue",
                    follow_up_on=TODAY + dt.timedelta(days=5),
                ),
                Interaction(
                    service_id=s["W06000015"],
                    occurred_on=days_ago(5),
                    subject="Done already",
                    follow_up_on=days_ago(1),
                    follow_up_done=True,
                ),
                Interaction(
                    service_id=s["W06000015"],
                    occurred_on=days_ago(5),
                    subject="Far off",
                    follow_up_on=TODAY + dt.timedelta(days=30),
                ),
            ]
        )
        area = world.offer_areas["reading"]
        session.add_all(
            [
                Programme(
                    name="Ends soon",
                    offer_area_id=area,
                    status="live",
                    end_date=TODAY + dt.timedelta(89),
                ),
                Programme(
                    name="Ends later",
                    offer_area_id=area,
                    status="live",
                    end_date=TODAY + dt.timedelta(91),
                ),
                Programme(
                    name="Cancelled",
                    offer_area_id=area,
                    status="cancelled",
                    end_date=TODAY + dt.timedelta(5),
                ),
                Programme(name="Ended", offer_area_id=area, status="live", end_date=days_ago(1)),
                Agreement(partner_id=warm.id, title="MoU", end_date=TODAY + dt.timedelta(10)),
            ]
        )
        return {"warm": warm.id, "cold": cold.id, "never": never.id, "gone": gone.id}


def test_partner_health_uses_each_partners_limit(db: Database, world: small_world.World) -> None:
    ids = build(db, world)
    rows = {r.id: r for r in health.partner_health(db, TODAY)}
    assert ids["gone"] not in rows
    assert (rows[ids["warm"]].days_since, rows[ids["warm"]].overdue) == (10, False)
    assert (rows[ids["cold"]].days_since, rows[ids["cold"]].overdue) == (45, True)
    assert rows[ids["never"]].last_contact is None and rows[ids["never"]].overdue
    # Never contacted first, then longest ago.
    assert [r.name for r in health.partner_health(db, TODAY)] == [
        "New Prospect",
        "Cold Foundation",
        "Warm Trust",
    ]


def test_service_health_flags_after_the_service_limit(
    db: Database, world: small_world.World
) -> None:
    build(db, world)
    rows = {r.name: r for r in health.service_health(db, TODAY)}
    assert len(rows) == 7  # members only
    assert not rows["City of Bristol"].overdue
    assert rows["Manchester"].overdue  # 181 days > 180
    assert not health.service_health(db, TODAY, limit_days=200)[-1].overdue
    overdue = [r for r in health.service_health(db, TODAY, limit_days=200) if r.overdue]
    assert {r.name for r in overdue} == {
        "Liverpool",
        "Blackburn with Darwen",
        "Rhondda Cynon Taff",
        "LibrariesNI",
    }  # never contacted (Cardiff's interactions are 5 days old)


def test_last_contact_matches_independent_sql(db: Database, world: small_world.World) -> None:
    build(db, world)
    sql = text(
        "SELECT p.id, MAX(i.occurred_on) FROM partner p LEFT JOIN interaction i "
        "ON i.partner_id = p.id AND i.occurred_on <= :today WHERE p.status <> 'ended' GROUP BY p.id"
    )
    with db.read() as session:
        expected = {
            pid: (dt.date.fromisoformat(d) if d else None)
            for pid, d in session.execute(sql, {"today": TODAY})
        }
    assert {r.id: r.last_contact for r in health.partner_health(db, TODAY)} == expected


def test_follow_ups_due_and_overdue(db: Database, world: small_world.World) -> None:
    build(db, world)
    rows = health.follow_ups(db, TODAY)
    assert [(r.subject, r.overdue) for r in rows] == [
        ("Send the report", True),
        ("Book the venue", False),
    ]
    assert rows[0].about == "Warm Trust"
    assert [r.subject for r in health.follow_ups(db, TODAY, horizon_days=30)][-1] == "Far off"


def test_ending_soon_within_ninety_days(db: Database, world: small_world.World) -> None:
    build(db, world)
    rows = health.ending_soon(db, TODAY)
    assert [(r.entity, r.name, r.days_left) for r in rows] == [
        ("agreement", "MoU (Warm Trust)", 10),
        ("programme", "Ends soon", 89),
    ]
