"""File ▸ Restore from backup, the damage check on open, and the risky-folder warning.

Every test opens real database files through the real Launcher, as the app does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from brokerdesk.core import backup, integrity
from brokerdesk.core.db import open_database
from brokerdesk.core.services import Services
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.integrity import IntegrityDialog
from brokerdesk.gui.safety.restore_backup import RestoreBackupDialog, size_text
from brokerdesk.gui.settings import Settings
from tests.gui.drive import ModalDriver, answer_message_box


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[Launcher]:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    opened = Launcher(settings)
    yield opened
    if opened.window is not None:
        opened.window.ctx.tasks.wait(10_000)
        opened.window.close()
        opened.window.ctx.db.dispose()


def partner_names(path: Path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM partner")}
    finally:
        conn.close()


@pytest.fixture
def database_with_backup(tmp_path: Path) -> Path:
    """A file with a backup holding "Kept Partner", then "Late Partner" added after it."""
    path = tmp_path / "team.sqlite3"
    db = open_database(path, user_name="tester")
    services = Services(db)
    for i in range(200):  # enough pages that damage in the middle leaves the header readable
        services.partners.create(
            {"name": f"Partner {i:03}", "partner_type": "charity", "status": "active"}
            | {"notes": "Reading-friendly venue. " * 12}
        )
    services.partners.create({"name": "Kept Partner", "partner_type": "funder", "status": "active"})
    backup.make_backup(db, reason="manual")
    services.partners.create({"name": "Late Partner", "partner_type": "funder", "status": "active"})
    db.dispose()
    return path


def damage(path: Path, where: float = 0.7) -> None:
    """Overwrite pages of the file as a failing disk would.

    At 0.7 the damage lands on leaf pages of the partner table itself (found with SQLite's
    dbstat table), so the file opens and only the integrity check finds it; at 0.5 it lands
    on the schema's own pages nearest the middle of the file (never page 1, the header), so
    the file no longer opens at all. Both are chosen by what the pages hold, not by offset:
    the file's layout varies from run to run (migration 0006 rebuilds the interaction table,
    recreating its indexes in no fixed order), and three pages at a fixed offset sometimes
    missed the schema, so the file opened and its damage was found only after the window
    showed.
    """
    import sqlite3

    page = 4096
    if where == 0.7:
        conn = sqlite3.connect(path)
        try:
            leaves = [
                int(row[0])
                for row in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'partner' AND pagetype = 'leaf'"
                    " ORDER BY pageno"
                )
            ]
        finally:
            conn.close()
        targets = leaves[len(leaves) // 2 : len(leaves) // 2 + 3]
    else:
        middle = int(path.stat().st_size * where) // page + 1
        conn = sqlite3.connect(path)
        try:
            schema = [
                int(row[0])
                for row in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema' AND pageno > 1"
                )
            ]
        finally:
            conn.close()
        targets = sorted(schema, key=lambda number: abs(number - middle))[:3]
    assert len(targets) == 3, f"only {targets} to damage in {path.name}"
    with path.open("r+b") as fh:
        for number in targets:  # dbstat numbers pages from 1
            fh.seek((number - 1) * page)
            fh.write(b"\xff" * page)


def _open(launcher: Launcher, path: Path, qtbot: QtBot) -> MainWindow:
    assert launcher.open(str(path))
    window = launcher.window
    assert window is not None
    qtbot.waitUntil(lambda: window.safety.integrity_result is not None, timeout=10_000)
    return window


def _restore_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "restore-from-backup")
    assert isinstance(action, QAction)
    return action


def test_restore_from_backup_puts_it_back_and_keeps_the_current_file(
    qtbot: QtBot, launcher: Launcher, database_with_backup: Path
) -> None:
    path = database_with_backup
    first = _open(launcher, path, qtbot)
    action = _restore_action(first)
    assert action in first.menus["file"].actions() and action.isEnabled()
    seen: dict[str, object] = {}

    def choose(dialog: RestoreBackupDialog) -> None:
        seen["rows"] = dialog.list.model().rowCount()
        seen["why"] = dialog.list.model().index(0, 1).data()
        dialog.restore_button.click()

    driver = ModalDriver(RestoreBackupDialog, choose)
    action.trigger()
    driver.check()
    assert seen == {"rows": 1, "why": "Back up now"}
    assert launcher.window is not None and launcher.window is not first
    names = partner_names(path)
    assert "Kept Partner" in names and "Late Partner" not in names
    kept_aside = list(path.parent.glob("team-before-restore-*.sqlite3"))
    assert len(kept_aside) == 1
    assert "Late Partner" in partner_names(kept_aside[0])  # nothing thrown away


def test_a_damaged_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, database_with_backup: Path
) -> None:
    path = database_with_backup
    damage(backup.list_backups(path)[0].path)
    dialog = RestoreBackupDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.restore_button.click()
    assert dialog.isVisible()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text().startswith("Problem: this backup is damaged")
    assert "Late Partner" in partner_names(path)


def test_damage_found_on_open_offers_the_newest_good_backup(
    qtbot: QtBot, launcher: Launcher, database_with_backup: Path
) -> None:
    path = database_with_backup
    damage(path)
    assert not integrity.quick_check(path).ok
    seen: dict[str, object] = {}

    def restore(dialog: IntegrityDialog) -> None:
        seen["said"] = dialog.explanation.text()
        assert dialog.restore_button is not None
        seen["offer"] = dialog.restore_button.text()
        dialog.restore_button.click()

    driver = ModalDriver(IntegrityDialog, restore)
    assert launcher.open(str(path))
    damaged = launcher.window
    qtbot.waitUntil(lambda: driver.ran and launcher.window is not damaged, timeout=10_000)
    driver.check()
    assert "found damage" in str(seen["said"])
    assert str(seen["offer"]).startswith("&Restore the newest good backup (")
    assert integrity.quick_check(path).ok
    assert "Kept Partner" in partner_names(path)
    assert list(path.parent.glob("team-before-restore-*.sqlite3"))


def test_a_file_too_damaged_to_open_is_offered_its_backup(
    qtbot: QtBot, launcher: Launcher, database_with_backup: Path
) -> None:
    path = database_with_backup
    damage(path, where=0.5)
    driver = ModalDriver(IntegrityDialog, lambda d: d.restore_button.click())
    assert launcher.open(str(path))
    driver.check()
    assert launcher.window is not None
    assert integrity.quick_check(path).ok
    assert "Kept Partner" in partner_names(path)


def test_continue_anyway_keeps_the_damaged_file_open(
    qtbot: QtBot, launcher: Launcher, database_with_backup: Path
) -> None:
    path = database_with_backup
    damage(path)
    driver = ModalDriver(IntegrityDialog, lambda d: d.continue_button.click())
    assert launcher.open(str(path))
    window = launcher.window
    qtbot.waitUntil(lambda: driver.ran, timeout=10_000)
    driver.check()
    assert launcher.window is window and window is not None
    assert not list(path.parent.glob("team-before-restore-*.sqlite3"))
    # The partner rows that cannot be read are reported once, in words, not as a crash.
    window.open_list("partner")
    table = window.lists["partner"].table
    for row in range(table.model().rowCount()):
        table.model().index(row, 0).data()
    qtbot.waitUntil(lambda: "could not be read" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("Some partners could not be read")
    # ...and in a message box, which the user answers (left open, it stays into the next test).
    box = window.findChild(QMessageBox, "error-message")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("Some partners could not be read")
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_a_healthy_file_gets_its_daily_backup_after_opening(
    qtbot: QtBot, launcher: Launcher, tmp_path: Path
) -> None:
    path = tmp_path / "fresh.sqlite3"
    open_database(path).dispose()
    assert backup.list_backups(path) == []
    window = _open(launcher, path, qtbot)
    result = window.safety.integrity_result
    assert result is not None and result.ok
    assert [b.reason for b in backup.list_backups(path)] == ["daily"]


def test_a_synced_folder_warns_before_opening(
    qtbot: QtBot, launcher: Launcher, tmp_path: Path
) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    path = folder / "team.sqlite3"
    said: dict[str, str] = {}

    def cancel(box: QMessageBox) -> None:
        said["text"] = box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    driver = ModalDriver(QMessageBox, cancel)
    assert not launcher.open(str(path))
    driver.check()
    assert "Dropbox folder" in said["text"]
    assert not path.exists() and launcher.window is None
    anyway = answer_message_box("Open anyway")
    assert launcher.open(str(path))
    anyway.check()
    assert path.exists()


def test_restore_is_disabled_on_a_team_server_and_says_why(
    qtbot: QtBot, launcher: Launcher, pg_url: str
) -> None:
    db = open_database(pg_url)
    window = MainWindow(AppContext(db, launcher.settings))
    qtbot.addWidget(window)
    try:
        action = window.safety.restore_from_backup
        assert not action.isEnabled()
        assert "team server" in action.toolTip()
    finally:
        db.dispose()


def test_the_backup_list_is_read_and_chosen_by_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    db = open_database(path, user_name="tester")
    backup.make_backup(db, reason="manual")
    backup.make_backup(db, reason="before-import")
    db.dispose()
    taken = [b.path for b in backup.list_backups(path)]  # newest first
    dialog = RestoreBackupDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.list.model()
    assert model.rowCount() == 2
    whys = [model.index(r, 1).data() for r in range(2)]
    assert sorted(whys) == ["Back up now", "Before an import"]
    assert model.index(0, 2).data() == size_text(taken[0].stat().st_size)  # "1.1 MB"
    assert model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole) == f"Why: {whys[0]}"
    assert dialog.chosen() == taken[0]  # the newest, chosen from the start
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.chosen() == taken[1]
    assert dialog.restore_button.isEnabled()
    dialog.list.clearSelection()
    assert dialog.chosen() is None and not dialog.restore_button.isEnabled()
