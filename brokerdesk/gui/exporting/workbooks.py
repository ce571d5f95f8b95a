"""The two exports that are one workbook each: the participation matrix and the whole database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from brokerdesk.core import clock
from brokerdesk.core.exporting import export_database_workbook, write_participation_matrix
from brokerdesk.core.exporting.database import tables_in_order
from brokerdesk.gui.exporting.done import show_export_done
from brokerdesk.gui.exporting.running import (
    choose_file,
    default_folder,
    may_write,
    start_export,
)

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


def export_matrix(window: MainWindow, path: Path | None = None) -> Any:
    """Library services × programmes, the stage in each cell, as one XLSX sheet."""
    ctx = window.ctx
    if path is None:
        default = default_folder(ctx) / translate("Export", "Participation matrix.xlsx")
        path = choose_file(window, translate("Export", "Export the participation matrix"), default)
        if path is None:
            return None
    target = path
    if not may_write(window, target):
        return None
    db, overwrite = ctx.db, target.exists()

    def done(written: Path) -> None:
        text = translate("Export", "Wrote the participation matrix to '{0}'.").format(written.name)
        ctx.notify(text)
        show_export_done(
            window, translate("Export", "Matrix exported"), text, written, detail=str(written)
        )

    return start_export(
        window,
        lambda _progress: write_participation_matrix(db, target, overwrite=overwrite),
        translate("Export", "Export the participation matrix"),
        done,
    )


def export_database(window: MainWindow, path: Path | None = None) -> Any:
    """Every table into one XLSX workbook, one sheet each, with progress and Cancel."""
    ctx = window.ctx
    if path is None:
        name = translate("Export", "BrokerDesk database {0}.xlsx").format(clock.today().isoformat())
        path = choose_file(
            window, translate("Export", "Export the whole database"), default_folder(ctx) / name
        )
        if path is None:
            return None
    target = path
    if not may_write(window, target):
        return None
    db, overwrite, total = ctx.db, target.exists(), len(tables_in_order())
    step = translate("Export", "Table {0} of {1}")
    title = translate("Export", "Export the whole database")
    label = translate("Export", "Preparing the workbook…")

    def work(progress: Any) -> Path:
        def report(done: int, all_: int) -> bool:
            return bool(progress(done, all_, step.format(min(done + 1, all_), all_)))

        return export_database_workbook(db, target, overwrite=overwrite, progress=report)

    def done(written: Path) -> None:
        text = translate(
            "Export", "Wrote the whole database to '{0}', one sheet per table."
        ).format(written.name)
        ctx.notify(text)
        show_export_done(
            window, translate("Export", "Database exported"), text, written, detail=str(written)
        )

    def cancelled() -> None:
        ctx.notify(translate("Export", "The database export was cancelled; no file was written."))

    return start_export(window, work, title, done, cancelled, label=label, total=total)
