"""Export view…: the rows of the list on screen, as shown, to CSV or XLSX.

What the user sees is what they get: the current search, filters and sort, the visible
columns in their on-screen order, values formatted as in the table (labels, Yes/No) but with
real dates and numbers in XLSX so a funder can sort and sum them. Every text cell goes through
the shared formula-neutralising helper, and the file is written to a temporary name and
renamed into place, so a cancel or an error never leaves half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.exporting.safety import (
    atomic_path,
    in_memory,
    neutralise,
    refuse_database_files,
    safe_filename,
)
from brokerdesk.core.lists import Column, ListState, RecordList
from brokerdesk.gui.models.record_table import format_value

BLOCK = 2_000  # rows read per query
BACKGROUND_ROWS = 5_000  # views larger than this export in a worker with progress
Progress = Callable[[int, int, str], bool]

translate = QCoreApplication.translate  # lupdate reads translate("ViewExport", "…")


def shown_columns(page: Any) -> list[Column]:
    """The list page's visible columns in on-screen (header) order."""
    header = page.table.horizontalHeader()
    columns = page.model.columns
    order = sorted(range(len(columns)), key=header.visualIndex)
    return [columns[i] for i in order if not page.table.isColumnHidden(i)]


def _xlsx_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind in ("date",) and isinstance(value, dt.date):
        return value
    if column.kind in ("int", "money") and isinstance(value, int | float | Decimal):
        return float(value) if column.kind == "money" else int(value)
    return neutralise(format_value(column, value))


def _csv_value(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.kind == "date" and isinstance(value, dt.date):
        return value.isoformat()  # unambiguous for spreadsheet programs in any locale
    if column.kind in ("int", "money"):
        return str(value)
    return neutralise(format_value(column, value))


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
        with db.read() as session:
            ids = record_list.ids(session, state)
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
        with db.read() as session:
            rows = record_list.rows(session, chunk)
        yield [rows.get(i, (None,) * len(record_list.columns)) for i in chunk]
    if progress is not None:
        progress(len(ids), len(ids), "Done")


def _write_csv(db, record_list, ids, columns, indexes, tmp, progress) -> None:  # type: ignore[no-untyped-def]
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(c.label) for c in columns])
        for block in _blocks(db, record_list, ids, progress):
            writer.writerows(
                [_csv_value(c, row[i]) for c, i in zip(columns, indexes, strict=True)]
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
            "money": book.add_format({"num_format": "£#,##0.00"}),
            "int": book.add_format({"num_format": "#,##0"}),
        }
        widths = [max(8, len(c.label) + 2) for c in columns]
        for col, column in enumerate(columns):
            sheet.write_string(0, col, neutralise(column.label), bold)
        row_number = 1
        for block in _blocks(db, record_list, ids, progress):
            for row in block:
                for col, (column, index) in enumerate(zip(columns, indexes, strict=True)):
                    value = _xlsx_value(column, row[index])
                    if value is None:
                        continue
                    if isinstance(value, dt.date):
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


def export_current_view(window: Any, path: Path | None = None) -> None:
    """Ask for a file and export the current list view.

    An existing file is replaced only after the Replace question that names it, also when
    ".xlsx" was added to the name typed. Long views are written off the GUI thread.
    """
    from brokerdesk.gui.dialogs.export_done import confirm_replace
    from brokerdesk.gui.dialogs.export_tasks import progress_dialog, start_export, target_refused

    page = window.current_list()
    if page is None:
        window.ctx.notify(translate("ViewExport", "Open a list to export it."))
        return
    if path is None:
        default = safe_filename(page.record_list.title) + ".xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            window,
            translate("ViewExport", "Export view"),
            default,
            translate("ViewExport", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, naming the file
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
    if target_refused(window, [path]):
        return
    if path.exists() and not confirm_replace(window, [path], 1, path.parent):
        window.ctx.notify(
            translate("ViewExport", "Nothing was exported; '{0}' was kept as it was.").format(
                path.name
            )
        )
        return
    record_list, state = page.record_list, page.current_state()
    columns, ids = shown_columns(page), page.model.ids
    db, target = window.ctx.db, path
    if len(ids) <= BACKGROUND_ROWS:
        try:
            count = export_view(db, record_list, state, columns, target, ids=ids)
        except BrokerDeskError as exc:  # a full disk, a folder taken away: in words
            window.ctx.report_error(str(exc))
            return
        _exported(window, count, target)
        return
    title = translate("ViewExport", "Export view")
    dialog = progress_dialog(
        window,
        title,
        translate("ViewExport", "Exporting {0} rows…").format(f"{len(ids):,}"),
        len(ids),
    )
    start_export(
        window,
        lambda progress: export_view(
            db, record_list, state, columns, target, ids=ids, progress=progress
        ),
        title,
        lambda count: _exported(window, count, target),
        dialog=dialog,
    )


def _exported(window: Any, count: int, path: Path) -> None:
    """Say so in the status bar and offer "Open file" and "Show in folder"."""
    from brokerdesk.gui.dialogs.export_done import show_export_done

    text = translate("ViewExport", "Exported {0} rows to {1}").format(f"{count:,}", path.name)
    window.ctx.notify(text)
    window.last_export = path
    show_export_done(window, translate("ViewExport", "View exported"), text, path, detail=str(path))


def install_view_export(window: Any) -> QAction:
    """Add "Export view…" (Ctrl+Shift+E) to the File menu and the toolbar.

    The export features move it into the Export menu once that exists.
    """
    action = QAction(translate("ViewExport", "Export &view…"), window)
    action.setObjectName("export-view-action")
    action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    action.setToolTip(
        translate("ViewExport", "Export the rows of this list as shown (Ctrl+Shift+E)")
    )
    action.triggered.connect(lambda: export_current_view(window))
    window.addAction(action)
    menus = getattr(window, "menus", {})
    if "file" in menus:
        menus["file"].insertAction(menus["file"].actions()[0], action)
    toolbar = getattr(window, "toolbar", None)
    if toolbar is not None:
        toolbar.addAction(action)
    window.export_view_action = action
    return action
