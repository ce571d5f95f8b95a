"""Edit ▸ Bulk edit… (Ctrl+Shift+B), also on every list's context menu."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from brokerdesk.gui.bulk_edit.dialog import BulkEditDialog
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.views.list_page import ListPage

translate = QCoreApplication.translate  # lupdate reads translate("BulkEdit", "…") calls


@dataclass
class BulkEditActions:
    """What :func:`install` made: the action, and the dialog while it is open."""

    bulk_edit: QAction
    dialogs: list[BulkEditDialog] = field(default_factory=list)


def install(window: MainWindow) -> BulkEditActions:
    action = QAction(translate("BulkEdit", "&Bulk edit…"), window)
    action.setObjectName("bulk-edit-action")
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    tip = translate(
        "BulkEdit", "Set owner, status, type, tags or lists on the selected records (Ctrl+Shift+B)"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    made = BulkEditActions(action)

    def open_dialog() -> None:
        from brokerdesk.gui.bulk_edit.dialog import BulkEditDialog

        page = window.current_list()
        ids = page.selected_ids() if page else []
        if page is None or not ids:
            window.ctx.notify(translate("BulkEdit", "Select the records to change first."))
            return
        dialog = BulkEditDialog(window.ctx, page.entity, ids, window)
        made.dialogs[:] = [dialog]
        dialog.open()

    def update() -> None:
        page = window.current_list()
        action.setEnabled(bool(page and page.selected_ids()))

    action.triggered.connect(open_dialog)
    window.register_action("edit.bulk_edit", action)

    def equip(page: ListPage) -> None:
        page.table.addAction(action)
        page.selection_changed.connect(update)

    for page in window.lists.values():
        equip(page)
    window.list_page_replaced.connect(equip)
    window.stack.currentChanged.connect(lambda _i: update())
    update()
    return made
