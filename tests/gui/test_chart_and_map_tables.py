"""Charts and the map read as tables by keyboard (issue 17): Alt+B puts each chart's values
in a table in its place; the map's table is filtered and sorted from the keyboard, and each
value reads with its library service."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brokerdesk.core import coverage, vocabulary
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.dashboard import DashboardPage

NAME = QAccessible.Text.Name


@pytest.fixture
def dashboard(qtbot: QtBot, window: MainWindow) -> Iterator[DashboardPage]:
    window.open_list("dashboard")
    page = window.pages["dashboard"]
    yield page
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=10_000)


def _cell(table, row: int, column: int):  # type: ignore[no-untyped-def]
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    cell = QAccessible.queryAccessibleInterface(table).focusChild()
    assert cell is not None
    return cell


def test_alt_b_shows_each_chart_as_a_table_of_its_values(
    qtbot: QtBot, window: MainWindow, dashboard: DashboardPage
) -> None:
    charts = dashboard.charts
    dashboard.tabs.setCurrentWidget(charts)
    qtbot.waitUntil(lambda: bool(charts.tables), timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    charts.as_tables.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(charts.as_tables.isChecked)
    for key, place in charts.places.items():
        assert place.currentWidget() is charts.tables[key]
    stages = charts.tables["stages"]
    assert stages.accessibleName() == "Participations by stage: table"
    expected = coverage.participations_by_stage(window.ctx.db)
    shown = {r.cells[0]: r.cells[1] for r in stages.source.rows}
    labels = {vocabulary.label(vocabulary.STAGE_LABELS, s): n for s, n in expected.items()}
    assert shown == labels
    cell = _cell(stages, 0, 1)
    about = cell.tableCellInterface()
    assert [h.text(NAME) for h in about.rowHeaderCells()] == [stages.source.rows[0].cells[0]]
    assert [h.text(NAME) for h in about.columnHeaderCells()] == ["Participations"]
    programmes = charts.tables["programmes"].source
    assert programmes.headers[0] == "Offer area" and programmes.headers[-1] == "Total"
    for row in programmes.rows:
        assert row.cells[-1] == sum(row.cells[1:-1])
    qtbot.keyClick(charts.as_tables, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not charts.as_tables.isChecked())
    assert all(p.currentWidget() is charts.views[k] for k, p in charts.places.items())


def test_the_map_table_is_found_in_and_sorted_by_keyboard(
    qtbot: QtBot, dashboard: DashboardPage
) -> None:
    tab = dashboard.map
    dashboard.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.model().rowCount() > 100, timeout=10_000)
    tab.find_field.setFocus()
    qtbot.keyClicks(tab.find_field, "north")
    model = tab.table.model()

    def shown() -> list[int]:
        return [r for r in range(model.rowCount()) if not tab.table.isRowHidden(r)]

    found = [[str(model.index(r, c).data()) for c in range(3)] for r in shown()]
    assert found and all(any("north" in v.casefold() for v in row) for row in found)
    assert len(found) < len(tab.table.source.rows)
    tab.sort_by.setFocus()
    qtbot.keyClick(tab.sort_by, Qt.Key.Key_Down)  # Region
    regions = [str(model.index(r, 1).data()) for r in shown()]
    assert regions == sorted(regions)
    assert all(
        "north" in " ".join(str(model.index(r, c).data()) for c in range(3)).casefold()
        for r in shown()
    )  # still only what was asked for, after sorting
    assert tab.table.horizontalHeader().sortIndicatorSection() == 1
    cell = _cell(tab.table, 0, 2)  # a Value: read with the service it belongs to
    headers = cell.tableCellInterface().rowHeaderCells()
    assert [h.text(NAME) for h in headers] == [str(model.index(0, 0).data())]
