"""Static lists: "Add to list…" from any list's selection, "Remove from list", and the lists
in the navigation beside the saved views.

``feature`` installs the actions and the navigation section, ``dialog`` asks which list,
``command`` is the undo entry of adding and removing.
"""

from brokerdesk.gui.static_lists.feature import StaticListActions, install

__all__ = ["StaticListActions", "install"]
