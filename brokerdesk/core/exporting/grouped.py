"""Export a grouped view as shown: each group's heading, its records, its subtotal row, and a
total row at the end, to CSV or XLSX.

The cells are written as Export view writes them (``exporting.view``): real numbers and
dates in XLSX, ISO dates in CSV, every text neutralised. Heading and subtotal rows say what
they are in the first column ("Offer area: Reading (12)", "Subtotal: Reading"), so a reader
or a screen reader never needs the bold to tell them from records.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from brokerdesk.core.db import Database
from brokerdesk.core.exporting.money_cells import MoneyFormats
from brokerdesk.core.exporting.safety import (
    atomic_path,
    in_memory,
    neutralise,
    refuse_database_files,
    xlsx_text,
)
from brokerdesk.core.exporting.view import _xlsx_value, csv_cells, csv_headers
from brokerdesk.core.grouping import Group, group_ids, groups, totals
from brokerdesk.core.lists import Column, ListState, RecordList
from brokerdesk.core.money import Money

Line = tuple[str, list[Any]]  # ("heading" | "record" | "subtotal" | "total", cells)


def grouped_lines(
    db: Database, record_list: RecordList, state: ListState, key: str, columns: Sequence[Column]
) -> list[Line]:
    """The rows of the grouped export, in order, with the raw values of ``columns``."""
    column = record_list.column(key)
    indexes = [record_list.columns.index(c) for c in columns]
    lines: list[Line] = []
    with db.read() as session:
        found = groups(session, record_list, state, key)
        for group in found:
            heading = f"{column.label}: {group.label} ({group.count:,})"
            lines.append(("heading", [heading] + [None] * (len(columns) - 1)))
            ids = group_ids(session, record_list, state, key, group.value)
            rows = record_list.rows(session, ids)
            lines += [("record", [rows[i][x] for x in indexes]) for i in ids if i in rows]
            lines.append(("subtotal", _sum_cells(f"Subtotal: {group.label}", group, columns)))
        lines.append(("total", _sum_cells("Total", totals(found), columns)))
    return lines


def _sum_cells(title: str, group: Group, columns: Sequence[Column]) -> list[Any]:
    cells: list[Any] = [group.sums.get(c.key) for c in columns]
    cells[0] = f"{title} ({group.count:,})"
    return cells


def export_grouped(
    db: Database,
    record_list: RecordList,
    state: ListState,
    key: str,
    columns: Sequence[Column],
    path: Path,
) -> int:
    """Write the grouped view to ``path`` (.csv or .xlsx); returns the number of records."""
    lines = grouped_lines(db, record_list, state, key, columns)
    refuse_database_files(getattr(db, "path", None), [path])
    with atomic_path(path, overwrite=True) as tmp:
        if path.suffix.lower() == ".xlsx":
            with in_memory(tmp) as out:
                _write_xlsx(record_list, lines, columns, out)
        else:
            _write_csv(lines, columns, tmp)
    return sum(1 for kind, _cells in lines if kind == "record")


def _cells_csv(column: Column, value: Any, first: bool, kind: str) -> list[str]:
    if first and kind != "record":
        return [neutralise(str(value))]
    return csv_cells(column, value)


def _write_csv(lines: list[Line], columns: Sequence[Column], tmp: Path) -> None:
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_headers(columns))
        for kind, cells in lines:
            writer.writerow(
                [
                    cell
                    for n, (c, v) in enumerate(zip(columns, cells, strict=True))
                    for cell in _cells_csv(c, v, n == 0, kind)
                ]
            )


def _write_xlsx(
    record_list: RecordList, lines: list[Line], columns: Sequence[Column], out: Any
) -> None:
    import xlsxwriter  # loaded when a workbook is written, not at start-up

    book = xlsxwriter.Workbook(out, {"strings_to_formulas": False})
    try:
        sheet = book.add_worksheet(record_list.title[:31] or "View")
        bold = book.add_format({"bold": True})
        formats = {
            "date": book.add_format({"num_format": "dd mmm yyyy"}),
            "int": book.add_format({"num_format": "#,##0"}),
            "number": book.add_format({"num_format": "#,##0.####"}),
        }
        bold_formats = {
            "int": book.add_format({"num_format": "#,##0", "bold": True}),
            "number": book.add_format({"num_format": "#,##0.####", "bold": True}),
        }
        amounts = MoneyFormats(book)
        for col, column in enumerate(columns):
            sheet.write_string(0, col, xlsx_text(column.label), bold)
            sheet.set_column(col, col, max(12, len(column.label) + 2))
        for number, (kind, cells) in enumerate(lines, start=1):
            strong = kind != "record"
            for col, (column, raw) in enumerate(zip(columns, cells, strict=True)):
                if raw is None:
                    continue
                if col == 0 and strong:
                    sheet.write_string(number, col, xlsx_text(str(raw)), bold)
                    continue
                value = _xlsx_value(column, raw)
                if isinstance(value, Money):
                    amounts.write(sheet, number, col, value, bold=strong)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(number, col, value, formats["date"])
                elif isinstance(value, int | float):
                    chosen = (bold_formats if strong else formats)[column.kind]
                    sheet.write_number(number, col, value, chosen)
                elif value is not None:
                    sheet.write_string(number, col, value, bold if strong else None)
        sheet.freeze_panes(1, 0)
    finally:
        book.close()
