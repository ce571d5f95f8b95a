"""The audit trail, written in the same transaction as every change.

A session-level ``after_flush`` hook looks at what the flush wrote (new, changed and deleted
editable records) and inserts one ``audit_event`` per record, with each changed field's old
and new value. Because it hooks the ORM flush, every write path that uses the ORM is audited
without remembering to call anything. Imports write in bulk SQL, so they record their own
events per record (``core.importing.trail``) and a summary event through :func:`record`;
both name the import as the source (``SOURCE_KEY``/``SOURCE_FIELD``).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from brokerdesk.core.kinds import KINDS
from brokerdesk.core.models import AuditEvent, Base, Programme, ProgrammeRound, utcnow
from brokerdesk.core.stored import json_value

USER_KEY = "brokerdesk_user"
# session.info key: what made the session's changes when it is not a person at a form
# ("Import of partners.csv"); stored in each event's changes under SOURCE_FIELD.
SOURCE_KEY = "brokerdesk_source"
# Set on a session that copies history as it is (a whole-database copy or workbook import).
DISABLED_KEY = "audit_disabled"
SOURCE_FIELD = "_source"
# session.info key: changes a service stages for an object's event that the flush cannot see
# (the values of the team's own fields, kept in a table of their own), by id(obj).
STAGED_KEY = "brokerdesk_staged_changes"
SKIP_FIELDS = frozenset({"created_at", "updated_at", "version_id"})
# Every registered kind of record keeps its history (a new kind's edits show in History).
AUDITED_TABLES = frozenset(KINDS)


def _label(obj: Base) -> str:
    for attr in ("name", "full_name", "subject", "title"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)
    return f"#{getattr(obj, 'id', '?')}"


def _column_changes(obj: Base, *, created: bool, deleted: bool) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in SKIP_FIELDS:
            continue
        if created:
            value = getattr(obj, key)
            if value is not None:
                changes[key] = [None, json_value(value)]
        elif deleted:
            value = state.dict.get(key)
            if value is not None:
                changes[key] = [json_value(value), None]
        else:
            hist = state.attrs[key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes[key] = [json_value(old), json_value(new)]
    if not created and not deleted:
        changes.update(_link_changes(obj))
    return changes


def _link_changes(obj: Base) -> dict[str, list[Any]]:
    """Changes to many-to-many links (a partner's offer areas and tags), as lists of names.

    These live in association tables the flush writes without dirtying the record's own
    columns, so without this an edit of a partner's tags would leave no trace.
    """
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for rel in state.mapper.relationships:
        if rel.secondary is None or rel.viewonly:
            continue
        hist = state.attrs[rel.key].history
        if not hist.has_changes():
            continue
        old = [*hist.unchanged, *hist.deleted]
        new = [*hist.unchanged, *hist.added]
        old_names = sorted(_label(o) for o in old)
        new_names = sorted(_label(o) for o in new)
        if old_names != new_names:
            changes[rel.key] = [old_names, new_names]
    return changes


def stage(session: Session, obj: object, changes: dict[str, list[Any]]) -> None:
    """Add ``changes`` to ``obj``'s event of the coming flush (made even if its row is
    otherwise unchanged, as long as the flush writes it)."""
    session.info.setdefault(STAGED_KEY, {})[id(obj)] = changes


def _staged(session: Session, obj: object) -> dict[str, list[Any]]:
    staged = session.info.get(STAGED_KEY)
    return dict(staged.pop(id(obj), {})) if staged else {}


def _event_row(session: Session, obj: Base, action: str) -> dict[str, Any] | None:
    table = obj.__table__.name  # type: ignore[attr-defined]
    if table not in AUDITED_TABLES:
        return None
    changes = _column_changes(obj, created=action == "create", deleted=action == "delete")
    changes.update(_staged(session, obj))  # changes kept outside its row (custom fields)
    if action == "update" and not changes:
        return None
    source = session.info.get(SOURCE_KEY)
    if source:
        changes[SOURCE_FIELD] = source
    return {
        "at": utcnow(),
        "user_name": session.info.get(USER_KEY, "unknown"),
        "action": action,
        "entity": table,
        "record_id": getattr(obj, "id", None),
        "summary": _label(obj)[:300],
        "changes": json.dumps(changes, ensure_ascii=False, default=str),
    }


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    if session.info.get(DISABLED_KEY):
        return
    rows: list[dict[str, Any]] = []
    for action, objects in (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if not isinstance(obj, Base) or isinstance(obj, AuditEvent):
                continue
            if action == "update" and not session.is_modified(obj):
                continue
            row = _event_row(session, obj, action)
            if row is not None:
                rows.append(row)
    _round_changes(session, rows)
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


def _round_changes(session: Session, rows: list[dict[str, Any]]) -> None:
    """A programme's series and round (``programme_round``) are the programme's own fields:
    their changes join the programme's event, or make one."""
    for action, objects in (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    ):
        for obj in objects:
            if not isinstance(obj, ProgrammeRound):
                continue
            state = inspect(obj)
            changes: dict[str, list[Any]] = {}
            for key, field in (("series_id", "series_id"), ("label", "round_label")):
                if action == "create":
                    old, new = None, getattr(obj, key)
                elif action == "delete":
                    old, new = state.dict.get(key), None
                else:
                    hist = state.attrs[key].history
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else old
                if old != new:
                    changes[field] = [old, new]
            if not changes:
                continue
            pid = state.dict.get("programme_id") or obj.programme_id
            found = next(
                (r for r in rows if r["entity"] == "programme" and r["record_id"] == pid), None
            )
            if found is not None:
                merged = json.loads(found["changes"]) | changes
                found["changes"] = json.dumps(merged, ensure_ascii=False, default=str)
                continue
            programme = session.identity_map.get(session.identity_key(Programme, pid))
            rows.append(
                {
                    "at": utcnow(),
                    "user_name": session.info.get(USER_KEY, "unknown"),
                    "action": "update",
                    "entity": "programme",
                    "record_id": pid,
                    "summary": (_label(programme) if programme is not None else f"#{pid}")[:300],
                    "changes": json.dumps(changes, ensure_ascii=False, default=str),
                }
            )


def record(
    session: Session,
    action: str,
    entity: str,
    summary: str,
    record_id: int | None = None,
    changes: dict[str, Any] | None = None,
) -> None:
    """Write one audit event by hand (bulk operations that bypass the ORM flush)."""
    session.execute(
        insert(AuditEvent),
        [
            {
                "at": utcnow(),
                "user_name": session.info.get(USER_KEY, "unknown"),
                "action": action,
                "entity": entity,
                "record_id": record_id,
                "summary": summary[:300],
                "changes": json.dumps(changes or {}, ensure_ascii=False, default=str),
            }
        ],
    )
