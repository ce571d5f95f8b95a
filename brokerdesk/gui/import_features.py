"""Plugs File ▸ Import… (the import wizard) into a built main window.

The main window calls the installer below once, after the search features. The wizard module
(and the import engine under it) is loaded when the action is first used, not at start-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle

translate = QCoreApplication.translate  # lupdate reads translate("Import", "…") calls


def open_import(window: Any) -> Any:
    """Show the import wizard over ``window`` and return it."""
    from brokerdesk.gui.dialogs.import_wizard import open_import_wizard

    return open_import_wizard(window)


def install_import_features(window: Any) -> None:
    """Add File ▸ Import… (Ctrl+Shift+I) to ``window``: first in File, and on the toolbar."""
    if getattr(window, "import_action", None) is not None:
        return
    icon = QIcon.fromTheme(
        "document-import", window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
    )
    action = QAction(icon, translate("Import", "&Import…"), window)
    action.setObjectName("import-action")
    action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    tip = translate(
        "Import",
        "Import partners, contacts, programmes, participations… from a CSV or Excel file "
        "(Ctrl+Shift+I)",
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: open_import(window))
    window.addAction(action)
    file_menu = window.menus["file"]
    first = file_menu.actions()[0] if file_menu.actions() else None
    file_menu.insertAction(first, action)
    separator = file_menu.insertSeparator(first) if first is not None else None
    window.import_separator = separator
    toolbar = getattr(window, "toolbar", None)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(action)
    window.import_action = action
