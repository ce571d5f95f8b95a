"""Group by in a list, by keyboard: programmes by offer area with their total budget, a group
opened with the arrow keys, a record opened with Enter, and the grouped view exported."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brokerdesk.gui.exporting.view import export_current_view
from brokerdesk.gui.main_window import MainWindow

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
