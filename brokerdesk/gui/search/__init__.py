"""Finding things: Search everything (Ctrl+K) and saved views of the lists (Ctrl+Shift+S).

``feature`` installs both; ``palette`` is the search popup over the window, ``saved_views``
the saved views in the navigation (save, open, rename, delete).
"""

from brokerdesk.gui.search.feature import SearchActions, install

__all__ = ["SearchActions", "install"]
