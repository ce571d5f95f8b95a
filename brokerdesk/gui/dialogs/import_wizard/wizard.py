"""The wizard itself: what the user has chosen so far, and the two pieces of work it runs.

The pages only show and edit the choices held here (the file, the kind, the sheet, the
mapping, the review decisions, the on-match choice). The preview and the import run in
``ctx.tasks`` workers; the import's progress dialog is window-modal over the wizard, so
nothing can change while it runs, and its Cancel stops the import between chunks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget, QWizard

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.importing import (
    IMPORTERS,
    Importer,
    ImportOptions,
    ImportSummary,
    MappingStore,
    Preview,
    Review,
    SpreadsheetFile,
    open_spreadsheet,
    preview,
    run_import,
)
from brokerdesk.gui.tasks import Task

translate = QCoreApplication.translate  # lupdate reads translate("ImportWizard", "…") calls

KIND_SETTING = "import/kind"
FOLDER_SETTING = "import/folder"
PREVIEW_ROWS = 500


def kind_labels() -> dict[str, str]:
    """What each importer is called on the File page, in the users' words."""
    return {
        "partners": translate("ImportWizard", "Partners"),
        "contacts": translate("ImportWizard", "Contacts"),
        "library_services": translate("ImportWizard", "Library services (contact details)"),
        "branches": translate("ImportWizard", "Branches"),
        "programmes": translate("ImportWizard", "Programmes"),
        "participations": translate("ImportWizard", "Participations (a sign-up sheet)"),
        "interactions": translate("ImportWizard", "Interactions"),
    }


