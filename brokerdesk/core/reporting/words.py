"""How reports write values: dates the way the team writes them, numbers with commas, and
amounts in their own currency (:mod:`brokerdesk.core.money`)."""

from __future__ import annotations

import datetime as dt
import decimal

from brokerdesk.core.money import Money, Totals, format_money


def uk_date(value: dt.date | None) -> str:
    """'28 Nov 2026'; a dash for none."""
    return f"{value.day} {value:%b %Y}" if value else "–"


def cell_text(value: object) -> str:
    """A table cell as read: dates in words, whole numbers with commas, a dash for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, Money | Totals):
        return str(value) or "–"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return f"{uk_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return uk_date(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, decimal.Decimal):  # an amount with no currency of its own: pounds
        return format_money(value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)
