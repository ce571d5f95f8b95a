"""Integrity: a damaged file is reported, and the newest good backup restores a sound database."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from brokerdesk import cli
from brokerdesk.core import backup, integrity
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.services import Services


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a bad sync would."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for offset in range(4096, size - 4096, 8192):
            fh.seek(offset)
            fh.write(os.urandom(2048))


@pytest.fixture
def filled(db: Database) -> Database:
    services = Services(db)
    for i in range(300):
        services.partners.create({"name": f"Partner {i:03d}", "notes": "x" * 400})
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def test_a_sound_database_passes_both_checks(filled: Database) -> None:
    assert integrity.quick_check(filled).ok
    result = integrity.full_check(filled)
    assert result.ok, result.problems


def test_damage_is_reported_with_the_backup_to_restore(filled: Database) -> None:
    good = backup.make_backup(filled)
    path = filled.path
    assert path is not None
    filled.dispose()
    _damage(path)
    quick = integrity.quick_check(path)
    assert not quick.ok
    assert quick.newest_good_backup == good
    full = integrity.full_check(path)
    assert not full.ok and full.problems


def test_restore_after_corruption_gives_a_good_database(filled: Database) -> None:
    good = backup.make_backup(filled)
    path = filled.path
    assert path is not None
    filled.dispose()
    _damage(path)
    result = integrity.quick_check(path)
    assert result.newest_good_backup is not None
    backup.restore_backup(path, result.newest_good_backup)
    assert integrity.full_check(path).ok
    reopened = open_database(path)
    try:
        assert Services(reopened).partners.count() == 300
    finally:
        reopened.dispose()
    assert good.exists(), "the backup itself stays for another day"


def test_cli_check_exit_codes(filled: Database, capsys: pytest.CaptureFixture[str]) -> None:
    path = filled.path
    assert path is not None
    assert cli.main(["check", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    backup.make_backup(filled)
    filled.dispose()
    _damage(path)
    assert cli.main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "problem(s) found" in out
    assert "brokerdesk restore" in out
