"""A form keeps what was typed when the team server goes away, says so, and saves on the
next press once the server is back (no restart of the app)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytest_postgresql.executors.proc import PostgreSQLExecutor
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.services import Services
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import Settings
from tests.team.test_network_faults import Server


@pytest.fixture
def server(postgresql_server: PostgreSQLExecutor) -> Iterator[Server]:
    handle = Server(postgresql_server)
    yield handle
    if not handle.running:
        handle.start()


@pytest.fixture
def team_window(qtbot: QtBot, pg_migrated_url: str, settings: Settings) -> Iterator[MainWindow]:
    db = open_database(pg_migrated_url, user_name="priya")
    window = MainWindow(AppContext(db, settings))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    db.dispose()


def test_an_edit_survives_the_server_restarting_before_save(
    qtbot: QtBot, team_window: MainWindow, server: Server
) -> None:
    db: Database = team_window.ctx.db
    pid = Services(db).partners.create({"name": "Open Book Trust"}).id
    form = RecordForm(team_window.ctx, "partner", pid, team_window)
    form.show()
    qtbot.waitExposed(form)
    owner = form.editors["owner"].focus_widget
    owner.setFocus()
    qtbot.keyClicks(owner, "Priya Shah")
    server.stop()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible(), "the form stays open"
    assert "connection to the team server was lost" in form.general_error.text()
    assert form.editors["owner"].value() == "Priya Shah", "what was typed is kept"
    server.start()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert Services(db).partners.get(pid)["owner"] == "Priya Shah"
    form.deleteLater()
