"""A stored value in the plain form JSON keeps, written the same way everywhere.

The audit trail (each field's old and new value), the snapshots behind undo and the Trash,
and a contact's subject-access export all keep values as JSON: dates and times as ISO text,
money (a ``Decimal``) as its exact digits, everything else as it is. ``snapshots`` reads
them back by column type, so the three must agree; one function keeps them agreeing.
What a person reads on screen is :func:`brokerdesk.core.display.display`, not this.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal
from typing import Any


def json_value(value: Any) -> Any:
    """``value`` as JSON can keep it: ISO dates and times, a Decimal's exact digits, bytes
    as base64."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):  # a document's content, in the Trash
        return base64.b64encode(value).decode("ascii")
    return value
