"""File ▸ Move to a team server… by keyboard, onto a real PostgreSQL server, and Back up now
on a team server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from brokerdesk.core import server_backup
from brokerdesk.core.copying import tallies
from brokerdesk.core.db import open_database
from brokerdesk.core.services import Services
from brokerdesk.gui.dialogs.move_to_server import MoveToServerDialog
from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.settings import Settings
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.postgres


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[Launcher]:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    opened = Launcher(settings)
    yield opened
    if opened.window is not None:
        opened.window.ctx.tasks.wait(10_000)
        opened.window.close()
        opened.window.ctx.db.dispose()


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.sqlite3"
    db = open_database(path, user_name="amara")
    services = Services(db)
    for name in ("The Reading Agency", "Open Book Trust", "Arts Council England"):
        services.partners.create({"name": name, "status": "active"})
    db.dispose()
    return path


def fill_in_server(dialog: MoveToServerDialog, url: str) -> None:
    parsed = make_url(url)
    assert dialog.windowTitle() == "Move to a team server"
    for field, value in (
        (dialog.host, parsed.host or ""),
        (dialog.database, parsed.database or ""),
        (dialog.user, parsed.username or ""),
    ):
        field.selectAll()
        field.insert(value)
    dialog.port.setValue(parsed.port or 5432)
    dialog.accept()


def test_move_to_a_team_server_copies_everything_and_opens_it(
    qtbot: QtBot, launcher: Launcher, team_file: Path, pg_url: str
) -> None:
    assert launcher.open(str(team_file))
    window = launcher.window
    assert window is not None
    move = window.registered_actions["file.move_to_server"]
    assert move.isEnabled()
    assert move.text().replace("&", "") == "Move to a team server…"

    driver = ModalDriver(MoveToServerDialog, lambda d: fill_in_server(d, pg_url))
    opened_after: list[bool] = []

    def answer_yes(box: QMessageBox) -> None:
        assert "the counts match" in box.text()
        opened_after.append(True)
        box.button(QMessageBox.StandardButton.Yes).click()

    yes = ModalDriver(QMessageBox, answer_yes, tries=2000)
    move.trigger()
    driver.check()
    qtbot.waitUntil(lambda: yes.ran, timeout=30_000)
    yes.check()
    qtbot.waitUntil(lambda: launcher.window is not window, timeout=30_000)
    server_window = launcher.window
    assert server_window is not None and server_window.ctx.db.path is None
    assert make_url(pg_url).database in server_window.windowTitle()
    assert not server_window.registered_actions["file.move_to_server"].isEnabled()

    source = open_database(team_file, create=False)
    try:
        assert tallies(server_window.ctx.db) == tallies(source)
    finally:
        source.dispose()

    # Back up now on the team server: a pg_dump in the server's backup folder.
    server_window.registered_actions["file.back_up"].trigger()
    folder = server_backup.server_backup_folder(server_window.ctx.db.url)
    qtbot.waitUntil(lambda: any(folder.glob("*.dump")), timeout=30_000)
    qtbot.waitUntil(
        lambda: "Backed up the team server" in server_window.statusBar().currentMessage(),
        timeout=30_000,
    )


def test_moving_into_a_server_that_holds_records_is_refused_with_a_sentence(
    qtbot: QtBot, launcher: Launcher, team_file: Path, pg_url: str
) -> None:
    busy = open_database(pg_url)
    Services(busy).partners.create({"name": "Already On The Server"})
    busy.dispose()
    assert launcher.open(str(team_file))
    window = launcher.window
    assert window is not None
    driver = ModalDriver(MoveToServerDialog, lambda d: fill_in_server(d, pg_url))
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    refusal = ModalDriver(QMessageBox, read_and_close, tries=2000)
    window.registered_actions["file.move_to_server"].trigger()
    driver.check()
    qtbot.waitUntil(lambda: refusal.ran, timeout=30_000)
    refusal.check()
    assert "already holds records" in said[0] and "Nothing was copied" in said[0]
    assert launcher.window is window, "the file stays open"
    server = open_database(pg_url)
    try:
        assert Services(server).partners.count() == 1, "the server is as it was"
    finally:
        server.dispose()
