"""Tools ▸ Tags…: the tag manager (rename, merge, colour, delete; each undoable).

``manager`` is the dialog, ``command`` the undo entry every tag-manager action makes.
"""

from brokerdesk.gui.tagging.feature import TagActions, install

__all__ = ["TagActions", "install"]
