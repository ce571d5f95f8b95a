"""Amounts in the window: a euro agreement typed on the form by keyboard reads "€5,000.00" in
the Agreements list and the grants list shows a euro grant in euros; Group by totals each
currency apart."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.models import Agreement, Partner
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def _cell(window: MainWindow, entity: str, title: str, key: str) -> Any:
    page = window.lists[entity]
    model = page.model
    keys = [c.key for c in page.record_list.columns]
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    for row in range(model.rowCount()):
        if model.index(row, keys.index("title")).data() == title:
            return model.index(row, keys.index(key))
    raise AssertionError(f"{title} is not in the list")


def test_a_euro_agreement_reads_in_euros(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        partner = session.scalar(select(Partner.id).where(Partner.name == "Lantern Arts Fund"))
    window.open_list("agreement")

    def fill(form: RecordForm) -> None:
        title = form.editors["title"].focus_widget
        assert isinstance(title, QLineEdit)
        qtbot.keyClicks(title, "Euro pilot")
        form.editors["partner_id"].set_value(partner)
        currency = form.editors["currency"].focus_widget
        assert isinstance(currency, QComboBox)
        assert currency.accessibleName().startswith("Currency")
        assert currency.currentText() == "GBP – pound sterling (£)"  # pounds unless told
        currency.setFocus()
        qtbot.keyClicks(currency, "EUR")  # typed, as a keyboard user picks an item
        assert currency.currentData() == "EUR"
        value = form.editors["value"].focus_widget
        assert isinstance(value, QLineEdit)
        qtbot.keyClicks(value, "5,000")
        form.save_button.click()

    driver = ModalDriver(RecordForm, fill)
    window.new_record()
    driver.check()
    with window.ctx.db.read() as session:
        saved = session.scalars(select(Agreement).where(Agreement.title == "Euro pilot")).one()
        assert (str(saved.value), saved.currency) == ("5000.00", "EUR")
    window.open_list("agreement")
    cell = _cell(window, "agreement", "Euro pilot", "value")
    qtbot.waitUntil(lambda: cell.data() == "€5,000.00")
    assert cell.data(ACCESSIBLE) == "Value: €5,000.00"


def test_the_grants_list_and_group_by_keep_currencies_apart(
    qtbot: QtBot, window: MainWindow
) -> None:
    services = window.ctx.services
    with window.ctx.db.read() as session:
        funder = session.scalar(select(Partner.id).where(Partner.name == "Lantern Arts Fund"))
    services.grants.create(
        {"title": "Euro makerspaces", "partner_id": funder, "amount": "12500", "currency": "EUR"}
    )
    window.open_list("funding_grant")
    assert _cell(window, "funding_grant", "Euro makerspaces", "amount").data() == "€12,500.00"

    view = window.grouping.views["funding_grant"]
    view.box.setFocus()
    qtbot.waitUntil(lambda: view.box.hasFocus())
    while view.box.currentData() != "funder":
        qtbot.keyClick(view.box, Qt.Key.Key_Down)
    # the groups are worked out in a worker: wait for them
    qtbot.waitUntil(lambda: any(g.label == "Lantern Arts Fund" for g in view.model.groups))
    group = next(g for g in view.model.groups if g.label == "Lantern Arts Fund")
    row = view.model.groups.index(group)
    amount = [c.key for c in view.model.columns].index("amount")
    said = view.model.index(row, amount).data(ACCESSIBLE)
    # the demo's euro grant and this one, summed apart from the pounds
    assert re.fullmatch(r"Amount, total for Lantern Arts Fund: £[\d,]+\.00 \+ €30,500\.00", said)
    assert re.search(r"Amount £[\d,]+\.\d\d \+ €[\d,]+\.\d\d", view.total.text())


def test_a_currency_no_longer_offered_is_shown_not_replaced(qtbot: QtBot) -> None:
    """An older database's agreement in a code the list lacks keeps it on the form, so
    saving refuses it with a sentence instead of quietly making it pounds."""
    from PySide6.QtWidgets import QWidget

    from brokerdesk.core.services.agreements import AgreementService
    from brokerdesk.gui.dialogs.editors import make_editor

    host = QWidget()
    qtbot.addWidget(host)
    field = next(f for f in AgreementService.fields if f.name == "currency")
    editor = make_editor(field, host, lambda _name: [])
    editor.set_value("EUR")
    assert editor.value() == "EUR"
    editor.set_value("JPY")
    assert editor.value() == "JPY"
    combo = editor.focus_widget
    assert isinstance(combo, QComboBox) and combo.currentText() == "JPY"
