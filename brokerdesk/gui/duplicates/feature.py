"""Tools ▸ Find duplicates… and the record pages' "Find duplicates…" button, wired to the finder.

The finder and merge view are loaded when first used (they pull in rapidfuzz), so start-up
stays as light as before. Partner and contact pages make their own button and emit
``find_duplicates_requested``; this feature connects to it when the page is shown.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from brokerdesk.gui.duplicates.finder import DuplicatesDialog
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.views.pages.base import RecordPage

translate = QCoreApplication.translate  # lupdate reads translate("Duplicates", "…") calls


class DuplicateFinder(QObject):
    """The window's one finder: dismissed pairs stay dismissed for the session."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: DuplicatesDialog | None = None
        self._pages: weakref.WeakSet[RecordPage] = weakref.WeakSet()

    def open(self, entity: str | None = None, record_id: int | None = None) -> DuplicatesDialog:
        """Show the finder.

        Args:
            entity: ``partner`` or ``contact``; None keeps the finder's current choice.
            record_id: show only the pairs that include this record.
        """
        from brokerdesk.gui.duplicates.finder import DuplicatesDialog

        window = self._window
        if self.dialog is None:
            self.dialog = DuplicatesDialog(window.ctx, window)
            for action in (window.undo_action, window.redo_action):
                self.dialog.addAction(action)  # Ctrl+Z works while the finder has the focus
        dialog = self.dialog
        dialog.start(entity, record_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.table.setFocus()
        return dialog

    def listen_to_shown_page(self) -> None:
        """Answer the "Find duplicates…" button of the record page on screen."""
        from brokerdesk.gui.views.pages.base import RecordPage

        page = self._window.stack.currentWidget()
        if isinstance(page, RecordPage) and page not in self._pages:
            self._pages.add(page)
            page.find_duplicates_requested.connect(self.open)


@dataclass(frozen=True)
class DuplicatesActions:
    """What :func:`install` made: Tools ▸ Find duplicates… and the finder it opens."""

    find_duplicates: QAction
    finder: DuplicateFinder


def install(window: MainWindow) -> DuplicatesActions:
    """Add Tools ▸ Find duplicates… (Ctrl+Shift+D) and answer the record pages' button."""
    finder = DuplicateFinder(window)
    action = QAction(translate("Duplicates", "Find &duplicates…"), window)
    action.setObjectName("tools-find-duplicates")
    action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    tip = translate(
        "Duplicates", "Partners or contacts recorded twice, to merge into one (Ctrl+Shift+D)"
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(lambda: finder.open())
    window.register_action("tools.find_duplicates", action)
    window.stack.currentChanged.connect(lambda _index: finder.listen_to_shown_page())
    finder.listen_to_shown_page()
    return DuplicatesActions(action, finder)
