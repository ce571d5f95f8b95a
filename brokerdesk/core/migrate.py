"""Schema migrations on open, with a backup first and a refusal of newer schemas."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from brokerdesk.core import backup
from brokerdesk.core.db import Database, DatabaseError, SchemaTooNewError, has_tables

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "BrokerDesk ships at least one migration"
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _current(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return current_revision(conn)


def check_not_newer(db: Database) -> str | None:
    """Refuse a database written by a newer BrokerDesk, before anything touches it."""
    current = _current(db)
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(
            f"{db.description} was saved by a newer version of BrokerDesk (schema {current}). "
            "Install the newer version to open it; this file has not been changed."
        )
    if current is None and has_tables(db.engine):
        raise DatabaseError(
            f"{db.description} holds tables that are not a BrokerDesk database; "
            "it has not been changed."
        )
    return current


def upgrade(db: Database) -> Path | None:
    """Bring the schema to head. Returns the backup taken first, if there was anything to keep."""
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
    return saved


def downgrade_to(db: Database, revision: str) -> None:
    """Used by the migration tests to step back one revision."""
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
