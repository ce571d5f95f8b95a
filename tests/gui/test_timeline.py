"""The Timeline tab of a record page: every interaction reachable by scrolling, a filter by
kind and a search, each entry opening its record, and names for a screen reader."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from brokerdesk.core import clock
from brokerdesk.core.models import Interaction
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.partner import PartnerPage
from brokerdesk.gui.views.pages.timeline import PAGE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def _busy_partner(window: MainWindow, n: int) -> int:
    pid = window.ctx.services.partners.create({"name": "Busy Partner"}).id
    with window.ctx.db.write() as session:
        session.execute(
            insert(Interaction),
            [
                {
                    "kind": "call" if i % 2 else "meeting",
                    "occurred_on": clock.today() - dt.timedelta(days=i + 1),
                    "subject": f"Catch-up {i}",
                    "partner_id": pid,
                    "version_id": 1,
                }
                for i in range(n)
            ],
        )
    return pid


def test_every_interaction_is_reached_by_scrolling(
    qtbot: QtBot,
    window: MainWindow,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    pid = _busy_partner(window, 1200)
    window.open_record("partner", pid)
    page = window.record_page
    assert isinstance(page, PartnerPage)
    tab = page.timeline
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Timeline (1,201)"
    assert tab.model.rowCount() == PAGE  # the first page only
    assert tab.table.accessibleName() == "Timeline table"
    assert tab.search.accessibleName() == "Search the timeline"
    qtmodeltester.check(tab.model)
    tab.table.setFocus()
    for _ in range(12):  # End, again and again: each time the next page is read
        qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1201)
    last = tab.model.index(tab.model.rowCount() - 1, 2)
    assert last.data() == "Catch-up 1199"
    assert tab.shown.text() == "1,201 of 1,201 shown"


def test_filter_and_search_then_open_an_entry(qtbot: QtBot, window: MainWindow) -> None:
    pid = _busy_partner(window, 300)
    window.open_record("partner", pid)
    page = window.record_page
    assert isinstance(page, PartnerPage)
    tab = page.timeline
    page.tabs.setCurrentWidget(tab)
    tab.kind.setFocus()
    tab.kind.setCurrentIndex(tab.kind.findData("history"))
    assert [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())] == ["History"]
    tab.kind.setCurrentIndex(tab.kind.findData("interaction"))
    qtbot.keyClicks(tab.search, "-")  # in every date: alone, it finds nothing and says why
    qtbot.waitUntil(lambda: tab.shown.text() == "Type letters or numbers to search")
    assert (tab.model.total, tab.model.rowCount()) == (0, 0)
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.total > 1)
    qtbot.keyClicks(tab.search, "catch-up 299")
    qtbot.waitUntil(lambda: tab.model.total == 1)
    assert tab.model.index(0, 3).data(Qt.ItemDataRole.AccessibleTextRole) == "Detail: Call"
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.record_page is not page)
    assert window.record_page is not None
    assert window.record_page.heading.text() == "Catch-up 299"
