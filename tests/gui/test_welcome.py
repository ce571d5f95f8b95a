"""First run and switching databases: the welcome dialog, team server, recent databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCommandLinkButton
from pytestqt.qtbot import QtBot

from brokerdesk.gui import settings as keys
from brokerdesk.gui.dialogs.welcome import DEMO, TeamServerDialog, WelcomeDialog
from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _button(dialog: WelcomeDialog, name: str) -> QCommandLinkButton:
    for button in dialog.findChildren(QCommandLinkButton):
        if button.accessibleName() == name:
            return button
    raise AssertionError(f"no button named {name}")


def test_welcome_offers_four_starts_and_the_demo_choice(qtbot: QtBot) -> None:
    dialog = WelcomeDialog(recent=[])
    qtbot.addWidget(dialog)
    names = sorted(b.accessibleName() for b in dialog.findChildren(QCommandLinkButton))
    assert names == [
        "Connect to a team server",
        "Create a new database",
        "Explore the demo",
        "Open an existing database",
    ]
    _button(dialog, "Explore the demo").click()
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    assert dialog.address == DEMO


def test_recent_database_opens_from_the_list(qtbot: QtBot) -> None:
    dialog = WelcomeDialog(recent=["/data/team.sqlite3", "/data/old.sqlite3"])
    qtbot.addWidget(dialog)
    dialog.recent.itemActivated.emit(dialog.recent.item(1))
    assert dialog.address == "/data/old.sqlite3"


def test_team_server_address_never_holds_a_password(qtbot: QtBot) -> None:
    dialog = TeamServerDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("server.local")
    dialog.user.clear()
    qtbot.keyClicks(dialog.user, "priya")
    assert dialog.address() == "postgresql+psycopg://priya@server.local:5432/brokerdesk"


def test_opening_a_database_remembers_it_and_adds_file_actions(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    launcher = Launcher(settings)
    target = str(tmp_path / "team.sqlite3")
    assert launcher.open(target)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["file"].actions()]
    assert texts[:3] == ["&New database…", "&Open database…", "Connect to a &team server…"]
    assert settings.get(keys.RECENT_DATABASES) == [target]
    assert settings.get(keys.LAST_DATABASE) == target
    next_start = Launcher(settings)
    with qtbot.waitSignal(next_start.opened, timeout=20_000) as reopened:
        assert next_start.start(None), "the last database opens without the welcome dialog"
    qtbot.addWidget(reopened.args[0])
    assert reopened.args[0].ctx.db.path == Path(target)


def test_an_unusable_file_is_explained_and_nothing_opens(
    qtbot: QtBot, settings: Settings, warnings_shown: list[str], not_a_database: Path
) -> None:
    shown, notes = warnings_shown, not_a_database
    launcher = Launcher(settings)
    assert launcher.open(str(notes)) is False
    assert launcher.window is None
    assert shown and "not a BrokerDesk database" in shown[0]
    assert settings.get(keys.RECENT_DATABASES) == []


def test_a_new_database_starts_with_every_library_service(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    launcher = Launcher(settings)
    assert launcher.open(str(tmp_path / "fresh.sqlite3"))
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    window.open_list("library_service")
    assert window.lists["library_service"].model.rowCount() == 176, "members only by default"
