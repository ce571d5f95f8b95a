"""Take an erased contact's address and whole name out of the notes of every other record.

The team writes people into notes ("Sam Reid at Open Book is the lead", "contact
sam.reid@…"): a partner's or library service's notes, a programme's or series'
description, a participation's, agreement's, grant's or deliverable's notes, and the text of
the team's own fields on any record. Ctrl+K searches most of them, so an erasure rewrites
them to ``[erased]`` too, and their history. Only the person's addresses and whole names are
matched here (never a first name alone, which in a partner's notes may be anyone's).
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from brokerdesk.core.models import (
    Agreement,
    AuditEvent,
    CustomField,
    CustomValue,
    Deliverable,
    Grant,
    LibraryService,
    Participation,
    Partner,
    Programme,
    Series,
)
from brokerdesk.core.services.erasure_scrub import Words, scrub

# The free-text columns of records other than contacts, interactions and documents.
NOTE_COLUMNS: tuple[tuple[Any, str], ...] = (
    (Partner, "notes"),
    (LibraryService, "notes"),
    (Programme, "description"),
    (Series, "description"),
    (Participation, "notes"),
    (Agreement, "notes"),
    (Grant, "notes"),
    (Deliverable, "notes"),
)


def _mentions(columns: list[Any], clues: list[str]) -> Any:
    return or_(*[c.ilike(f"%{clue}%") for c in columns for clue in clues])


def records_naming(
    session: Session, words: Words, contact_ids: set[int] | frozenset[int] = frozenset()
) -> dict[str, list[int]]:
    """Table -> ids of the records whose notes (or own fields' text) name the person;
    ``contact_ids``, the person's own records, are left out."""
    pattern, clues = words.pattern(shown=False), words.clues()
    found: dict[str, list[int]] = {}
    if pattern is None:
        return found
    for model, column in NOTE_COLUMNS:
        attr = getattr(model, column)
        for record_id, note in session.execute(
            select(model.id, attr).where(_mentions([attr], clues)).order_by(model.id)
        ):
            if note and pattern.search(note):
                found.setdefault(model.__tablename__, []).append(record_id)
    for entity, record_id, short, long in session.execute(
        select(
            CustomField.entity,
            CustomValue.record_id,
            CustomValue.text_value,
            CustomValue.long_value,
        )
        .join(CustomField, CustomField.id == CustomValue.field_id)
        .where(_mentions([CustomValue.text_value, CustomValue.long_value], clues))
    ):
        mine = entity == "contact" and record_id in contact_ids
        if not mine and any(t and pattern.search(t) for t in (short, long)):
            ids = found.setdefault(str(entity), [])
            if record_id not in ids:
                ids.append(record_id)
    return found


def apply(session: Session, words: Words, contact_ids: set[int]) -> int:
    """Rewrite the notes and own-field texts that name the person, and those records'
    history; returns how many records changed. ``contact_ids``: the person's own records
    (their own fields go with them, not here)."""
    pattern, clues = words.pattern(shown=False), words.clues()
    if pattern is None:
        return 0
    found = records_naming(session, words, contact_ids)
    changed = 0
    for model, column in NOTE_COLUMNS:
        attr = getattr(model, column)
        ids = found.get(model.__tablename__, [])
        for record_id, note in session.execute(select(model.id, attr).where(model.id.in_(ids))):
            cleaned = scrub(note, pattern)
            if cleaned != note:
                session.execute(
                    update(model)
                    .where(model.id == record_id)
                    .values({column: cleaned, "version_id": model.version_id + 1})
                    .execution_options(synchronize_session=False)
                )
                changed += 1
    for value in session.scalars(
        select(CustomValue).where(
            _mentions([CustomValue.text_value, CustomValue.long_value], clues)
        )
    ):
        field_entity = session.scalar(
            select(CustomField.entity).where(CustomField.id == value.field_id)
        )
        if field_entity == "contact" and value.record_id in contact_ids:
            continue
        value.text_value = _cut(scrub(value.text_value, pattern), 500)
        value.long_value = scrub(value.long_value, pattern)
        changed += 1
    _history(session, pattern, clues, found)
    session.flush()
    return changed


def _cut(text: str | None, limit: int) -> str | None:
    return text[:limit] if text else text


def _value(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return scrub(value, pattern)
    if isinstance(value, list):
        return [_value(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _value(v, pattern) for k, v in value.items()}
    return value


def _history(
    session: Session, pattern: re.Pattern[str], clues: list[str], found: dict[str, list[int]]
) -> None:
    for entity, ids in found.items():
        if not ids:
            continue
        for event in session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == entity,
                AuditEvent.record_id.in_(ids),
                _mentions([AuditEvent.changes, AuditEvent.summary], clues),
            )
        ):
            event.changes = json.dumps(
                _value(json.loads(event.changes or "{}"), pattern), ensure_ascii=False
            )
            event.summary = (scrub(event.summary, pattern) or "[erased]")[:300]
