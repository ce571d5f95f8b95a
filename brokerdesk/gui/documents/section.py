"""The Documents tab of a record page, its "Add document…" button, and drag and drop.

Partners, programmes, library services and interactions keep documents. Files dropped on
their page (anywhere on it) or chosen with Add document… (Ctrl+Shift+O) are kept with the
record; a saved e-mail (``.eml``, ``.msg``) dropped on a partner, library service or
programme is logged as an interaction instead (``email_dialog``). The tab lists the
documents and opens one with the system viewer (Enter or a double click), saves a copy,
renames or deletes it (to the Trash; Undo brings it back).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.mail.message import SUFFIXES as EMAIL_SUFFIXES
from brokerdesk.core.services.documents import DocumentRow, DocumentService, size_text
from brokerdesk.gui.announce import announce
from brokerdesk.gui.documents.files import open_with_viewer, safe_file_name, write_for_viewing
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages.base import RelatedTable

if TYPE_CHECKING:
    from brokerdesk.gui.tasks import Progress
    from brokerdesk.gui.views.pages.base import RecordPage

# The pages that keep documents (every kind the documents service takes: a kind that gains
# a page, agreements say, gains its Documents tab), and those an e-mail can be logged with.
DOCUMENT_PAGES = frozenset(DocumentService.OWNERS)
EMAIL_PAGES = frozenset({"partner", "programme", "library_service"})
ADD_SHORTCUT = "Ctrl+Shift+O"

COLUMNS = (
    RowColumn("name", "Document"),
    RowColumn("kind", "Kind"),
    RowColumn("size", "Size", text=lambda r: size_text(r["size"]), order_by=lambda r: r["size"]),
    RowColumn("added_on", "Added"),
    RowColumn("added_by", "Added by"),
    RowColumn("searchable", "Words searchable"),
)
_KINDS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/msword": "Word",
    "message/rfc822": "E-mail",
    "application/vnd.ms-outlook": "Outlook e-mail",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
}


def kind_of(media_type: str) -> str:
    """ "PDF", "Word", "Image", "Text": the kind of file in the user's words."""
    if media_type in _KINDS:
        return _KINDS[media_type]
    major = media_type.partition("/")[0]
    return {"image": "Image", "text": "Text", "audio": "Audio", "video": "Video"}.get(major, "File")


def _row(d: DocumentRow) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "kind": kind_of(d.media_type),
        "size": d.size,
        "added_on": d.added_at.date(),
        "added_by": d.added_by or "",
        "searchable": "Yes" if d.has_text else "Name only",
    }


def local_files(event: QEvent) -> list[Path]:
    """The local files a drag carries (none for text or web links)."""
    mime = event.mimeData() if isinstance(event, QDropEvent) else None
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class DocumentTable(RelatedTable):
    """The Documents table: Enter or a double click opens the file, not a record page.

    Signals:
        file_opened(int): the user opened a document (its id).
    """

    file_opened = Signal(int)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.file_opened.emit(int(self.rows_model.row_at(index.row())["id"]))


