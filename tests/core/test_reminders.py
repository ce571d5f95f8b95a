"""Reminders for a day: each source's items, their grouping and the calendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.ical import write_calendar
from brokerdesk.core.models import Agreement, Interaction, Partner
from brokerdesk.core.reminders import grouped, reminders
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = [pytest.mark.both_backends, pytest.mark.date_sensitive]

TODAY = dt.date(2026, 6, 15)


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def build(db: Database, world: World) -> dict[str, int]:
    services = Services(db)
    with db.write() as session:
        fund = Partner(name="Lantern Arts Fund", partner_type="funder", status="active")
        quiet = Partner(name="Quiet Trust", status="active", contact_limit_days=30)
        ended = Partner(name="Old Friend", status="ended", contact_limit_days=30)
        session.add_all([fund, quiet, ended])
        session.flush()
        session.add_all(
            [
                Interaction(partner_id=fund.id, occurred_on=day(-20), subject="Kick-off"),
                Interaction(partner_id=quiet.id, occurred_on=day(-45), subject="Old call"),
                Interaction(
                    partner_id=fund.id,
                    occurred_on=day(-10),
                    subject="Send the report",
                    follow_up_on=day(-2),
                ),
                Interaction(
                    service_id=world.services["E06000023"],
                    occurred_on=day(-1),
                    subject="Book the venue",
                    follow_up_on=day(0),
                ),
                Interaction(
                    partner_id=fund.id,
                    occurred_on=day(-9),
                    subject="Done already",
                    follow_up_on=day(-1),
                    follow_up_done=True,
                ),
                Interaction(
                    partner_id=fund.id, occurred_on=day(-1), subject="Far", follow_up_on=day(90)
                ),
            ]
        )
        session.add_all(
            [
                Agreement(
                    partner_id=fund.id,
                    title="MoU",
                    renewal_date=day(-3),
                    notice_date=day(20),
                    end_date=day(50),
                ),
                Agreement(
                    partner_id=fund.id, title="Lapsed", renewal_date=day(-40), end_date=day(-5)
                ),
                Agreement(partner_id=quiet.id, title="Licence", end_date=day(5)),
            ]
        )
        session.flush()
        ids = {"fund": fund.id, "quiet": quiet.id}
    grant = services.grants.create({"title": "Arts grant", "partner_id": ids["fund"]}).id
    services.deliverables.create({"grant_id": grant, "title": "Interim report", "due_on": day(3)})
    services.deliverables.create(
        {"grant_id": grant, "title": "Signed", "due_on": day(-9), "done_on": day(-9)}
    )
    ids["grant"] = grant
    return ids


def test_every_source_gives_its_items_with_how_overdue(db: Database, world: World) -> None:
    ids = build(db, world)
    found = reminders(db, TODAY)
    seen = [(r.kind, r.what, r.about, r.days_overdue) for r in found]
    assert seen == [
        # lapsed (its end passed) but never renewed nor ended: the renewal is still owed
        ("renewal", "Renewal due: Lapsed", "Lantern Arts Fund", 40),
        ("contact", "Not contacted for 45 days (every 30)", "Quiet Trust", 15),
        ("renewal", "Renewal due: MoU", "Lantern Arts Fund", 3),
        ("follow_up", "Follow up: Send the report", "Lantern Arts Fund", 2),
        ("follow_up", "Follow up: Book the venue", "City of Bristol", 0),
        ("deliverable", "Report due: Interim report", "Arts grant (Lantern Arts Fund)", -3),
        ("agreement_end", "Agreement ends: Licence", "Quiet Trust", -5),
        ("notice", "Last day to give notice: MoU", "Lantern Arts Fund", -20),
        ("agreement_end", "Agreement ends: MoU", "Lantern Arts Fund", -50),
    ]
    deliverable = next(r for r in found if r.kind == "deliverable")
    assert (deliverable.page_entity, deliverable.page_id) == ("funding_grant", ids["grant"])
    assert deliverable.date_field == "due_on"
    renewal = found[2]
    assert renewal.what == "Renewal due: MoU"
    assert (renewal.page_entity, renewal.page_id) == ("agreement", renewal.record_id)
    assert renewal.partner_id == ids["fund"], "Log the call is with the partner"
    assert [(g, len(items)) for g, items in grouped(found)] == [
        ("overdue", 4),
        ("today", 1),
        ("week", 2),
        ("later", 2),
    ]
    assert [r.what for r in reminders(db, TODAY, days=0) if r.days_overdue < 0] == []


def test_each_reminder_carries_the_facts_a_window_words_in_its_own_language(
    db: Database, world: World
) -> None:
    build(db, world)
    facts = {
        (r.kind, r.subject, r.deliverable_kind, r.days_since, r.every_days)
        for r in reminders(db, TODAY)
    }
    assert ("follow_up", "Send the report", None, None, None) in facts
    assert ("renewal", "MoU", None, None, None) in facts
    assert ("notice", "MoU", None, None, None) in facts
    assert ("deliverable", "Interim report", "report", None, None) in facts
    assert ("contact", "", None, 45, 30) in facts


def test_the_calendar_has_one_all_day_event_per_dated_item_with_stable_uids(
    db: Database, world: World, tmp_path: Path
) -> None:
    build(db, world)
    target = tmp_path / "team.ics"
    assert write_calendar(db, target, TODAY) == 9  # the far follow-up too; no cadence nudge
    first = Calendar.from_ical(target.read_bytes())
    events = list(first.walk("VEVENT"))
    assert len(events) == 9
    assert any("Last day to give notice: MoU" in str(e["summary"]) for e in events)
    report = next(e for e in events if "Interim report" in str(e["summary"]))
    assert report.decoded("dtstart") == day(3)
    assert not isinstance(report.decoded("dtstart"), dt.datetime), "an all-day event"
    assert [a["action"] for a in report.walk("VALARM")] == ["DISPLAY"]

    Services(db).interactions.update(
        next(r.record_id for r in reminders(db, TODAY) if r.kind == "follow_up"),
        {"follow_up_done": True},
    )
    write_calendar(db, target, TODAY)
    second = {str(e["uid"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert second < {str(e["uid"]) for e in events}, "the same events, one fewer"
    assert not list(tmp_path.glob("*.part")), "written beside and renamed into place"


def test_a_calendar_cancelled_before_writing_leaves_the_old_file(
    db: Database, world: World, tmp_path: Path
) -> None:
    """Cancel pressed while the reminders were read: the subscribed file stays whole."""
    target = tmp_path / "team.ics"
    target.write_bytes(b"the old calendar")
    build(db, world)
    with pytest.raises(Cancelled):
        write_calendar(db, target, TODAY, proceed=lambda: False)
    assert target.read_bytes() == b"the old calendar"
    assert not list(tmp_path.glob("*.part"))
