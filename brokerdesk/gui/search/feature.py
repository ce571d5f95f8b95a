"""Search everything (Ctrl+K) in the Go menu and Save view… (Ctrl+Shift+S) in the View menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from brokerdesk.gui.search.palette import SearchPalette
from brokerdesk.gui.search.saved_views import SavedViewsNavigator

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


@dataclass(frozen=True)
class SearchActions:
    """What :func:`install` made: the two actions, the palette and the saved views."""

    search_everything: QAction
    save_view: QAction
    palette: SearchPalette
    saved_views: SavedViewsNavigator


def install(window: MainWindow) -> SearchActions:
    """Add the search palette (Ctrl+K) and saved views in the navigation (Ctrl+Shift+S)."""
    palette = SearchPalette(window.ctx, window)
    palette.open_requested.connect(window.open_record)
    search = QAction(translate("SearchPalette", "Search everything…"), window)
    search.setObjectName("search-everything-action")
    search.setShortcut(QKeySequence("Ctrl+K"))
    search.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    search.triggered.connect(palette.popup)
    window.register_action("go.search_everything", search)

    navigator = SavedViewsNavigator(window)
    save = QAction(translate("SavedViewsNavigator", "Save view…"), window)
    save.setObjectName("save-view-action")
    save.setShortcut(QKeySequence("Ctrl+Shift+S"))
    save.triggered.connect(navigator.save_current)
    window.register_action("view.save_view", save)
    return SearchActions(search, save, palette, navigator)
