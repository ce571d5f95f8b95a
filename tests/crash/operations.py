"""The operations a kill point interrupts: how the child runs each, and how the parent judges it.

Each operation names the input file its working database starts as, a ``prepare`` the child
calls before it says READY (it opens what it needs and returns the operation itself), and a
``check`` the parent runs on the killed file: None when the operation is wholly there or wholly
absent, else a sentence saying what was half done.

The restore and migration checks compare whole databases (every row and the schema, see
:func:`contents`) with the two states allowed: before and after.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash import seed

Run = Callable[[], object]


@dataclass
class Known:
    """Whole-database digests of the states a restore or a migration may leave."""

    digests: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    name: str
    source: str
    prepare: Callable[[Path, Path], Run]
    check: Callable[[sqlite3.Connection, Path, Known], str | None]


def contents(conn: sqlite3.Connection) -> str:
    """A digest of the schema's objects and every row: equal digests mean the same database.

    Objects are compared by kind, name, table and columns, not by their SQL text: Alembic's
    batch mode rebuilds a table with its columns and indexes in an order that differs from
    one process to the next (set ordering), which is the same schema.
    """
    digest = hashlib.sha256()
    objects = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    for kind, name, table in objects:
        digest.update(repr((kind, name, table)).encode())
        if kind != "table":
            continue
        columns = sorted(tuple(c[1:]) for c in conn.execute(f'PRAGMA table_info("{name}")'))
        digest.update(repr(columns).encode())
        names = ", ".join(f'"{c[0]}"' for c in columns)
        rows = sorted(repr(r) for r in conn.execute(f'SELECT {names} FROM "{name}"'))
        for row in rows:
            digest.update(row.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _scalar(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    row = conn.execute(sql, args).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _id(conn: sqlite3.Connection, table: str, name: str) -> int:
    return _scalar(conn, f"SELECT id FROM {table} WHERE name = ?", name)


def _open(work: Path) -> tuple[object, object]:
    from brokerdesk.core.db import open_database
    from brokerdesk.core.services import Services

    db = open_database(work, user_name="crash-test")
    return db, Services(db)


# --- bulk link: a programme gains every library service -------------------------------------


def _prepare_bulk_link(_inputs: Path, work: Path) -> Run:
    from sqlalchemy import select

    from brokerdesk.core.models import LibraryService, Programme
    from brokerdesk.core.services import Services

    _db, services = _open(work)
    assert isinstance(services, Services)
    with services.db.read() as session:
        programme = session.scalar(
            select(Programme.id).where(Programme.name == seed.LINK_PROGRAMME)
        )
        ids = list(session.scalars(select(LibraryService.id)))
    assert programme is not None
    return lambda: services.participations.link_services(programme, ids, stage="interested")


def _check_bulk_link(conn: sqlite3.Connection, _work: Path, _known: Known) -> str | None:
    pid = _id(conn, "programme", seed.LINK_PROGRAMME)
    rows = _scalar(conn, "SELECT count(*) FROM participation WHERE programme_id = ?", pid)
    audited = _scalar(
        conn,
        "SELECT count(*) FROM audit_event WHERE entity='participation' AND action='create' "
        "AND changes LIKE ?",
        f'%"programme_id": {pid},%',
    )
    services = _scalar(conn, "SELECT count(*) FROM library_service")
    if (rows, audited) in ((0, 0), (services, 1)):
        return None
    return f"bulk link: {rows} of {services} participations, {audited} audit events"


# --- bulk stage change ------------------------------------------------------------------------


def _prepare_bulk_edit(_inputs: Path, work: Path) -> Run:
    from sqlalchemy import select

    from brokerdesk.core.models import Participation, Programme
    from brokerdesk.core.services import Services

    _db, services = _open(work)
    assert isinstance(services, Services)
    with services.db.read() as session:
        programme = session.scalar(
            select(Programme.id).where(Programme.name == seed.EDIT_PROGRAMME)
        )
        ids = list(
            session.scalars(select(Participation.id).where(Participation.programme_id == programme))
        )
    return lambda: services.participations.set_stage(ids, "active")


def _check_bulk_edit(conn: sqlite3.Connection, _work: Path, _known: Known) -> str | None:
    pid = _id(conn, "programme", seed.EDIT_PROGRAMME)
    stages = dict(
        conn.execute(
            "SELECT stage, count(*) FROM participation WHERE programme_id = ? GROUP BY stage",
            (pid,),
        ).fetchall()
    )
    audited = _scalar(
        conn, "SELECT count(*) FROM audit_event WHERE summary LIKE 'Stage changed for %'"
    )
    if (set(stages), audited) in (({"invited"}, 0), ({"active"}, 1)):
        return None
    return f"bulk edit: stages {stages}, {audited} audit events"


# --- bulk insert of interactions in one statement ---------------------------------------------


def _prepare_bulk_insert(_inputs: Path, work: Path) -> Run:
    import datetime as dt

    from sqlalchemy import insert, select

    from brokerdesk.core import audit
    from brokerdesk.core.models import Interaction, Partner
    from brokerdesk.core.services import Services

    _db, services = _open(work)
    assert isinstance(services, Services)
    db = services.db
    with db.read() as session:
        partner = session.scalar(select(Partner.id).where(Partner.name == seed.DOOMED_PARTNER))

    def run() -> None:
        with db.write() as session:
            rows = [
                {
                    "kind": "note",
                    "occurred_on": dt.date(2026, 1, 1),
                    "subject": f"Imported {i}",
                    "partner_id": partner,
                    "version_id": 1,
                    "follow_up_done": False,
                }
                for i in range(seed.BULK_ROWS)
            ]
            session.execute(insert(Interaction), rows)
            audit.record(session, "import", "interaction", f"{len(rows)} interactions imported")

    return run


def _check_bulk_insert(conn: sqlite3.Connection, _work: Path, _known: Known) -> str | None:
    rows = _scalar(conn, "SELECT count(*) FROM interaction WHERE subject LIKE 'Imported %'")
    audited = _scalar(
        conn, "SELECT count(*) FROM audit_event WHERE action = 'import' AND entity = 'interaction'"
    )
    if (rows, audited) in ((0, 0), (seed.BULK_ROWS, 1)):
        return None
    return f"bulk insert: {rows} of {seed.BULK_ROWS} interactions, {audited} audit events"


# --- a delete that cascades to agreements and unlinks contacts --------------------------------


def _prepare_delete(_inputs: Path, work: Path) -> Run:
    from sqlalchemy import select

    from brokerdesk.core.models import Partner
    from brokerdesk.core.services import Services

    _db, services = _open(work)
    assert isinstance(services, Services)
    with services.db.read() as session:
        partner = session.scalar(select(Partner.id).where(Partner.name == seed.DOOMED_PARTNER))
    assert partner is not None
    return lambda: services.partners.delete(partner)


def _check_delete(conn: sqlite3.Connection, _work: Path, _known: Known) -> str | None:
    partner = _scalar(conn, "SELECT count(*) FROM partner WHERE name = ?", seed.DOOMED_PARTNER)
    agreements = _scalar(conn, "SELECT count(*) FROM agreement WHERE title LIKE 'Agreement %'")
    linked = _scalar(
        conn,
        "SELECT count(*) FROM contact WHERE full_name LIKE 'Contact %' AND partner_id IS NOT NULL",
    )
    trash = _scalar(conn, "SELECT count(*) FROM trash_item")
    state = (partner, agreements, linked, trash)
    if state in ((1, 200, 50, 0), (0, 0, 0, 1)):
        return None
    return f"delete: partner/agreements/linked contacts/trash = {state}"


# --- spreadsheet import (the wizard's and the command line's run_import) ----------------------


def _prepare_import(inputs: Path, work: Path) -> Run:
    from brokerdesk.core.importing import IMPORTERS, open_spreadsheet, run_import, suggest_mapping
    from brokerdesk.core.services import Services

    _db, services = _open(work)
    assert isinstance(services, Services)
    source = open_spreadsheet(inputs / seed.CSV_FILE)
    mapping = suggest_mapping(IMPORTERS["participations"].targets, source.sheet(None).headers)
    return lambda: run_import(services.db, source, "participations", mapping)


def _check_import(conn: sqlite3.Connection, _work: Path, _known: Known) -> str | None:
    pid = _id(conn, "programme", seed.IMPORT_PROGRAMME)
    rows = _scalar(conn, "SELECT count(*) FROM participation WHERE programme_id = ?", pid)
    audited = _scalar(
        conn,
        "SELECT count(*) FROM audit_event WHERE action = 'import' AND entity = 'participation'",
    )
    if (rows, audited) in ((0, 0), (seed.BULK_ROWS, 1)):
        return None
    return f"import: {rows} of {seed.BULK_ROWS} participations, {audited} audit events"


# --- merging two partners ---------------------------------------------------------------------


def _prepare_merge(_inputs: Path, work: Path) -> Run:
    from sqlalchemy import select

    from brokerdesk.core.models import Partner
    from brokerdesk.core.services import Services, duplicates

    _db, services = _open(work)
    assert isinstance(services, Services)
    with services.db.read() as session:
        ids = dict(session.execute(select(Partner.name, Partner.id)).tuples().all())
    keeper, twin = ids[seed.KEEPER_PARTNER], ids[seed.TWIN_PARTNER]
    return lambda: duplicates.merge(services.db, "partner", keeper, twin, {"notes": "other"})


def _check_merge(conn: sqlite3.Connection, _work: Path, _known: Known) -> str | None:
    keeper = _id(conn, "partner", seed.KEEPER_PARTNER)
    twin = _id(conn, "partner", seed.TWIN_PARTNER)
    notes = conn.execute("SELECT notes FROM partner WHERE id = ?", (keeper,)).fetchone()
    counts = tuple(
        _scalar(conn, f"SELECT count(*) FROM {table} WHERE partner_id = ?", keeper)
        for table in ("contact", "interaction", "agreement")
    )
    audited = _scalar(conn, "SELECT count(*) FROM audit_event WHERE action = 'merge'")
    state = (bool(twin), notes[0] if notes else None, counts, audited)
    rows = seed.MERGE_ROWS
    if state in (
        (True, "Kept", (20, 0, 0), 0),
        (False, "Twin's notes", (20 + rows, rows, rows // 4), 1),
    ):
        return None
    return f"merge: twin left/keeper notes/keeper's contacts, notes, agreements/audit = {state}"


# --- restoring a backup over the database -----------------------------------------------------


def _prepare_restore(inputs: Path, work: Path) -> Run:
    from brokerdesk.core import backup

    source = inputs / seed.RESTORE_SOURCE
    return lambda: backup.restore_backup(work, source)


def _check_restore(conn: sqlite3.Connection, work: Path, known: Known) -> str | None:
    now = contents(conn)
    if now == known.digests["restore-old"]:
        return None
    if now != known.digests["restore-new"]:
        return "restore: the database is neither the old one nor the backup"
    kept = sorted(work.parent.glob(f"{work.stem}-before-restore-*{work.suffix}"))
    if len(kept) != 1:
        return f"restore: the backup is in place but {len(kept)} set-aside copies of the old file"
    with contextlib.closing(sqlite3.connect(kept[0])) as aside:
        if contents(aside) != known.digests["restore-old"]:
            return "restore: the set-aside copy is not the old database"
    return None


# --- migrating a database from the first schema to the newest ---------------------------------


def _prepare_migration(_inputs: Path, work: Path) -> Run:
    from alembic import command  # noqa: F401 - imported before READY, as the app has it loaded

    from brokerdesk.core.db import open_database

    return lambda: open_database(work, user_name="crash-test").dispose()


def _check_migration(conn: sqlite3.Connection, work: Path, known: Known) -> str | None:
    from brokerdesk.core import migrate
    from brokerdesk.core.backup import backup_folder
    from brokerdesk.core.db import open_database

    versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    now = contents(conn)
    if versions == [seed.OLD_REVISION] and now == known.digests["migration-old"]:
        pass
    elif versions == [migrate.HEAD_REVISION] and now == known.digests["migration-new"]:
        saved = sorted(backup_folder(work).glob("*-before-migration.sqlite3"))
        if len(saved) != 1:
            return f"migration: at the new schema with {len(saved)} backups taken before it"
        with contextlib.closing(sqlite3.connect(saved[0])) as before:
            if contents(before) != known.digests["migration-old"]:
                return "migration: the backup taken before it is not the old database"
    else:
        return f"migration: schema {versions} and neither the old nor the migrated contents"
    try:
        open_database(work, migrate=False, user_name="crash-test").dispose()
    except Exception as exc:  # the next start must open it: any failure is the finding
        return f"migration: the app cannot open the file afterwards ({exc})"
    return None


OPERATIONS: dict[str, Operation] = {
    op.name: op
    for op in (
        Operation("import", seed.SEED, _prepare_import, _check_import),
        Operation("merge", seed.SEED, _prepare_merge, _check_merge),
        Operation("bulk_link", seed.SEED, _prepare_bulk_link, _check_bulk_link),
        Operation("bulk_edit", seed.SEED, _prepare_bulk_edit, _check_bulk_edit),
        Operation("bulk_insert", seed.SEED, _prepare_bulk_insert, _check_bulk_insert),
        Operation("delete", seed.SEED, _prepare_delete, _check_delete),
        Operation("restore", seed.SEED, _prepare_restore, _check_restore),
        Operation("migration", seed.OLD_SCHEMA, _prepare_migration, _check_migration),
    )
}
