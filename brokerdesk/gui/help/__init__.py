"""Help: the user guide (F1), What's This? (Shift+F1) and the What's This texts.

``feature`` installs the two Help menu actions and describes the window's controls;
``record_buttons`` holds the texts of the record pages' buttons. The guide window itself is
``brokerdesk.gui.dialogs.user_guide``.
"""

from brokerdesk.gui.help.feature import HelpActions, install

__all__ = ["HelpActions", "install"]
