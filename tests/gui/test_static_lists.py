"""Static lists by keyboard: add a selection to a new list (Ctrl+Shift+L), find it in the
navigation, take a record off it, undo each; and export a static list as its view."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidgetItem
from pytestqt.qtbot import QtBot

from brokerdesk.core.exporting.view import export_view
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.static_lists.dialog import AddToListDialog
from tests.gui.drive import ModalDriver


def _nav_texts(window: MainWindow) -> list[str]:
    nav = window.navigation
    return [nav.item(r).text() for r in range(nav.count())]


def _nav_item(window: MainWindow, text: str) -> QListWidgetItem:
    nav = window.navigation
    for r in range(nav.count()):
        if nav.item(r).text() == text:
            return nav.item(r)
    raise LookupError(text)


def _focus_table(qtbot: QtBot, window: MainWindow, entity: str) -> None:
    window.open_list(entity)
    page = window.lists[entity]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 2)
    page.table.setFocus()
    qtbot.waitUntil(lambda: page.table.hasFocus())


def test_add_a_selection_to_a_new_list_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    _focus_table(qtbot, window, "partner")
    page = window.lists["partner"]
    table = page.table
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_ids()
    assert len(chosen) == 2
    assert window.registered_actions["edit.add_to_list"].isEnabled()
    assert not window.registered_actions["edit.remove_from_list"].isEnabled()

    def name_a_new_list(dialog: AddToListDialog) -> None:
        assert dialog.choice.findText("Board invitees 2026") >= 0  # the demo's list is offered
        edit = dialog.choice.lineEdit()
        assert edit is not None
        edit.selectAll()
        qtbot.keyClicks(edit, "Pilot partners")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    driver = ModalDriver(AddToListDialog, name_a_new_list)
    qtbot.keyClick(
        table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: driver.ran)
    driver.check()
    assert "Partners ▸ Pilot partners (2)" in _nav_texts(window)
    assert "Static lists" in _nav_texts(window)

    window.navigation.setCurrentItem(_nav_item(window, "Partners ▸ Pilot partners (2)"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert sorted(page.model.record_id(r) for r in range(2)) == sorted(chosen)
    assert page._filter_widgets["list_id"].currentText() == "Pilot partners"

    window.ctx.undo_stack.undo()
    assert not any("Pilot partners" in t for t in _nav_texts(window))


def test_take_a_record_off_a_list_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    item = _nav_item(window, "Partners ▸ Board invitees 2026 (6)")
    window.navigation.setCurrentItem(item)
    page = window.lists["partner"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    remove = window.registered_actions["edit.remove_from_list"]
    assert remove.isEnabled()
    remove.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    assert "Partners ▸ Board invitees 2026 (5)" in _nav_texts(window)
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    assert "Partners ▸ Board invitees 2026 (6)" in _nav_texts(window)


def test_delete_a_list_from_the_navigation_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.navigation.setFocus()
    window.navigation.setCurrentItem(_nav_item(window, "Library services ▸ Pilot services (12)"))
    qtbot.keyClick(window.navigation, Qt.Key.Key_Delete)
    assert not any("Pilot services" in t for t in _nav_texts(window))
    window.ctx.undo_stack.undo()
    assert "Library services ▸ Pilot services (12)" in _nav_texts(window)


def test_a_static_list_exports_as_its_view(window: MainWindow, tmp_path: Path) -> None:
    page = window.lists["contact"]
    window.navigation.setCurrentItem(_nav_item(window, "Contacts ▸ Board invitees 2026 (8)"))
    out = tmp_path / "board.csv"
    shown = [c for c in page.record_list.columns if c.shown]
    count = export_view(window.ctx.db, page.record_list, page.model.state, shown, out)
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert count == 8 and len(rows) == 9
    assert rows[0][: len(shown)] == [c.label for c in shown]
