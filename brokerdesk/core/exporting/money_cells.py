"""Amounts in a workbook: real numbers whose cell format writes their currency's sign.

A euro grant's cell holds 5000 formatted '"€"#,##0.00', so it reads "€5,000.00" and still
sorts and sums; one format per currency (and per bold or plain) is made once per workbook.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from brokerdesk.core.money import PENNY, Money, Totals, excel_format


def money_csv_cells(value: Any, shown: str = "") -> list[str]:
    """An amount's two CSV cells: a plain number in pennies ("5000.50", never the "5000.5000"
    it may be stored with) and its currency code. A bare number is in pounds; sums in several
    currencies are written as ``shown`` (how they read), with no one code; nothing is empty.
    """
    if isinstance(value, Totals):
        if not value:
            return ["", ""]
        single = value.single()
        if single is None:
            return [shown, ""]
        value = single
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        value = Money(Decimal(value))
    if isinstance(value, Money):
        return [f"{value.amount.quantize(PENNY):f}", value.currency]
    return ["", ""] if value is None or value == "" else [shown or str(value), ""]


class MoneyFormats:
    """The workbook's money formats, made as each currency first appears."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self._made: dict[tuple[str, bool], Any] = {}

    def format(self, currency: str, *, bold: bool = False) -> Any:
        key = (currency, bold)
        if key not in self._made:
            options: dict[str, Any] = {"num_format": excel_format(currency)}
            if bold:
                options["bold"] = True
            self._made[key] = self.workbook.add_format(options)
        return self._made[key]

    def write(self, sheet: Any, row: int, col: int, value: Money, *, bold: bool = False) -> None:
        sheet.write_number(row, col, float(value.amount), self.format(value.currency, bold=bold))
