"""The record form read by a screen reader: partner rows named by their visible labels and
reached before Save and Cancel, and the calendar pop-up's days read as dates (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from brokerdesk.core.models import ProgrammePartner
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from tests.gui.conftest import Announcements

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
NAME = QAccessible.Text.Name


def _labels(widget: QWidget) -> list[str]:
    found = QAccessible.queryAccessibleInterface(widget).relations(QAccessible.RelationFlag.Label)
    return [label.text(NAME) for label, _flag in found]


@pytest.fixture
def form(qtbot: QtBot, window: MainWindow) -> Iterator[RecordForm]:
    """The form of a programme with two partners, shown (not modal: the test drives it)."""
    with window.ctx.db.read() as session:
        programme_id = session.scalar(
            select(ProgrammePartner.programme_id)
            .group_by(ProgrammePartner.programme_id)
            .having(func.count() == 2)
            .limit(1)
        )
    shown = RecordForm(window.ctx, "programme", programme_id, window)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.done(0)  # not reject(): that asks before dropping what a test typed
    shown.deleteLater()


def test_partner_rows_are_named_by_their_labels_and_come_before_save(
    qtbot: QtBot, form: RecordForm
) -> None:
    rows = form.extras["partners"]
    combos = [w for w in rows.widget.findChildren(QComboBox) if w.isVisible()]
    partners, roles = combos[0::2], combos[1::2]
    assert [_labels(p) for p in partners] == [["Partner 1:"], ["Partner 2:"]]
    assert [_labels(r) for r in roles] == [["Role of partner 1"], ["Role of partner 2"]]
    # Tab from the first partner walks both rows, then "Add a partner", then Save, Cancel.
    partners[0].setFocus()
    walked = [QApplication.focusWidget()]
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    removes = [b for b in rows.widget.findChildren(QPushButton) if b.text() == "Remove"]
    assert walked[:7] == [
        partners[0],
        roles[0],
        removes[0],
        partners[1],
        roles[1],
        removes[1],
        rows.add_button,
    ]
    # … and the whole form from its first field reaches them before Save and Cancel.
    form.editors["name"].focus_widget.setFocus()
    cycle = [QApplication.focusWidget()]
    while cycle[-1] is not form.save_button and len(cycle) < 60:
        qtbot.keyClick(cycle[-1], Qt.Key.Key_Tab)
        cycle.append(QApplication.focusWidget())
    assert cycle[-1] is form.save_button
    assert set(walked[:7]) <= set(cycle)


def test_the_calendar_pop_up_is_named_and_says_each_day_in_full(
    qtbot: QtBot, form: RecordForm, announcements: Announcements
) -> None:
    starts = form.editors["start_date"]
    starts.set_value(None)
    calendar = starts.calendar  # type: ignore[attr-defined]
    starts._menu.popup(starts.button.mapToGlobal(starts.button.rect().bottomLeft()))  # type: ignore[attr-defined]
    qtbot.waitUntil(calendar.isVisible)
    grid = calendar.findChild(QTableView)
    assert calendar.accessibleName() == "Starts calendar"
    assert grid.accessibleName() == "Days for Starts"
    assert calendar.selectedDate() == QDate(2026, 6, 15)  # an empty field starts at today
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    said = announcements.texts()[-1]
    assert "16" in said and "June" in said and "2026" in said
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert starts.value() == "16/06/2026"
    qtbot.waitUntil(lambda: not calendar.isVisible())
