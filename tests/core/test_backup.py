"""Backups: taken when due, thinned on a schedule, restored only when sound."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from brokerdesk import cli
from brokerdesk.core import backup, clock
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.services import Services

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)


def _partner(db: Database, name: str) -> int:
    return Services(db).partners.create({"name": name}).id


def _names(db: Database) -> list[str]:
    with db.read() as session:
        from sqlalchemy import select

        from brokerdesk.core.models import Partner

        return sorted(session.scalars(select(Partner.name)))


def test_backup_is_due_once_a_day(db: Database) -> None:
    first = backup.backup_if_due(db)
    assert first is not None and first.exists()
    assert backup.backup_if_due(db) is None, "a second open the same day makes no new backup"
    tomorrow = clock.local_now() + dt.timedelta(days=1, minutes=1)
    assert backup.backup_if_due(db, now=tomorrow) is not None


def test_backup_files_are_readable_by_the_owner_only(db: Database) -> None:
    made = backup.make_backup(db)
    if os.name == "posix":
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
        assert stat.S_IMODE(db.path.stat().st_mode) == 0o600  # type: ignore[union-attr]


def test_list_backups_newest_first_with_reason(db: Database) -> None:
    older = backup.make_backup(db, reason="before-import")
    newer = backup.make_backup(db, reason="manual")
    listed = backup.list_backups(db.path)  # type: ignore[arg-type]
    assert [b.path for b in listed[:2]] == [newer, older]
    assert [b.reason for b in listed[:2]] == ["manual", "before-import"]


def _fake_backup(folder: Path, stem: str, when: dt.datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}-{when.strftime('%Y%m%d-%H%M%S-%f')}-daily.sqlite3"
    path.write_bytes(b"x")
    return path


def test_thinning_keeps_recent_then_daily_weekly_monthly(tmp_path: Path) -> None:
    db_path = tmp_path / "team.sqlite3"
    folder = backup.backup_folder(db_path)
    now = dt.datetime(2026, 11, 28, 12, 0)
    # Four backups a day for 500 days.
    for hours in range(0, 500 * 24, 6):
        _fake_backup(folder, db_path.stem, now - dt.timedelta(hours=hours, minutes=1))
    backup.thin_backups(db_path, now=now)
    left = backup.list_backups(db_path)
    ages = [now - b.taken_at for b in left]
    recent = [a for a in ages if a <= dt.timedelta(days=2)]
    assert len(recent) == 8, "everything from the last two days stays"
    days = {b.taken_at.date() for b, a in zip(left, ages, strict=True) if a > dt.timedelta(days=2)}
    assert len([a for a in ages if dt.timedelta(days=2) < a <= dt.timedelta(days=9)]) <= 8
    assert max(ages) <= dt.timedelta(days=2 + 7 + 56 + 365), "nothing older than the policy"
    assert len(left) < 40, f"thinned to a handful, not {len(left)}"
    assert len(days) >= 7 + 8 + 10


def test_thinning_never_deletes_the_only_backup(tmp_path: Path) -> None:
    db_path = tmp_path / "old.sqlite3"
    only = _fake_backup(backup.backup_folder(db_path), "old", dt.datetime(2020, 1, 1))
    backup.thin_backups(db_path, now=dt.datetime(2026, 1, 1))
    assert only.exists()


def test_restore_brings_back_the_backup_and_keeps_the_current_file(db: Database) -> None:
    _partner(db, "Kept Trust")
    saved = backup.make_backup(db)
    _partner(db, "Added After Backup")
    path = db.path
    assert path is not None
    db.dispose()
    aside = backup.restore_backup(path, saved)
    assert aside is not None and aside.exists()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    restored = open_database(path)
    try:
        assert _names(restored) == ["Kept Trust"]
    finally:
        restored.dispose()
    previous = open_database(aside, migrate=False)
    try:
        assert _names(previous) == ["Added After Backup", "Kept Trust"], "nothing is lost"
    finally:
        previous.dispose()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db: Database) -> None:
    _partner(db, "Still Here")
    saved = backup.make_backup(db)
    with saved.open("r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(8192))
    path = db.path
    assert path is not None
    before = path.read_bytes()
    with pytest.raises(backup.BackupError, match="damaged"):
        backup.restore_backup(path, saved)
    assert path.read_bytes() == before
    assert _names(db) == ["Still Here"]


def test_cli_backup_and_restore(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _partner(db, "Before")
    target = tmp_path / "copy.sqlite3"
    assert cli.main(["backup", "--db", str(db.path), "-o", str(target), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["backup"] == str(target) and target.exists()
    _partner(db, "After")
    db.dispose()
    assert cli.main(["restore", str(target), "--db", str(db.path), "--force"]) == 0
    assert "previous database is kept" in capsys.readouterr().out
    reopened = open_database(db.path)
    try:
        assert _names(reopened) == ["Before"]
    finally:
        reopened.dispose()


def test_cli_restore_refuses_a_corrupt_backup_with_exit_1(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    path = db.path
    assert path is not None
    before = path.read_bytes()
    assert cli.main(["restore", str(bad), "--db", str(path), "--force"]) == 1
    assert "damaged" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_clock_standing_still_never_replaces_a_backup(db: Database) -> None:
    """Two backups in the same instant (a clock set back, or one that stands still) are two
    files: the second never writes over the first."""
    _partner(db, "Before")
    with clock.pinned(dt.datetime(2026, 3, 1, 9, 0), tick=False):
        first = backup.make_backup(db, "manual")
        _partner(db, "After")
        second = backup.make_backup(db, "manual")
    assert first != second and first.exists() and second.exists()
    listed = backup.list_backups(db.path)  # type: ignore[arg-type]
    assert [b.path for b in listed[:2]] == [second, first]
    for path, names in ((first, ["Before"]), (second, ["After", "Before"])):
        copy = open_database(path)
        try:
            assert _names(copy) == names
        finally:
            copy.dispose()
