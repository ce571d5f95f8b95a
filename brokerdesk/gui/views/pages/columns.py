"""Column sets shared by several record pages."""

from __future__ import annotations

from brokerdesk.core import vocabulary as v
from brokerdesk.gui.models.rows import RowColumn

INTERACTIONS = (
    RowColumn("occurred_on", "Date"),
    RowColumn("kind", "Kind", v.INTERACTION_KIND_LABELS),
    RowColumn("subject", "Subject"),
    RowColumn("by_whom", "Logged by"),
    RowColumn("follow_up_on", "Follow up on"),
)
CONTACTS = (
    RowColumn("full_name", "Name"),
    RowColumn("role", "Role"),
    RowColumn("email", "Email"),
    RowColumn("phone", "Phone"),
)
