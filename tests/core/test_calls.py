"""Logging a call about a follow-up is one action: the call and the follow-up done together,
undone together and redone together, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import AuditEvent, Interaction, Partner, TrashItem
from brokerdesk.core.reminders import follow_ups_due
from brokerdesk.core.services import Services, calls
from brokerdesk.core.services.people import InteractionService

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 6, 15)


def a_follow_up(db: Database) -> tuple[int, int]:
    with db.write() as session:
        partner = Partner(name="Lantern Arts Fund", status="active")
        session.add(partner)
        session.flush()
        follow_up = Interaction(
            partner_id=partner.id,
            occurred_on=TODAY - dt.timedelta(days=10),
            subject="Send the report",
            follow_up_on=TODAY - dt.timedelta(days=2),
        )
        session.add(follow_up)
        session.flush()
        return partner.id, follow_up.id


def the_call(partner_id: int) -> dict[str, object]:
    return {
        "kind": "call",
        "occurred_on": TODAY,
        "subject": "Send the report",
        "partner_id": partner_id,
        "follow_up_on": TODAY + dt.timedelta(days=14),
    }


def open_follow_ups(db: Database) -> list[str]:
    return sorted(r.subject for r in follow_ups_due(db, TODAY, 60))


def calls_logged(db: Database) -> int:
    with db.read() as session:
        return len(session.scalars(select(Interaction.id).where(Interaction.kind == "call")).all())


def test_logging_a_call_clears_its_follow_up_and_undo_takes_back_both(db: Database) -> None:
    interactions = Services(db).for_entity("interaction")
    assert isinstance(interactions, InteractionService)
    partner_id, follow_up = a_follow_up(db)
    assert open_follow_ups(db) == ["Send the report"]

    logged = calls.log_call(interactions, the_call(partner_id), follow_up)
    assert logged.change.action == "create" and logged.follow_up_of == follow_up
    assert calls_logged(db) == 1
    # Only the new call's follow-up, a fortnight on, is still to do.
    due = follow_ups_due(db, TODAY, 60)
    assert [(r.record_id, r.due_on) for r in due] == [
        (logged.change.id, TODAY + dt.timedelta(days=14))
    ]

    undone = calls.undo_log_call(interactions, logged)
    assert undone.action == "delete"
    assert calls_logged(db) == 0
    assert [r.record_id for r in follow_ups_due(db, TODAY, 60)] == [follow_up]
    with db.read() as session:  # an undone call never was: it is not in the Trash
        assert session.scalars(select(TrashItem)).all() == []

    calls.redo_log_call(interactions, logged)
    assert calls_logged(db) == 1
    assert [r.record_id for r in follow_ups_due(db, TODAY, 60)] == [logged.change.id]


def test_a_refused_call_leaves_the_follow_up_open(db: Database) -> None:
    interactions = Services(db).for_entity("interaction")
    assert isinstance(interactions, InteractionService)
    partner_id, follow_up = a_follow_up(db)
    with db.read() as session:
        events = len(session.scalars(select(AuditEvent.id)).all())
    bad = the_call(partner_id) | {"follow_up_on": TODAY - dt.timedelta(days=1)}
    with pytest.raises(ValidationError) as refused:
        calls.log_call(interactions, bad, follow_up)
    assert "follow_up_on" in refused.value.field_errors
    assert calls_logged(db) == 0
    assert open_follow_ups(db) == ["Send the report"]
    with db.read() as session:
        assert len(session.scalars(select(AuditEvent.id)).all()) == events


def test_a_follow_up_deleted_meanwhile_still_lets_the_call_be_logged(db: Database) -> None:
    interactions = Services(db).for_entity("interaction")
    assert isinstance(interactions, InteractionService)
    partner_id, follow_up = a_follow_up(db)
    interactions.delete(follow_up)
    logged = calls.log_call(interactions, the_call(partner_id), follow_up)
    assert logged.follow_up_of is None
    assert calls_logged(db) == 1
    calls.undo_log_call(interactions, logged)
    assert calls_logged(db) == 0
