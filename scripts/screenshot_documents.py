"""The pictures of "Documents and e-mail" in the user guide (called by ``screenshots.py``).

Plays the task on the demo database as a user would: two files kept with the sight-loss
charity (a Word agreement and meeting notes), a saved Outlook e-mail dropped on its page,
and a folder of saved e-mails brought in with its preview. The e-mails are the test corpus's
(``tests/core/mail_corpus``), made-up addresses all.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from brokerdesk.core.services.documents import NewDocument
from brokerdesk.gui.documents.email_dialog import LogEmailDialog, log_emails
from brokerdesk.gui.documents.folder_dialog import ImportEmailsDialog, import_emails_from
from brokerdesk.gui.documents.section import DocumentsSection
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "core" / "mail_corpus"


def _agreement() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Memorandum of understanding", 1)
    document.add_paragraph(
        "Between the partnerships team and Northlight Sight Loss Trust: audio-described "
        "reading groups in member library services, 2026 to 2028."
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _shown(kind: type[QDialog]) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def documents_pictures(
    window: MainWindow, partner: int, folder: Path, shot: Save, wait: Settle
) -> None:
    """page-documents.png, log-email.png and import-emails.png."""
    documents = window.ctx.services.documents
    documents.add(
        "partner",
        partner,
        [
            NewDocument("Memorandum of understanding 2026.docx", _agreement()),
            NewDocument(
                "Steering group notes, May.txt",
                b"Audio description: 14 services signed up; large print next.",
            ),
        ],
    )
    window.open_record("partner", partner)
    page = window.record_page
    assert page is not None
    section = page.findChild(DocumentsSection)
    assert section is not None
    section.show_tab()
    section.table.selectRow(0)
    wait(None)
    shot(window, "page-documents")

    log_emails(window.ctx, window, [CORPUS / "outlook.eml"], ("partner", partner))
    wait(lambda: _shown(LogEmailDialog) is not None)
    dialog = _shown(LogEmailDialog)
    if dialog is not None:
        shot(dialog, "log-email")
        dialog.done(0)

    # Two people of the corpus are the charity's contacts: their e-mails find it.
    for name, address in (
        ("Siân Llŷr", "sian.llyr@readingwales.org.uk"),
        ("Zoë Ó Briain", "zoe.obriain@sightline.example"),
    ):
        window.ctx.services.contacts.create(
            {"full_name": name, "email": address, "partner_id": partner}
        )
    inbox = folder / "Saved e-mails"
    shutil.rmtree(inbox, ignore_errors=True)
    shutil.copytree(CORPUS, inbox, ignore=shutil.ignore_patterns("*.md"))
    import_emails_from(window.ctx, window, inbox)
    wait(lambda: _shown(ImportEmailsDialog) is not None)
    preview = _shown(ImportEmailsDialog)
    if isinstance(preview, ImportEmailsDialog):
        if preview.people.count():
            preview.people.item(0).setCheckState(Qt.CheckState.Checked)  # one new contact
        shot(preview, "import-emails")
        preview.done(0)
