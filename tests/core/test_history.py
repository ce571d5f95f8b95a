"""The History panel's data: newest first, in the form's own labels."""

from __future__ import annotations

import pytest

from brokerdesk.core import audit
from brokerdesk.core.db import Database
from brokerdesk.core.models import Series
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import FieldChange, HistoryService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def test_history_of_a_partner_newest_first_with_labels(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Open Book Trust"}).id
    s.partners.update(pid, {"owner": "Priya Shah"})
    s.partners.update(pid, {"status": "active"}, expected_version=2)
    s.partners.create({"name": "Someone Else"})
    history = HistoryService(db).for_record("partner", pid)
    assert [h.action for h in history] == ["update", "update", "create"]
    latest = history[0].changes
    assert [(c.label, c.old, c.new) for c in latest] == [("Status", "prospect", "active")]
    assert history[1].changes[0].label == "Relationship owner"
    assert all(h.user_name == "tester" for h in history)


def test_history_of_a_participation_includes_bulk_stage_changes(db: Database, world: World) -> None:
    s = Services(db)
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"]}
    ).id
    linked = s.participations.link_services(programme, list(world.services.values())[:3])
    first = linked.ids[0]
    s.participations.set_stage(linked.ids, "signed_up")
    history = HistoryService(db).for_record("participation", first)
    assert history[0].action == "update"
    assert [(c.label, c.old, c.new) for c in history[0].changes] == [
        ("Stage", "invited", "signed_up")
    ]
    assert HistoryService(db).for_record("participation", 999_999) == []


def _names(change: FieldChange) -> tuple[str, str | None, str | None]:
    return change.label, change.old_name, change.new_name


def test_a_reference_reads_as_the_name_it_had_when_the_change_was_made(
    db: Database, world: World
) -> None:
    s = Services(db)
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"]}
    ).id
    s.programmes.update(programme, {"offer_area_id": world.offer_areas["health_wellbeing"]})
    [moved] = HistoryService(db).for_record("programme", programme)[0].changes
    assert moved.reference
    assert _names(moved) == ("Offer area", "Reading", "Health & Wellbeing")

    first = s.partners.create({"name": "Open Book Trust"}).id
    second = s.partners.create({"name": "Lantern Arts Fund"}).id
    call = s.interactions.create(
        {"subject": "Kick-off", "occurred_on": "2026-06-01", "partner_id": first}
    ).id
    s.interactions.update(call, {"partner_id": second})
    # Renamed, then deleted since: the history still reads as it did that day.
    s.partners.update(first, {"name": "Open Book Foundation"})
    s.partners.update(second, {"name": "Lantern Arts"})
    s.interactions.update(call, {"partner_id": first})
    s.partners.delete(second)
    latest, earlier = HistoryService(db).for_record("interaction", call)[:2]
    assert [_names(c) for c in earlier.changes] == [
        ("Partner", "Open Book Trust", "Lantern Arts Fund")
    ]
    assert [_names(c) for c in latest.changes] == [
        ("Partner", "Lantern Arts", "Open Book Foundation")
    ]


def test_a_reference_with_no_trail_reads_as_its_name_now(db: Database, world: World) -> None:
    s = Services(db)
    with db.write() as session:  # as an import or the demo writes: no events of its own
        session.info[audit.DISABLED_KEY] = True
        series = Series(name="Summer Reading Challenge")
        session.add(series)
        session.flush()
        series_id = series.id
    programme = s.programmes.create(
        {"name": "Summer 2026", "offer_area_id": world.offer_areas["reading"]}
    ).id
    s.programmes.update(programme, {"series_id": series_id})
    changes = HistoryService(db).for_record("programme", programme)[0].changes
    series_change = next(c for c in changes if c.field == "series_id")
    assert _names(series_change) == ("Series", None, "Summer Reading Challenge")
    assert series_change.old is None
