"""A record's whole timeline: every interaction, history entry, participation and agreement,
newest first, a page at a time, filtered by kind and searched in SQL."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import insert

from brokerdesk.core import clock, timeline
from brokerdesk.core.db import Database
from brokerdesk.core.models import Interaction
from brokerdesk.core.services import Services
from brokerdesk.core.services.documents import NewDocument
from brokerdesk.core.timeline import TimelineReader
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def day(offset: int) -> dt.date:
    return clock.today() + dt.timedelta(days=offset)


def _many_interactions(db: Database, partner_id: int, n: int) -> None:
    with db.write() as session:
        session.execute(
            insert(Interaction),
            [
                {
                    "kind": "call" if i % 2 else "meeting",
                    "occurred_on": day(-i),
                    "subject": f"Catch-up {i}",
                    "partner_id": partner_id,
                    "version_id": 1,
                }
                for i in range(n)
            ],
        )


def test_a_partners_timeline_holds_every_kind_newest_first(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Open Book Trust"}).id
    programme = s.programmes.create(
        {
            "name": "Reading Friends",
            "offer_area_id": world.offer_areas["reading"],
            "partners": [(pid, "lead")],
        }
    ).id
    service = sorted(world.services.values())[0]
    s.participations.create(
        {"programme_id": programme, "service_id": service, "start_date": day(-3)}
    )
    s.agreements.create({"title": "MoU", "partner_id": pid, "start_date": day(-40)})
    s.interactions.create(
        {"kind": "call", "occurred_on": day(-1), "subject": "Budget call", "partner_id": pid}
    )
    reader = TimelineReader(db, "partner", pid)
    seen = [(e.kind, e.title, e.detail) for e in reader.entries()]
    assert seen[:3] == [
        ("history", "Open Book Trust", "Created"),
        ("interaction", "Budget call", "Call"),
        ("participation", "Reading Friends", "Invited"),
    ]
    assert seen[3:] == [("agreement", "MoU", "MoU")]
    assert [k for k, _label in reader.kinds()] == [
        "interaction",
        "history",
        "participation",
        "agreement",
        "grant",
        "document",
    ]
    assert reader.count("agreement") == 1
    assert [e.opens for e in reader.entries("participation")] == ["programme"]
    # Its search: a word finds; punctuation alone finds nothing (not every entry holding it).
    assert [e.title for e in reader.entries(search="budget")] == ["Budget call"]
    s.interactions.create(
        {"occurred_on": day(-2), "subject": "Call - and ...", "partner_id": pid, "notes": "50%"}
    )
    for only in ("-", "...", "%", "_", " - "):
        assert (reader.count(search=only), reader.entries(search=only)) == (0, [])
    service_line = TimelineReader(db, "library_service", service).entries("participation")
    assert [(e.title, e.opens, e.opens_id) for e in service_line] == [
        ("Reading Friends", "programme", programme)
    ]


def test_five_thousand_interactions_read_a_page_at_a_time(db: Database, world: World) -> None:
    pid = Services(db).partners.create({"name": "Busy Partner"}).id
    _many_interactions(db, pid, 5000)
    reader = TimelineReader(db, "partner", pid)
    assert reader.count() == 5001  # and its creation
    assert reader.count("interaction", "catch-up") == 5000
    assert reader.count(None, "CATCH-UP 4999") == 1  # every word, any case
    started = time.perf_counter()
    first = reader.entries(limit=200)
    last = reader.entries(limit=200, offset=4900)
    took = time.perf_counter() - started
    assert {e.title for e in first[:2]} == {"Busy Partner", "Catch-up 0"}  # both today
    assert first[2].title == "Catch-up 1"
    assert [e.title for e in last[-2:]] == ["Catch-up 4998", "Catch-up 4999"]
    assert len(last) == 101
    assert took < 5, f"two pages of a 5,000-entry timeline took {took:.2f} s"
    calls = reader.entries("interaction", "call", limit=10_000)
    assert len(calls) == 2500 and {e.detail for e in calls} == {"Call"}


def test_another_part_adds_a_source_with_one_function(db: Database, world: World) -> None:
    from sqlalchemy import literal, select

    from brokerdesk.core.models import Partner

    def notes(entity: str, record_id: int):  # type: ignore[no-untyped-def]
        if entity != "partner":
            return None
        return select(
            *timeline._columns(
                Partner.created_at, literal("A note"), literal("note"), None, literal(None)
            )
        ).where(Partner.id == record_id)

    pid = Services(db).partners.create({"name": "Noted Partner"}).id
    timeline.register(timeline.Source("note", "Note", notes))
    try:
        reader = TimelineReader(db, "partner", pid)
        assert ("note", "Note") in reader.kinds()
        assert [e.title for e in reader.entries("note")] == ["A note"]
        assert "note" not in [k for k, _ in TimelineReader(db, "contact", 1).kinds()]
    finally:
        del timeline.SOURCES["note"]


def test_a_document_kept_with_a_record_is_on_its_timeline(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Open Book Trust"}).id
    added = s.documents.add(
        "partner", pid, [NewDocument("Signed MoU.pdf", b"%PDF-1.4 not really", "application/pdf")]
    )
    reader = TimelineReader(db, "partner", pid)
    (line,) = reader.entries("document")
    assert (line.title, line.opens, line.opens_id) == ("Signed MoU.pdf", "document", added.id)
    assert reader.count("document") == 1
    assert [e.kind for e in reader.entries(search="MoU")] == ["document"]


def test_a_funders_grants_are_on_its_timeline_and_the_programmes_funded(
    db: Database, world: World
) -> None:
    s = Services(db)
    funder = s.partners.create({"name": "Lantern Arts Fund", "partner_type": "funder"}).id
    programme = s.programmes.create(
        {"name": "Stories Aloud", "offer_area_id": world.offer_areas["reading"]}
    ).id
    grant = s.grants.create(
        {
            "title": "Stories grant",
            "partner_id": funder,
            "applied_on": day(-30),
            "programme_ids": [programme],
        }
    ).id
    for entity, record in (("partner", funder), ("programme", programme)):
        (line,) = TimelineReader(db, entity, record).entries("grant")
        assert (line.title, line.detail, line.happened, line.opens, line.opens_id) == (
            "Stories grant",
            "Applied",
            day(-30),
            "funding_grant",
            grant,
        )
