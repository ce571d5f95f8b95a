"""Documents on record pages and saved e-mails logged from the window, as a user does it:
drop files, open, save, rename, delete and undo; drop an e-mail; import a folder."""

from __future__ import annotations

import shutil
import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.models import Contact, Interaction, Partner
from brokerdesk.core.services.documents import DocumentService, NewDocument
from brokerdesk.core.services.trash import TrashService
from brokerdesk.gui.documents import import_folder, log_email, section
from brokerdesk.gui.documents.email_dialog import LogEmailDialog
from brokerdesk.gui.documents.folder_dialog import ImportEmailsDialog
from brokerdesk.gui.documents.section import DocumentsSection
from brokerdesk.gui.main_window import MainWindow
from tests.builders.files import pdf_bytes, write_email
from tests.gui.conftest import Announcements
from tests.gui.drive import ModalDriver

CORPUS = Path(__file__).parents[1] / "core" / "mail_corpus"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def _partner(window: MainWindow, name: str = "Northlight Sight Loss Trust") -> int:
    with window.ctx.db.read() as session:
        found = session.scalar(select(Partner.id).where(Partner.name == name))
    assert found is not None
    return int(found)


def _open_page(qtbot: QtBot, window: MainWindow, entity: str, record_id: int) -> DocumentsSection:
    window.open_record(entity, record_id)
    page = window.record_page
    assert page is not None
    found = page.findChild(DocumentsSection)
    assert isinstance(found, DocumentsSection)
    return found


