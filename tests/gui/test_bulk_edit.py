"""Edit ▸ Bulk edit… by keyboard: tick what to set, read the preview, apply as one undo entry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from brokerdesk.gui.bulk_edit.dialog import BulkEditDialog
from brokerdesk.gui.main_window import MainWindow
from tests.gui.drive import ModalDriver

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _select_first(qtbot: QtBot, window: MainWindow, entity: str, n: int) -> list[int]:
    window.open_list(entity)
    page = window.lists[entity]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: page.model.rowCount() > n)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    for _ in range(n - 1):
        qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    return page.selected_ids()


def test_set_status_and_add_a_tag_to_three_programmes_then_undo(
    qtbot: QtBot, window: MainWindow, qtmodeltester: Any
) -> None:
    ids = _select_first(qtbot, window, "programme", 3)
    programmes = window.ctx.services.programmes
    before = {i: programmes.get(i) for i in ids}
    seen: dict[str, Any] = {}

    def fill_and_apply(dialog: BulkEditDialog) -> None:
        assert dialog.windowTitle() == "Bulk edit 3 programmes"
        tick = dialog.ticks["status"]
        tick.setFocus()
        qtbot.keyClick(tick, Qt.Key.Key_Space)
        status = dialog.editors["status"]
        assert isinstance(status, QComboBox) and status.isEnabled()
        status.setCurrentIndex(status.findData("completed"))
        tags = dialog.editors["tags_add"]
        assert isinstance(tags, QLineEdit)
        tags.setFocus()
        qtbot.keyClicks(tags, "Annual report")
        # the preview follows a pause in typing, not each letter
        qtbot.waitUntil(
            lambda: any(
                dialog.model.index(r, 1).data() == "Tags" for r in range(dialog.model.rowCount())
            )
        )
        qtmodeltester.check(dialog.model)
        seen["rows"] = [
            [dialog.model.index(r, c).data() for c in range(4)]
            for r in range(dialog.model.rowCount())
        ]
        seen["summary"] = dialog.summary.text()
        qtbot.keyClick(dialog.apply_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = ModalDriver(BulkEditDialog, fill_and_apply)
    qtbot.keyClick(window.lists["programme"].table, Qt.Key.Key_B, CTRL_SHIFT)
    qtbot.waitUntil(lambda: driver.ran)
    driver.check()
    changed = [i for i in ids if before[i]["status"] != "completed"]
    assert seen["summary"] == f"{len(changed) + 3} changes to 3 programmes."
    assert ["Tags", "Annual report"] in [[row[1], row[3].split(", ")[-1]] for row in seen["rows"]]
    qtbot.waitUntil(lambda: all(programmes.get(i)["status"] == "completed" for i in ids))
    assert all("Annual report" in programmes.get(i)["tags"] for i in ids)
    assert window.ctx.undo_stack.undoText() == "Bulk edit of 3 programmes"

    window.ctx.undo_stack.undo()
    for i in ids:
        again = programmes.get(i)
        assert (again["status"], again["tags"]) == (before[i]["status"], before[i]["tags"])


def test_nothing_ticked_means_nothing_to_apply(qtbot: QtBot, window: MainWindow) -> None:
    _select_first(qtbot, window, "partner", 2)

    def look(dialog: BulkEditDialog) -> None:
        assert dialog.summary.text() == "Nothing to change yet."
        assert not dialog.apply_button.isEnabled()
        owner = dialog.ticks["owner"]
        owner.click()  # set the owner to nobody: a real change
        assert dialog.apply_button.isEnabled()
        assert dialog.model.index(0, 3).data() == "empty"
        dialog.reject()

    driver = ModalDriver(BulkEditDialog, look)
    window.registered_actions["edit.bulk_edit"].trigger()
    qtbot.waitUntil(lambda: driver.ran)
    driver.check()
