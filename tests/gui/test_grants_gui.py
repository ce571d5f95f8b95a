"""Grants in the window: a new grant from the Grants list's form, its deliverables worked on
its page by keyboard (D marks done, undoable), and the funder's page showing what is due."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core import clock
from brokerdesk.core.models import Deliverable, Grant, Partner, Programme
from brokerdesk.gui.dialogs.parties import LinkedRecords
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.grant import GrantPage
from brokerdesk.gui.views.pages.partner import PartnerPage
from tests.gui.drive import ModalDriver

pytestmark = [
    pytest.mark.date_sensitive,
    pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard"),
]


def test_a_new_grant_with_a_deliverable_marked_done_by_one_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    with window.ctx.db.read() as session:
        funder = session.scalar(select(Partner.id).where(Partner.name == "Lantern Arts Fund"))
        programme, name = session.execute(
            select(Programme.id, Programme.name).order_by(Programme.name).limit(1)
        ).one()
    window.open_list("funding_grant")
    assert window.current_list() is not None
    assert window.current_list().accessibleName() == "Grants list"  # type: ignore[union-attr]

    def fill(form: RecordForm) -> None:
        assert form.windowTitle() == "New grant"
        title = form.editors["title"].focus_widget
        assert isinstance(title, QLineEdit)
        qtbot.keyClicks(title, "Reading Friends 2027")
        form.editors["partner_id"].set_value(funder)
        funded = form.extras["programme_ids"]
        assert isinstance(funded, LinkedRecords)
        assert funded.widget.accessibleName() == "Programmes funded"
        funded.add_button.click()  # a row to choose the programme in, by typing its name
        editor = funded._rows[-1][1]
        editor.set_value(programme)
        assert editor.focus_widget.accessibleName() == "Programme 1"
        assert name in editor.focus_widget.currentText()  # type: ignore[attr-defined]
        form.save_button.click()

    driver = ModalDriver(RecordForm, fill)
    window.new_record()
    driver.check()
    with window.ctx.db.read() as session:
        grant = session.scalars(select(Grant).where(Grant.title == "Reading Friends 2027")).one()
        assert (grant.currency, grant.status, [p.id for p in grant.programmes]) == (
            "GBP",
            "applied",
            [programme],
        )
        grant_id = grant.id

    window.open_record("funding_grant", grant_id)
    page = window.record_page
    assert isinstance(page, GrantPage)
    due = clock.today() + dt.timedelta(days=10)

    def deliverable(form: RecordForm) -> None:
        assert form.windowTitle() == "New deliverable"
        title = form.editors["title"].focus_widget
        assert isinstance(title, QLineEdit)
        qtbot.keyClicks(title, "Interim report")
        form.editors["due_on"].set_value(due)
        form.save_button.click()

    driver = ModalDriver(RecordForm, deliverable)
    page.add_deliverable()
    driver.check()
    assert page.deliverables.rows_model.rowCount() == 1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page.deliverables.setFocus()
    qtbot.keyClick(page.deliverables, Qt.Key.Key_D)

    def done_on() -> dt.date | None:
        with window.ctx.db.read() as session:
            return session.scalar(
                select(Deliverable.done_on).where(Deliverable.grant_id == grant_id)
            )

    assert done_on() == clock.today()
    assert page.deliverables.rows_model.row_at(0)["state"] == "done"
    window.ctx.undo_stack.undo()
    assert done_on() is None

    window.open_record("partner", funder)
    partner = window.record_page
    assert isinstance(partner, PartnerPage)
    grants = [r["title"] for r in partner.grants.rows_model.rows]
    assert "Reading Friends 2027" in grants
    due_rows = [(r["title"], r["grant"]) for r in partner.grant_deliverables.rows_model.rows]
    assert ("Interim report", "Reading Friends 2027") in due_rows
    titles = [partner.tabs.tabText(i) for i in range(partner.tabs.count())]
    assert any(t.startswith("Deliverables due (") for t in titles)