class DocumentsSection(QObject):
    """A record page's documents: the tab, the Add document… button and the drop target."""

    def __init__(self, page: RecordPage) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        self.owner, self.owner_id = page.entity, page.record_id
        self.add_button = self._add_page_button()
        holder = QWidget(page.tabs)
        holder.setObjectName("documents-tab")
        self.holder = holder
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.open_button = self._bar_button(bar, self.tr("&Open"), self.open_selected)
        self.save_button = self._bar_button(bar, self.tr("Sa&ve as…"), self.save_selected)
        self.rename_button = self._bar_button(bar, self.tr("Re&name…"), self.rename_selected)
        self.delete_button = self._bar_button(bar, self.tr("Dele&te"), self.delete_selected)
        self.delete_button.setToolTip(self.tr("Move the document to the Trash (Undo: Ctrl+Z)"))
        bar.addStretch(1)
        column.addLayout(bar)
        self.table = DocumentTable(self.tr("Documents"), COLUMNS, None, holder, multi=True)
        self.table.file_opened.connect(self.open_document)
        column.addWidget(self.table, 1)
        noun = page.noun
        self.status = QLabel(
            self.tr(
                "Drop files here, or anywhere on this page, to keep them with this {0}."
            ).format(noun)
            + (self.tr(" A saved e-mail (.eml, .msg) dropped here is logged as an interaction.")
               if self.owner in EMAIL_PAGES else ""),
            holder,
        )  # fmt: skip
        self.status.setObjectName("documents-status")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        self.tab_title = self.tr("Documents")
        page.tabs.addTab(holder, self.tab_title)
        page.setAcceptDrops(True)
        page.installEventFilter(self)
        self.ctx.changes.changed.connect(self._on_change)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.reload()

    # ------------------------------------------------------------------ building
    def _add_page_button(self) -> QPushButton:
        page = self.page
        button = QPushButton(self.tr("Add d&ocument…"), page)
        button.setObjectName("add-document-button")
        button.setAccessibleName(self.tr("Add document…"))
        native = QKeySequence(ADD_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(self.tr("Keep a file with this {0} ({1})").format(page.noun, native))
        button.setWhatsThis(
            self.tr(
                "<b>Add document…</b><p>Keep files (a signed agreement, a report, a letter) "
                "with this {0}, stored in the database with its backups. You can also drop "
                "files anywhere on the page; a saved e-mail dropped here is logged as an "
                "interaction.</p>"
            ).format(page.noun)
        )
        button.setAutoDefault(False)
        button.clicked.connect(self.choose_files)
        action = QAction(self.tr("Add document"), page)
        action.setShortcut(QKeySequence(ADD_SHORTCUT))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.choose_files)
        page.addAction(action)
        bar = page.button_bar
        bar.insertWidget(max(0, bar.count() - 1), button)  # before the stretch
        page.buttons.append(button)
        page._reading_order()  # the new button in the page's Tab order
        return button

    def _bar_button(self, bar: QHBoxLayout, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self.holder)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        bar.addWidget(button)
        return button

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        try:
            rows = [
                _row(d) for d in self.ctx.services.documents.documents_of(self.owner, self.owner_id)
            ]
        except BrokerDeskError:
            rows = []
        self.table.set_rows(rows)
        index = self.page.tabs.indexOf(self.holder)
        self.page.tabs.setTabText(index, f"{self.tab_title} ({len(rows):,})")
        self._enable()

    def _on_change(self, entities: frozenset[str]) -> None:
        if "document" in entities or self.owner in entities:
            self.reload()

    def _enable(self) -> None:
        chosen = self.table.selected_rows()
        for button in (self.open_button, self.save_button, self.rename_button):
            button.setEnabled(len(chosen) == 1)
        self.delete_button.setEnabled(bool(chosen))

    def show_tab(self) -> None:
        self.page.tabs.setCurrentWidget(self.holder)

    # ------------------------------------------------------------------ adding
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        dragging = kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
        if watched is self.page and dragging and local_files(event) and not self.page.deleted:
            assert isinstance(event, QDropEvent)
            event.acceptProposedAction()
            return True
        if watched is self.page and kind == QEvent.Type.Drop:
            paths = local_files(event)
            if paths and not self.page.deleted:
                assert isinstance(event, QDropEvent)
                event.acceptProposedAction()
                self.receive(paths)
                return True
        return super().eventFilter(watched, event)

    def ask_files(self) -> list[Path]:
        """The files the user picks (a dialog; tests replace it)."""
        names, _filter = QFileDialog.getOpenFileNames(
            self.page, self.tr("Add documents to this {0}").format(self.page.noun)
        )
        return [Path(n) for n in names]

    def choose_files(self) -> None:
        if self.page.deleted:
            return
        paths = self.ask_files()
        if paths:
            self.receive(paths)

    def receive(self, paths: Sequence[Path]) -> None:
        """Keep dropped or chosen files; log saved e-mails when this record can have them."""
        emails = [p for p in paths if p.suffix.lower() in EMAIL_SUFFIXES]
        if self.owner not in EMAIL_PAGES:
            emails = []
        files = [p for p in paths if p not in emails]
        if files:
            self.add_files(files)
        if emails:
            from brokerdesk.gui.documents.email_dialog import log_emails

            log_emails(self.ctx, self.page, emails, (self.owner, self.owner_id))

    def add_files(self, paths: Sequence[Path]) -> None:
        from brokerdesk.gui.documents.commands import AddDocuments
        from brokerdesk.gui.operations import Operation

        self.show_tab()
        limit = self.ctx.services.documents.max_bytes
        for path in paths:
            try:
                size = path.stat().st_size
                if size > limit:  # said before anything is read
                    self.ctx.services.documents.check_size(path.name, size)
            except OSError as exc:
                self._refused(self.tr("{0} cannot be read: {1}.").format(path.name, exc.strerror))
                return
            except BrokerDeskError as exc:
                self._refused(str(exc))
                return
        what = (
            f"“{paths[0].name}”" if len(paths) == 1 else self.tr("{0} documents").format(len(paths))
        )
        command = AddDocuments(
            self.ctx,
            self.owner,
            self.owner_id,
            paths,
            self.tr("Add {0} to {1}").format(what, self.page.heading.text()),
        )
        Operation(
            self.ctx,
            self.page,
            title=self.tr("Add documents"),
            undo=command,
            on_success=lambda _change: self.status.setText(
                self.tr("Kept {0}. Undo (Ctrl+Z) takes it away again.").format(what)
            ),
            on_failure=self._refused,
        ).run()

    def _refused(self, text: str) -> None:
        self.status.setText(text)
        self.ctx.report_error(text)

    # ------------------------------------------------------------------ the selected ones
    def _selected(self) -> list[dict[str, Any]]:
        return list(self.table.selected_rows())

    def open_selected(self) -> None:
        chosen = self._selected()
        if len(chosen) == 1:
            self.open_document(int(chosen[0]["id"]))

    def open_document(self, document_id: int) -> None:
        """Write a copy to a private temporary folder and open it with the system viewer.

        The bytes are read and written by a worker (a large scan takes a while on a team
        server); the page stays usable, says what it is opening, and a progress dialog with
        Cancel appears if it takes long. The viewer is asked on the GUI thread.
        """
        from brokerdesk.gui.operations import Operation, plain_sentence

        documents = self.ctx.services.documents
        title = self.tr("Open document")
        opening = self.tr("Opening {0}…")  # worded here: the worker touches no QObject

        def work(progress: Progress) -> tuple[str, Path]:
            name = str(documents.get(document_id)["name"])
            progress(0, 2, opening.format(name))
            return name, write_for_viewing(name, documents.content(document_id))

        def written(result: tuple[str, Path]) -> None:
            name, path = result
            if not open_with_viewer(path):
                self._refused(
                    self.tr("No program on this computer opens {0}; use Save as… instead.").format(
                        name
                    )
                )
            else:
                self._say(self.tr("Opened {0}.").format(name))

        self.status.setText(self.tr("Opening the document…"))
        Operation(
            self.ctx,
            self.page,
            work,
            title=title,
            label=self.tr("Opening the document…"),
            name="document-progress",
            on_success=written,
            on_failure=self._refused,
            on_cancel=lambda: self._say(self.tr("The document was not opened (cancelled).")),
            sentence=lambda exc: self.tr("The document could not be opened: {0}").format(
                plain_sentence(title, exc)
            ),
            abandon_on_cancel=True,  # it only reads; a late copy in a temporary folder is harmless
        ).run()

    def ask_save_path(self, name: str) -> Path | None:
        """Where to save a copy (a dialog; tests replace it)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self.page, self.tr("Save document as"), str(Path.home() / safe_file_name(name))
        )
        return Path(chosen) if chosen else None

    def save_selected(self) -> None:
        """Save a copy where the user says: read from the database and written by a worker,
        with Cancel (before anything is written) if it takes long."""
        from brokerdesk.gui.operations import Operation, plain_sentence

        chosen = self._selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        target = self.ask_save_path(str(row["name"]))
        if target is None:
            return
        documents = self.ctx.services.documents
        document_id = int(row["id"])
        writing = self.tr("Writing {0}…").format(target.name)

        def work(progress: Progress) -> Path:
            data = documents.content(document_id)
            if not progress(1, 2, writing):
                raise Cancelled
            target.write_bytes(data)
            return target

        self.status.setText(self.tr("Saving a copy as {0}…").format(target))
        Operation(
            self.ctx,
            self.page,
            work,
            title=self.tr("Save document"),
            label=self.tr("Saving a copy as {0}…").format(target.name),
            total=2,
            name="document-progress",
            on_success=lambda path: self._say(self.tr("Saved a copy as {0}.").format(path)),
            on_failure=self._refused,
            on_cancel=lambda: self._say(self.tr("No copy was saved (cancelled).")),
            sentence=lambda exc: (
                self.tr("{0} could not be saved: {1}.").format(target, exc.strerror or exc)
                if isinstance(exc, OSError)
                else plain_sentence(self.tr("Save document"), exc)
            ),
        ).run()

    def _say(self, text: str) -> None:
        """What the user would otherwise have to look for: on the page, read out once."""
        self.status.setText(text)
        announce(self.status, text)

    def ask_new_name(self, current: str) -> str | None:
        """The new name (a dialog; tests replace it)."""
        text, ok = QInputDialog.getText(
            self.page, self.tr("Rename document"), self.tr("Name:"), text=current
        )
        return text if ok else None

    def rename_selected(self) -> None:
        from brokerdesk.gui.undo import UpdateRecord

        chosen = self._selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        name = self.ask_new_name(str(row["name"]))
        if name is None or not name.strip() or name.strip() == row["name"]:
            return
        documents = self.ctx.services.documents
        current = self.ctx.attempt(lambda: documents.get(int(row["id"])))
        if current is None:
            return
        self.ctx.perform(
            UpdateRecord(
                self.ctx,
                documents,
                int(row["id"]),
                {"name": name.strip()},
                current["version_id"],
                self.tr("Rename “{0}” to “{1}”").format(row["name"], name.strip()),
            )
        )

    def delete_selected(self) -> None:
        from brokerdesk.gui.undo import DeleteRecords

        chosen = self._selected()
        if not chosen:
            return
        what = (
            f"“{chosen[0]['name']}”"
            if len(chosen) == 1
            else self.tr("{0} documents").format(len(chosen))
        )
        done = self.ctx.perform(
            DeleteRecords(
                self.ctx,
                self.ctx.services.documents,
                [int(r["id"]) for r in chosen],
                self.tr("Delete {0}").format(what),
            )
        )
        if done is not None:
            self.status.setText(
                self.tr("{0} moved to the Trash. Undo (Ctrl+Z) brings it back.").format(what)
            )


def attach_documents(page: RecordPage) -> DocumentsSection | None:
    """Give ``page`` its Documents tab when its kind of record keeps documents."""
    if page.entity not in DOCUMENT_PAGES:
        return None
    return DocumentsSection(page)
