"""A record page by keyboard and screen reader: it takes the focus at its heading when it
opens, Tab reads its details, and Ctrl+I logs an interaction wherever the focus is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.models import Partner, Programme
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
CTRL = Qt.KeyboardModifier.ControlModifier
NAME = QAccessible.Text.Name


def said(widget: object) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(NAME)  # type: ignore[arg-type]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: object = None) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    widget = QApplication.focusWidget() or window
    qtbot.keyClick(widget, key, modifiers or Qt.KeyboardModifier.NoModifier)  # type: ignore[arg-type]


def test_enter_in_a_list_opens_the_page_at_its_heading(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lists["partner"]
    page.table.setFocus()
    name = page.model.data(page.model.index(0, 0))
    press(qtbot, window, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    assert window.record_page is not None and focus is window.record_page.heading
    assert said(focus) == f"Partner: {name}"
    assert QAccessible.queryAccessibleInterface(focus).role() == QAccessible.Role.StaticText


def test_tab_from_the_heading_reads_the_programme_details(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        programme_id, target = session.execute(
            select(Programme.id, Programme.target_services)
            .where(Programme.target_services.is_not(None))
            .limit(1)
        ).one()
    window.open_record("programme", programme_id)
    heard = []
    for _ in range(16):
        heard.append(said(QApplication.focusWidget()))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert heard[0].startswith("Programme: ")
    assert heard.index("Edit…") < heard.index("Delete…")
    reach = next(h for h in heard if h.startswith("Library services: "))
    assert reach.endswith(f" of a target of {target:,}")
    assert heard.index(reach) > heard.index("Log interaction…")  # buttons, then details


def test_after_saving_a_new_partner_its_page_has_the_focus(
    qtbot: QtBot, window: MainWindow
) -> None:
    def fill(form: RecordForm) -> None:
        name = form.editors["name"].focus_widget
        assert isinstance(name, QLineEdit)
        qtbot.keyClicks(name, "Sight Matters UK")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)

    driver = ModalDriver(RecordForm, fill)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    driver.check()
    page = window.record_page
    assert page is not None and page.heading.text() == "Sight Matters UK"
    assert window.focusWidget() is page.heading  # the focus once the window is active again
    window.activateWindow()  # the window manager's part: offscreen, nobody else does it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.heading)
    assert said(page.heading) == "Partner: Sight Matters UK"


def test_ctrl_i_logs_an_interaction_with_the_focus_in_the_navigation(
    qtbot: QtBot, window: MainWindow
) -> None:
    with window.ctx.db.read() as session:
        partner_id = session.scalar(select(Partner.id).order_by(Partner.name).limit(1))
    window.open_record("partner", partner_id)
    window.navigation.setFocus()
    seen: list[str] = []

    def look(form: RecordForm) -> None:
        seen.append(form.windowTitle())
        form.done(0)

    driver = ModalDriver(RecordForm, look)
    press(qtbot, window, Qt.Key.Key_I, CTRL)
    driver.check()
    assert seen == ["New interaction"]


def test_ctrl_i_belongs_to_the_page_on_screen_only(qtbot: QtBot, window: MainWindow) -> None:
    """Back on a list, the page left behind (hidden, kept for Forward) logs nothing."""
    with window.ctx.db.read() as session:
        partner_id = session.scalar(select(Partner.id).order_by(Partner.name).limit(1))
    window.open_record("partner", partner_id)
    window.go_back()
    assert window.record_page is not None and not window.record_page.isVisible()
    window.lists["partner"].table.setFocus()
    press(qtbot, window, Qt.Key.Key_I, CTRL)
    qtbot.wait(100)
    assert not any(
        isinstance(w, RecordForm) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
