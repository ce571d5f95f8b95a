"""Plugs the search features into a built main window through its public attributes.

Search palette (Ctrl+K) and saved views in the navigation (Ctrl+Shift+S) live in their own
modules so the main window stays small (Export view, Ctrl+Shift+E, is in
:mod:`brokerdesk.gui.exporting`); the window calls :func:`install_search_features` once at
the end of its construction.
"""

from __future__ import annotations

from typing import Any

from brokerdesk.gui.dialogs.search_palette import install_search_palette
from brokerdesk.gui.views.saved_views import install_saved_views


def install_search_features(window: Any) -> None:
    """Add the search palette and saved views to ``window``."""
    if getattr(window, "search_features_installed", False):
        return
    install_search_palette(window)
    install_saved_views(window)
    window.search_features_installed = True
