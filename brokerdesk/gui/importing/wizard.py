"""The wizard itself: what the user has chosen so far, and the work it runs off the GUI thread.

The pages only show and edit the choices held here (the file, the kind, the sheet, the
mapping, the review decisions, the on-match choice). Reading the file (and each sheet), the
preview and the import each run as one :class:`brokerdesk.gui.operations.Operation`: a
window-modal progress dialog with Cancel appears if the work takes a moment, so nothing can
change while it runs. Cancel abandons a read or a preview at once (they write nothing) and
stops the import between chunks (one transaction: nothing is written).
"""

from __future__ import annotations

import itertools
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressDialog, QWidget, QWizard

from brokerdesk.core.importing import (
    IMPORTERS,
    Importer,
    ImportOptions,
    ImportSummary,
    MappingStore,
    Preview,
    Review,
    SpreadsheetFile,
    preview,
    run_import,
)
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.own_fields import all_targets
from brokerdesk.gui.importing.reading import (
    FileFacts,
    SheetFacts,
    read_file,
    read_sheet,
)
from brokerdesk.gui.importing.shared import (
    FOLDER_SETTING,
    KIND_SETTING,
    PREVIEW_ROWS,
    error_sentence,
)
from brokerdesk.gui.operations import Operation, OperationRun
from brokerdesk.gui.tasks import Progress, Task


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
        from brokerdesk.gui.importing.finish_pages import MatchesPage, SummaryPage
        from brokerdesk.gui.importing.mapping_page import MappingPage
        from brokerdesk.gui.importing.preview_page import PreviewPage
        from brokerdesk.gui.importing.source_pages import FilePage, SheetPage

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
        self.facts: dict[str, SheetFacts] = {}  # sheet name ("" for a CSV) -> what was read
        self.sheet_problems: dict[str, str] = {}  # sheet name -> why it cannot be imported
        self.preview_result: Preview | None = None
        self.reading: OperationRun | None = None  # a file or sheet being read
        self.previewing: OperationRun | None = None
        self.import_task: Task | None = None
        self.progress: QProgressDialog | None = None  # the import's progress dialog
        self.summary: ImportSummary | None = None
        self.file_lock = threading.Lock()  # one worker at a time reads self.source
        self.closed = False  # closing: a line edit losing focus must not start a read
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

    # ------------------------------------------------------------------ reading
    def targets(self) -> tuple[Target, ...]:
        """The fields a column can fill: the importer's, then the team's own of that kind."""
        return all_targets(self.ctx.db, self.importer)

    def read_file(self, path: str | Path) -> None:
        """Open the spreadsheet and read its first sheet off the GUI thread.

        The File page hears back through ``file_read``, ``read_failed`` or ``read_cancelled``.
        """
        self.stop_reading()
        self.source = None
        self.facts, self.sheet_problems = {}, {}
        target = Path(path).expanduser()
        text = self.tr("Reading {0}…").format(target.name)
        lock, page = self.file_lock, self.file_page

        def work(progress: Progress) -> FileFacts:
            with lock:
                return read_file(target, progress, text)

        self.reading = self._read(
            work, text, self._file_read, page.read_failed, page.read_cancelled
        )

    def _file_read(self, found: FileFacts) -> None:
        self.reading = None
        self.source = found.source
        self.facts, self.sheet_problems = dict(found.sheets), dict(found.problems)
        self.sheet = self.source.sheet_names[0] or None
        self.headers = []
        self.ctx.settings.set_value(FOLDER_SETTING, str(self.source.path.parent))
        self.file_page.file_read()

    def read_sheet(self, name: str) -> None:
        """Read one sheet of the workbook off the GUI thread; the Sheet page hears back."""
        self.stop_reading()
        source, lock, page = self.source, self.file_lock, self.sheet_page
        assert source is not None
        text = self.tr("Reading the sheet '{0}' of {1}…").format(name, source.path.name)

        def work(progress: Progress) -> SheetFacts:
            with lock:
                return read_sheet(source, name, progress, text)

        def read(facts: SheetFacts) -> None:
            self.reading = None
            self.facts[name] = facts
            page.sheet_read(name)

        def failed(sentence: str) -> None:
            self.reading = None
            self.sheet_problems[name] = sentence
            page.sheet_read(name)

        self.reading = self._read(work, text, read, failed, lambda: page.read_cancelled(name))

    def _read(
        self, work: Any, text: str, on_done: Any, on_error: Any, on_cancel: Any
    ) -> OperationRun:
        def cancelled() -> None:
            self.reading = None
            on_cancel()

        def failed(sentence: str) -> None:
            self.reading = None
            on_error(sentence)

        return Operation(
            self.ctx,
            self,
            work,
            title=self.tr("Reading the spreadsheet"),
            label=text,
            name="import-reading",
            accessible_name=self.tr("Reading the spreadsheet"),
            sentence=error_sentence,
            on_success=on_done,
            on_failure=failed,
            on_cancel=cancelled,
            abandon_on_cancel=True,  # reading writes nothing: the page is usable at once
        ).run()

    def stop_reading(self) -> None:
        """Abandon a read in progress (a new file or sheet was chosen, or the wizard closed)."""
        if self.reading is not None:
            self.reading.abandon()
            self.reading = None

    def sheet_facts(self) -> SheetFacts:
        """What was read of the chosen sheet."""
        assert self.source is not None
        return self.facts[self.sheet or self.source.sheet_names[0]]

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
        """Plan the first rows off the GUI thread; the Preview page hears back."""
        assert self.source is not None
        self.stop_preview()
        self.preview_result = None
        db, source, kind, sheet = self.ctx.db, self.source, self.kind, self.sheet
        mapping, options, lock = dict(self.mapping), self.import_options(), self.file_lock
        total = max(1, min(PREVIEW_ROWS, self.sheet_facts().rows))
        step = self.tr("Checking row {0} of the first {1}…")

        def work(progress: Progress) -> Preview:
            counter = itertools.count(1)

            def cancel() -> bool:  # called before each row
                done = next(counter)
                return not progress(done - 1, total, step.format(f"{done:,}", f"{total:,}"))

            with lock:
                return preview(
                    db, source, kind, mapping, options, sheet=sheet, limit=PREVIEW_ROWS,
                    cancel=cancel,
                )  # fmt: skip

        self.previewing = Operation(
            self.ctx,
            self,
            work,
            title=self.tr("Checking the first rows"),
            label=self.tr("Checking the first rows of {0}…").format(source.path.name),
            total=total,
            name="import-preview-progress",
            accessible_name=self.tr("Preview progress"),
            sentence=error_sentence,
            on_success=lambda result: self._previewed(result, ""),
            on_failure=lambda text: self._previewed(None, text),
            on_cancel=self._preview_cancelled,
            abandon_on_cancel=True,  # a preview writes nothing
        ).run()

    def stop_preview(self) -> None:
        if self.previewing is not None:
            self.previewing.abandon()
            self.previewing = None

    def _previewed(self, result: Preview | None, error: str) -> None:
        self.previewing = None
        self.preview_result = result
        if result is not None:
            for plan in result.plans:
                if plan.review is not None:
                    self.reviews.setdefault(plan.row, plan.review)
        self.preview_page.show_result(result, error)
        self.previewed.emit()

    def _preview_cancelled(self) -> None:
        self.previewing = None
        self.preview_page.show_cancelled()

    # ------------------------------------------------------------------ import
    def start_import(self) -> Task:
        """Save the mapping, then run the whole import in a worker with a progress dialog."""
        assert self.source is not None
        self.store.save(self.kind, self.headers, self.mapping)
        db, source, kind, sheet = self.ctx.db, self.source, self.kind, self.sheet
        mapping, options, lock = dict(self.mapping), self.import_options(), self.file_lock
        step = self.tr("Importing row {0} of about {1}…")

        def work(progress: Progress) -> ImportSummary:
            going = [True]

            def report(done: int, total: int) -> None:
                going[0] = bool(progress(done, total, step.format(f"{done:,}", f"{total:,}")))

            with lock:
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

        run = Operation(
            self.ctx,
            self,
            work,
            title=self.tr("Importing {0}").format(source.path.name),
            label=self.tr("Starting the import (a backup is taken first)…"),
            total=max(1, self.sheet_facts().rows),
            name="import-progress",
            accessible_name=self.tr("Import progress"),
            changes=self._imported_tables,
            sentence=error_sentence,
            on_success=self._imported,
            on_failure=self._import_failed,
            on_cancel=self._import_cancelled,
        ).run()
        # In front at once, not after a moment: an import writes, so the wizard must not be
        # closed or stepped Back behind it; Cancel in this dialog is the way to stop it.
        run.show_now()
        self.progress = run.dialog
        self.import_task = run.task
        return run.task

    def _imported_tables(self, summary: ImportSummary) -> set[str] | None:
        """What the one change broadcast names after an import (nothing if none was written)."""
        if not summary.written:
            return None
        tables = {str(self.importer.model.__tablename__)}
        if summary.contacts_created:
            tables.add("contact")  # made from the rows' contact columns
        return tables

    def _imported(self, summary: ImportSummary) -> None:
        self.import_task, self.progress = None, None
        self.summary = summary
        if summary.written:
            self.ctx.notify(
                self.tr("Imported {0}: {1} created, {2} updated.").format(
                    self.source.path.name if self.source else "", summary.created, summary.updated
                )
            )
        self.imported.emit(summary)
        self.matches_page.finished = True
        self.next()

    def _import_failed(self, text: str) -> None:
        self.import_task, self.progress = None, None
        if "nothing was written" not in text:
            text = self.tr("The import stopped and nothing was written: {0}").format(text)
        self.matches_page.show_outcome(text, error=True)

    def _import_cancelled(self) -> None:
        self.import_task, self.progress = None, None
        text = self.tr(
            "The import was cancelled; nothing was written, because the file is imported in "
            "one transaction."
        )
        self.matches_page.show_outcome(text, error=False)
        self.ctx.notify(text)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        self.closed = True
        self.stop_reading()
        self.stop_preview()
        super().done(result)


def open_import_wizard(
    window: QWidget,
    ctx: Any,
    old: ImportWizard | None,
    mapping_store: MappingStore | None = None,
) -> ImportWizard:
    """Show the import wizard over ``window`` (window-modal, not blocking) and return it.

    ``old`` is the wizard shown last time: raised when still open, else replaced. Mappings are
    saved in ``mapping_store`` when one is given.
    """
    if old is not None:
        if old.isVisible():
            old.raise_()
            old.activateWindow()
            return old
        old.deleteLater()
    wizard = ImportWizard(ctx, window, mapping_store=mapping_store)
    wizard.open()
    return wizard
