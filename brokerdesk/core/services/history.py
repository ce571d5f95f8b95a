"""A record's history, for the History panel: who changed what, when, old → new.

The audit trail stores table and column names; this turns them into the labels the forms
show ("Relationship owner", not ``owner``) so the panel reads in the team's words, and a
reference's id into the name of the record it pointed at when the change was made ("Offer
area: Reading", not ``offer_area_id: 3``; ``reference_names`` says how).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from brokerdesk.core.audit import SOURCE_FIELD
from brokerdesk.core.db import Database
from brokerdesk.core.models import AuditEvent
from brokerdesk.core.services.reference_names import Wanted, is_reference, names_as_of

# The key of a merge's history entry holding the values it did not keep (field -> value);
# core.services.duplicates writes it.
NOT_KEPT = "not_kept"


@dataclass(frozen=True)
class FieldChange:
    """One field's change: ``old`` is None for a new record, ``new`` None for a deleted one.

    For a reference field (``reference`` True), ``old_name`` and ``new_name`` are the names
    of the records ``old`` and ``new`` pointed at, as of the change (None: none, or deleted
    with its name unknown).

    A merge also lists each value it did not keep (``kept`` False, ``old`` that value,
    ``new`` None), so nothing a merge leaves out goes unrecorded.
    """

    field: str
    label: str
    old: Any
    new: Any
    reference: bool = False
    old_name: str | None = None
    new_name: str | None = None

    kept: bool = True


@dataclass(frozen=True)
class HistoryEntry:
    """One audit event about a record."""

    id: int
    at: dt.datetime
    user_name: str
    action: str
    summary: str
    changes: tuple[FieldChange, ...]
    source: str | None = None  # what made the change when not a form: "Import of partners.csv"


def field_labels(db: Database, entity: str) -> dict[str, str]:
    """Column name -> form label for an entity, from its service's declared fields."""
    from brokerdesk.core.services.bundle import Services

    try:
        service = Services(db).for_entity(entity)
    except KeyError:
        return {}
    own = {f.key: f.label for f in service.custom_fields(removed=True)}  # removed ones too
    return {f.name: f.label for f in service.fields} | own


def _label(labels: dict[str, str], name: str) -> str:
    """The form's label; a field no form shows is named from its column (never "… id")."""
    if name in labels:
        return labels[name]
    return name.removesuffix("_id").replace("_", " ").capitalize()


def _named(session: Session, entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """The entries with each reference's old and new ids named as of its event."""
    wanted = {
        Wanted(c.field, value, entry.id)
        for entry in entries
        for c in entry.changes
        if is_reference(c.field)
        for value in (c.old, c.new)
        if isinstance(value, int)
    }
    if not wanted:
        return entries
    names = names_as_of(session, wanted)

    def name(change: FieldChange, value: Any, event_id: int) -> str | None:
        if not isinstance(value, int):
            return None
        return names.get(Wanted(change.field, value, event_id))

    return [
        replace(
            entry,
            changes=tuple(
                replace(
                    c,
                    reference=True,
                    old_name=name(c, c.old, entry.id),
                    new_name=name(c, c.new, entry.id),
                )
                if is_reference(c.field)
                else c
                for c in entry.changes
            ),
        )
        for entry in entries
    ]


def _not_kept(labels: dict[str, str], values: Any) -> tuple[FieldChange, ...]:
    """A merge's values not kept, as changes that say so."""
    if not isinstance(values, dict):
        return ()
    return tuple(
        FieldChange(name, _label(labels, name), value, None, kept=False)
        for name, value in values.items()
    )


class HistoryService:
    """Reads the audit trail of one record."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def for_record(self, entity: str, record_id: int) -> list[HistoryEntry]:
        """Every event about ``entity`` #``record_id``, newest first.

        Bulk stage changes are stored as one event keyed by participation id; an entry is
        made for each participation they touched.
        """
        labels = field_labels(self.db, entity)
        key = str(record_id)
        with self.db.read() as session:
            events = session.scalars(
                select(AuditEvent)
                .where(
                    AuditEvent.entity == entity,
                    or_(AuditEvent.record_id == record_id, AuditEvent.record_id.is_(None)),
                )
                .order_by(AuditEvent.id.desc())
            ).all()
            entries: list[HistoryEntry] = []
            for event in events:
                data = json.loads(event.changes or "{}")
                source = data.pop(SOURCE_FIELD, None)
                if "service_ids" in data:  # a bulk link keyed by programme, not by this record
                    continue
                if event.record_id is None:
                    if key not in data:
                        continue
                    old, new = data[key]
                    changes: tuple[FieldChange, ...] = (
                        FieldChange("stage", _label(labels, "stage"), old, new),
                    )
                else:
                    changes = tuple(
                        FieldChange(name, _label(labels, name), pair[0], pair[1])
                        for name, pair in data.items()
                        if isinstance(pair, list) and len(pair) == 2
                    ) + _not_kept(labels, data.get(NOT_KEPT))
                entries.append(
                    HistoryEntry(
                        event.id,
                        event.at,
                        event.user_name,
                        event.action,
                        event.summary,
                        changes,
                        source if isinstance(source, str) else None,
                    )
                )
            return _named(session, entries)
