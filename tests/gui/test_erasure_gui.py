"""Erase personal data… on a contact's page: the question counts the e-mails that name the
person; Cancel writes nothing; Erase removes them and scrubs those e-mails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from brokerdesk.core.mail.filing import EmailFiling
from brokerdesk.core.mail.reading import read_email
from brokerdesk.core.services.personal_data import ErasurePlan
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.erasure import consequences
from brokerdesk.gui.views.pages.people import ContactPage
from tests.gui.drive import ModalDriver

CORPUS = Path(__file__).parents[1] / "core" / "mail_corpus"


def _sian(window: MainWindow) -> tuple[int, int]:
    """Siân Llŷr, made a contact when her e-mail was logged with a partner."""
    s = window.ctx.services
    wales = s.partners.create({"name": "Darllen Cymru", "website": "readingwales.org.uk"}).id
    filing = EmailFiling(window.ctx.db, s.documents)
    plan = filing.plan(read_email(CORPUS / "outlook.eml"), ("partner", wales))
    interaction = filing.log(plan, new_contacts=plan.unknown[:1]).id
    return int(s.interactions.get(interaction)["contact_id"]), interaction


def test_erase_asks_with_the_count_then_scrubs_the_logged_email(
    qtbot: QtBot, window: MainWindow
) -> None:
    contact, interaction = _sian(window)
    window.open_record("contact", contact)
    page = window.record_page
    assert isinstance(page, ContactPage)
    button = page.findChild(QPushButton, "erase-personal-data")
    assert button is not None and button.accessibleName() == "Erase personal data…"
    asked: list[str] = []

    def answer(word: str):  # type: ignore[no-untyped-def]
        def press(box: QMessageBox) -> None:
            asked.append(f"{box.text()}\n{box.informativeText()}")
            assert box.defaultButton().text() == "Cancel"
            next(b for b in box.buttons() if b.text() == word).click()

        return ModalDriver(QMessageBox, press)

    cancel = answer("Cancel")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    cancel.check()
    assert window.ctx.services.contacts.exists(contact), "Cancel erases nothing"
    assert asked[0].startswith("Erase all personal data of “Siân Llŷr”?")
    assert (
        "1 interaction (an e-mail logged, or notes) names them: their name and e-mail address "
        "there become “[erased]”." in asked[0]
    )
    assert "1 attached file's name is changed the same way." in asked[0]
    assert "1 interaction and 0 participations stay, without the link to them." in asked[0]

    erase = answer("Erase")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    erase.check()
    qtbot.waitUntil(lambda: not window.ctx.services.contacts.exists(contact), timeout=10_000)
    notes = window.ctx.services.interactions.get(interaction)["notes"]
    assert notes.startswith("From: [erased]\n") and "sian.llyr" not in notes
    qtbot.waitUntil(lambda: page.deleted_label.isVisible(), timeout=10_000)


def test_the_question_counts_attachment_texts_other_notes_and_the_trash() -> None:
    plan = ErasurePlan(7, "Sam Reid", 2, 0, 1, 0, texts_scrubbed=3, emails_in_trash=1)
    said = consequences(plan)
    assert "3 attached files' texts (what Ctrl+K searches) name them too." in said
    assert "1 e-mail in the Trash names them; it is scrubbed too." in said
    assert "other record" not in said
    more = consequences(ErasurePlan(7, "Sam Reid", 0, 0, 0, 0, notes_scrubbed=2))
    assert "No interaction names them." in more
    assert "2 other records' notes or own fields hold their name or address" in more
