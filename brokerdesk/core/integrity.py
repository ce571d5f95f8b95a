"""Is the database sound? A quick check on open, a full check on request.

The app runs :func:`quick_check` in a worker thread right after opening (``PRAGMA
quick_check`` reads every page, which takes a moment on a big file) and, when it fails,
offers the newest backup that passes its own check. ``brokerdesk check`` runs
:func:`full_check`: the full integrity check, the foreign keys, and the search index.
Both accept a :class:`Database` or a SQLite file path, because a damaged file may not open.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from brokerdesk.core import backup
from brokerdesk.core.db import Database


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


def _sqlite_pragma(path: Path, pragma: str) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
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
    return [] if found == ["ok"] else found


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
        result.problems = _sqlite_pragma(path, "PRAGMA quick_check")
    elif database is not None:
        result.problems = _server_problems(database)
    return _with_backup(result, path)


def full_check(db: Database | Path) -> CheckResult:
    """The full integrity check, foreign keys and the search index."""
    name, path, database = _target(db)
    result = CheckResult(name)
    if path is not None:
        result.problems = _sqlite_pragma(path, "PRAGMA integrity_check")
        if not result.problems:
            result.problems += _sqlite_pragma(path, "PRAGMA foreign_key_check")
    elif database is not None:
        result.problems = _server_problems(database)
    if not result.problems:
        result.problems += _search_index_problems(db)
    return _with_backup(result, path)


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
    if isinstance(db, Database):
        return list(check(db))
    from brokerdesk.core.db import open_database

    opened = open_database(db, migrate=False, create=False)
    try:
        return list(check(opened))
    finally:
        opened.dispose()
