"""Is the database sound? A quick check on open, a full check on request.

The app runs :func:`quick_check` in a worker thread right after opening (``PRAGMA
quick_check`` reads every page, which takes a moment on a big file) and, when it fails,
offers the newest backup that passes its own check. ``brokerdesk check`` runs
:func:`full_check`: the full integrity check, the foreign keys, and the search index.
Both accept a :class:`Database` or a SQLite file path, because a damaged file may not open.

The full check opens the file read-write (and writes nothing): SQLite skips CHECK constraints
in ``PRAGMA integrity_check`` on a read-only connection. A file the user cannot write (or in
a read-only folder) is checked as a private copy, so "read-only" is never reported as damage.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from brokerdesk.core import backup
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, DatabaseError

REBUILD_HINT = "run 'brokerdesk check --rebuild-search-index' to rebuild it from the records"


@dataclass
class CheckResult:
    """What a check found, in words a user can act on.

    Attributes:
        database: which database was checked (password-free).
        problems: one sentence per problem; empty when all is well.
        newest_good_backup: the backup to offer when the check failed (SQLite only).
    """

    database: str
    problems: list[str] = field(default_factory=list)
    newest_good_backup: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        good = self.newest_good_backup
        return {
            "database": self.database,
            "ok": self.ok,
            "problems": list(self.problems),
            "newest_good_backup": str(good) if good else None,
        }


def _in_wal_mode(path: Path) -> bool:
    """The file's header says WAL (bytes 18 and 19 are 2), as every BrokerDesk database is."""
    try:
        with open(path, "rb") as file:
            header = file.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == header[19] == 2


@contextmanager
def checkable(path: Path) -> Iterator[Path]:
    """``path`` itself when it is a WAL database this user can write (with its folder), else
    a private copy.

    A read-only connection would skip CHECK constraints, and a WAL file in a read-only folder
    cannot be opened at all; a copy of the file and its journal can be checked fully. A file
    in rollback-journal mode (a backup, a copy of one) is checked as a copy too: opening it
    through the database layer switches it to WAL, rewriting the file the check must not touch.
    """
    if _in_wal_mode(path) and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="brokerdesk-check-") as folder:
        copy = Path(folder) / "check.sqlite3"
        try:
            shutil.copyfile(path, copy)
            for journal in ("-wal", "-journal"):
                if Path(f"{path}{journal}").is_file():
                    shutil.copyfile(Path(f"{path}{journal}"), Path(f"{copy}{journal}"))
        except OSError as exc:
            raise DatabaseError(
                f"{path} cannot be read ({exc.strerror or exc}), so it could not be checked."
            ) from exc
        yield copy


def _sqlite_pragma(path: Path, pragma: str) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
        try:
            rows = conn.execute(pragma).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"The database file cannot be read: {exc}."]
    if pragma.endswith("foreign_key_check"):
        return [
            f"A row {rowid} of {table} points at a missing {parent}."
            for table, rowid, parent, _ in rows
        ]
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else [_in_words(line) for line in found]


def _in_words(line: str) -> str:
    """SQLite's integrity lines, in words where they name a broken rule."""
    for rule in ("CHECK", "NOT NULL"):
        prefix = f"{rule} constraint failed in "
        if line.startswith(prefix):
            table = line.removeprefix(prefix).split()[0]
            return (
                f"A row of {table} breaks one of its rules ({line}); correct it in the app, "
                "or restore a backup."
            )
    return line


def _target(db: Database | Path) -> tuple[str, Path | None, Database | None]:
    if isinstance(db, Database):
        return db.description, db.path, db
    return str(db), Path(db), None


def _with_backup(result: CheckResult, path: Path | None) -> CheckResult:
    if result.problems and path is not None:
        good = backup.newest_good_backup(path)
        result.newest_good_backup = good.path if good else None
    return result


def quick_check(db: Database | Path) -> CheckResult:
    """``PRAGMA quick_check`` (SQLite) or a round trip (PostgreSQL); safe off the GUI thread."""
    name, path, database = _target(db)
    result = CheckResult(name)
    if path is not None:
        with checkable(path) as target:
            result.problems = _sqlite_pragma(target, "PRAGMA quick_check")
    elif database is not None:
        result.problems = _server_problems(database)
    return _with_backup(result, path)


