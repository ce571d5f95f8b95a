"""Live refresh: a colleague's save shows up in this window's open list without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.services import Services
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.live_refresh import LiveRefresh


@pytest.fixture
def colleague(window: MainWindow) -> Iterator[Database]:
    """A second app instance on the same file, used by someone else."""
    assert window.ctx.db.path is not None
    other = open_database(window.ctx.db.path, user_name="colleague")
    yield other
    other.dispose()


@pytest.fixture
def live(window: MainWindow) -> Iterator[LiveRefresh]:
    refresher = LiveRefresh(window.ctx, interval_ms=100, parent=window)
    refresher.start()
    yield refresher
    refresher.stop()


def test_a_colleagues_new_partner_appears_in_the_open_list(
    qtbot: QtBot, window: MainWindow, colleague: Database, live: LiveRefresh
) -> None:
    window.open_list("partner")
    partners = window.lists["partner"]
    new_id = (
        Services(colleague)
        .partners.create(
            {"name": "Tyneside Story Trust", "partner_type": "charity", "status": "active"}
        )
        .id
    )
    assert partners.model.row_of(new_id) is None  # not there until the poll sees it
    with qtbot.waitSignal(live.refreshed, timeout=3_000) as seen:
        pass
    assert "partner" in seen.args[0]
    qtbot.waitUntil(lambda: partners.model.row_of(new_id) is not None, timeout=3_000)


def test_a_colleagues_delete_removes_the_row(
    qtbot: QtBot, window: MainWindow, colleague: Database, live: LiveRefresh
) -> None:
    window.open_list("partner")
    partners = window.lists["partner"]
    first = partners.model.record_id(0)
    Services(colleague).partners.delete([first])
    qtbot.waitUntil(lambda: partners.model.row_of(first) is None, timeout=3_000)


def test_this_apps_own_saves_are_not_broadcast_twice(
    qtbot: QtBot, window: MainWindow, colleague: Database, live: LiveRefresh
) -> None:
    window.ctx.services.partners.create(
        {"name": "Own Save Partner", "partner_type": "funder", "status": "active"}
    )
    with qtbot.assertNotEmitted(live.refreshed, wait=500):
        pass
    Services(colleague).partners.create(
        {"name": "Their Save Partner", "partner_type": "funder", "status": "active"}
    )
    with qtbot.waitSignal(live.refreshed, timeout=3_000):
        pass
