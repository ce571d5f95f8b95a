"""Agreements in the window: made with the form, renewed and ended from their page by
keyboard, each step undone; the list in the navigation; the page's names for a screen
reader."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.models import Agreement, AgreementTerm, Partner
from brokerdesk.gui.dialogs.agreement_actions import EndDialog, RenewDialog
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.agreement import AgreementPage
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
CTRL = Qt.KeyboardModifier.ControlModifier


def _partner(window: MainWindow) -> tuple[int, str]:
    with window.ctx.db.read() as session:
        row = session.execute(select(Partner.id, Partner.name).order_by(Partner.name)).first()
    assert row is not None
    return int(row[0]), str(row[1])


def _agreement(window: MainWindow, title: str) -> Agreement:
    with window.ctx.db.read() as session:
        found = session.scalar(select(Agreement).where(Agreement.title == title))
        assert found is not None
        session.expunge(found)
        return found


def _terms(window: MainWindow, agreement_id: int) -> int:
    with window.ctx.db.read() as session:
        return len(
            list(
                session.scalars(
                    select(AgreementTerm.id).where(AgreementTerm.agreement_id == agreement_id)
                )
            )
        )


def test_agreements_have_a_list_in_the_navigation(window: MainWindow) -> None:
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert "Agreements" in names
    window.open_list("agreement")
    assert window.current_list().accessibleName() == "Agreements list"


def test_make_an_agreement_with_the_form_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    partner_id, partner = _partner(window)

    def fill(form: RecordForm) -> None:
        title = form.editors["title"].focus_widget
        assert isinstance(title, QLineEdit)
        qtbot.keyClicks(title, "Data-sharing 2026")
        kind = form.editors["kind"].focus_widget
        assert isinstance(kind, QComboBox)
        kind.setFocus()
        qtbot.keyClicks(kind, "Data")
        who = form.editors["partner_id"].focus_widget
        assert isinstance(who, QComboBox)
        line = who.lineEdit()
        assert line is not None
        qtbot.keyClicks(line, partner)
        for name, text in (("start_date", "01/04/2026"), ("end_date", "31/03/2027")):
            edit = form.editors[name].focus_widget
            assert isinstance(edit, QLineEdit)
            qtbot.keyClicks(edit, text)
        value = form.editors["value"].focus_widget
        assert isinstance(value, QLineEdit)
        qtbot.keyClicks(value, "2500")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)

    window.open_list("agreement")
    driver = ModalDriver(RecordForm, fill)
    window.new_action.trigger()
    driver.check()
    made = _agreement(window, "Data-sharing 2026")
    assert (made.kind, made.partner_id, made.status) == ("data_sharing", partner_id, "active")
    assert made.value is not None and int(made.value) == 2500
    assert made.end_date == dt.date(2027, 3, 31)


def test_renew_then_end_from_the_page_each_undone(qtbot: QtBot, window: MainWindow) -> None:
    partner_id, _name = _partner(window)
    agreement_id = window.ctx.services.agreements.create(
        {
            "title": "Reading MoU",
            "partner_id": partner_id,
            "start_date": dt.date(2025, 7, 1),
            "end_date": dt.date(2026, 6, 30),
            "renewal_date": dt.date(2026, 5, 1),
        }
    ).id
    window.open_record("agreement", agreement_id)
    page = window.record_page
    assert isinstance(page, AgreementPage)
    assert page.heading.accessibleName() == "Agreement: Reading MoU"
    assert "Lapsed" not in page.subtitle.text()  # ends 30 Jun; today is 15 Jun
    assert page.renew_button.accessibleName() == "Renew…"

    def renew(dialog: RenewDialog) -> None:
        # The new term is offered as long as the old, from the day after it.
        start = dialog.editors["start_date"].focus_widget
        assert isinstance(start, QLineEdit) and start.text() == "01/07/2026"
        end = dialog.editors["end_date"].focus_widget
        assert isinstance(end, QLineEdit) and end.text() == "30/06/2027"
        renewal = dialog.editors["renewal_date"].focus_widget
        assert isinstance(renewal, QLineEdit)
        renewal.setFocus()
        qtbot.keyClicks(renewal, "01/05/2027")
        qtbot.keyClick(renewal, Qt.Key.Key_Return)

    driver = ModalDriver(RenewDialog, renew)
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)
    driver.check()
    renewed = _agreement(window, "Reading MoU")
    assert (renewed.start_date, renewed.end_date) == (dt.date(2026, 7, 1), dt.date(2027, 6, 30))
    assert renewed.renewal_date == dt.date(2027, 5, 1)
    assert _terms(window, agreement_id) == 2  # the original term and the new one
    qtbot.waitUntil(lambda: page.terms.rows_model.rowCount() == 2)

    window.ctx.undo_stack.undo()
    back = _agreement(window, "Reading MoU")
    assert (back.end_date, back.renewal_date) == (dt.date(2026, 6, 30), dt.date(2026, 5, 1))
    assert _terms(window, agreement_id) == 0
    window.ctx.undo_stack.redo()
    assert _agreement(window, "Reading MoU").end_date == dt.date(2027, 6, 30)

    def end(dialog: EndDialog) -> None:
        day = dialog.editors["end_date"].focus_widget
        assert isinstance(day, QLineEdit) and day.text() == "15/06/2026"  # today
        day.setFocus()
        day.selectAll()
        qtbot.keyClicks(day, "31/12/2026")  # part way through the new term
        reason = dialog.editors["end_reason"].focus_widget
        assert isinstance(reason, QLineEdit)
        reason.setFocus()
        qtbot.keyClicks(reason, "Partner closed its library programme")
        qtbot.keyClick(reason, Qt.Key.Key_Return)

    driver = ModalDriver(EndDialog, end)
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    driver.check()
    ended = _agreement(window, "Reading MoU")
    assert (ended.status, ended.end_date) == ("ended", dt.date(2026, 12, 31))
    assert ended.end_reason == "Partner closed its library programme"
    qtbot.waitUntil(lambda: not page.renew_button.isEnabled())
    assert "Ended" in page.subtitle.text()
    window.ctx.undo_stack.undo()
    assert _agreement(window, "Reading MoU").status == "active"
    qtbot.waitUntil(page.renew_button.isEnabled)


def test_a_renewal_refused_says_why_in_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    partner_id, _name = _partner(window)
    agreement_id = window.ctx.services.agreements.create(
        {"title": "Pilot", "partner_id": partner_id, "end_date": dt.date(2026, 9, 30)}
    ).id
    window.open_record("agreement", agreement_id)
    page = window.record_page
    assert isinstance(page, AgreementPage)
    seen: list[str] = []

    def renew(dialog: RenewDialog) -> None:
        end = dialog.editors["end_date"].focus_widget
        assert isinstance(end, QLineEdit)
        end.setText("01/01/2026")  # before the new term starts
        dialog.ok_button.click()
        seen.append(dialog.error.text())
        dialog.reject()

    driver = ModalDriver(RenewDialog, renew)
    page.renew()
    driver.check()
    assert seen == ["⚠ The new term ends before it starts."]
    assert _terms(window, agreement_id) == 0


def test_the_partner_page_says_what_is_due_and_opens_the_agreement(
    qtbot: QtBot, window: MainWindow
) -> None:
    from brokerdesk.core import clock
    from brokerdesk.gui.views.pages.partner import PartnerPage

    partner_id, _name = _partner(window)
    window.ctx.services.agreements.create(
        {
            "title": "Overdue MoU",
            "partner_id": partner_id,
            "end_date": clock.today() + dt.timedelta(days=40),
            "renewal_date": clock.today() - dt.timedelta(days=12),
        }
    )
    window.open_record("partner", partner_id)
    page = window.record_page
    assert isinstance(page, PartnerPage)
    table = page.agreements
    rows = table.rows_model.rows
    row = next(i for i, r in enumerate(rows) if r["title"] == "Overdue MoU")
    due = table.rows_model.index(row, 6)
    assert due.data() == "Renewal overdue by 12 days"
    page.tabs.setCurrentWidget(table.parentWidget())
    table.setFocus()
    table.setCurrentIndex(table.rows_model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.record_page, AgreementPage))
    assert window.record_page.heading.text() == "Overdue MoU"  # type: ignore[union-attr]


def test_add_an_agreement_from_the_partner_page(qtbot: QtBot, window: MainWindow) -> None:
    from brokerdesk.gui.views.pages.partner import PartnerPage

    partner_id, partner = _partner(window)
    window.open_record("partner", partner_id)
    page = window.record_page
    assert isinstance(page, PartnerPage)

    def fill(form: RecordForm) -> None:
        who = form.editors["partner_id"].focus_widget
        assert isinstance(who, QComboBox) and who.currentText() == partner  # filled in
        title = form.editors["title"].focus_widget
        assert isinstance(title, QLineEdit)
        qtbot.keyClicks(title, "Licence to lend")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)

    driver = ModalDriver(RecordForm, fill)
    button = next(b for b in page.buttons if b.accessibleName() == "Add agreement…")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    driver.check()
    qtbot.waitUntil(lambda: isinstance(window.record_page, AgreementPage))
    assert window.record_page.heading.text() == "Licence to lend"  # type: ignore[union-attr]
    assert _agreement(window, "Licence to lend").partner_id == partner_id
