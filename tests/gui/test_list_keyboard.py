"""Every list by keyboard and screen reader: Tab walks out of the table instead of being
trapped in it, and each filter is named by the label the eye reads beside it (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QCheckBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from brokerdesk.gui.main_window import NAVIGATION, MainWindow

NAME, VALUE = QAccessible.Text.Name, QAccessible.Text.Value


def _label_of(widget: QWidget) -> list[str]:
    """What a screen reader on Linux names a box by: its Label relations (Orca reads the
    combo box's own Name as its current value)."""
    found = QAccessible.queryAccessibleInterface(widget).relations(QAccessible.RelationFlag.Label)
    return [label.text(NAME) for label, _flag in found]


@pytest.mark.parametrize("entity", [entity for entity, _plural in NAVIGATION])
def test_tab_walks_search_filters_group_by_columns_table_and_out(
    qtbot: QtBot, window: MainWindow, entity: str
) -> None:
    window.open_list(entity)
    page = window.lists[entity]
    page.search.setFocus()
    group_by = window.grouping.views[entity].box
    expected = [*page._filter_widgets.values(), group_by, page.columns_button, page.table]
    walked = []
    for _ in range(len(expected) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked[:-1] == expected
    assert walked[-1] is window.navigation  # out of the table: no trap
    qtbot.keyClick(window.navigation, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.columns_button


def test_every_filter_is_named_by_its_visible_label(window: MainWindow) -> None:
    named = 0
    for page in window.lists.values():
        for flt in page.record_list.filters:
            widget = page._filter_widgets[flt.key]
            if isinstance(widget, QCheckBox):
                assert widget.text() == flt.label  # its own visible text names it
                continue
            assert _label_of(widget) == [f"{flt.label}:"], (page.entity, flt.key)
            named += 1
    assert named >= 12  # the fourteen filters the issue counted, less the check boxes


def test_the_days_filter_reads_any_while_it_shows_any(qtbot: QtBot, window: MainWindow) -> None:
    page = window.lists["partner"]
    spin = next(w for w in page._filter_widgets.values() if isinstance(w, QSpinBox))
    said = QAccessible.queryAccessibleInterface(spin)
    assert _label_of(spin) == ["Not contacted for (days):"]
    assert spin.text() == "any" and said.text(VALUE) == "any"
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "120")
    assert said.text(VALUE) == "120 days"
    qtbot.waitUntil(lambda: page.model.state.filters.get("no_contact_days") == 120)


def test_export_button_comes_before_columns_once_a_partner_is_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.lists["partner"]
    export = page.findChild(QWidget, "export-summaries-button")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # choose the current row
    assert export.isEnabled()
    last_filter = list(page._filter_widgets.values())[-1]
    last_filter.setFocus()
    group_by = page.findChild(QWidget, "group-by-partner")
    walked = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [export, group_by, page.columns_button, page.table]
