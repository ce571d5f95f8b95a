"""Group by in a list, by keyboard: programmes by offer area with their total budget, a group
opened with the arrow keys, a record opened with Enter, and the grouped view exported."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from brokerdesk.core.errors import StorageError
from brokerdesk.core.grouping import GroupedList
from brokerdesk.gui.exporting.view import export_current_view
from brokerdesk.gui.main_window import MainWindow
from tests.gui.conftest import Announcements

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def _grouped_programmes(qtbot: QtBot, window: MainWindow) -> Any:
    window.open_list("programme")
    page = window.lists["programme"]
    budget = [c.key for c in page.record_list.columns].index("budget")
    page.table.setColumnHidden(budget, False)  # as the Columns menu shows it
    view = window.grouping.views["programme"]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.box.setFocus()
    qtbot.waitUntil(lambda: view.box.hasFocus())
    while view.box.currentData() != "offer_area":
        qtbot.keyClick(view.box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not view.working)  # worked out in the background
    return view


def test_programmes_by_offer_area_with_total_budget(
    qtbot: QtBot, window: MainWindow, qtmodeltester: Any
) -> None:
    view = _grouped_programmes(qtbot, window)
    page = window.lists["programme"]
    assert view.tree.isVisible() and not page.table.isVisible()
    model = view.model
    qtmodeltester.check(model)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels and all(label.endswith(")") for label in labels)
    counts = [g.count for g in model.groups]
    assert sum(counts) == page.model.rowCount()
    first = model.groups[0]
    said = model.index(0, 0).data(ACCESSIBLE)
    noun = "programme" if first.count == 1 else "programmes"
    assert said == f"Offer area {first.label}: {first.count} {noun}"
    budget = [c.key for c in model.columns].index("budget")
    assert model.index(0, budget).data(ACCESSIBLE).startswith(f"Budget, total for {first.label}: £")
    total = view.total.text()
    assert total.startswith(f"Total: {sum(counts)} programmes in {len(counts)} groups")
    assert "Budget £" in total

    # Open the first group with the keyboard and a record in it with Enter.
    view.tree.setFocus()
    view.tree.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view.tree, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: model.rowCount(model.index(0, 0)) == first.count)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    child = view.tree.currentIndex()
    record = model.record_id(child)
    assert record is not None
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.location.record_id == record)


def test_back_to_the_table_and_the_grouped_view_exports_as_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    view = _grouped_programmes(qtbot, window)
    out = tmp_path / "by-area.csv"
    export_current_view(window, out)
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    headings = [r[0] for r in rows if r[0].startswith("Offer area: ")]
    subtotals = [r[0] for r in rows if r[0].startswith("Subtotal: ")]
    assert len(headings) == len(subtotals) == len(view.model.groups)
    assert rows[-1][0].startswith("Total (")
    view.group_by(None)
    assert window.lists["programme"].table.isVisible() and not view.tree.isVisible()


def test_a_list_made_again_for_new_own_fields_keeps_group_by_and_its_actions(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Adding one of the team's own fields makes the kind's list again: the new list still
    groups, and still has Bulk edit and Add to list on its table; the old one is gone
    quietly (a change broadcast afterwards reaches no deleted widget)."""
    old = window.lists["programme"]
    window.ctx.changes.broadcast(tables={"custom_field", "programme"})
    page = window.lists["programme"]
    assert page is not old
    actions = page.table.actions()
    for action_id in ("edit.bulk_edit", "edit.add_to_list"):
        assert window.registered_actions[action_id] in actions
    view = window.grouping.views["programme"]
    assert view.page is page
    window.open_list("programme")
    view.group_by("offer_area")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    assert view.tree.isVisible() and not page.table.isVisible()
    window.ctx.changes.broadcast(tables={"programme"})  # the old view must not act on it


def test_a_slow_grouping_never_freezes_the_search_and_the_last_filter_wins(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    announcements: Announcements,
) -> None:
    """The first grouping is held in its worker until released: meanwhile the search field
    takes every key, the total line and the status bar say work is going on, the groups for
    the typed search arrive and are read out, and the held (older) answer, released last,
    does not replace them."""
    real = GroupedList.groups
    held, release = threading.Event(), threading.Event()
    asked: list[str] = []

    def slow(self: GroupedList, state: Any, key: str) -> Any:
        asked.append(state.search)
        if len(asked) == 1:
            held.set()
            release.wait(30)
        return real(self, state, key)

    monkeypatch.setattr(GroupedList, "groups", slow)
    window.open_list("programme")
    page = window.lists["programme"]
    everything = page.model.rowCount()
    view = window.grouping.views["programme"]
    try:
        view.group_by("offer_area")
        qtbot.waitUntil(held.is_set)
        assert view.working and view.total.text() == "Working out the groups…"
        assert not window.busy_label.isHidden(), "the status bar says work goes on"

        page.search.setFocus()
        qtbot.keyClicks(page.search, "reading")
        assert page.search.text() == "reading", "the search field took every key"
        qtbot.waitUntil(lambda: page.model.state.search == "reading", timeout=5_000)
        qtbot.waitUntil(lambda: not view.working, timeout=10_000)
        found = page.model.rowCount()
        assert 0 < found < everything
        assert view.model.state.search == "reading"
        assert sum(g.count for g in view.model.groups) == found
        said = view.total.text()
        assert said.startswith(f"Total: {found} programme")
        assert announcements.texts()[-1] == said
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=10_000)
    assert asked[0] == "" and asked[-1] == "reading"
    assert view.model.state.search == "reading", "the older grouping was dropped"
    assert sum(g.count for g in view.model.groups) == found
    assert view.total.text() == said


def test_a_grouping_that_fails_says_so_in_a_sentence(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: GroupedList, state: Any, key: str) -> Any:
        raise StorageError("disk I/O error")

    monkeypatch.setattr(GroupedList, "groups", broken)
    window.open_list("programme")
    view = window.grouping.views["programme"]
    view.group_by("status")
    qtbot.waitUntil(lambda: not view.working)
    sentence = "The list could not be grouped: The database could not be used (disk I/O error)."
    assert view.total.text() == sentence
    box = window.findChild(QMessageBox, "error-message")
    assert box is not None and box.isVisible() and box.text() == sentence
    box.close()