def error_sentence(exc: BaseException) -> str:
    if isinstance(exc, BrokerDeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return translate("ImportWizard", "The file could not be read: {0}.").format(
            exc.strerror or exc
        )
    return translate("ImportWizard", "The import failed: {0}").format(exc)


class ImportWizard(QWizard):
    """File ▸ Import…: a spreadsheet into BrokerDesk, checked, previewed, then applied.

    Args:
        ctx: the application context (database, settings, tasks, change broadcast).
        mapping_store: where mappings are saved (tests pass one in a temporary folder).

    Signals:
        previewed(): a preview finished and the Preview page shows it.
        imported(object): an import finished (the ImportSummary), written or refused.
    """

    previewed = Signal()
    imported = Signal(object)

    FILE, SHEET, MAPPING, PREVIEW, MATCHES, SUMMARY = range(6)

    def __init__(
        self, ctx: Any, parent: QWidget | None = None, *, mapping_store: MappingStore | None = None
    ) -> None:
        from brokerdesk.gui.dialogs.import_wizard.finish_pages import MatchesPage, SummaryPage
        from brokerdesk.gui.dialogs.import_wizard.mapping_page import MappingPage
        from brokerdesk.gui.dialogs.import_wizard.preview_page import PreviewPage
        from brokerdesk.gui.dialogs.import_wizard.source_pages import FilePage, SheetPage

        super().__init__(parent)
        self.ctx = ctx
        self.store = mapping_store or MappingStore()
        self.setObjectName("import-wizard")
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setAccessibleName(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 640)
        saved = str(ctx.settings.value(KIND_SETTING, "") or "")
        self.kind = saved if saved in IMPORTERS else "participations"
        self.source: SpreadsheetFile | None = None
        self.sheet: str | None = None
        self.headers: list[str] = []
        self.mapping: dict[str, str] = {}
        self.programme_id: int | None = None
        self.stage: str | None = None
        self.on_match: str | None = None
        self.skip_invalid = False
        self.reviews: dict[int, Review] = {}
        self.resolutions: dict[int, int | None] = {}
        self.preview_result: Preview | None = None
        self.preview_task: Task | None = None
        self.import_task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.summary: ImportSummary | None = None
        self._preview_number = 0
        self._closed = False
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.matches_page = MatchesPage(self)
        self.summary_page = SummaryPage(self)
        for number, page in enumerate(
            (
                self.file_page,
                self.sheet_page,
                self.mapping_page,
                self.preview_page,
                self.matches_page,
                self.summary_page,
            )
        ):
            self.setPage(number, page)
        self.setStartId(self.FILE)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.currentIdChanged.connect(self._page_changed)

    # ------------------------------------------------------------------ choices
    @property
    def importer(self) -> type[Importer]:
        return IMPORTERS[self.kind]

    def open_file(self, path: str | Path) -> str:
        """Open the spreadsheet at ``path``; return the reason it cannot be read ("" if none)."""
        self.source = None
        try:
            self.source = open_spreadsheet(Path(path).expanduser())
        except BrokerDeskError as exc:
            return str(exc)
        except OSError as exc:
            return error_sentence(exc)
        self.sheet = self.source.sheet_names[0] or None
        self.headers = []
        self.ctx.settings.set_value(FOLDER_SETTING, str(self.source.path.parent))
        return ""

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.ctx.settings.set_value(KIND_SETTING, kind)

    def import_options(self) -> ImportOptions:
        return ImportOptions(
            on_match=self.on_match,
            skip_invalid=self.skip_invalid,
            resolutions=dict(self.resolutions),
            stage=self.stage,
            programme_id=self.programme_id,
        )

    def forget_reviews(self) -> None:
        """A new file, sheet or mapping: earlier review decisions no longer apply."""
        self.reviews.clear()
        self.resolutions.clear()

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.FILE and self.source is not None and self.source.format == "csv":
            return self.MAPPING
        return super().nextId()

    def _page_changed(self, page_id: int) -> None:
        # Back from a refused import's summary comes to Matches: it must import, not go on.
        if page_id == self.MATCHES:
            self.matches_page.setCommitPage(True)
            self.matches_page.finished = False

    # ------------------------------------------------------------------ preview
    def start_preview(self) -> None:
        """Plan the first rows off the GUI thread; :meth:`_previewed` shows them."""
        assert self.source is not None
        self._preview_number += 1
        number = self._preview_number
        self.preview_result = None
        db, source, kind, sheet = self.ctx.db, self.source, self.kind, self.sheet
        mapping, options = dict(self.mapping), self.import_options()

        def work(_progress: Any) -> Preview:
            return preview(db, source, kind, mapping, options, sheet=sheet, limit=PREVIEW_ROWS)

        self.preview_task = self.ctx.tasks.start(
            work,
            self.tr("Checking the first rows"),
            on_done=lambda result: self._previewed(number, result, None),
            on_error=lambda exc: self._previewed(number, None, exc),
        )

    def _previewed(self, number: int, result: Preview | None, exc: BaseException | None) -> None:
        if self._closed or number != self._preview_number:
            return  # the wizard closed, or a newer preview was asked for
        self.preview_task = None
        self.preview_result = result
        if result is not None:
            for plan in result.plans:
                if plan.review is not None:
                    self.reviews.setdefault(plan.row, plan.review)
        self.preview_page.show_result(result, error_sentence(exc) if exc else "")
        self.previewed.emit()

    # ------------------------------------------------------------------ import
    def start_import(self) -> Task:
        """Save the mapping, then run the whole import in a worker with a progress dialog."""
        assert self.source is not None
        self.store.save(self.kind, self.headers, self.mapping)
        db, source, kind, sheet = self.ctx.db, self.source, self.kind, self.sheet
        mapping, options = dict(self.mapping), self.import_options()
        step = self.tr("Importing row {0} of about {1}…")
        dialog = QProgressDialog(
            self.tr("Starting the import (a backup is taken first)…"),
            self.tr("Cancel"),
            0,
            max(1, source.estimate_rows(sheet)),
            self,
        )
        dialog.setObjectName("import-progress")
        dialog.setWindowTitle(self.tr("Importing {0}").format(source.path.name))
        dialog.setAccessibleName(self.tr("Import progress"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(460)
        dialog.setValue(0)
        dialog.show()
        self.progress = dialog

        def work(progress: Any) -> ImportSummary:
            going = [True]

            def report(done: int, total: int) -> None:
                going[0] = bool(progress(done, total, step.format(f"{done:,}", f"{total:,}")))

            return run_import(
                db,
                source,
                kind,
                mapping,
                options,
                sheet=sheet,
                progress=report,
                cancel=lambda: not going[0],
            )

        task: Task = self.ctx.tasks.start(
            work,
            self.tr("Import {0}").format(source.path.name),
            on_done=self._imported,
            on_error=self._import_failed,
            on_cancel=self._import_cancelled,
        )
        dialog.canceled.connect(task.cancel)

        def follow(done: int, total: int, text: str) -> None:
            if dialog.isVisible():
                dialog.setMaximum(max(total, 1))
                dialog.setValue(min(done, total))
                if text:
                    dialog.setLabelText(text)

        task.signals.progress.connect(follow)
        self.import_task = task
        return task

    def _close_progress(self) -> None:
        self.import_task = None
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, summary: ImportSummary) -> None:
        self._close_progress()
        self.summary = summary
        if summary.written:
            table = str(self.importer.model.__tablename__)
            self.ctx.changes.broadcast(tables={table})
            self.ctx.notify(
                self.tr("Imported {0}: {1} created, {2} updated.").format(
                    self.source.path.name if self.source else "", summary.created, summary.updated
                )
            )
        self.imported.emit(summary)
        self.matches_page.finished = True
        self.next()

    def _import_failed(self, exc: BaseException) -> None:
        self._close_progress()
        text = error_sentence(exc)
        if "nothing was written" not in text:
            text = self.tr("The import stopped and nothing was written: {0}").format(text)
        self.matches_page.show_outcome(text, error=True)

    def _import_cancelled(self) -> None:
        self._close_progress()
        text = self.tr(
            "The import was cancelled; nothing was written, because the file is imported in "
            "one transaction."
        )
        self.matches_page.show_outcome(text, error=False)
        self.ctx.notify(text)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        self._closed = True
        if self.preview_task is not None:
            self.preview_task.cancel()
        super().done(result)


def open_import_wizard(window: Any) -> ImportWizard:
    """Show the import wizard over ``window`` (window-modal, not blocking).

    ``window.import_mapping_store`` (a MappingStore), when set, is where mappings are saved.
    """
    old = getattr(window, "import_wizard", None)
    if isinstance(old, ImportWizard):
        if old.isVisible():
            old.raise_()
            old.activateWindow()
            return old
        old.deleteLater()
    wizard = ImportWizard(
        window.ctx, window, mapping_store=getattr(window, "import_mapping_store", None)
    )
    window.import_wizard = wizard
    wizard.open()
    return wizard
