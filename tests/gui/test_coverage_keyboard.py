"""The coverage matrix by keyboard and screen reader alone (SCENARIOS task 3, issue 17).

Enter or Space on a cell fills the gap list and says what it holds; each cell reads with its
offer area (row header) and region (column header); Tab reaches the matrix before the lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import Database
from brokerdesk.gui.views.dashboard import DashboardPage
from tests.builders import small_world
from tests.gui.conftest import Announcements
from tests.gui.test_dashboard import make_page

NAME = QAccessible.Text.Name


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, world: small_world.World, tmp_path: Path
) -> Iterator[DashboardPage]:
    from tests.core.test_coverage import add_programme

    a, s = world.offer_areas, world.services
    add_programme(
        db,
        "Reading Friends",
        a["reading"],
        "live",
        {s["E06000023"]: "signed_up", s["E08000003"]: "active", s["E08000012"]: "interested"},
    )
    shown = make_page(qtbot, db, tmp_path)
    shown.tabs.setCurrentWidget(shown.coverage)
    yield shown
    qtbot.waitUntil(lambda: not shown.ctx.tasks.busy)


def _go_to(qtbot: QtBot, page: DashboardPage, area: str, region: str) -> None:
    """From the matrix's first cell, walk with the arrow keys to (area, region)."""
    table = page.coverage.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    row = [r.cells[0] for r in table.source.rows].index(area)
    column = table.source.headers.index(region)
    for _ in range(row):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (row, column)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space], ids=["Enter", "Space"])
def test_enter_or_space_on_a_cell_fills_the_gap_list_and_says_so(
    qtbot: QtBot, page: DashboardPage, announcements: Announcements, key: Qt.Key
) -> None:
    coverage = page.coverage
    assert coverage.missing.source.rows == []
    _go_to(qtbot, page, "Reading", "North West")
    qtbot.keyClick(coverage.table, key)
    assert [r.cells[0] for r in coverage.missing.source.rows] == [
        "Blackburn with Darwen",
        "Liverpool",
    ]
    said = "Reading in North West: 1 covered, 2 missing"
    assert coverage.detail_title.text() == said
    assert announcements.texts()[-1] == said


def test_a_cell_reads_with_its_offer_area_and_region(qtbot: QtBot, page: DashboardPage) -> None:
    _go_to(qtbot, page, "Reading", "North West")
    table = QAccessible.queryAccessibleInterface(page.coverage.table)
    cell = table.focusChild()
    assert cell is not None and cell.role() == QAccessible.Role.Cell
    assert cell.text(NAME) == "Reading, North West: 1 of 3 member services covered (33%)"
    about = cell.tableCellInterface()
    assert [h.text(NAME) for h in about.rowHeaderCells()] == ["Reading"]
    assert [h.text(NAME) for h in about.columnHeaderCells()] == ["North West"]


def test_tab_reaches_the_matrix_before_the_gap_list(qtbot: QtBot, page: DashboardPage) -> None:
    coverage = page.coverage
    coverage.export_button.setFocus()
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [coverage.table, coverage.missing, coverage.covered]


def test_every_editable_box_names_the_field_inside_it(qtbot: QtBot, page: DashboardPage) -> None:
    page.tabs.setCurrentWidget(page.suggestions)
    qtbot.waitUntil(lambda: not page.suggestions.loading)
    editable = [c for c in page.findChildren(QComboBox) if c.isEditable()]
    assert len(editable) >= 2  # the Suggestions tab's service and programme boxes
    for combo in editable:
        line = combo.lineEdit()
        assert combo.accessibleName() and line.accessibleName() == combo.accessibleName()
