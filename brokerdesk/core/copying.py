"""Copy every record from one BrokerDesk database to another: file to server, back, file to file.

The team moves its local file onto a PostgreSQL server with this (``brokerdesk copy``, File ▸
Move to a team server…), and a server's backup is the same copy made into a new SQLite file
(:mod:`brokerdesk.core.server_backup`). Every table the app knows (``Base.metadata``: records,
links, history, Trash, saved views, documents, whatever later versions add) is copied with its
ids, parents first, so every link still points where it did.

The copy is all or nothing. The source is read in one snapshot (a repeatable-read transaction on
PostgreSQL; on SQLite one read transaction, which WAL keeps steady while others write), and the
target is written in one transaction. At the end the target's row counts and id sums are
compared with the source's, inside that same transaction: a difference rolls everything back
and says which table differs. The history is copied as it is (who changed what, when), not
written again under the name of whoever runs the copy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import LargeBinary, Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from brokerdesk.core import audit
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.models import AuditEvent, Base

ROWS_PER_CHUNK = 2000
# A table holding file contents (documents) moves a few rows at a time, so a copy of large
# attachments never holds more than a few of them in memory.
BLOB_ROWS_PER_CHUNK = 8

Progress = Callable[[int, int, str], object]
"""Called with (rows copied, rows in all, the table being copied); False cancels."""
CancelCheck = Callable[[], bool]


class CopyError(BrokerDeskError):
    """The copy was refused or failed; the target was left exactly as it was."""


@dataclass(frozen=True)
class TableTally:
    """What one table holds: the figures compared at the end of a copy."""

    rows: int
    id_sum: int


@dataclass
class CopyResult:
    """A finished copy: what was copied and how long it took."""

    source: str
    target: str
    tables: dict[str, TableTally] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables.values())

    def counts(self) -> dict[str, int]:
        """Rows per table, for the command line's JSON and the tests."""
        return {name: tally.rows for name, tally in self.tables.items()}


def tables_in_order() -> list[Table]:
    """Every BrokerDesk table, parents before children (the order a copy must insert in)."""
    return list(Base.metadata.sorted_tables)


def tally(session: Session, table: Table) -> TableTally:
    """Rows and the sum of the primary key (when it is one whole-number column)."""
    keys = list(table.primary_key.columns)
    if len(keys) == 1 and keys[0].type.python_type is int:
        rows, id_sum = session.execute(
            select(func.count(), func.coalesce(func.sum(keys[0]), 0)).select_from(table)
        ).one()
        return TableTally(int(rows), int(id_sum))
    rows = session.execute(select(func.count()).select_from(table)).scalar_one()
    return TableTally(int(rows), 0)


def tallies(db: Database) -> dict[str, TableTally]:
    """What every table of ``db`` holds now."""
    with db.read() as session:
        return {table.name: tally(session, table) for table in tables_in_order()}


# The shipped reference data that the app loads into a new database when it first opens it:
# a server someone opened before the move holds these (and the one history line saying so),
# and they are replaced by the file's own copy of them.
REFERENCE_TABLES = frozenset(
    {"offer_area", "library_service", "service_name_variant", "former_authority", "branch"}
)


def holds_records(session: Session) -> list[str]:
    """The tables of the target that hold the team's own rows (not just the shipped
    reference data a first opening loads)."""
    occupied = [
        t.name
        for t in tables_in_order()
        if session.execute(select(func.count()).select_from(t)).scalar_one()
    ]
    if set(occupied) <= REFERENCE_TABLES | {AuditEvent.__tablename__}:
        own_history = session.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where((AuditEvent.action != "import") | (AuditEvent.entity != "library_service"))
        ).scalar_one()
        if not own_history:
            return []
    return occupied


@contextmanager
def _snapshot(db: Database) -> Iterator[Session]:
    """A read session that sees one moment of ``db`` for as long as it is open."""
    with db.read() as session:
        if db.is_sqlite:
            session.execute(text("SELECT 1 FROM alembic_version"))  # starts the read txn
        else:
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield session