def _drop(widget: object, paths: list[Path]) -> None:
    """Drag files over ``widget`` and let go (Qt sends a drop only to where a drag entered)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)  # type: ignore[arg-type]
    assert enter.isAccepted(), "the page takes dragged files"
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def _names(docs: DocumentsSection) -> list[str]:
    model = docs.table.rows_model
    return [str(model.row_at(r)["name"]) for r in range(model.rowCount())]


def _select_first(docs: DocumentsSection) -> None:
    docs.table.selectRow(0)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "Evaluation 2026.pdf"
    path.write_bytes(pdf_bytes("Evaluation of the Quillfeather pilot"))
    return path


def test_a_dropped_file_is_kept_listed_and_undone(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    docs = _open_page(qtbot, window, "partner", _partner(window))
    page = window.record_page
    assert page is not None and page.acceptDrops()
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Documents (0)" in tabs
    _drop(page, [report])
    qtbot.waitUntil(lambda: window.ctx.undo_stack.count() == 1, timeout=10_000)
    assert _names(docs) == ["Evaluation 2026.pdf"]
    assert page.tabs.currentWidget() is docs.holder
    assert "Documents (1)" in [page.tabs.tabText(i) for i in range(page.tabs.count())]
    row = docs.table.rows_model.row_at(0)
    assert (row["kind"], row["searchable"]) == ("PDF", "Yes")
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: _names(docs) == [], timeout=5_000)
    window.ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: _names(docs) == ["Evaluation 2026.pdf"], timeout=5_000)


def test_a_file_over_the_limit_is_refused_in_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.ctx.services.documents.max_bytes = 1024
    big = tmp_path / "scan.tiff"
    big.write_bytes(bytes(5000))
    docs = _open_page(qtbot, window, "partner", _partner(window))
    box = ModalDriver(QMessageBox, lambda b: said.append(b.text()) or b.accept())
    said: list[str] = []
    _drop(window.record_page, [big])
    qtbot.waitUntil(lambda: box.ran, timeout=5_000)
    box.check()
    assert said[0].startswith("“scan.tiff” is 5 KB")
    assert "“scan.tiff” is 5 KB; the largest document BrokerDesk keeps is 1 KB" in (
        docs.status.text()
    )
    assert _names(docs) == []


def test_add_document_button_and_shortcut_choose_files(
    qtbot: QtBot, window: MainWindow, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _open_page(qtbot, window, "library_service", 1)
    monkeypatch.setattr(docs, "ask_files", lambda: [report])
    assert docs.add_button.text() == "Add d&ocument…"
    assert docs.add_button.accessibleName() == "Add document…"
    assert "(Ctrl+Shift+O)" in docs.add_button.toolTip()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _names(docs) == ["Evaluation 2026.pdf"], timeout=10_000)


def test_open_save_rename_and_delete_a_document(
    qtbot: QtBot,
    window: MainWindow,
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = _open_page(qtbot, window, "partner", _partner(window))
    docs.add_files([report])
    qtbot.waitUntil(lambda: _names(docs) == ["Evaluation 2026.pdf"], timeout=10_000)
    _select_first(docs)
    opened: list[Path] = []
    monkeypatch.setattr(section, "open_with_viewer", lambda p: opened.append(p) or True)
    qtbot.mouseClick(docs.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5_000)  # read and written by a worker
    assert docs.status.text() == "Opened Evaluation 2026.pdf."
    assert opened[0].name == "Evaluation 2026.pdf"
    assert opened[0].read_bytes() == report.read_bytes()
    assert not opened[0].stat().st_mode & stat.S_IWUSR, "the copy opened is read-only"
    docs.table.setFocus()
    qtbot.waitUntil(docs.table.hasFocus, timeout=2_000)
    qtbot.keyClick(docs.table, Qt.Key.Key_Return)  # Enter opens it too
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=5_000)

    target = tmp_path / "saved" / "copy.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(docs, "ask_save_path", lambda _name: target)
    qtbot.mouseClick(docs.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: docs.status.text() == f"Saved a copy as {target}.", timeout=5_000)
    assert target.read_bytes() == report.read_bytes()

    monkeypatch.setattr(docs, "ask_new_name", lambda _current: "Signed evaluation.pdf")
    qtbot.mouseClick(docs.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(docs) == ["Signed evaluation.pdf"], timeout=5_000)
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: _names(docs) == ["Evaluation 2026.pdf"], timeout=5_000)

    _select_first(docs)
    qtbot.mouseClick(docs.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(docs) == [], timeout=5_000)
    assert "moved to the Trash" in docs.status.text()
    assert TrashService(window.ctx.db).list()[0].label == "Evaluation 2026.pdf"
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: _names(docs) == ["Evaluation 2026.pdf"], timeout=5_000)


def test_a_slow_document_opens_without_freezing_the_page_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    report: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    announcements: Announcements,
) -> None:
    """The document's bytes are held in the worker until released: meanwhile the page says
    what it is doing and still answers the keyboard; then the viewer opens the copy and
    the screen reader hears it once. A document gone meanwhile is said in a sentence."""
    docs = _open_page(qtbot, window, "partner", _partner(window))
    docs.add_files([report])
    qtbot.waitUntil(lambda: _names(docs) == ["Evaluation 2026.pdf"], timeout=10_000)
    real = DocumentService.content
    held, release = threading.Event(), threading.Event()

    def slow(self: DocumentService, document_id: int) -> bytes:
        held.set()
        release.wait(30)
        return real(self, document_id)

    monkeypatch.setattr(DocumentService, "content", slow)
    opened: list[Path] = []
    monkeypatch.setattr(section, "open_with_viewer", lambda p: opened.append(p) or True)
    _select_first(docs)
    try:
        qtbot.mouseClick(docs.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(held.is_set)
        assert docs.status.text() == "Opening the document…" and opened == []
        docs.table.setFocus()
        qtbot.waitUntil(docs.table.hasFocus, timeout=2_000)
        docs.table.clearSelection()
        qtbot.keyClick(docs.table, Qt.Key.Key_Space)  # the page still takes keys
        assert docs.table.selected_rows(), "the keyboard chose the row while it opened"
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5_000)
    assert opened[0].read_bytes() == report.read_bytes()
    assert announcements.texts().count("Opened Evaluation 2026.pdf.") == 1

    monkeypatch.setattr(DocumentService, "content", real)
    document_id = int(docs.table.selected_rows()[0]["id"])
    window.ctx.services.documents.delete([document_id], to_trash=False)
    docs.open_document(document_id)
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=5_000)
    sentence = f"The document could not be opened: The document #{document_id} no longer exists."
    assert docs.status.text() == sentence
    box = window.findChild(QMessageBox, "error-message")
    assert box is not None and box.text() == sentence
    box.close()


def test_a_document_found_by_search_opens_its_records_page(
    qtbot: QtBot, window: MainWindow, report: Path
) -> None:
    partner = _partner(window)
    window.ctx.services.documents.add(
        "partner", partner, [NewDocument(report.name, report.read_bytes())]
    )
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.search_actions.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "quillfeather")
    qtbot.waitUntil(lambda: not palette.searching, timeout=10_000)
    texts = [
        palette.results.item(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in palette.hit_rows()
    ]
    assert texts == [
        "Document: Evaluation 2026.pdf — Northlight Sight Loss Trust · application/pdf"
    ]
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert (window.location.entity, window.location.record_id) == ("partner", partner)


def _dialog(kind: type) -> object:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_an_email_dropped_on_a_partner_is_logged_with_its_attachment(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    partner = _partner(window)
    _open_page(qtbot, window, "partner", partner)
    eml = tmp_path / "outlook.eml"
    shutil.copy(CORPUS / "outlook.eml", eml)
    _drop(window.record_page, [eml])
    qtbot.waitUntil(lambda: _dialog(LogEmailDialog) is not None, timeout=10_000)
    dialog = _dialog(LogEmailDialog)
    assert isinstance(dialog, LogEmailDialog)
    assert dialog.chosen is not None and dialog.chosen.id == partner
    sian = next(box for box, p in dialog.new_people if p.address.startswith("sian"))
    assert sian.text() == "Add Siân Llŷr <sian.llyr@readingwales.org.uk> as a contact"
    sian.setChecked(True)
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    services = window.ctx.services

    def logged() -> list[int]:
        with window.ctx.db.read() as session:
            return list(
                session.scalars(
                    select(Interaction.id).where(
                        Interaction.subject == "Cytundeb newydd – Darllen Cymru",
                        Interaction.partner_id == partner,
                    )
                )
            )

    qtbot.waitUntil(lambda: len(logged()) == 1, timeout=10_000)
    interaction = logged()[0]
    [document] = services.documents.documents_of("interaction", interaction)
    assert document.name == "Cytundeb Siân Llŷr.pdf"
    assert services.interactions.get(interaction)["contact_id"] is not None
    stack = window.ctx.undo_stack
    qtbot.waitUntil(lambda: stack.undoText().startswith("Log e-mail “Cytundeb"), timeout=5_000)
    stack.undo()
    qtbot.waitUntil(lambda: logged() == [], timeout=5_000)
    with window.ctx.db.read() as session:
        sians = session.scalars(
            select(Contact.id).where(Contact.email == "sian.llyr@readingwales.org.uk")
        ).all()
    assert sians == [], "undo takes away the contact the e-mail added"
    stack.redo()
    qtbot.waitUntil(lambda: len(logged()) == 1, timeout=5_000)
    assert services.interactions.get(logged()[0])["contact_id"] is not None


def test_a_folder_is_previewed_then_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("outlook.eml", "gmail-html-only.eml"):
        shutil.copy(CORPUS / name, folder / name)
    import_folder(window, folder)
    qtbot.waitUntil(lambda: _dialog(ImportEmailsDialog) is not None, timeout=10_000)
    dialog = _dialog(ImportEmailsDialog)
    assert isinstance(dialog, ImportEmailsDialog)
    assert dialog.summary.text().startswith("2 e-mails read: 0 will be logged")
    assert not dialog.import_button.isEnabled()
    dialog.table.selectAll()
    index = next(
        i
        for i in range(dialog.record.count())
        if "Northlight Sight Loss Trust" in dialog.record.itemText(i)
    )
    dialog.record.setCurrentIndex(index)
    dialog.record.activated.emit(index)
    assert dialog.import_button.text() == "&Import 2 e-mails"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    partner = _partner(window)
    qtbot.waitUntil(
        lambda: (
            sum(
                1
                for i in window.ctx.services.overview.partner(partner).interactions
                if i.get("kind") == "email"
            )
            >= 2
        ),
        timeout=10_000,
    )


def test_file_log_email_matches_the_partner_by_a_contacts_address(
    qtbot: QtBot, window: MainWindow
) -> None:
    partner = _partner(window)
    window.ctx.services.contacts.create(
        {"full_name": "Sam Reid", "email": "sam.reid@openbook.org.uk", "partner_id": partner}
    )
    window.open_list("partner")
    assert window.registered_actions["file.log_email"].shortcut().toString() == "Ctrl+Shift+M"
    log_email(window, [CORPUS / "thunderbird-forward.eml"])
    qtbot.waitUntil(lambda: _dialog(LogEmailDialog) is not None, timeout=10_000)
    dialog = _dialog(LogEmailDialog)
    assert isinstance(dialog, LogEmailDialog)
    assert dialog.chosen is not None and dialog.chosen.id == partner
    assert dialog.plan.why == "Sam Reid is a contact at Northlight Sight Loss Trust"
    assert dialog.log_button.isEnabled()
    dialog.reject()
    with window.ctx.db.read() as session:
        found = session.scalars(
            select(Interaction.id).where(Interaction.subject == "Fwd: Reading Friends evaluation")
        ).all()
    assert found == [], "cancel writes nothing"


def test_a_folder_import_offers_each_new_person_once_and_adds_the_ticked_ones(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    gwen = "Gwen Parry <gwen@northern-poetry.example>"
    for name, subject, day in (("a", "Poetry week", 2), ("b", "Poetry week venues", 9)):
        write_email(folder, name, subject, day, sender=gwen)
    import_folder(window, folder)
    qtbot.waitUntil(lambda: _dialog(ImportEmailsDialog) is not None, timeout=10_000)
    dialog = _dialog(ImportEmailsDialog)
    assert isinstance(dialog, ImportEmailsDialog)
    assert dialog.people.isHidden(), "no e-mail is to be logged yet, so no one is offered"
    dialog.table.selectAll()
    index = next(
        i
        for i in range(dialog.record.count())
        if "Northlight Sight Loss Trust" in dialog.record.itemText(i)
    )
    dialog.record.setCurrentIndex(index)
    dialog.record.activated.emit(index)
    offered = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert [o for o in offered if "gwen@northern-poetry.example" in o] == [
        "Gwen Parry <gwen@northern-poetry.example>: on 2 e-mails, would join "
        "Northlight Sight Loss Trust"
    ]
    assert dialog.people_label.buddy() is dialog.people
    row = next(i for i, o in enumerate(offered) if "gwen@" in o)
    dialog.people.setFocus()
    dialog.people.setCurrentRow(row)
    qtbot.keyClick(dialog.people, Qt.Key.Key_Space)
    assert dialog.people.item(row).checkState() == Qt.CheckState.Checked
    assert [p.address for p in dialog.new_contacts()] == ["gwen@northern-poetry.example"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def gwen_logged() -> list[int | None]:
        with window.ctx.db.read() as session:
            contact = session.scalar(
                select(Contact.id).where(Contact.email == "gwen@northern-poetry.example")
            )
            if contact is None:
                return []
            return list(
                session.scalars(
                    select(Interaction.contact_id).where(Interaction.contact_id == contact)
                )
            )

    qtbot.waitUntil(lambda: len(gwen_logged()) == 2, timeout=10_000)
    with window.ctx.db.read() as session:
        partner = session.scalar(
            select(Contact.partner_id).where(Contact.email == "gwen@northern-poetry.example")
        )
    assert partner == _partner(window), "she joins the partner her e-mails were logged with"
