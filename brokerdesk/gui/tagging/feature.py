"""Tools ▸ Tags…, wired to the tag manager (made when first opened)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.tagging.manager import TagManager

translate = QCoreApplication.translate  # lupdate reads translate("Tags", "…") calls


@dataclass
class TagActions:
    """What :func:`install` made: the menu item, and the manager once it has been opened."""

    manage: QAction
    manager: TagManager | None = None


def install(window: MainWindow) -> TagActions:
    """Add Tools ▸ Tags… (the window's one tag manager)."""
    action = QAction(translate("Tags", "&Tags…"), window)
    action.setObjectName("tools-tags")
    tip = translate("Tags", "Rename, merge, colour or delete the tags on every kind of record")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    made = TagActions(action)

    def open_manager() -> None:
        from brokerdesk.gui.tagging.manager import TagManager

        if made.manager is None:
            made.manager = TagManager(window.ctx, window)
        made.manager.refresh()
        made.manager.show()
        made.manager.raise_()
        made.manager.activateWindow()

    action.triggered.connect(open_manager)
    window.register_action("tools.tags", action)
    return made
