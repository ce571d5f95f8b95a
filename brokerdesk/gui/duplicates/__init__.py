"""Tools ▸ Find duplicates…: likely duplicate partners or contacts, and the field-by-field merge.

``feature`` installs the menu item and answers the record pages' "Find duplicates…" button;
``finder`` is the list of likely pairs, ``merge_view`` the merge itself, ``merge_facts`` what
it shows and says, ``merge_command`` the undoable merge.
"""

from brokerdesk.gui.duplicates.feature import DuplicateFinder, DuplicatesActions, install

__all__ = ["DuplicateFinder", "DuplicatesActions", "install"]
