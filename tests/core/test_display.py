"""display(): one way every screen writes money, counts, dates and yes/no."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from brokerdesk.core.display import display


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        (Decimal("1000"), "money", "£1,000.00"),
        (Decimal("1000"), None, "£1,000.00"),  # a Decimal is a budget wherever it shows
        (2500, "money", "£2,500.00"),
        (1234567, "count", "1,234,567"),
        (1234, None, "1,234"),
        (dt.date(2026, 3, 5), "date", "05 Mar 2026"),
        (dt.datetime(2026, 3, 5, 14, 30), "date", "05 Mar 2026"),
        (dt.datetime(2026, 3, 5, 14, 30), None, "05 Mar 2026 14:30"),
        (True, "bool", "Yes"),
        (False, None, "No"),
        (None, "money", ""),
        ("not a sum", "money", "not a sum"),
        ("2026-13-40", "date", "2026-13-40"),  # text that is not a date stays readable
        ([Decimal("5"), 3], None, "£5.00, 3"),
    ],
)
def test_display(value: object, kind: str | None, shown: str) -> None:
    assert display(value, kind) == shown


def test_choice_reads_its_label() -> None:
    labels = {"live": "Live", "paused": "Paused"}
    assert display("live", "choice", labels) == "Live"
    assert display("unknown", "choice", labels) == "unknown"
