"""Start-up: the window is on screen, saying what it opens, before the database layer loads;
then the same window fills in. Closing it meanwhile, or a file that will not open, is safe."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar
from pytestqt.qtbot import QtBot

from brokerdesk.core import integrity
from brokerdesk.gui import settings as keys
from brokerdesk.gui.dialogs.welcome import DEMO, WelcomeDialog
from brokerdesk.gui.launcher import Launcher, describe_address
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.integrity import IntegrityDialog
from brokerdesk.gui.settings import Settings
from tests.gui.drive import ModalDriver
from tests.gui.test_restore import damage, database_with_backup, partner_names

__all__ = ["database_with_backup"]  # a fixture, shared with the restore tests


def _main_windows() -> list[MainWindow]:
    shown = QApplication.topLevelWidgets()
    return [w for w in shown if isinstance(w, MainWindow) and w.isVisible()]


def _preload_finished() -> bool:
    return not any(t.name == "brokerdesk-preload" for t in threading.enumerate())


@pytest.fixture
def team_file(world_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "team.sqlite3"
    shutil.copyfile(world_file, target)
    return target


def test_the_window_shows_what_it_opens_then_fills_in_without_being_replaced(
    qtbot: QtBot, team_file: Path, settings: Settings
) -> None:
    launcher = Launcher(settings)
    opened_on: list[threading.Thread] = []
    launcher.opened.connect(lambda _w: opened_on.append(threading.current_thread()))
    assert launcher.start(str(team_file)) is True
    (window,) = _main_windows()
    qtbot.addWidget(window)
    assert window.isVisible() and not window.is_attached
    assert window.windowTitle() == "BrokerDesk — team.sqlite3"
    opening = window.findChild(QLabel, "opening-label")
    assert opening is not None and opening.text() == "Opening team.sqlite3…"
    assert window.findChild(QProgressBar) is not None, "something moves while it opens"

    with qtbot.waitSignal(launcher.opened, timeout=20_000) as opened:
        pass
    assert opened.args == [window], "the same window, not a second one"
    assert opened_on == [threading.main_thread()], "widgets are built on the GUI thread"
    assert launcher.window is window and window.is_attached
    still = window.findChild(QLabel, "opening-label")  # deleted later by Qt, hidden now
    assert still is None or not still.isVisible()
    assert window.centralWidget() is window.splitter
    assert window.lists["partner"].model.rowCount() > 0
    assert window.windowTitle().endswith(str(team_file))
    assert settings.get(keys.LAST_DATABASE) == str(team_file)
    assert window.menus["file"].actions()[0].text() == "&New database…"


def test_the_last_database_opens_at_start_without_the_welcome_dialog(
    qtbot: QtBot, team_file: Path, settings: Settings
) -> None:
    settings.set(keys.LAST_DATABASE, str(team_file))
    launcher = Launcher(settings)
    assert launcher.start(None) is True
    with qtbot.waitSignal(launcher.opened, timeout=20_000):
        pass
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert launcher.window.ctx.db.path == team_file


def test_closing_the_window_while_it_opens_opens_nothing(
    qtbot: QtBot, team_file: Path, settings: Settings
) -> None:
    launcher = Launcher(settings)
    launcher.start(str(team_file))
    (window,) = _main_windows()
    qtbot.addWidget(window)
    window.close()
    qtbot.waitUntil(_preload_finished, timeout=20_000)
    qtbot.wait(100)  # the queued "loaded" and the paint fallback run, and do nothing
    assert launcher.window is None and not window.is_attached
    assert settings.get(keys.LAST_DATABASE) == "", "a database never opened is not remembered"


def test_a_file_that_will_not_open_is_explained_then_the_choices_are_offered(
    qtbot: QtBot, settings: Settings, warnings_shown: list[str], not_a_database: Path
) -> None:
    shown, notes = warnings_shown, not_a_database
    launcher = Launcher(settings)
    launcher.start(str(notes))
    (window,) = _main_windows()
    qtbot.addWidget(window)
    quit_welcome = ModalDriver(WelcomeDialog, lambda dialog: dialog.reject())
    qtbot.waitUntil(lambda: quit_welcome.ran and not window.isVisible(), timeout=20_000)
    quit_welcome.check()
    assert shown and "not a BrokerDesk database" in shown[0]
    assert launcher.window is None, "choosing Quit closes the window that was opening"


def test_the_opening_window_names_the_database_without_any_password() -> None:
    assert describe_address("/home/priya/team.sqlite3") == "team.sqlite3"
    assert describe_address(DEMO) == "the demo database"
    url = "postgresql+psycopg://priya:s3cret@db.example.org:5432/brokerdesk"
    assert describe_address(url) == "db.example.org:5432/brokerdesk"


def test_an_address_that_cannot_be_opened_is_explained_not_left_opening(
    qtbot: QtBot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any failure while opening (here the folder for a new file cannot be made, because a
    file has its name) is a sentence and the choices, never a window left 'Opening…'."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    notes = tmp_path / "notes.txt"
    notes.write_text("a file, not a folder")
    launcher = Launcher(settings)
    launcher.start(str(notes / "team.sqlite3"))
    (window,) = _main_windows()
    qtbot.addWidget(window)
    quit_welcome = ModalDriver(WelcomeDialog, lambda dialog: dialog.reject())
    qtbot.waitUntil(lambda: quit_welcome.ran and not window.isVisible(), timeout=20_000)
    quit_welcome.check()
    assert shown and shown[0].endswith("part of its folder path is a file, not a folder.")
    assert launcher.window is None


def test_a_team_server_whose_driver_is_missing_is_explained_not_left_opening(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    launcher = Launcher(settings)
    launcher.start("postgresql+psycopg2://priya:s3cret@localhost:1/brokerdesk")
    (window,) = _main_windows()
    qtbot.addWidget(window)
    quit_welcome = ModalDriver(WelcomeDialog, lambda dialog: dialog.reject())
    qtbot.waitUntil(lambda: quit_welcome.ran and not window.isVisible(), timeout=20_000)
    quit_welcome.check()
    assert shown == [  # refused by name before any import of the driver is tried
        "BrokerDesk connects to postgresql through psycopg, not 'psycopg2': use an address "
        "starting postgresql+psycopg://"
    ]


def test_a_damaged_file_at_start_is_restored_and_opened_in_one_window(
    qtbot: QtBot, database_with_backup: Path, settings: Settings
) -> None:
    path = database_with_backup
    damage(path, where=0.5)
    restore = ModalDriver(IntegrityDialog, lambda dialog: dialog.restore_button.click())
    launcher = Launcher(settings)
    launcher.start(str(path))
    (frame,) = _main_windows()
    qtbot.addWidget(frame)
    with qtbot.waitSignal(launcher.opened, timeout=20_000):
        pass
    restore.check()
    window = launcher.window
    assert window is not None and window.is_attached
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _main_windows() == [window], timeout=5_000)
    assert integrity.quick_check(path).ok and "Kept Partner" in partner_names(path)
    window.ctx.tasks.wait(10_000)
