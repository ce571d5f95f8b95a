"""Reports in the window: a record's report as PDF, XLSX or CSV, a region's, a board pack,
and File ▸ Print… / Print preview… of the record shown.

Every report is gathered and laid out in a worker (an :class:`~brokerdesk.gui.operations.
Operation`, as every export is) with the same core functions as ``brokerdesk export``.
Dialogs open with ``open()`` (window-modal, never a nested event loop).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

from brokerdesk.core.reporting import KINDS, Report, gather, report_choices
from brokerdesk.gui.exporting.done import show_export_done
from brokerdesk.gui.exporting.running import (
    default_folder,
    may_write,
    remember_folder,
    start_export,
)
from brokerdesk.gui.operations import plain_sentence
from brokerdesk.gui.reporting.choosing import BoardPackDialog, ReportDialog
from brokerdesk.gui.reporting.printing import paint_pdf
from brokerdesk.gui.views.pages.base import RecordPage

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate

KIND_OF_PAGE = {
    "partner": "partner",
    "programme": "programme",
    "library_service": "library-service",
    "series": "series",
}


def shown_record(window: MainWindow) -> tuple[str, int, str] | None:
    """(report kind, record id, name) of the record page shown, if it has a report."""
    page = window.stack.currentWidget()
    if not isinstance(page, RecordPage) or page.deleted:
        return None
    kind = KIND_OF_PAGE.get(page.entity)
    if kind is None:
        return None
    return kind, int(page.record_id), str(page.heading.text())


def _write(report: Report, fmt: str, target: Path, overwrite: bool) -> Path:
    from brokerdesk.reports import write_report  # Typst is loaded on first use

    return write_report(report, fmt, target, overwrite=overwrite)


def export_report(window: MainWindow, kind: str, key: int | str, fmt: str, target: Path) -> Any:
    """Write one report to ``target`` in a worker, after asking before replacing it."""
    if not may_write(window, target):
        return None
    replace = target.exists()
    db, ctx = window.ctx.db, window.ctx

    def work(progress: Any) -> tuple[str, Path]:
        report = gather(db, kind, key)
        return report.title, _write(report, fmt, target, replace)

    def done(result: tuple[str, Path]) -> None:
        title, path = result
        text = translate("Reports", "Wrote the {0} to '{1}'.").format(title, path.name)
        ctx.notify(text)
        show_export_done(
            window, translate("Reports", "Report exported"), text, path,
            open_label=translate("Export", "&Open folder") if fmt == "csv" else None,
            detail=str(path),
        )  # fmt: skip

    return start_export(window, work, translate("Reports", "Export report"), done)


def ask_and_export(
    window: MainWindow, kind: str, key: int | None, name: str = "", fmt: str = "pdf"
) -> ReportDialog:
    """The report dialog (format and file; the region too when ``key`` is None), opened."""
    folder = default_folder(window.ctx)
    if key is None:
        dialog = ReportDialog(window, None, folder, "", fmt)
    else:
        title = f"{KINDS[kind].label}: {name}"
        dialog = ReportDialog(window, title, folder, KINDS[kind].file_name(key, name, "csv"), fmt)

    def accepted() -> None:
        target = dialog.target()
        remember_folder(window.ctx, target.parent)
        chosen = key if key is not None else dialog.region_name()
        export_report(window, kind, chosen, dialog.fmt(), target)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def make_board_pack(window: MainWindow, title: str, choices: list[Any], target: Path) -> Any:
    """Write a board pack of ``choices`` ((kind, key, title) each) in a worker."""
    if not may_write(window, target):
        return None
    replace = target.exists()
    db, ctx = window.ctx.db, window.ctx

    def work(progress: Any) -> Path:
        from brokerdesk.reports import write_board_pack_pdf

        reports = []
        for done, (kind, key, text) in enumerate(choices):
            if progress(done, len(choices) + 1, text) is False:
                return target
            reports.append(gather(db, kind, key))
        progress(len(choices), len(choices) + 1, translate("Reports", "Laying out the pages"))
        return write_board_pack_pdf(title, reports, target, overwrite=replace)

    def done(path: Path) -> None:
        text = translate("Reports", "Wrote the board pack '{0}' ({1} reports) to '{2}'.").format(
            title, len(choices), path.name
        )
        ctx.notify(text)
        show_export_done(window, translate("Reports", "Board pack made"), text, path)

    return start_export(
        window, work, translate("Reports", "Board pack"), done,
        label=translate("Reports", "Gathering the reports…"), total=len(choices) + 1,
    )  # fmt: skip


def ask_board_pack(window: MainWindow) -> BoardPackDialog:
    """The board pack dialog, opened at once, with the record shown ticked once a worker has
    read every record's name (a team server with thousands of records takes a moment)."""
    ctx = window.ctx
    dialog = BoardPackDialog(window, None, default_folder(ctx))
    db = ctx.db
    ctx.tasks.start(
        lambda _progress: report_choices(db),
        translate("Reports", "Reading the names of the reports"),
        on_done=dialog.set_choices,
        on_error=lambda exc: dialog.failed(
            translate("Reports", "The reports to choose from could not be read: {0}").format(
                plain_sentence(translate("Reports", "Board pack"), exc)
            )
        ),
        owner=dialog,
    )
    shown = shown_record(window)
    if shown is not None:
        kind, _key, name = shown
        dialog.tick(f"{KINDS[kind].label}: {name}")

    def accepted() -> None:
        remember_folder(window.ctx, dialog.target().parent)
        make_board_pack(window, dialog.title.text().strip(), dialog.chosen(), dialog.target())

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def print_report(window: MainWindow, kind: str, key: int | str, *, preview: bool) -> Any:
    """Lay the report out in a worker, then open the print dialog or the print preview."""
    db = window.ctx.db

    def work(progress: Any) -> tuple[str, bytes]:
        from brokerdesk.reports import report_pdf

        report = gather(db, kind, key)
        return report.title, report_pdf(report)

    def done(result: tuple[str, bytes]) -> None:
        title, data = result
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog: QDialog
        if preview:
            dialog = QPrintPreviewDialog(printer, window)
            dialog.paintRequested.connect(lambda p: paint_pdf(p, data))
        else:
            dialog = QPrintDialog(printer, window)
            dialog.accepted.connect(lambda: paint_pdf(printer, data))
        dialog.setObjectName("report-print-preview" if preview else "report-print")
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        setattr(dialog, "printer_kept", printer)  # noqa: B010 (Qt does not own the printer)
        dialog.finished.connect(dialog.deleteLater)
        QDialog.open(dialog)  # window-modal, no nested event loop

    return start_export(window, work, translate("Reports", "Print report"), done)
