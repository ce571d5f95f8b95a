"""The History panel's data: newest first, in the form's own labels."""

from __future__ import annotations

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService
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
