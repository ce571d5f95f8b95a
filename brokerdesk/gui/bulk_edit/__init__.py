"""Edit ▸ Bulk edit… (Ctrl+Shift+B): set or clear fields, tags and list membership on a
list's selection, with a preview of every change, as one undo entry.

``feature`` installs the action, ``dialog`` is the form with its preview, ``command`` the
undo entry (run by the operation runner).
"""

from brokerdesk.gui.bulk_edit.feature import BulkEditActions, install

__all__ = ["BulkEditActions", "install"]