def full_check(db: Database | Path) -> CheckResult:
    """The full integrity check, foreign keys, dates, the schema version and the search index."""
    name, path, database = _target(db)
    result = CheckResult(name)
    if path is None:
        if database is not None:
            result.problems = _server_problems(database)
        if not result.problems:
            result.problems += _search_index_problems(db)
        return result
    with checkable(path) as target:
        result.problems = _sqlite_pragma(target, "PRAGMA integrity_check")
        if not result.problems:
            result.problems += _sqlite_pragma(target, "PRAGMA foreign_key_check")
        if not result.problems:
            result.problems += _sqlite_content_problems(target)
        if not result.problems:
            checked = database if database is not None and target == path else target
            result.problems += _search_index_problems(checked)
    return _with_backup(result, path)


def _sqlite_content_problems(path: Path) -> list[str]:
    """What pages and constraints cannot show: the schema version, dates and the index."""
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10, isolation_level=None)
    try:
        return _schema_problems(conn) or [*_date_problems(conn), *_fts_problems(conn)]
    except sqlite3.DatabaseError as exc:
        return [f"The database file cannot be read: {exc}."]
    finally:
        conn.close()


def _schema_problems(conn: sqlite3.Connection) -> list[str]:
    from brokerdesk.core import migrate

    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        return [
            "This file holds no BrokerDesk tables: it is not a BrokerDesk database"
            + (" (it is empty)." if not tables else ".")
        ]
    versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    if len(versions) != 1:
        return [
            f"The schema version is recorded {len(versions)} times instead of once "
            f"({', '.join(versions) or 'none'}); restore a backup."
        ]
    if versions[0] not in migrate.known_revisions():
        return [f"The database was saved by a newer BrokerDesk (schema {versions[0]})."]
    return []


def _date_problems(conn: sqlite3.Connection) -> list[str]:
    """Text in a date column that is not an ISO date: every list or export showing it fails."""
    problems: list[str] = []
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        for column in conn.execute(f'PRAGMA table_info("{table}")').fetchall():
            kind, name = str(column[2]).upper(), column[1]
            if kind not in ("DATE", "DATETIME"):
                continue
            bad = conn.execute(
                f'SELECT count(*), min(quote("{name}")) FROM "{table}" WHERE "{name}" IS NOT NULL '
                f'AND NOT (typeof("{name}") = \'text\' AND "{name}" GLOB '
                f"'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' AND "
                f'date("{name}") = substr("{name}", 1, 10))'
            ).fetchone()
            if bad[0]:
                problems.append(
                    f"{bad[0]} row(s) of {table} have a value in {name} that is not a "
                    f"date (such as {bad[1]}); correct them, or restore a backup."
                )
    return problems


def _fts_problems(conn: sqlite3.Connection) -> list[str]:
    """The search index's own structure (FTS5 'integrity-check'; read, then rolled back)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'search_index' AND type = 'table'"
    ).fetchone()
    if found is None:
        return [f"The search index is missing (its table was dropped); {REBUILD_HINT}."]
    conn.execute("BEGIN")
    try:
        conn.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as exc:
        return [f"The search index is scrambled ({exc}); {REBUILD_HINT}."]
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return []


def _server_problems(db: Database) -> list[str]:
    try:
        with db.read() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to talk to the server is the user's problem here
        return [f"The team server cannot be reached: {exc}"]
    return []


def _search_index_problems(db: Database | Path) -> list[str]:
    """Ask the search module (when this build has it) whether its index matches the data."""
    try:
        search = importlib.import_module("brokerdesk.core.search")
    except ModuleNotFoundError:
        return []
    check: Callable[[Database], list[str]] | None = getattr(search, "check_index", None)
    if check is None:
        return []
    try:
        if isinstance(db, Database):
            return list(check(db))
        from brokerdesk.core.db import open_database

        opened = open_database(db, migrate=False, create=False)
        try:
            return list(check(opened))
        finally:
            opened.dispose()
    except BrokerDeskError as exc:  # a damaged index table, or a file that would not open
        return [str(exc)]
