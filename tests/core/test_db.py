"""Opening databases: pragmas, migrations, backups before migrating, refusing newer schemas."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from brokerdesk.core import backup, migrate
from brokerdesk.core.db import DatabaseError, SchemaTooNewError, open_database, resolve_address


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


def test_new_database_is_migrated_to_head_and_owner_only(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    db.dispose()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_address_forms() -> None:
    assert resolve_address("/tmp/x.sqlite3").get_backend_name() == "sqlite"
    url = resolve_address("postgresql://team@server/brokerdesk")
    assert url.drivername == "postgresql+psycopg"
    with pytest.raises(DatabaseError, match="not 'mysql'"):
        resolve_address("mysql://x@y/z")


def test_env_var_names_the_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BROKERDESK_DB", str(tmp_path / "from-env.sqlite3"))
    assert resolve_address(None).database == str(tmp_path / "from-env.sqlite3")


def test_migration_from_previous_revision_backs_up_first(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO offer_area (code, name, kind, sort_order, version_id) "
                "VALUES ('reading', 'Reading', 'offer', 1, 1)"
            )
        )
    migrate.downgrade_to(db, "-1")
    with db.engine.connect() as conn:
        previous = migrate.current_revision(conn)
    db.dispose()
    assert previous is not None and previous != migrate.head_revision()

    reopened = open_database(db_path)
    with reopened.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    backups = list(backup.backup_folder(db_path).glob("*before-migration.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT name FROM offer_area").fetchall() == [("Reading",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (previous,)
    with reopened.read() as session:
        assert session.execute(text("SELECT name FROM offer_area")).scalars().all() == ["Reading"]
    reopened.dispose()


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    db.dispose()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version of BrokerDesk"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not backup.backup_folder(db_path).exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("these are my notes, not a database")
    with pytest.raises(DatabaseError, match="not a BrokerDesk database"):
        open_database(bogus)
    assert bogus.read_text() == "these are my notes, not a database"


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(DatabaseError, match="not a BrokerDesk database"):
        open_database(other)


def test_missing_file_without_create_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="There is no database"):
        open_database(tmp_path / "absent.sqlite3", create=False)


def test_backup_is_a_complete_consistent_copy(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO offer_area (code, name, kind, sort_order, version_id) "
                "VALUES ('reading', 'Reading', 'offer', 1, 1)"
            )
        )
    copy = backup.make_backup(db, reason="manual")
    db.dispose()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM offer_area").fetchone() == (1,)


def test_the_apps_head_revision_is_alembics_head() -> None:
    """Opening skips Alembic when a file is at HEAD_REVISION: it must be the real head."""
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_opening_an_up_to_date_file_does_not_load_alembic(db_path: Path) -> None:
    import subprocess
    import sys

    open_database(db_path).dispose()
    probe = (
        "import sys; from brokerdesk.core.db import open_database; "
        f"open_database({str(db_path)!r}).dispose(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