def _rows(session: Session, table: Table) -> Iterator[list[dict[str, Any]]]:
    chunk = (
        BLOB_ROWS_PER_CHUNK
        if any(isinstance(c.type, LargeBinary) for c in table.columns)
        else ROWS_PER_CHUNK
    )
    query = select(table).order_by(*table.primary_key.columns)
    result = session.execute(query.execution_options(yield_per=chunk))
    for part in result.mappings().partitions(chunk):
        yield [dict(row) for row in part]


def _reset_sequences(session: Session, tables: list[Table]) -> None:
    """PostgreSQL hands out the next id after the highest copied one."""
    for table in tables:
        column = table.columns.get("id")
        if column is None or not column.autoincrement or column.type.python_type is not int:
            continue
        session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            ),
            {"table": table.name},
        )


def _check_same_schema(source: Database, target: Database) -> None:
    with source.read() as s, target.read() as t:
        theirs = s.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        ours = t.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    if theirs != ours:
        raise CopyError(
            f"{source.description} is at schema version {theirs} and {target.description} at "
            f"{ours}; open both with this version of BrokerDesk first. Nothing was copied."
        )


def copy_records(
    source: Database,
    target: Database,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> CopyResult:
    """Copy every row of ``source`` into ``target`` in one transaction, then check the counts.

    Args:
        replace: empty the target first (inside the same transaction). Without it a target
            that holds any record is refused: a copy never mixes two databases.
        progress: told (rows done, rows in all, table); returning False cancels.
        cancelled: polled between chunks; True cancels.

    Raises:
        CopyError: the target holds records (without ``replace``), the two are at different
            schema versions, or the counts differ after the copy. Nothing was written.
        Cancelled: the user cancelled; nothing was written.
    """
    if source.url == target.url or (
        source.path is not None and target.path is not None and source.path == target.path
    ):
        raise CopyError("The source and the target are the same database; nothing was copied.")
    _check_same_schema(source, target)
    started = time.perf_counter()
    tables = tables_in_order()
    result = CopyResult(source.description, target.description)
    with _snapshot(source) as reading:
        expected = {t.name: tally(reading, t) for t in tables}
        total = sum(t.rows for t in expected.values())
        done = 0
        with target.write() as writing:
            writing.info[audit.DISABLED_KEY] = True  # the history is copied, not rewritten
            occupied = holds_records(writing)
            if occupied and not replace:
                raise CopyError(
                    f"{target.description} already holds records ({', '.join(occupied[:4])}"
                    f"{'…' if len(occupied) > 4 else ''}); a copy goes into an empty database. "
                    "Nothing was copied."
                )
            for table in reversed(tables):  # reference data a first opening loaded, or
                writing.execute(delete(table))  # (with replace) everything
            for table in tables:
                for rows in _rows(reading, table):
                    writing.execute(insert(table), rows)
                    done += len(rows)
                    going_on = progress(done, total, table.name) if progress else None
                    if going_on is False or (cancelled and cancelled()):
                        raise Cancelled("The copy was cancelled; nothing was copied.")
            if not target.is_sqlite:
                _reset_sequences(writing, tables)
            writing.flush()
            for table in tables:
                got = tally(writing, table)
                if got != expected[table.name]:
                    raise CopyError(
                        f"The copy of '{table.name}' does not match: {expected[table.name].rows} "
                        f"rows in {source.description}, {got.rows} in the copy. Nothing was "
                        "copied."
                    )
                result.tables[table.name] = got
    result.seconds = time.perf_counter() - started
    if progress:
        progress(total, total, "")
    return result


def copy_to_address(
    source: Database,
    address: str,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> CopyResult:
    """Copy ``source`` into the (empty) database at ``address``, opened, migrated and closed
    here: File ▸ Move to a team server…."""
    target = open_database(address, user_name=source.user_name)
    try:
        return copy_records(source, target, progress=progress, cancelled=cancelled)
    finally:
        target.dispose()
