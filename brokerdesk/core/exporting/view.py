"""Export view: the rows of a list as shown, to CSV or XLSX (no Qt here; the window asks).

What the user sees is what they get: the current search, filters and sort, the visible
columns in their on-screen order, values formatted as in the table (labels, Yes/No) but with
real dates and numbers in XLSX so a funder can sort and sum them, and ISO dates and plain
numbers in CSV. An amount is an XLSX number whose format writes its currency's sign (a euro
grant reads "€5,000.00" and still sums), and in CSV a plain number followed by a column
of its currency code ("Value", "Value currency"); sums in several currencies are written as
they read ("£12,000.00 + €5,000.00"). Every text cell goes through the shared
formula-neutralising helper, and the file is written to a temporary name and renamed into
place, so a cancel or an error never leaves half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from brokerdesk.core.display import display
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.exporting.money_cells import MoneyFormats, money_csv_cells
from brokerdesk.core.exporting.safety import (
    atomic_path,
    in_memory,
    neutralise,
    refuse_database_files,
    xlsx_text,
)
from brokerdesk.core.lists import Column, ListState, RecordList
from brokerdesk.core.money import Money, Totals
from brokerdesk.core.services.listing import ListService

BLOCK = 2_000  # rows read per query
Progress = Callable[[int, int, str], bool]


def _xlsx_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "money" and (found := _money(value)) is not None:
        return found
    if column.kind in ("date",) and isinstance(value, dt.date):
        return value
    if column.kind == "int" and isinstance(value, int | float | Decimal):
        return int(value)
    if column.kind == "number" and isinstance(value, int | float | Decimal):
        return float(value)  # a number of the team's own fields: 2.5 stays 2.5
    return xlsx_text(display(value, column.kind, column.labels))  # a string cell: never run


def _money(value: Any) -> Money | None:
    """An amount (or one currency's total) as :class:`Money`; None for sums in several."""
    if isinstance(value, Totals):
        return value.single()
    if isinstance(value, Money):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Money(Decimal(value))
    return None


def csv_headers(columns: Sequence[Column]) -> list[str]:
    """The CSV header row: an amount's column is followed by its currency's."""
    out = []
    for column in columns:
        out.append(neutralise(column.label))
        if column.kind == "money":
            out.append(neutralise(f"{column.label} currency"))
    return out


def csv_cells(column: Column, value: Any) -> list[str]:
    """One value's CSV cells: an amount as a plain number and its currency code."""
    if column.kind != "money":
        return [_csv_value(column, value)]
    return money_csv_cells(value, neutralise(display(value, "money")))


def _csv_value(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()  # unambiguous for spreadsheet programs in any locale
    if column.kind == "int":
        return str(value)
    if column.kind == "number":
        return display(value, "number").replace(",", "")
    return neutralise(display(value, column.kind, column.labels))


def export_view(
    db: Any,
    record_list: RecordList,
    state: ListState,
    columns: Sequence[Column],
    path: Path,
    *,
    overwrite: bool = True,
    ids: list[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the view's rows to ``path`` (.csv or .xlsx); return the number of rows.

    Args:
        ids: the rows in order when the caller already has them (the table's model);
            otherwise the list's query runs again for ``state``.
        progress: ``progress(done, total, text)``; returning False cancels (no file is left).

    Raises:
        Cancelled: the user cancelled; ``path`` is untouched.
        ExportError: the file cannot be written.
    """
    if ids is None:
        ids = ListService(db, record_list).ids(state)
    indexes = [record_list.columns.index(c) for c in columns]
    is_xlsx = path.suffix.lower() == ".xlsx"
    refuse_database_files(getattr(db, "path", None), [path])
    with atomic_path(path, overwrite=overwrite) as tmp:
        if is_xlsx:
            with in_memory(tmp) as out:
                _write_xlsx(db, record_list, ids, columns, indexes, out, progress)
        else:
            _write_csv(db, record_list, ids, columns, indexes, tmp, progress)
    return len(ids)


def _blocks(db: Any, record_list: RecordList, ids: list[int], progress: Progress | None) -> Any:
    for start in range(0, len(ids), BLOCK):
        if progress is not None and not progress(start, len(ids), "Writing rows"):
            raise Cancelled("Export cancelled; no file was written.")
        chunk = ids[start : start + BLOCK]
        rows = ListService(db, record_list).rows(chunk)
        yield [rows.get(i, (None,) * len(record_list.columns)) for i in chunk]
    if progress is not None:
        progress(len(ids), len(ids), "Done")


def _write_csv(db, record_list, ids, columns, indexes, tmp, progress) -> None:  # type: ignore[no-untyped-def]
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_headers(columns))
        for block in _blocks(db, record_list, ids, progress):
            writer.writerows(
                [
                    cell
                    for c, i in zip(columns, indexes, strict=True)
                    for cell in csv_cells(c, row[i])
                ]
                for row in block
            )


def _write_xlsx(db, record_list, ids, columns, indexes, tmp, progress) -> None:  # type: ignore[no-untyped-def]
    import xlsxwriter  # loaded when a workbook is written, not at start-up

    book = xlsxwriter.Workbook(tmp, {"constant_memory": True, "strings_to_formulas": False})
    try:
        sheet = book.add_worksheet(record_list.title[:31] or "View")
        bold = book.add_format({"bold": True})
        formats = {
            "date": book.add_format({"num_format": "dd mmm yyyy"}),
            "int": book.add_format({"num_format": "#,##0"}),
            "number": book.add_format({"num_format": "#,##0.####"}),
        }
        amounts = MoneyFormats(book)
        widths = [max(8, len(c.label) + 2) for c in columns]
        for col, column in enumerate(columns):
            sheet.write_string(0, col, xlsx_text(column.label), bold)
        row_number = 1
        for block in _blocks(db, record_list, ids, progress):
            for row in block:
                for col, (column, index) in enumerate(zip(columns, indexes, strict=True)):
                    value = _xlsx_value(column, row[index])
                    if value is None:
                        continue
                    if isinstance(value, Money):
                        amounts.write(sheet, row_number, col, value)
                        widths[col] = max(widths[col], min(len(str(value)) + 2, 20))
                    elif isinstance(value, dt.date):
                        sheet.write_datetime(row_number, col, value, formats["date"])
                        widths[col] = max(widths[col], 12)
                    elif isinstance(value, int | float):
                        sheet.write_number(row_number, col, value, formats[column.kind])
                        widths[col] = max(widths[col], min(len(f"{value:,.2f}") + 2, 20))
                    else:
                        sheet.write_string(row_number, col, value)
                        if row_number < 200:  # fit to the first rows: cheap and good enough
                            widths[col] = max(widths[col], min(len(value) + 2, 60))
                row_number += 1
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(row_number - 1, 0), max(len(columns) - 1, 0))
    finally:
        book.close()
