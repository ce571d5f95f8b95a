"""Export personal data… on a contact's page: the workbook is written off the GUI thread and
a sentence says what it holds; JSON when the name asks for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from brokerdesk.core.mail.filing import EmailFiling
from brokerdesk.core.mail.reading import read_email
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.people import ContactPage

CORPUS = Path(__file__).parents[1] / "core" / "mail_corpus"


def _sian(window: MainWindow) -> int:
    """Siân Llŷr, made a contact when her e-mail (with a PDF attached) was logged."""
    s = window.ctx.services
    wales = s.partners.create({"name": "Darllen Cymru", "website": "readingwales.org.uk"}).id
    filing = EmailFiling(window.ctx.db, s.documents)
    plan = filing.plan(read_email(CORPUS / "outlook.eml"), ("partner", wales))
    interaction = filing.log(plan, new_contacts=plan.unknown[:1]).id
    return int(s.interactions.get(interaction)["contact_id"])


def _done(qtbot: QtBot, window: MainWindow) -> str:
    """The sentence of the "exported" message now showing; the message is closed."""

    def shown() -> list[QMessageBox]:
        found = window.findChildren(QMessageBox, "export-done-message")
        return [m for m in found if m.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    [message] = shown()
    text = message.text()
    message.close()
    return text


def test_export_writes_the_workbook_and_says_what_it_holds(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact = _sian(window)
    window.open_record("contact", contact)
    page = window.record_page
    assert isinstance(page, ContactPage)
    button = page.findChild(QPushButton, "export-personal-data")
    assert button is not None and button.text() == "Export &personal data…"
    assert button.accessibleName() == "Export personal data…"
    target = tmp_path / "Siân"  # no suffix: the workbook filter chosen adds .xlsx
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "Excel workbook (*.xlsx)")
    )
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P
    said = _done(qtbot, window)
    written = tmp_path / "Siân.xlsx"
    assert said == (
        "Wrote everything held about Siân Llŷr to 'Siân.xlsx'. Interactions they are on: 1; "
        "e-mails naming them: 0; notes naming them: 0; attached files (listed by name): 1; "
        "history entries: 1."
    )
    book = load_workbook(written)
    assert dict(list(book["Person"].iter_rows(values_only=True))[1:])["E-mail"] == (
        "sian.llyr@readingwales.org.uk"
    )
    [_header, attached] = list(book["Attached files"].iter_rows(values_only=True))
    assert attached[2] == "Cytundeb Siân Llŷr.pdf"

    as_json = tmp_path / "sian.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(as_json), "JSON file (*.json)")
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _done(qtbot, window).startswith("Wrote everything held about Siân Llŷr to 'sian.json'")
    assert json.loads(as_json.read_text(encoding="utf-8"))["name"] == "Siân Llŷr"
