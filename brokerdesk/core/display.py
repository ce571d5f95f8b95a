"""How a stored value reads on screen, the same in every table, page and dialog.

Lists, record pages, the edit-conflict dialog and Export view's text cells all ask
:func:`display`, so money is "£1,000.00" (or "€5,000.00": :mod:`brokerdesk.core.money`), a
count "1,234" and a date "05 Mar 2026" wherever it appears. Spreadsheet cells that should
stay numbers (a budget a funder sums, an ISO date in a CSV) are written raw by the
exporters and never come through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

from brokerdesk.core.money import Money, Totals, format_money

Kind = Literal[
    "text", "int", "count", "number", "date", "datetime", "choice", "choices", "bool", "money"
]


def display(
    value: Any,
    kind: Kind | str | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """``value`` as a person reads it; ``kind`` says what it is (None: judge by its type).

    Args:
        value: a stored value; None reads as empty.
        kind: ``money`` (a :class:`Money` in its currency, :class:`Totals` per currency, a
            bare number in pounds), ``int``/``count`` (thousands separators),
            ``number`` (as typed), ``date``, ``datetime``, ``bool`` (Yes/No), ``choice``
            (through ``labels``), ``choices`` (several, stored "|a|b|"),
            ``text``; None for a value whose type says it all (a Decimal is money).
        labels: stored word -> what the user reads (stages, statuses, roles).
    """
    if value is None:
        return ""
    if isinstance(value, Money | Totals):
        return str(value)
    if kind is None:
        kind = _kind_of(value)
        if kind == "list":
            return ", ".join(display(item, None, labels) for item in value)
    try:
        if kind == "money":
            return format_money(Decimal(value))
        if kind in ("int", "count"):
            return f"{int(value):,}"
        if kind == "number":  # as typed: 12 and 2.5, not 12.0000
            text = f"{Decimal(value):,f}"
            return text.rstrip("0").rstrip(".") if "." in text else text
    except (ArithmeticError, TypeError, ValueError):  # not a number after all: as it is
        return str(value)
    if kind == "datetime" and isinstance(value, dt.datetime):
        return value.strftime("%d %b %Y %H:%M")
    if kind in ("date", "datetime") and isinstance(value, dt.date):
        return value.strftime("%d %b %Y")
    if kind == "bool":
        return "Yes" if value else "No"
    if kind == "choices":  # several choices, stored "|Gold|Silver|"
        return ", ".join(part for part in str(value).split("|") if part)
    if labels is not None:
        return labels.get(str(value), str(value))
    return str(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, int):
        return "int"
    if isinstance(value, Decimal):
        return "money"  # a Decimal with no currency beside it: a budget, in pounds
    if isinstance(value, list | tuple):
        return "list"
    return "text"
