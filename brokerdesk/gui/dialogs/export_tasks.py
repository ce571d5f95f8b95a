"""Running an export off the GUI thread, and the two exports that are one file each.

Shared by every export in the app: the folder last used (a setting), the progress dialog and
error sentences of :mod:`brokerdesk.gui.progress` in the export's words, the save-file question
(which does not ask about replacing: :func:`confirm_replace` does, naming the file). The
participation matrix and the whole-database workbook live here too; partner summaries are
in ``brokerdesk.gui.export_features``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from brokerdesk.core import clock
from brokerdesk.core.exporting import (
    ExportError,
    FileExistsRefused,
    export_database_workbook,
    refuse_database_files,
    write_participation_matrix,
)
from brokerdesk.core.exporting.database import tables_in_order
from brokerdesk.core.exporting.safety import refuse_existing
from brokerdesk.gui import settings as keys
from brokerdesk.gui.dialogs.export_done import confirm_replace, show_export_done
from brokerdesk.gui.progress import error_sentence, run_with_progress
from brokerdesk.gui.progress import progress_dialog as shared_progress_dialog

translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


def default_folder(ctx: Any) -> Path:
    """The folder the last export went to, else Documents, else home."""
    saved = ctx.settings.get(keys.EXPORT_FOLDER)
    if saved:
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(ctx: Any, folder: Path) -> None:
    ctx.settings.set(keys.EXPORT_FOLDER, str(folder))


def error_text(exc: BaseException) -> str:
    """A sentence for the user, whatever went wrong in the worker."""
    if isinstance(exc, FileExistsRefused):
        return translate(
            "Export", "'{0}' appeared while exporting and was left as it was; nothing was replaced."
        ).format(exc.paths[0].name if exc.paths else "")
    return error_sentence(
        exc,
        unreadable=translate("Export", "The export could not be written: {0}."),
        failed=translate("Export", "The export failed: {0}"),
    )


def progress_dialog(window: Any, title: str, label: str, total: int) -> QProgressDialog:
    """The export's progress dialog (shown by :func:`start_export` if the work takes a while)."""
    dialog = shared_progress_dialog(
        window,
        title,
        label,
        total,
        name="export-progress",
        accessible_name=translate("Export", "Export progress"),
    )
    window.export_progress = dialog
    return dialog


def start_export(
    window: Any,
    work: Callable[[Any], Any],
    title: str,
    on_done: Callable[[Any], None],
    on_cancel: Callable[[], None] | None = None,
    dialog: QProgressDialog | None = None,
) -> Any:
    """Run ``work`` off the GUI thread; the progress dialog (if any) follows and cancels it."""

    def cancelled() -> None:
        window.ctx.notify(translate("Export", "Export cancelled; nothing was written."))

    run = run_with_progress(
        window.ctx,
        work,
        title=title,
        dialog=dialog,
        sentence=error_text,
        on_done=on_done,
        on_error=window.ctx.report_error,
        on_cancel=on_cancel or cancelled,
    )
    window.export_task = run.task
    return run.task


def choose_file(window: Any, title: str, default: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        title,
        str(default),
        translate("Export", "Excel workbook (*.xlsx)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # we ask, naming the file
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def target_refused(window: Any, targets: list[Path], folder: Path | None = None) -> bool:
    """Say so, before any question, when an export cannot write ``targets`` at all.

    The live database (or its journal or backups, however the path is spelled), a folder
    where a file is meant, or a name longer than a disk allows: the user sees a sentence
    and nothing is asked or written. ``folder``, where a batch writes, must not be the
    database's backups folder either.
    """
    try:
        refuse_database_files(window.ctx.db.path, [*targets, *([folder] if folder else [])])
        refuse_existing(targets, overwrite=True)  # only what can never be written
    except ExportError as exc:
        window.ctx.report_error(str(exc))
        return True
    return False


def may_write(window: Any, target: Path) -> bool:
    """Ask before replacing ``target``; on yes remember its folder, on no say nothing changed."""
    if target_refused(window, [target]):
        return False
    if not confirm_replace(window, [target] if target.exists() else [], 1, target.parent):
        window.ctx.notify(
            translate("Export", "Nothing was exported; '{0}' was left as it was.").format(
                target.name
            )
        )
        return False
    remember_folder(window.ctx, target.parent)
    return True


def export_matrix(window: Any, path: Path | None = None) -> Any:
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
        window.last_export = written
        show_export_done(
            window, translate("Export", "Matrix exported"), text, written, detail=str(written)
        )

    return start_export(
        window,
        lambda _progress: write_participation_matrix(db, target, overwrite=overwrite),
        translate("Export", "Export the participation matrix"),
        done,
    )


def export_database(window: Any, path: Path | None = None) -> Any:
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
    dialog = progress_dialog(window, title, translate("Export", "Preparing the workbook…"), total)

    def work(progress: Any) -> Path:
        def report(done: int, all_: int) -> bool:
            return bool(progress(done, all_, step.format(min(done + 1, all_), all_)))

        return export_database_workbook(db, target, overwrite=overwrite, progress=report)

    def done(written: Path) -> None:
        text = translate(
            "Export", "Wrote the whole database to '{0}', one sheet per table."
        ).format(written.name)
        ctx.notify(text)
        window.last_export = written
        show_export_done(
            window, translate("Export", "Database exported"), text, written, detail=str(written)
        )

    def cancelled() -> None:
        ctx.notify(translate("Export", "The database export was cancelled; no file was written."))

    return start_export(window, work, title, done, cancelled, dialog)
