"""Tools ▸ Tags… by keyboard: rename, merge, colour and delete a tag, each undone with Ctrl+Z;
and the Tag filter of a list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.tagging.manager import TagManager


def _open(qtbot: QtBot, window: MainWindow) -> TagManager:
    action = window.registered_actions["tools.tags"]
    assert action.text() == "&Tags…"
    tools = window.menuBar().findChild(QMenu, "tools-menu")
    assert tools is not None and action in tools.actions()
    action.trigger()
    manager = window.tag_actions.manager
    assert manager is not None
    qtbot.waitExposed(manager)
    manager.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is manager)
    return manager


def _cells(manager: TagManager, name: str) -> dict[str, str]:
    model = manager.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            return {
                model.headerData(c, Qt.Orientation.Horizontal): model.index(row, c).data()
                for c in range(model.columnCount())
            }
    raise LookupError(name)


def _names(manager: TagManager) -> list[str]:
    return [manager.model.index(r, 0).data() for r in range(manager.model.rowCount())]


def _tab_to(qtbot: QtBot, target: QWidget, limit: int = 12) -> None:
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is target


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_rename_by_keyboard_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    manager = _open(qtbot, window)
    try:
        pilot_partners = _cells(manager, "pilot")["Partners"]
        manager.choose("pilot")
        manager.table.setFocus()
        _tab_to(qtbot, manager.name_edit)
        assert manager.name_edit.text() == "pilot"
        qtbot.keyClick(manager.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(manager.name_edit, "Pilot scheme")
        _tab_to(qtbot, manager.rename_button)
        qtbot.keyClick(manager.rename_button, Qt.Key.Key_Space)
        assert "pilot" not in _names(manager)
        assert _cells(manager, "Pilot scheme")["Partners"] == pilot_partners
        assert manager.outcome.text() == "Renamed tag “pilot” to “Pilot scheme”."
        _undo(qtbot, window)
        assert "pilot" in _names(manager) and "Pilot scheme" not in _names(manager)
    finally:
        manager.close()


def test_a_name_in_use_is_refused_with_a_way_forward(qtbot: QtBot, window: MainWindow) -> None:
    manager = _open(qtbot, window)
    try:
        manager.choose("pilot")
        manager.name_edit.setText("National")
        manager.rename_button.click()
        assert manager.outcome.text() == (
            "Nothing changed: There is already a tag called 'national'; merge the two instead."
        )
        assert "pilot" in _names(manager)
        assert not window.ctx.undo_stack.canUndo()
    finally:
        manager.close()


def test_merge_adds_up_and_undo_splits(qtbot: QtBot, window: MainWindow) -> None:
    manager = _open(qtbot, window)
    try:
        before = {name: int(_cells(manager, name)["Total"]) for name in ("arts", "health")}
        partners = window.ctx.services.partners
        with_arts = [
            pid
            for pid in window.lists["partner"].model.listing.ids(
                window.lists["partner"].model.state
            )
            if "arts" in partners.get(pid)["tags"]
        ]
        manager.choose("arts")
        index = manager.merge_box.findText("health")
        manager.merge_box.setCurrentIndex(index)
        manager.merge_button.setFocus()
        qtbot.keyClick(manager.merge_button, Qt.Key.Key_Space)
        assert "arts" not in _names(manager)
        after = int(_cells(manager, "health")["Total"])
        assert before["health"] <= after <= before["health"] + before["arts"]
        assert all("health" in partners.get(pid)["tags"] for pid in with_arts)
        _undo(qtbot, window)
        assert {name: int(_cells(manager, name)["Total"]) for name in before} == before
    finally:
        manager.close()


def test_colour_is_a_named_chip_and_delete_is_undoable(
    qtbot: QtBot, window: MainWindow, qtmodeltester: Any
) -> None:
    manager = _open(qtbot, window)
    try:
        qtmodeltester.check(manager.model)
        manager.choose("children")
        manager.colour_box.setFocus()
        manager.colour_box.setCurrentIndex(manager.colour_box.findText("Blue"))
        qtbot.keyClick(manager.colour_button, Qt.Key.Key_Space)
        assert _cells(manager, "children")["Colour"] == "Blue"  # written, not colour alone
        row = _names(manager).index("children")
        chip = manager.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
        assert chip == QColor("#1f77b4")
        total = int(_cells(manager, "children")["Total"])
        manager.choose("children")
        qtbot.keyClick(manager.delete_button, Qt.Key.Key_Space)
        assert "children" not in _names(manager)
        assert manager.outcome.text() == f"Deleted tag “children” from {total} records."
        _undo(qtbot, window)
        assert _cells(manager, "children")["Total"] == str(total)
        assert _cells(manager, "children")["Colour"] == "Blue"
    finally:
        manager.close()


def test_the_programme_list_filters_by_a_tag_set_in_its_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    s = window.ctx.services
    programme = window.lists["programme"].model.listing.ids(window.lists["programme"].model.state)[
        0
    ]
    s.programmes.update(programme, {"tags": "Board invitees 2026"})
    window.ctx.changes.broadcast(tables={"programme"})
    page = window.lists["programme"]
    combo = page._filter_widgets["tag_id"]
    combo.setFocus()  # the choices are read when the box is first reached
    index = combo.findText("Board invitees 2026")
    assert index > 0, "the new tag is offered in the Tag filter"
    combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.state.filters == {"tag_id": combo.currentData()}
