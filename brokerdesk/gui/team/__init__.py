"""Team server roles in the window: Tools ▸ Team… for admins, and what a role may not do.

``feature`` installs the menu item and the role line in the status bar; ``dialog`` is the
list of people with adding, re-roling and removing.
"""

from brokerdesk.gui.team.feature import TeamActions, install

__all__ = ["TeamActions", "install"]
