"""Export view…: the rows of the list on screen, as shown, to CSV or XLSX.

The window's part: which columns are on screen and in what order, the file dialog, the
Replace question, and running a long export off the GUI thread with progress. The writing
itself is :func:`brokerdesk.core.exporting.view.export_view`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting.safety import safe_filename
from brokerdesk.core.exporting.view import export_view
from brokerdesk.core.lists import Column

BACKGROUND_ROWS = 5_000  # views larger than this export in a worker with progress

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("ViewExport", "…")


def shown_columns(page: Any) -> list[Column]:
    """The list page's visible columns in on-screen (header) order."""
    header = page.table.horizontalHeader()
    columns = page.model.columns
    order = sorted(range(len(columns)), key=header.visualIndex)
    return [columns[i] for i in order if not page.table.isColumnHidden(i)]


def export_current_view(window: MainWindow, path: Path | None = None) -> None:
    """Ask for a file and export the current list view.

    An existing file is replaced only after the Replace question that names it, also when
    ".xlsx" was added to the name typed. Long views are written off the GUI thread.
    """
    from brokerdesk.gui.exporting.done import confirm_replace
    from brokerdesk.gui.exporting.running import start_export, target_refused

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
    group_key = getattr(page, "group_key", None)
    if group_key:  # exported as shown: headings, records, subtotals and the total
        from brokerdesk.core.exporting.grouped import export_grouped

        try:
            count = export_grouped(db, record_list, state, group_key, columns, target)
        except BrokerDeskError as exc:
            window.ctx.report_error(str(exc))
            return
        _exported(window, count, target)
        return
    if len(ids) <= BACKGROUND_ROWS:
        try:
            count = export_view(db, record_list, state, columns, target, ids=ids)
        except BrokerDeskError as exc:  # a full disk, a folder taken away: in words
            window.ctx.report_error(str(exc))
            return
        _exported(window, count, target)
        return
    title = translate("ViewExport", "Export view")
    start_export(
        window,
        lambda progress: export_view(
            db, record_list, state, columns, target, ids=ids, progress=progress
        ),
        title,
        lambda count: _exported(window, count, target),
        label=translate("ViewExport", "Exporting {0} rows…").format(f"{len(ids):,}"),
        total=len(ids),
    )


def _exported(window: MainWindow, count: int, path: Path) -> None:
    """Say so in the status bar and offer "Open file" and "Show in folder"."""
    from brokerdesk.gui.exporting.done import show_export_done

    text = translate("ViewExport", "Exported {0} rows to {1}").format(f"{count:,}", path.name)
    window.ctx.notify(text)
    show_export_done(window, translate("ViewExport", "View exported"), text, path, detail=str(path))
