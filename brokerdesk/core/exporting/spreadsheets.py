"""Writing tables to XLSX (XlsxWriter) and to a folder of CSV files, safely.

Every XLSX text cell is written with ``write_string`` as it is stored (:func:`safety.xlsx_text`:
a string cell is never run, and the workbook refuses to turn strings into formulas, numbers
or links); every CSV text cell goes through :func:`safety.neutralise`. So no value from the
database can become a live formula, and a workbook shows no stray apostrophes. Dates and
numbers are written as real dates and numbers. Both writers go through a temporary file
renamed into place.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import brokerdesk.core.exporting.safety as safety
from brokerdesk.core.exporting.money_cells import MoneyFormats, money_csv_cells
from brokerdesk.core.exporting.summary import PartnerSummary
from brokerdesk.core.exporting.tables import Column, Table, as_text, summary_tables
from brokerdesk.core.money import Money

MAX_WIDTH = 60
SAMPLE_ROWS = 200  # column widths are fitted to this many rows; enough to look right


def workbook_options() -> dict[str, Any]:
    """XlsxWriter options that never turn a text into a formula, number or link."""
    return {
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
        "remove_timezone": True,
        "constant_memory": False,
    }


class SheetWriter:
    """Writes typed cells into one XlsxWriter workbook with shared formats."""

    def __init__(self, workbook: Any, *, reversible: bool = False) -> None:
        self.workbook = workbook
        self.reversible = reversible
        self.header = workbook.add_format({"bold": True, "bg_color": "#E7EEF7", "border": 1})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.amounts = MoneyFormats(workbook)
        self.decimal = workbook.add_format({"num_format": "#,##0.00"})

    def cell(self, sheet: Any, row: int, col: int, value: Any) -> None:
        """Write one value with its real type; text is always written as inert text."""
        if value is None:
            if self.reversible:
                return
            sheet.write_blank(row, col, None)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value)
        elif isinstance(value, dt.datetime):
            sheet.write_datetime(row, col, value, self.datetime)
        elif isinstance(value, dt.date):
            sheet.write_datetime(row, col, value, self.date)
        elif isinstance(value, Money):
            self.amounts.write(sheet, row, col, value)
        elif isinstance(value, decimal.Decimal):
            # a stored number whose currency, if any, is in a column of its own (the
            # database workbook's agreements): no sign is assumed; amounts come as Money
            sheet.write_number(row, col, float(value), self.decimal)
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value)
        else:
            sheet.write_string(row, col, safety.xlsx_text(str(value), reversible=self.reversible))

    def table(
        self,
        name: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[int] | None = None,
    ) -> Any:
        """A sheet with bold frozen headers, an autofilter and fitted column widths."""
        sheet = self.workbook.add_worksheet(name[:31])
        for col, header in enumerate(headers):
            sheet.write_string(0, col, safety.xlsx_text(header), self.header)
        for r, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                self.cell(sheet, r, col, value)
        sheet.freeze_panes(1, 0)
        if headers:
            sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        for col, header in enumerate(headers):
            sheet.set_column(
                col,
                col,
                _width(
                    header,
                    [row[col] for row in rows[:SAMPLE_ROWS]],
                    widths[col] if widths else None,
                ),
            )
        return sheet


def _width(header: str, values: Sequence[Any], hint: int | None) -> int:
    """Wide enough for the header (and its filter button) and the longest sampled value.

    With no rows to sample, the column's hint stands in, so an empty sheet still looks set up.
    """
    longest = max((len(as_text(v)) for v in values), default=hint or 0)
    return min(max(len(header) + 3, longest + 2, 8), MAX_WIDTH)


def write_tables_xlsx(tables: Sequence[Table], path: Path, *, overwrite: bool = False) -> Path:
    """One sheet per table. Returns the path written.

    Raises:
        FileExistsRefused: ``path`` exists and ``overwrite`` is False.
    """
    with safety.atomic_path(path, overwrite=overwrite) as tmp, safety.in_memory(tmp) as out:
        import xlsxwriter  # only when a workbook is written: it costs start-up 36 ms

        workbook = xlsxwriter.Workbook(out, workbook_options())
        writer = SheetWriter(workbook)
        for table in tables:
            writer.table(
                table.name,
                [c.header for c in table.columns],
                table.rows,
                [c.width for c in table.columns],
            )
        workbook.close()
    return path


def csv_paths(tables: Sequence[Table], folder: Path) -> list[Path]:
    """Where :func:`write_tables_csv` puts each table."""
    return [folder / f"{safety.safe_filename(t.name)}.csv" for t in tables]


def write_tables_csv(
    tables: Sequence[Table], folder: Path, *, overwrite: bool = False
) -> list[Path]:
    """One UTF-8 (with BOM, so Excel reads accents right) CSV file per table in ``folder``.

    Nothing is written if any of the files exists and ``overwrite`` is False. The files are
    renamed into place only once all of them are written, so a disk that fills on the third
    leaves the first two as they were, not a mix of old and new.
    """
    paths = csv_paths(tables, folder)
    safety.refuse_existing(paths, overwrite)
    with contextlib.ExitStack() as all_or_none:
        for table, path in zip(tables, paths, strict=True):
            tmp = all_or_none.enter_context(safety.atomic_path(path, overwrite=overwrite))
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                out = csv.writer(fh)
                out.writerow(_csv_headers(table))
                for row in table.rows:
                    out.writerow(
                        [
                            cell
                            for c, v in zip(table.columns, row, strict=True)
                            for cell in _csv_cells(c, v)
                        ]
                    )
    return paths


def _csv_headers(table: Table) -> list[str]:
    """The header row; a money column is followed by its currency's ("Value currency")."""
    out = []
    for c in table.columns:
        out.append(safety.neutralise(c.header))
        if c.kind == "money":
            out.append(safety.neutralise(f"{c.header} currency"))
    return out


def _csv_cells(column: Column, value: Any) -> list[str]:
    if column.kind == "money":  # a plain number in pennies, then its currency code
        return money_csv_cells(value, safety.neutralise(as_text(value)))
    if isinstance(value, str):
        return [safety.neutralise(value)]
    return [safety.neutralise(as_text(value)) if isinstance(value, Money) else as_text(value)]


def write_partner_summary_xlsx(
    summary: PartnerSummary, path: Path, *, overwrite: bool = False
) -> Path:
    """Sheets Summary, Programmes, Participations, Contacts, Interactions."""
    return write_tables_xlsx(summary_tables(summary), path, overwrite=overwrite)


def write_partner_summary_csv(
    summary: PartnerSummary, folder: Path, *, overwrite: bool = False
) -> Path:
    """Summary.csv, Programmes.csv, ... in ``folder``. Returns the folder."""
    write_tables_csv(summary_tables(summary), folder, overwrite=overwrite)
    return folder
