"""Amounts in a workbook: real numbers whose cell format writes their currency's sign.

A euro grant's cell holds 5000 formatted '"€"#,##0.00', so it reads "€5,000.00" and still
sorts and sums; one format per currency (and per bold or plain) is made once per workbook.
"""

from __future__ import annotations

from typing import Any

from brokerdesk.core.money import Money, excel_format


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
