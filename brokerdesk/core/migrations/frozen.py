"""The SQL a migration ran, kept as text in ``sql/`` so the migration never changes.

A migration that builds its SQL with the app's live code (the search index's triggers, say)
would run different SQL the day that code changes, so databases migrated before and after
that day would differ. Such migrations read their statements from a frozen file instead:
``sql/<migration>.<dialect>.sql``, one statement per line, grouped under ``-- [part]``
headers; other lines starting with ``--`` are comments.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

SQL_DIR = Path(__file__).with_name("sql")


def statements(migration: str, dialect: str, part: str) -> list[str]:
    """The statements of ``part`` in ``sql/<migration>.<dialect>.sql``, in order."""
    path = SQL_DIR / f"{migration}.{'sqlite' if dialect == 'sqlite' else 'postgresql'}.sql"
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-- [") and line.endswith("]"):
            current = found.setdefault(line[4:-1], [])
        elif line.strip() and not line.startswith("--"):
            if current is None:
                raise ValueError(f"{path.name}: a statement before any -- [part] header")
            current.append(line)
    if part not in found:
        raise KeyError(f"{path.name} has no part [{part}]")
    return found[part]


def run(conn: Connection, migration: str, part: str) -> None:
    """Run every statement of ``part`` for the connection's dialect."""
    for statement in statements(migration, conn.dialect.name, part):
        conn.exec_driver_sql(statement)
