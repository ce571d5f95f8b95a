"""Tools ▸ Custom fields…: the menu item that opens the team's own fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from brokerdesk.gui.own_fields.dialogs import CustomFieldsDialog

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate


@dataclass(frozen=True)
class OwnFieldsActions:
    """What :func:`install` made: Tools ▸ Custom fields…."""

    custom_fields: QAction


def open_dialog(window: MainWindow) -> CustomFieldsDialog:
    """The dialog, on the kind of record whose list or page is showing."""
    shown = getattr(window.stack.currentWidget(), "entity", "")
    dialog = CustomFieldsDialog(window.ctx, window, str(shown or ""))
    return dialog


def install(window: MainWindow) -> OwnFieldsActions:
    action = QAction(translate("OwnFields", "Custom &fields…"), window)
    action.setObjectName("tools-custom-fields")
    tip = translate("OwnFields", "Add your own fields to partners, contacts and other records")
    action.setToolTip(tip)
    action.setStatusTip(tip)

    def show() -> None:
        dialog = open_dialog(window)
        dialog.exec()
        dialog.deleteLater()

    action.triggered.connect(show)
    window.register_action("tools.custom_fields", action)
    return OwnFieldsActions(action)
