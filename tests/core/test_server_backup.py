"""Backups of a team server and putting one back (``core.server_backup``), on a real server.

Both kinds: pg_dump's custom format (Debian's pg_dump is installed with the server) and
BrokerDesk's own copy into a SQLite file. A restore puts back exactly what was backed up, keeps
the server as it was beforehand in its backup folder, and refuses a damaged, foreign or newer
backup with the server untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.core import backup
from brokerdesk.core.backup import BackupError
from brokerdesk.core.copying import tallies
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.models import Partner
from brokerdesk.core.server_backup import (
    backup_server,
    check_server_backup,
    restore_server,
    server_backup_folder,
    server_stem,
)
from brokerdesk.core.services import Services

pytestmark = pytest.mark.postgres


@pytest.fixture
def server(pg_migrated_url: str) -> Iterator[Database]:
    db = open_database(pg_migrated_url, user_name="amara")
    services = Services(db)
    for name in ("Reading Agency", "Open Book Trust", "Arts Council England"):
        services.partners.create({"name": name, "status": "active"})
    yield db
    db.dispose()


def names(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(Partner.name)))


def partner_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.execute(select(Partner.id).where(Partner.name == name)).scalar_one()


@pytest.mark.parametrize("method", ["pg_dump", "copy"])
def test_a_backup_restores_exactly_what_it_held(
    server: Database, tmp_path: Path, method: str
) -> None:
    made = backup_server(server, output=tmp_path / f"server.{method}", method=method)
    assert made.method == method
    assert check_server_backup(made.path) == []
    held = tallies(server)

    services = Services(server)
    services.partners.create({"name": "Added After The Backup"})
    services.partners.delete(partner_id(server, "Reading Agency"))
    assert names(server) == {"Open Book Trust", "Arts Council England", "Added After The Backup"}

    before = restore_server(server, made.path)
    after = open_database(server.url, user_name="amara")  # the app reconnects after a restore
    try:
        assert names(after) == {"Reading Agency", "Open Book Trust", "Arts Council England"}
        assert {k: v.rows for k, v in tallies(after).items()} == {
            k: v.rows for k, v in held.items()
        }
        # The server as it was just before the restore is kept, and restorable.
        assert before.path.parent == server_backup_folder(server.url)
        assert "before-restore" in before.path.name
        assert check_server_backup(before.path) == []
        Services(after).partners.create({"name": "Saved After The Restore"})  # ids still free
    finally:
        after.dispose()


def test_a_copy_backup_opens_in_brokerdesk_as_a_file(server: Database, tmp_path: Path) -> None:
    made = backup_server(server, output=tmp_path / "server.sqlite3", method="copy")
    assert not Path(f"{made.path}-wal").exists(), "a standalone file"
    opened = open_database(made.path, create=False)
    try:
        assert names(opened) == names(server)
    finally:
        opened.dispose()


def test_backups_go_to_the_servers_folder_and_are_thinned(server: Database) -> None:
    first = backup_server(server, method="copy")
    second = backup_server(server)  # auto: pg_dump is installed with the server here
    folder = server_backup_folder(server.url)
    assert first.path.parent == second.path.parent == folder
    assert second.method == "pg_dump" and second.path.suffix == ".dump"
    listed = backup.list_backups(folder / server_stem(server.url), folder)
    assert [b.path for b in listed] == [second.path, first.path], "newest first, both kinds"
    assert all(b.reason == "manual" for b in listed)


def test_damaged_foreign_and_newer_backups_are_refused_and_the_server_unchanged(
    server: Database, tmp_path: Path
) -> None:
    good = backup_server(server, output=tmp_path / "good.dump", method="pg_dump")
    damaged = tmp_path / "damaged.dump"
    damaged.write_bytes(good.path.read_bytes()[: good.size // 3])
    foreign = tmp_path / "notes.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
    newer = backup_server(server, output=tmp_path / "newer.sqlite3", method="copy").path
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    text_file = tmp_path / "readme.dump"
    text_file.write_text("not a backup")

    held = tallies(server)
    for path, reason in [
        (damaged, "damaged"),
        (foreign, "BrokerDesk"),
        (newer, "newer"),
        (text_file, "not a PostgreSQL backup"),
    ]:
        with pytest.raises(BackupError, match=reason):
            restore_server(server, path)
        assert tallies(server) == held, f"{path.name} changed the server"
