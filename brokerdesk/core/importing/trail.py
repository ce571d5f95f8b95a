"""The history of what an import wrote: one audit event per record created or changed.

Imports write in bulk SQL (the ORM's per-object flush would make a 100,000-row import many
times slower), so the session's audit hook never sees their rows. This module writes the
same events the hook would, in bulk too: for an update, each field whose value really
changed, old → new (the old values are read in one query per chunk, before the update);
for a creation, who, when and which import, for exactly the ids the insert reported.
Each event names the import as its source, so a record's History says "Import of
partners.csv" beside who ran it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, String, Table, cast, func, insert, literal, select
from sqlalchemy.orm import Session

from brokerdesk.core import audit
from brokerdesk.core.importing.base import RowPlan
from brokerdesk.core.models import AuditEvent, utcnow
from brokerdesk.core.stored import json_value

_BATCH = 500  # ids per IN (...): well under SQLite's and PostgreSQL's parameter limits
_LABELS = ("name", "full_name", "subject", "title")


def import_source(file_name: str) -> str:
    """How the History names an import as the source of a change."""
    return f"Import of {file_name}"


class ImportTrail:
    """Writes an import's chunk and its audit events in the caller's transaction."""

    def __init__(self, session: Session, table: Table, source: str) -> None:
        self.session = session
        self.table = table
        self.source = source
        self.audited = table.name in audit.AUDITED_TABLES
        self.now = utcnow()

    def write(
        self,
        write: Callable[[Sequence[dict[str, Any]], Sequence[RowPlan]], Sequence[int]],
        creates: Sequence[dict[str, Any]],
        updates: Sequence[RowPlan],
    ) -> Sequence[int]:
        """Run ``write(creates, updates)`` and record what it did; the new records' ids."""
        if not self.audited:
            return write(creates, updates)
        self.now = utcnow()  # one moment for the chunk, as the rows' own timestamps
        before = self._current(updates)
        created = write(creates, updates)
        events = self._updated(updates, before)
        if events:
            self._insert(events)
        if isinstance(created, range) and created.step == 1:
            if created:
                self._created(self.table.c.id.between(created.start, created.stop - 1))
        else:
            ids = list(created)
            for start in range(0, len(ids), _BATCH):
                self._created(self.table.c.id.in_(ids[start : start + _BATCH]))
        return created

    # ------------------------------------------------------------------ reading
    def _current(self, updates: Sequence[RowPlan]) -> dict[int, dict[str, Any]]:
        """The stored values of the fields the updates set, by record id."""
        ids = [p.record_id for p in updates if p.values and p.record_id is not None]
        if not ids:
            return {}
        names = sorted({k for p in updates for k in p.values} | self._label_columns())
        columns = [self.table.c.id, *(self.table.c[n] for n in names)]
        current: dict[int, dict[str, Any]] = {}
        connection = self.session.connection()
        for start in range(0, len(ids), _BATCH):
            part = ids[start : start + _BATCH]
            query = select(*columns).where(self.table.c.id.in_(part))
            for row in connection.execute(query).mappings():
                current[int(row["id"])] = dict(row)
        return current

    def _label_columns(self) -> set[str]:
        return {n for n in _LABELS if n in self.table.c}

    # ------------------------------------------------------------------ events
    def _event(
        self, action: str, record_id: int, label: str, changes: dict[str, Any]
    ) -> dict[str, Any]:
        changes[audit.SOURCE_FIELD] = self.source
        return {
            "at": self.now,
            "user_name": self.session.info.get(audit.USER_KEY, "unknown"),
            "action": action,
            "entity": self.table.name,
            "record_id": record_id,
            "summary": label[:300],
            "changes": json.dumps(changes, ensure_ascii=False, default=str),
        }

    def _updated(
        self, updates: Sequence[RowPlan], before: dict[int, dict[str, Any]]
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        for plan in updates:
            old = before.get(plan.record_id) if plan.record_id is not None else None
            if old is None:
                continue
            changes = {
                name: [json_value(old[name]), json_value(new)]
                for name, new in plan.values.items()
                if name not in audit.SKIP_FIELDS and old[name] != new
            }
            if changes:
                label = _label({**old, **plan.values}, int(old["id"]))
                events.append(self._event("update", int(old["id"]), label, changes))
        return events

    def _created(self, ours: ColumnElement[bool]) -> None:
        """An event for every record the chunk inserted (the ids ``ours`` picks), in SQL.

        Only who, when and which import: the values are the new record itself (its first
        edit records old -> new from them). One INSERT ... SELECT, so the database writes
        the events without a Python object per row; with each row's values as JSON a
        100,000-row import was half as slow again. ``ours`` names the ids the insert
        reported, never "every id above the last one": on PostgreSQL another user's row
        committed during the import has such an id, and is not the import's.
        """
        table = self.table
        events: Table = AuditEvent.__table__  # type: ignore[assignment]
        record_id = table.c.id
        number = literal("#") + cast(record_id, String)
        names = [func.nullif(table.c[n], "") for n in _LABELS if n in table.c]
        label = func.coalesce(*names, number) if names else number
        values = self._event("create", 0, "", {})
        query = select(
            literal(values["at"], events.c.at.type),
            literal(values["user_name"]),
            literal("create"),
            literal(table.name),
            record_id,
            func.substr(label, 1, 300),
            literal(values["changes"]),
        ).where(ours)
        columns = ["at", "user_name", "action", "entity", "record_id", "summary", "changes"]
        self.session.connection().execute(insert(events).from_select(columns, query))

    def _insert(self, events: list[dict[str, Any]]) -> None:
        """One executemany; on SQLite straight to the driver (as the import's own rows go)."""
        connection = self.session.connection()
        dialect = connection.dialect
        if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
            connection.execute(insert(AuditEvent), events)
            return
        table: Table = AuditEvent.__table__  # type: ignore[assignment]
        names = list(events[0])
        statement = insert(table).compile(dialect=dialect, column_keys=names)
        order = list(statement.positiontup or [])
        at = table.c.at.type.dialect_impl(dialect).bind_processor(dialect)
        stamp = at(events[0]["at"]) if at is not None else events[0]["at"]
        rows = [tuple(stamp if n == "at" else e[n] for n in order) for e in events]
        connection.exec_driver_sql(statement.string, rows)


def _label(values: Any, record_id: int) -> str:
    """The record as the audit hook names it: its name, else its number."""
    for name in _LABELS:
        value = values.get(name)
        if value:
            return str(value)
    return f"#{record_id}"
