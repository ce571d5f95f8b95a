"""create_main_window builds the whole window, the same one the launcher shows (#15).

Before the safety features became a package, History, Restore from backup and live refresh
were added by the launcher after the window showed, so an embedded window lacked them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from brokerdesk.core import backup
from brokerdesk.core.db import open_database
from brokerdesk.gui.app import create_main_window
from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.restore_backup import RestoreBackupDialog
from brokerdesk.gui.settings import Settings
from tests.gui.drive import ModalDriver

# The launcher's own File actions: they open another database, which only the launcher can.
LAUNCHER_ONLY = {
    "File ▸ New database…",
    "File ▸ Open database…",
    "File ▸ Connect to a team server…",
    "File ▸ Move to a team server…",
    "File ▸ Open recent",
}


def _settings(tmp_path: Path, name: str) -> Settings:
    return Settings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))


def menu_entries(window: QMainWindow) -> list[str]:
    """Every menu entry as "Menu ▸ Entry" (submenus by their title), separators left out."""

    def walk(menu: QMenu, path: str) -> Iterator[str]:
        for action in menu.actions():
            if action.isSeparator():
                continue
            here = f"{path} ▸ {action.text().replace('&', '')}"
            yield here
            submenu = action.menu()
            if isinstance(submenu, QMenu) and submenu.title().replace("&", "") != path:
                yield from walk(submenu, here)

    bar = window.menuBar()
    return [
        entry
        for action in bar.actions()
        if isinstance(action.menu(), QMenu)
        for entry in walk(action.menu(), action.text().replace("&", ""))  # type: ignore[arg-type]
    ]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "team.sqlite3"
    open_database(path).dispose()
    return path


def test_create_main_window_has_every_menu_action_the_launcher_shows(
    qtbot: QtBot, tmp_path: Path, database: Path
) -> None:
    launcher = Launcher(_settings(tmp_path, "launcher.ini"))
    assert launcher.open(str(database))
    shown = launcher.window
    assert shown is not None
    embedded = create_main_window(database, _settings(tmp_path, "embedded.ini"))
    qtbot.addWidget(embedded)
    assert isinstance(embedded, MainWindow)
    try:
        launched, built = menu_entries(shown), menu_entries(embedded)
        assert "Edit ▸ Show history…" in built
        assert "File ▸ Restore from backup…" in built
        assert set(launched) - set(built) == LAUNCHER_ONLY
        assert [e for e in launched if e not in LAUNCHER_ONLY] == built  # same order too
        # Live refresh runs in both.
        assert shown.safety.live_refresh.timer.isActive()
        assert embedded.safety.live_refresh.timer.isActive()
    finally:
        qtbot.waitUntil(lambda: shown.safety.integrity_result is not None, timeout=10_000)
        for window in (shown, embedded):
            window.ctx.tasks.wait(10_000)
            window.close()
            window.ctx.db.dispose()


def test_restore_from_backup_in_an_embedded_window_shows_the_backup(
    qtbot: QtBot, tmp_path: Path, database: Path
) -> None:
    window = create_main_window(database, _settings(tmp_path, "embedded.ini"))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    try:
        taken = backup.make_backup(window.ctx.db, reason="manual")
        partners = window.ctx.services.partners
        (added,) = partners.create({"name": "Added After The Backup"}).ids
        assert partners.exists(added)
        driver = ModalDriver(RestoreBackupDialog, lambda dialog: dialog.accept())
        window.safety.restore_from_backup.trigger()
        driver.check()
        restored = f"Restored the backup {taken.name}."
        qtbot.waitUntil(  # the restore runs as an operation, off the GUI thread
            lambda: window.statusBar().currentMessage().startswith(restored), timeout=10_000
        )
        assert not partners.exists(added)  # the same window reads the restored file
    finally:
        window.ctx.tasks.wait(10_000)
        window.close()
        window.ctx.db.dispose()
