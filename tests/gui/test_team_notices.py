"""On a team server, a colleague's save reaches the open list by the server's notice, not by
polling; when the notices are lost, polling takes over."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.services import Services
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.live_refresh import LiveRefresh
from brokerdesk.gui.settings import Settings

NEVER_MS = 3_600_000  # a poll interval no test outlasts: what arrives was heard


@pytest.fixture
def team_window(qtbot: QtBot, pg_migrated_url: str, settings: Settings) -> Iterator[MainWindow]:
    db = open_database(pg_migrated_url, user_name="priya")
    window = MainWindow(AppContext(db, settings))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    db.dispose()


@pytest.fixture
def colleague(pg_migrated_url: str) -> Iterator[Database]:
    db = open_database(pg_migrated_url, user_name="bilal")
    yield db
    db.dispose()


def test_a_colleagues_save_is_heard_without_polling(
    qtbot: QtBot, team_window: MainWindow, colleague: Database
) -> None:
    live = LiveRefresh(team_window.ctx, interval_ms=NEVER_MS, parent=team_window)
    live.start()
    try:
        qtbot.waitUntil(lambda: live.listening, timeout=5_000)
        team_window.open_list("partner")
        partners = team_window.lists["partner"]
        new_id = Services(colleague).partners.create({"name": "Tyneside Story Trust"}).id
        with qtbot.waitSignal(live.refreshed, timeout=5_000) as seen:
            pass
        assert "partner" in seen.args[0]
        qtbot.waitUntil(lambda: partners.model.row_of(new_id) is not None, timeout=3_000)
    finally:
        live.stop()


def test_polling_takes_over_while_the_notices_are_lost(
    qtbot: QtBot, team_window: MainWindow, colleague: Database
) -> None:
    live = LiveRefresh(team_window.ctx, interval_ms=100, parent=team_window)
    live.start()
    try:
        qtbot.waitUntil(lambda: live.listening, timeout=5_000)
        assert live.listener is not None
        with qtbot.waitSignal(live.listener.listening, timeout=5_000) as lost:
            live.listener.notices.close()  # as when the server drops the connection
        assert lost.args == [False] and live.timer.isActive()
        Services(colleague).partners.create({"name": "Heard by polling"})
        with qtbot.waitSignal(live.refreshed, timeout=5_000):
            pass
        qtbot.waitUntil(lambda: live.listening, timeout=10_000)  # and listening again
    finally:
        live.stop()
