"""Export personal data… on a contact's page: a subject access request (UK GDPR) answered.

Asks where to save (an Excel workbook, one sheet per kind of data, or JSON), writes the file
off the GUI thread with progress and Cancel, then says in one sentence what it holds, with
"Open file" and "Show in folder".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from brokerdesk.core.exporting.safety import safe_filename
from brokerdesk.core.exporting.subject_access import SubjectAccess, counts, export_contact_data
from brokerdesk.gui.exporting.done import show_export_done
from brokerdesk.gui.exporting.running import default_folder, may_write, start_export

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.views.pages.base import RecordPage

translate = QCoreApplication.translate  # lupdate reads translate("SubjectAccess", "…") calls


def _choose(window: MainWindow, name: str) -> Path | None:
    workbook = translate("SubjectAccess", "Excel workbook (*.xlsx)")
    as_json = translate("SubjectAccess", "JSON file (*.json)")
    default = default_folder(window.ctx) / safe_filename(
        translate("SubjectAccess", "Personal data of {0}.xlsx").format(name)
    )
    chosen, kind = QFileDialog.getSaveFileName(
        window,
        translate("SubjectAccess", "Export personal data"),
        str(default),
        f"{workbook};;{as_json}",
        options=QFileDialog.Option.DontConfirmOverwrite,  # may_write asks, naming the file
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = ".json" if kind == as_json else ".xlsx"
    return path if path.suffix.lower() in (".xlsx", ".json") else path.with_suffix(suffix)


def sentence(data: SubjectAccess, target: Path) -> str:
    """What the file holds, said when it is written."""
    held = counts(data)
    return translate(
        "SubjectAccess",
        "Wrote everything held about {0} to '{1}'. Interactions they are on: {2}; e-mails "
        "naming them: {3}; notes naming them: {4}; attached files (listed by name): {5}; "
        "history entries: {6}.",
    ).format(
        data.name,
        target.name,
        f"{held['Interactions']:,}",
        f"{held['E-mails naming them']:,}",
        f"{held['Notes naming them']:,}",
        f"{held['Attached files']:,}",
        f"{held['History']:,}",
    )


def export_personal_data(page: RecordPage, path: Path | None = None) -> Any:
    """Ask where, then write the export of the contact the page shows; returns the task.

    Args:
        path: where to write (a test, or a caller that already asked); .json writes JSON,
            anything else a workbook.
    """
    window: MainWindow = page.window()  # type: ignore[assignment]
    ctx, contact_id = page.ctx, page.record_id
    if path is None:
        path = _choose(window, page.heading.text())
        if path is None:
            return None
    target = path
    if not may_write(window, target):
        return None
    fmt = "json" if target.suffix.lower() == ".json" else "xlsx"
    db, overwrite = ctx.db, target.exists()
    step = translate("SubjectAccess", "Gathering, step {0} of {1}")

    def work(progress: Any) -> SubjectAccess:
        def report(done: int, all_: int) -> bool:
            return bool(progress(done, all_, step.format(min(done + 1, all_), all_)))

        return export_contact_data(
            db, contact_id, target, fmt, overwrite=overwrite, progress=report
        )

    def done(data: SubjectAccess) -> None:
        text = sentence(data, target)
        ctx.notify(text)
        show_export_done(
            window,
            translate("SubjectAccess", "Personal data exported"),
            text,
            target,
            detail=str(target),
        )

    def cancelled() -> None:
        ctx.notify(translate("SubjectAccess", "The export was cancelled; no file was written."))

    return start_export(
        window,
        work,
        translate("SubjectAccess", "Export personal data"),
        done,
        cancelled,
        label=translate("SubjectAccess", "Gathering everything held about {0}…").format(
            page.heading.text()
        ),
        total=5,
    )
