"""Running an export off the GUI thread, and the two exports that are one file each.

Shared by every export in the app: the folder last used (a setting), the progress dialog and
error sentences of :mod:`brokerdesk.gui.operations` in the export's words, the save-file question
(which does not ask about replacing: :func:`confirm_replace` does, naming the file). The
participation matrix and the whole-database workbook live here too; partner summaries are
in ``brokerdesk.gui.exporting.menu``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from brokerdesk.core.exporting import ExportError, FileExistsRefused, refuse_database_files
from brokerdesk.core.exporting.safety import refuse_existing
from brokerdesk.gui import settings as keys
from brokerdesk.gui.exporting.done import confirm_replace
from brokerdesk.gui.operations import Operation, error_sentence

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


def default_folder(ctx: AppContext) -> Path:
    """The folder the last export went to, else Documents, else home."""
    saved = ctx.settings.get(keys.EXPORT_FOLDER)
    if saved:
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(ctx: AppContext, folder: Path) -> None:
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


def start_export(
    window: MainWindow,
    work: Callable[[Any], Any],
    title: str,
    on_done: Callable[[Any], None],
    on_cancel: Callable[[], None] | None = None,
    *,
    label: str = "",
    total: int = 0,
) -> Any:
    """Run ``work`` as an :class:`~brokerdesk.gui.operations.Operation`; returns its task.

    With a ``label`` the export's progress dialog, named "Export progress", appears if the
    work takes a while, and its Cancel stops the work; without one the work is quick enough
    to need none.
    """
    run = Operation(
        window.ctx,
        window,
        work,
        title=title,
        label=label,
        total=total,
        name="export-progress",
        accessible_name=translate("Export", "Export progress"),
        on_success=on_done,
        on_cancel=on_cancel,
        sentence=error_text,
        cancelled_text=translate("Export", "Export cancelled; nothing was written."),
        show_progress=bool(label),
    ).run()
    return run.task


def choose_file(window: MainWindow, title: str, default: Path) -> Path | None:
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


def target_refused(window: MainWindow, targets: list[Path], folder: Path | None = None) -> bool:
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


def may_write(window: MainWindow, target: Path) -> bool:
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
