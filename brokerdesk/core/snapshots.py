"""Capture a record with everything its deletion would take, and put it all back.

One mechanism serves undo of a delete, the Trash, and undo of a merge: before rows are
deleted, :func:`capture` follows every foreign key that points at them. Rows the database
would delete with them (``ON DELETE CASCADE``) are captured too, recursively; rows it would
unlink (``ON DELETE SET NULL``) are remembered so :func:`restore` can link them again,
except rows that unlinking would leave about nothing: a table lists what its rows are about
in ``info["about"]`` (an interaction: partner, library service, programme), and a row whose
only remaining subject is being deleted is taken with it (captured, and deleted by
:func:`remove_taken`, since the database would refuse to unlink it).
Because it reads the foreign keys from the metadata, a table added later is covered without
anyone remembering to extend it.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    LargeBinary,
    Numeric,
    Table,
    and_,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from brokerdesk.core.models import Base
from brokerdesk.core.stored import json_value

Row = dict[str, Any]


@dataclass
class Relink:
    """A row whose foreign key the delete set to NULL, and the value to put back."""

    table: str
    row_id: int
    column: str
    value: int


@dataclass
class Snapshot:
    """Rows to re-insert (parents before children) and links to re-point after that."""

    rows: list[tuple[str, Row]] = field(default_factory=list)
    relinks: list[Relink] = field(default_factory=list)
    # Rows the delete must remove itself (the database would only unlink them): table, id.
    taken: list[tuple[str, int]] = field(default_factory=list)

    def count(self, table: str) -> int:
        return sum(1 for name, _ in self.rows if name == table)

    def to_json(self) -> str:
        return json.dumps(
            {
                "rows": [[t, {k: json_value(v) for k, v in r.items()}] for t, r in self.rows],
                "relinks": [[x.table, x.row_id, x.column, x.value] for x in self.relinks],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        data = json.loads(text)
        rows = [(t, _typed(metadata_table(t), r)) for t, r in data["rows"]]
        relinks = [Relink(t, i, c, v) for t, i, c, v in data["relinks"]]
        return cls(rows=rows, relinks=relinks)


def metadata_table(name: str) -> Table:
    """The metadata table called ``name``."""
    return Base.metadata.tables[name]


def _typed(table: Table, row: Row) -> Row:
    out: Row = {}
    for key, value in row.items():
        column_type = table.c[key].type
        if value is None:
            out[key] = None
        elif isinstance(column_type, DateTime):
            out[key] = dt.datetime.fromisoformat(value)
        elif isinstance(column_type, Date):
            out[key] = dt.date.fromisoformat(value)
        elif isinstance(column_type, Numeric) and not isinstance(value, int | float):
            out[key] = Decimal(value)
        elif isinstance(column_type, Boolean):
            out[key] = bool(value)
        elif isinstance(column_type, LargeBinary):
            out[key] = base64.b64decode(value)
        else:
            out[key] = value
    return out


def _referrers(table: Table) -> Iterable[tuple[Table, Any]]:
    """Every (child table, foreign key) pointing at ``table``."""
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk


def capture(session: Session, table_name: str, ids: Iterable[int]) -> Snapshot:
    """Snapshot rows ``ids`` of ``table_name`` and everything their deletion touches."""
    snapshot = Snapshot()
    _capture(session, metadata_table(table_name), sorted(set(ids)), snapshot, seen=set())
    _capture_custom_values(session, snapshot)
    return snapshot


def _capture_custom_values(session: Session, snapshot: Snapshot) -> None:
    """The custom field values of every captured record (they name it by id, not by a
    foreign key, since one table holds the values of every kind)."""
    by_table: dict[str, list[int]] = {}
    for name, row in snapshot.rows:
        if "id" in row and name != "custom_field":
            by_table.setdefault(name, []).append(row["id"])
    values, fields = metadata_table("custom_value"), metadata_table("custom_field")
    for name, ids in by_table.items():
        query = (
            select(values)
            .join(fields, fields.c.id == values.c.field_id)
            .where(fields.c.entity == name, values.c.record_id.in_(ids))
        )
        snapshot.rows += [("custom_value", dict(r._mapping)) for r in session.execute(query)]


def drop_custom_values(session: Session, snapshot: Snapshot) -> None:
    """Delete the custom field values the snapshot holds (with the records they belong to)."""
    values = metadata_table("custom_value")
    by_field: dict[int, list[int]] = {}
    for name, row in snapshot.rows:
        if name == "custom_value":
            by_field.setdefault(row["field_id"], []).append(row["record_id"])
    for field_id, record_ids in by_field.items():
        session.execute(
            delete(values).where(values.c.field_id == field_id, values.c.record_id.in_(record_ids))
        )


def _capture(
    session: Session, table: Table, ids: list[int], snapshot: Snapshot, seen: set[tuple[str, Any]]
) -> None:
    if not ids:
        return
    id_col = table.c.id
    rows = [dict(r._mapping) for r in session.execute(select(table).where(id_col.in_(ids)))]
    for row in rows:
        key = (table.name, row["id"])
        if key not in seen:
            seen.add(key)
            snapshot.rows.append((table.name, row))
    for child, fk in _referrers(table):
        column = fk.parent
        if fk.ondelete == "CASCADE":
            if "id" in child.c:
                child_ids = list(session.scalars(select(child.c.id).where(column.in_(ids))))
                _capture(session, child, child_ids, snapshot, seen)
            else:  # an association table without its own id
                for r in session.execute(select(child).where(column.in_(ids))):
                    row = dict(r._mapping)
                    key = (child.name, tuple(sorted(row.items())))
                    if key not in seen:
                        seen.add(key)
                        snapshot.rows.append((child.name, row))
        elif fk.ondelete == "SET NULL":
            alone = _left_about_nothing(session, child, column, ids)
            for row_id, value in session.execute(select(child.c.id, column).where(column.in_(ids))):
                if row_id not in alone:
                    snapshot.relinks.append(Relink(child.name, row_id, column.name, value))
            snapshot.taken += [(child.name, row_id) for row_id in alone]
            _capture(session, child, alone, snapshot, seen)


def _left_about_nothing(session: Session, child: Table, column: Any, ids: list[int]) -> list[int]:
    """Rows of ``child`` that unlinking ``column`` from ``ids`` would leave about nothing."""
    about = child.info.get("about", ())
    if column.name not in about:
        return []
    others = [child.c[name].is_(None) for name in about if name != column.name]
    return sorted(session.scalars(select(child.c.id).where(column.in_(ids), *others)))


def remove_taken(session: Session, snapshot: Snapshot) -> None:
    """Delete the rows the snapshot takes along that the database would only unlink, and
    the custom field values of every record it holds."""
    drop_custom_values(session, snapshot)
    for table_name in dict.fromkeys(name for name, _ in snapshot.taken):
        table = metadata_table(table_name)
        ids = [row_id for name, row_id in snapshot.taken if name == table_name]
        session.execute(delete(table).where(table.c.id.in_(ids)))


def blockers(session: Session, table_name: str, ids: Iterable[int]) -> dict[str, int]:
    """Rows that would stop the delete (a foreign key with no ON DELETE rule): table -> count."""
    target = metadata_table(table_name)
    wanted = sorted(set(ids))
    found: dict[str, int] = {}
    for child, fk in _referrers(target):
        if fk.ondelete is None and wanted:
            count = len(list(session.scalars(select(fk.parent).where(fk.parent.in_(wanted)))))
            if count:
                found[child.name] = found.get(child.name, 0) + count
    return found


def restore(session: Session, snapshot: Snapshot) -> None:
    """Re-insert the captured rows with their ids, then re-point unlinked rows.

    A relink is skipped when its row has gone or has since been linked elsewhere: the user's
    later edits win over an old undo.
    """
    for table_name, row in snapshot.rows:
        session.execute(insert(metadata_table(table_name)), [row])
    for link in snapshot.relinks:
        linked = metadata_table(link.table)
        session.execute(
            update(linked)
            .where(and_(linked.c.id == link.row_id, linked.c[link.column].is_(None)))
            .values({link.column: link.value})
        )
