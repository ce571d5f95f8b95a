"""The audit trail: who, when, which record, each field old → new, in the same transaction."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import AuditEvent
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _events(db: Database, entity: str) -> list[AuditEvent]:
    with db.read() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
            )
        )


def test_create_update_delete_of_each_kind_are_recorded(db: Database, world: World) -> None:
    s = Services(db)
    partner = s.partners.create({"name": "Open Book Trust", "owner": "Priya"}).id
    contact = s.contacts.create({"full_name": "Sam Reid", "partner_id": partner}).id
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"]}
    ).id
    participation = s.participations.create(
        {"programme_id": programme, "service_id": world.services["E06000023"]}
    ).id
    interaction = s.interactions.create(
        {"subject": "Kick-off", "occurred_on": dt.date(2026, 1, 5), "partner_id": partner}
    ).id
    for service, record_id, field, value in (
        (s.partners, partner, "owner", "Jo"),
        (s.contacts, contact, "role", "Director"),
        (s.programmes, programme, "status", "live"),
        (s.participations, participation, "reach", 120),
        (s.interactions, interaction, "notes", "Went well"),
    ):
        s_id = service.update(record_id, {field: value}).id
        events = _events(db, service.table)
        update = next(e for e in events if e.action == "update" and e.record_id == s_id)
        changes = json.loads(update.changes or "{}")
        assert changes[field][1] == value
        assert update.user_name == "tester"
        assert next(e.action for e in events if e.record_id == s_id) == "create"
    s.interactions.delete(interaction)
    deleted = [e for e in _events(db, "interaction") if e.action == "delete"]
    assert deleted and json.loads(deleted[0].changes or "{}")["subject"] == ["Kick-off", None]


def test_update_records_old_and_new_values(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Sight Loss Alliance", "status": "prospect"}).id
    s.partners.update(pid, {"status": "active", "owner": "Priya Shah"})
    update = [e for e in _events(db, "partner") if e.action == "update"][-1]
    assert json.loads(update.changes or "{}") == {
        "status": ["prospect", "active"],
        "owner": [None, "Priya Shah"],
    }


def test_tag_and_offer_area_edits_are_recorded(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Tagged Trust", "tags": "audio"}).id
    s.partners.update(
        pid, {"tags": "audio, braille", "offer_area_ids": [world.offer_areas["reading"]]}
    )
    changes: dict[str, list[list[str]]] = {}
    for event in _events(db, "partner"):
        if event.action == "update":  # one save may flush (and audit) in more than one step
            changes.update(json.loads(event.changes or "{}"))
    assert changes["tags"] == [["audio"], ["audio", "braille"]]
    assert changes["offer_areas"][0] == [] and len(changes["offer_areas"][1]) == 1


def test_a_refused_action_leaves_no_audit_row(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "First Trust"}).id
    before = len(_events(db, "partner"))
    with pytest.raises(ValidationError):
        s.partners.create({"name": "first trust"})  # duplicate name
    with pytest.raises(ValidationError):
        s.partners.update(pid, {"contact_limit_days": 0})
    assert len(_events(db, "partner")) == before


def test_a_rolled_back_transaction_takes_its_audit_rows_with_it(db: Database, world: World) -> None:
    from brokerdesk.core.models import Partner

    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Partner(name="Ghost Trust"))
        session.flush()
        assert session.scalar(select(AuditEvent.id).where(AuditEvent.summary == "Ghost Trust"))
        raise RuntimeError("the user's action failed half way")
    assert not [e for e in _events(db, "partner") if e.summary == "Ghost Trust"]
