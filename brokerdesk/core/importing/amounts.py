"""An amount's currency in an imported row: "€5,000" in the Amount column says euros.

A row whose Currency cell is empty takes the currency its amount names; a row whose amount
names another currency than its Currency cell is refused, never imported in the wrong one.
"""

from __future__ import annotations

from typing import Any

from brokerdesk.core import money
from brokerdesk.core.importing.base import RowPlan


def settle_currency(plan: RowPlan, values: dict[str, Any], amount: str, label: str) -> None:
    """Set or check ``values["currency"]`` from the amount cell as typed (refusing the row
    when the two disagree); a currency code in any case is read as its capitals."""
    currency = values.get("currency")
    if isinstance(currency, str):
        values["currency"] = currency = currency.strip().upper()
    typed = plan.typed.get(amount) or plan.source.get(amount) or ""
    try:
        _value, named = money.read_amount(typed) if typed else (None, None)
    except money.AmountError:
        return  # validation refuses the amount, with its own sentence
    if named is None:
        return
    if currency in (None, ""):
        values["currency"] = named
    elif currency != named:
        plan.refuse(
            f"{label}: '{typed.strip()}' is in {named}, but the row's currency is {currency}."
        )
