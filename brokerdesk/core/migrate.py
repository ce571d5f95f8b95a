"""Schema migrations on open, with a backup first and a refusal of newer schemas.

Alembic is imported only when a database is not already at :data:`HEAD_REVISION`: opening an
up-to-date file (every start but the first after an upgrade) reads one row and goes on, which
keeps a third of a second off start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from brokerdesk.core import backup
from brokerdesk.core.errors import DamagedDatabaseError, DatabaseError, SchemaTooNewError
from brokerdesk.core.schema_versions import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    alembic_config,
    head_revision,
    known_revisions,
)

if TYPE_CHECKING:
    # Only a type here: core.db opens the database and calls this module, so importing it
    # at run time would close a circle.
    from brokerdesk.core.db import Database

__all__ = [
    "HEAD_REVISION",
    "MIGRATIONS_DIR",
    "alembic_config",
    "check_not_newer",
    "current_revision",
    "downgrade_to",
    "head_revision",
    "is_at_head",
    "known_revisions",
    "recorded_versions",
    "upgrade",
]


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _current(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return current_revision(conn)


def recorded_versions(db: Database) -> list[str] | None:
    """The rows of ``alembic_version`` (None when the table is not there)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]


def is_at_head(db: Database) -> bool:
    """One plain query: is this database already at the app's newest schema?"""
    return recorded_versions(db) == [HEAD_REVISION]


def check_not_newer(db: Database) -> str | None:
    """Refuse a database written by a newer BrokerDesk, before anything touches it."""
    versions = recorded_versions(db)
    if versions == [HEAD_REVISION]:
        return HEAD_REVISION
    if versions is not None and len(versions) > 1:
        raise DamagedDatabaseError(
            f"{db.description} is damaged: it records {len(versions)} schema versions "
            f"({', '.join(versions)}) instead of one, so it was not opened and nothing was "
            "changed. Run 'brokerdesk check' and restore a backup."
        )
    current = _current(db)
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(
            f"{db.description} was saved by a newer version of BrokerDesk (schema {current}). "
            "Install the newer version to open it; this file has not been changed."
        )
    if current is None and _has_tables(db.engine):
        raise DatabaseError(
            f"{db.description} holds tables that are not a BrokerDesk database; "
            "it has not been changed."
        )
    return current


def upgrade(db: Database) -> Path | None:
    """Bring the schema to head. Returns the backup taken first, if there was anything to keep."""
    if is_at_head(db):
        return None
    from alembic import command

    current = check_not_newer(db)
    head = head_revision()
    if current == head:
        return None
    saved = None
    if current is not None and db.is_sqlite:
        saved = backup.make_backup(db, reason="before-migration")
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, head)
        if not db.is_sqlite:
            from brokerdesk.core.team.roles import after_migration

            after_migration(conn)
    return saved


def downgrade_to(db: Database, revision: str) -> None:
    """Used by the migration tests to step back one revision."""
    from alembic import command

    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())
